package document

// Annex numbering and labels.
//
// An annex gets its number from the order in which the report first refers
// to it (sections, then blocks, then the keys of a block's annexes list);
// its items are numbered N, N.1, N.2 … in the order the register lists
// them. Nothing is typed by hand, so moving a speaker renumbers the annexes
// and every label follows.
//
// A label is composed per language from catalog messages:
//
//	annex.ref           "Annex {{.Number}}: {{.Languages}}"
//	annex.ref-courtesy  "Annex {{.Number}}: Courtesy Translation to {{.Languages}}"
//	annex.languages     plural on the number of languages: "{{.Names}}"
//	list.*              joining ("A, B and C")
//	annex.refs          "({{.Refs}})"
//
// with language names from CLDR (golang.org/x/text/language/display).

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
)

// numberAnnexes returns each referenced annex's number, by order of first
// reference.
func numberAnnexes(r *sources.Report) map[string]int {
	numbers := map[string]int{}
	for _, s := range r.Sections {
		for _, b := range s.Blocks {
			for _, key := range b.Annexes {
				if _, ok := numbers[key]; !ok {
					numbers[key] = len(numbers) + 1
				}
			}
		}
	}
	return numbers
}

// itemNumber returns "N" for the first item of annex N and "N.i" for the
// (i+1)-th.
func itemNumber(n, i int) string {
	if i == 0 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d.%d", n, i)
}

// anchor is the link destination of an annex's entry in the list.
func anchor(key string) string { return "annex-" + key }

func (rs *resolver) annex(key string) *sources.Annex {
	for i := range rs.r.Annexes {
		if rs.r.Annexes[i].Key == key {
			return &rs.r.Annexes[i]
		}
	}
	return nil
}

// languages returns the localized, joined names of langs, inflected by
// count through annex.languages.
func (rs *resolver) languages(langs []string) string {
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = languageName(rs.lang, language.Make(l))
	}
	return rs.plural("annex.languages", len(names), map[string]any{"Names": rs.join(names)})
}

// itemRef is the reference to one item, e.g. "Annex 6.1: English".
func (rs *resolver) itemRef(number string, it sources.Item) string {
	id := "annex.ref"
	if it.Kind == sources.KindCourtesyTranslation {
		id = "annex.ref-courtesy"
	}
	return tieNumber(rs.text(id, map[string]any{"Number": number, "Languages": rs.languages(it.Languages)}), number)
}

// tieNumber replaces the space before the first number in s with a
// no-break space, so that a line never breaks between "Annex" (or
// «Приложение») and its number.
func tieNumber(s, number string) string {
	if i := strings.Index(s, " "+number); i >= 0 {
		return s[:i] + "\u00a0" + s[i+1:]
	}
	return s
}

// annexLabel composes the italic label of a block's annex references, each
// reference linked to its annex's entry in the list.
func (rs *resolver) annexLabel(keys []string, numbers map[string]int) []markup.Span {
	// Composed with marks where a message falls back.
	marking, marked := rs.marking, rs.marked
	rs.marking, rs.marked = true, false
	defer func() { rs.marking, rs.marked = marking, marked || rs.marked }()
	var refs []string
	// "Annex 4: English and Russian and Annex 4.1: …" is ambiguous: when
	// an item lists several languages, the references are joined by
	// commas alone (list.unit).
	several := false
	for _, key := range keys {
		a := rs.annex(key)
		if a == nil {
			continue // reported by sources
		}
		for i, it := range a.Items {
			ref := escape(rs.itemRef(itemNumber(numbers[key], i), it))
			refs = append(refs, fmt.Sprintf("[%s](%s%s)", ref, AnchorPrefix, anchor(key)))
			several = several || len(it.Languages) > 1
		}
	}
	joined := rs.join(refs)
	if several && len(refs) > 1 {
		joined = rs.joinUnits(refs)
	}
	label := rs.text("annex.refs", map[string]any{"Refs": joined})
	spans, err := markup.Parse(label)
	if err != nil {
		rs.errorf("annex.refs", "the composed annex label %q is not valid: %v", label, err)
		return nil
	}
	if rs.marked {
		spans = rs.unmark(spans)
	}
	spans = withStyle(spans, markup.Italic)
	return append([]markup.Span{{Text: " ", Style: markup.Bold}}, spans...)
}

// escape protects text inserted into markup.
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `[`, `\[`, `]`, `\]`, `<`, `\<`)
	return r.Replace(s)
}

// join joins items with the language's list patterns.
func (rs *resolver) join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return rs.text("list.pair", map[string]any{"First": items[0], "Second": items[1]})
	}
	// CLDR: start(a, middle(b, … end(y, z))).
	n := len(items)
	acc := rs.text("list.end", map[string]any{"First": items[n-2], "Second": items[n-1]})
	if n > 3 {
		acc = rs.middles(items[1:n-2], acc)
	}
	return rs.text("list.start", map[string]any{"First": items[0], "Second": acc})
}

