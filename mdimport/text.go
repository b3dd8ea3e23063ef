package mdimport

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slug makes an ID of at most words words: lower-case ASCII letters,
// digits and "-" ("Roundtable One: Lessons" → "roundtable-one-lessons").
func slug(s string, words int) string {
	var b strings.Builder
	n := 0
	dash := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ı':
			r = 'i'
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ø', 'Ø':
			r = 'o'
		case 'æ', 'Æ':
			b.WriteString("ae")
			continue
		case 'đ', 'Đ':
			r = 'd'
		case 'ł', 'Ł':
			r = 'l'
		}
		r = unicode.ToLower(r)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				n++
				if n >= words {
					break
				}
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '’' {
			continue
		}
		dash = true
	}
	return b.String()
}

// honorifics are left out of a speaker's ID.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "h.e": true, "he": true,
	"sir": true, "dame": true, "mme": true, "m": true, "hon": true, "amb": true,
}

// speakerID is the last word of a speaker's name, without honorifics:
// "H.E. Erkin Mukhitdinov" → "mukhitdinov".
func speakerID(name string) string {
	words := strings.Fields(name)
	for i := len(words) - 1; i >= 0; i-- {
		w := strings.ToLower(strings.Trim(words[i], ".,"))
		if honorifics[w] || honorifics[strings.ReplaceAll(w, ".", "")] {
			continue
		}
		if s := slug(words[i], 1); s != "" {
			return s
		}
	}
	return ""
}

// upper reports whether s has letters and all of them are capitals.
func upper(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			has = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return has
}

// sentenceCase turns a heading in capitals into sentence case, keeping
// words as the body text writes them: when the body has the whole heading
// ("World Migration Report 2020"), its form; else word by word, an
// acronym the body writes in capitals stays in capitals (GCM), a word the
// body always capitalises stays capitalised (Kazakhstan), others are
// lower-cased. A heading not all in capitals is kept as written.
func sentenceCase(h string, body []string) string {
	if !upper(h) {
		return h
	}
	low := strings.ToLower(h)
	for _, t := range body {
		if i := strings.Index(strings.ToLower(t), low); i >= 0 && len(strings.ToLower(t)) == len(t) {
			cand := t[i : i+len(h)]
			if wordBoundary(t, i, i+len(h)) && !upper(cand) {
				return capitalise(cand)
			}
		}
	}
	words := strings.Fields(h)
	forms := bodyForms(body)
	for i, w := range words {
		core := strings.Trim(w, ".,:;!?()«»\"'")
		if core == "" {
			continue
		}
		var repl string
		if f, ok := forms[strings.ToLower(core)]; ok && f != "" {
			repl = f
		} else {
			repl = strings.ToLower(core)
		}
		if i == 0 {
			repl = capitalise(repl)
		}
		words[i] = strings.Replace(w, core, repl, 1)
	}
	return strings.Join(words, " ")
}

func wordBoundary(s string, i, j int) bool {
	if i > 0 {
		r := []rune(s[:i])
		if unicode.IsLetter(r[len(r)-1]) {
			return false
		}
	}
	if j < len(s) {
		r := []rune(s[j:])
		if unicode.IsLetter(r[0]) {
			return false
		}
	}
	return true
}

// bodyForms maps each lower-cased word of the body to the one form it
// has everywhere but at the start of a sentence, or "" when it has
// several.
func bodyForms(body []string) map[string]string {
	forms := map[string]string{}
	for _, t := range body {
		words := strings.Fields(t)
		for i, w := range words {
			core := strings.Trim(w, ".,:;!?()«»\"'*[]")
			if core == "" {
				continue
			}
			if i == 0 || strings.HasSuffix(words[i-1], ".") {
				continue // sentence start
			}
			k := strings.ToLower(core)
			if f, ok := forms[k]; ok && f != core {
				if upper(f) && !upper(core) || !upper(f) && upper(core) {
					// An acronym written once in lower case keeps its
					// capitals (GCM, "gcm-related" is rare); otherwise
					// lower case wins.
					if upper(f) {
						continue
					}
					forms[k] = core
					continue
				}
				forms[k] = ""
				continue
			}
			if _, ok := forms[k]; !ok {
				forms[k] = core
			}
		}
	}
	// A word the body writes in lower case is lower-cased.
	for k, f := range forms {
		if f == k {
			forms[k] = ""
		}
	}
	return forms
}

func capitalise(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// hasLetter reports whether s has a letter: a table cell without one is
// not a message.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
