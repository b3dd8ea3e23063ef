package mdimport

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ref is one reference of an annex label: "Annex 6.2: Courtesy
// Translation to Russian" is group 6, item 2 (0 is the first), languages
// ru, a courtesy translation.
type ref struct {
	group, item int
	langs       []string
	courtesy    bool
}

// parseLabel reads an annex label without its parentheses: "Annex 1:
// English and Annex 1.1: Courtesy Translation to Russian". bad lists
// what it could not read.
func parseLabel(s string) (refs []ref, bad []string) {
	parts := strings.Split(s, "Annex")
	if strings.TrimSpace(parts[0]) != "" {
		bad = append(bad, strings.TrimSpace(parts[0]))
	}
	for _, part := range parts[1:] {
		part = strings.TrimSpace(part)
		part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(part, ",")), " and"))
		part = strings.TrimSuffix(strings.TrimSpace(part), ",")
		part = strings.TrimLeft(part, ": ")
		// The number: "6", "6.1", "6.1.", then ":" or ".".
		i := 0
		for i < len(part) && (part[i] >= '0' && part[i] <= '9' || part[i] == '.') {
			i++
		}
		num := strings.TrimRight(part[:i], ".")
		rest := strings.TrimSpace(strings.TrimLeft(part[i:], ":. "))
		g, it, ok := annexNumber(num)
		if !ok || rest == "" {
			bad = append(bad, "Annex "+part)
			continue
		}
		r := ref{group: g, item: it}
		low := strings.ToLower(rest)
		if after, ok := strings.CutPrefix(low, "courtesy translation to "); ok {
			r.courtesy = true
			rest = rest[len(rest)-len(after):]
		}
		for _, name := range splitNames(rest) {
			tag, ok := languageByName(name)
			if !ok {
				bad = append(bad, "language "+name)
				continue
			}
			r.langs = append(r.langs, tag)
		}
		if len(r.langs) == 0 {
			continue
		}
		refs = append(refs, r)
	}
	return refs, bad
}

// annexNumber reads "6" (item 0) or "6.2" (item 2).
func annexNumber(s string) (group, item int, ok bool) {
	a, b, dot := strings.Cut(s, ".")
	g, err := strconv.Atoi(a)
	if err != nil || g < 1 {
		return 0, 0, false
	}
	if !dot {
		return g, 0, true
	}
	it, err := strconv.Atoi(b)
	if err != nil || it < 1 {
		return 0, 0, false
	}
	return g, it, true
}

// splitNames splits "English, French and Russian".
func splitNames(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		for _, b := range strings.Split(a, " and ") {
			if b = strings.TrimSpace(b); b != "" {
				out = append(out, b)
			}
		}
	}
	return out
}

var (
	namesOnce sync.Once
	names     map[string]string
)

// languageByName returns the BCP 47 tag of an English language name
// ("Uzbek" → "uz"), as the annex labels write them (CLDR names).
func languageByName(name string) (string, bool) {
	namesOnce.Do(func() {
		names = map[string]string{}
		en := display.English.Languages()
		for a := 'a'; a <= 'z'; a++ {
			for b := 'a'; b <= 'z'; b++ {
				tag, err := language.Parse(string([]rune{a, b}))
				if err != nil {
					continue
				}
				if n := en.Name(tag); n != "" {
					if _, dup := names[strings.ToLower(n)]; !dup {
						names[strings.ToLower(n)] = tag.String()
					}
				}
			}
		}
	})
	t, ok := names[strings.ToLower(strings.TrimSpace(name))]
	return t, ok
}

// annexItemLine reads a line of the list of annexes: "6.1 English
// (translation)", "10.3 Turkmen (courtesy translation of 10.2)", and
// after the kind, as the list of annexes shows it, the item's own title:
// "3.1 English (original): Data tables".
func annexItemLine(s string) (kind string, langs []string, translates int, title string, ok bool) {
	num, rest, _ := strings.Cut(strings.TrimSpace(s), " ")
	open, end := itemKind(rest)
	if open < 0 {
		return "", nil, 0, "", false
	}
	k := strings.ToLower(strings.TrimSpace(rest[open+1 : end]))
	title = strings.TrimSpace(strings.TrimPrefix(rest[end+1:], ":"))
	if before, of, found := strings.Cut(k, " of "); found {
		_, it, okn := annexNumber(strings.TrimSpace(of))
		g, _, _ := annexNumber(num)
		if g2, _, _ := annexNumber(strings.TrimSpace(of)); okn && g2 == g {
			translates = it + 1
		}
		k = before
	}
	switch k {
	case "original":
		kind = "original"
	case "translation":
		kind = "translation"
	case "courtesy translation":
		kind = "courtesy-translation"
	default:
		return "", nil, 0, "", false
	}
	for _, n := range splitNames(rest[:open]) {
		t, okl := languageByName(n)
		if !okl {
			return "", nil, 0, "", false
		}
		langs = append(langs, t)
	}
	return kind, langs, translates, title, len(langs) > 0
}

// itemKind finds the parentheses holding an annex item's kind in a line
// of the list of annexes after its number: the first pair followed by
// the end of the line or by ": " and a title. It returns -1 when there is
// none.
func itemKind(rest string) (open, end int) {
	for i := 0; i < len(rest); i++ {
		if rest[i] != '(' {
			continue
		}
		j := strings.IndexByte(rest[i:], ')')
		if j < 0 {
			break
		}
		after := rest[i+j+1:]
		if strings.TrimSpace(after) == "" || strings.HasPrefix(after, ":") {
			return i, i + j
		}
	}
	return -1, -1
}

// itemTitle returns the title after the kind in a line of the list of
// annexes of a translation, whose language and kind names it cannot
// read: what follows the first ")" that ": " follows.
func itemTitle(s string) string {
	if _, t, ok := strings.Cut(s, "): "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}