// joinUnits joins items with commas alone, the language's list.unit
// pattern ("a, b, c"), for items that hold "and" themselves:
// unit(unit(a, b), c) …, built in one pass as middles does.
func (rs *resolver) joinUnits(items []string) string {
	pre, sep, suf, ok := rs.pairPattern("list.unit")
	if !ok {
		acc := items[0]
		for _, it := range items[1:] {
			acc = rs.text("list.unit", map[string]any{"First": acc, "Second": it})
		}
		return acc
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(pre, len(items)-1))
	b.WriteString(items[0])
	for _, it := range items[1:] {
		b.WriteString(sep)
		b.WriteString(it)
		b.WriteString(suf)
	}
	return b.String()
}

// middles returns middle(items[0], middle(items[1], … middle(items[k-1],
// last))). Applying the pattern once per item would copy the growing
// tail each time (quadratic in the items); the pattern is applied once to
// markers instead, split into its pieces, and the result built from them
// in one pass. A pattern that does not hold each marker once in that
// order is applied item by item.
func (rs *resolver) middles(items []string, last string) string {
	pre, sep, suf, ok := rs.pairPattern("list.middle")
	if !ok {
		acc := last
		for i := len(items) - 1; i >= 0; i-- {
			acc = rs.text("list.middle", map[string]any{"First": items[i], "Second": acc})
		}
		return acc
	}
	var b strings.Builder
	for _, it := range items {
		b.WriteString(pre)
		b.WriteString(it)
		b.WriteString(sep)
	}
	b.WriteString(last)
	b.WriteString(strings.Repeat(suf, len(items)))
	return b.String()
}

// pairPattern splits list pattern id ("{{.First}}, {{.Second}}") into
// the text before its first item, between the two and after the second,
// by applying it once to markers; ok is false when the pattern does not
// hold each item once, in that order.
func (rs *resolver) pairPattern(id string) (pre, sep, suf string, ok bool) {
	const first, second = "\x00first\x00", "\x00second\x00"
	pat := rs.text(id, map[string]any{"First": first, "Second": second})
	pre, rest, ok1 := strings.Cut(pat, first)
	sep, suf, ok2 := strings.Cut(rest, second)
	return pre, sep, suf, ok1 && ok2 && !strings.Contains(pre+sep+suf, "\x00")
}

// annexList builds the list of annexes in number order.
func (rs *resolver) annexList(numbers map[string]int) []Annex {
	keys := make([]string, 0, len(numbers))
	for k := range numbers {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return numbers[keys[i]] < numbers[keys[j]] })
	var out []Annex
	for _, key := range keys {
		a := rs.annex(key)
		if a == nil {
			continue
		}
		n := numbers[key]
		ax := Annex{
			Number: n,
			Key:    key,
			Anchor: anchor(key),
		}
		ax.Label, ax.LabelSpans = rs.composed(func() string {
			return tieNumber(rs.text("annexes.entry", map[string]any{"Number": n}), strconv.Itoa(n))
		})
		if a.Title != "" {
			ax.Title = rs.plain(fmt.Sprintf("%s.annex.%s.title", rs.r.ID, key))
		} else {
			// No title (loading warned): the key, the same in every
			// language, so that a draft shows which annex lacks one.
			ax.Title = Text{Text: key}
		}
		for i, it := range a.Items {
			num := itemNumber(n, i)
			item := AnnexItem{Number: num, URL: it.URL}
			item.Line, item.LineSpans = rs.composed(func() string {
				kind := rs.text("annexes.kind-"+it.Kind, nil)
				if t := it.Translates; t > 0 {
					// "courtesy translation of 10.2"
					kind = rs.text("annexes.kind-"+it.Kind+"-of", map[string]any{"Number": itemNumber(n, t-1)})
				}
				return rs.text("annexes.item", map[string]any{
					"Number":    num,
					"Languages": rs.languages(it.Languages),
					"Kind":      kind,
				})
			})
			switch {
			case it.Title != "" && it.TitleIsMessage():
				item.Title = rs.plain(fmt.Sprintf("%s.annex.%s.%d.title", rs.r.ID, key, i+1))
			case it.Title != "":
				// The same in every language: as written, in the
				// item's language.
				item.Title = Text{Text: it.Title}
				if l := rs.itemLang(it); l != rs.lang {
					item.Title.Lang = l.String()
				}
			}
			if it.Note != "" {
				item.Note = rs.plain(fmt.Sprintf("%s.annex.%s.%d.note", rs.r.ID, key, i+1))
			}
			ax.Items = append(ax.Items, item)
		}
		out = append(out, ax)
	}
	return out
}

// itemLang is the language of the title of item it shown as written: its
// title-language, else the item's language when it is in one, else the
// report's source language, in which the report is written.
func (rs *resolver) itemLang(it sources.Item) language.Tag {
	if t, err := language.Parse(it.TitleLanguage); it.TitleLanguage != "" && err == nil {
		return t
	}
	if len(it.Languages) == 1 {
		if t, err := language.Parse(it.Languages[0]); err == nil {
			return t
		}
	}
	return rs.src
}

// languageName is the name of language of in language in, from CLDR, with
// the first letter as CLDR gives it ("French" in English, "французский" in
// Russian).
func languageName(in, of language.Tag) string {
	name := ""
	// CLDR has no names for some languages (display.Tags returns nil):
	// fall back to the language's own name for itself, then to its tag.
	if namer := display.Tags(in); namer != nil {
		name = namer.Name(of)
	}
	if name == "" {
		name = display.Self.Name(of)
	}
	if name == "" {
		return of.String()
	}
	return name
}
