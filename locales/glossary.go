package locales

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/tomlpos"
)

// Glossary is the list of terms whose translation is fixed
// (locales/glossary.toml). The file is TOML:
//
//	severity = "warning"          # or "error": what a missing rendering is (default warning)
//
//	[[term]]
//	note = "Almaty Process on Refugee Protection and International Migration"
//	en = "Almaty Process"         # the term as the source may write it: a string or a list
//	ru = ["Алматинский процесс"]  # acceptable renderings: a string or a list
//
//	[same]
//	fr = ["Annexes", "original"]  # texts a language writes as the source does
//
// A term table has a key per language (a BCP 47 tag) and an optional note.
// The source language's values are the term as it may appear in the
// source text; they match whole words, case-insensitively, ignoring
// punctuation between words ("UN Network on Migration" matches "UN
// Network on Migration's"). Another language's values are the renderings
// a translation may use, written in full; each word matches a word of the
// translation that begins with its stem (the word without its
// inflectional ending), in a row, case-insensitively with ё and е equal
// ("Алматинский процесс" matches "Алматинского процесса"; "ГДМ" matches
// "ГДМ"). Terms are looked for in prose only (the checker removes URLs,
// e-mail addresses and link targets first). A translation whose
// source contains a term must contain one of the renderings for its
// language; a language the term does not list is not checked.
//
// The [same] table lists, per language, texts that are written as in the
// source: a translation that equals its source text is not reported as
// probably untranslated when it is one of them (whole text, case
// ignored).
type Glossary struct {
	// File is the glossary's path as shown in diagnostics.
	File string
	// Severity is what a translation lacking a rendering gets.
	Severity diag.Severity
	Terms    []Term
	// Same holds the texts of [same] by language tag.
	Same map[string][]string
}

// IsSame reports whether text is written in lang as in the source
// language, by the [same] table.
func (g *Glossary) IsSame(lang language.Tag, text string) bool {
	if g == nil {
		return false
	}
	base, _ := lang.Base()
	for _, tag := range []string{lang.String(), base.String()} {
		for _, s := range g.Same[tag] {
			if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(text)) {
				return true
			}
		}
	}
	return false
}

// Term is one glossary entry.
type Term struct {
	// Note explains the term to translators.
	Note string
	// Forms are the term's values per language tag: the source
	// language's are the term, the others' its acceptable renderings.
	Forms map[string][]string
	// Line is where the term's table starts in the glossary file.
	Line int
}

// LoadGlossary reads the glossary name from fsys (file is its path in
// diagnostics). A missing file gives a nil glossary and no diagnostic.
func LoadGlossary(fsys fs.FS, name, file string) (*Glossary, diag.List) {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		var diags diag.List
		diags.Errorf(file, 0, 0, "", "%v", err)
		return nil, diags
	}
	return ParseGlossary(file, data)
}

// ParseGlossary decodes a glossary; file is its path in diagnostics. It
// returns the terms it could read even when there are errors.
func ParseGlossary(file string, data []byte) (*Glossary, diag.List) {
	var diags diag.List
	g := &Glossary{File: file, Severity: diag.Warning}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		p, msg := tomlpos.DecodeError(data, err)
		diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
		return g, diags
	}
	index := tomlpos.Build(data)
	at := func(path string) int {
		p, _ := index.Pos(path)
		return p.Line
	}
	keys := slices.Sorted(maps.Keys(raw))
	for _, k := range keys {
		switch v := raw[k]; k {
		case "severity":
			switch v {
			case "warning":
				g.Severity = diag.Warning
			case "error":
				g.Severity = diag.Error
			default:
				diags.Errorf(file, at(k), 0, "", "severity must be \"warning\" or \"error\"")
			}
		case "term":
			terms, ok := v.([]map[string]any)
			if !ok {
				diags.Errorf(file, at(k), 0, "", "term must be an array of tables: [[term]]")
				continue
			}
			for i, t := range terms {
				base := fmt.Sprintf("term[%d]", i)
				term := Term{Forms: map[string][]string{}, Line: at(base)}
				tkeys := slices.Sorted(maps.Keys(t))
				for _, tk := range tkeys {
					line := at(base + "." + tomlpos.QuoteKey(tk))
					if tk == "note" {
						s, ok := t[tk].(string)
						if !ok {
							diags.Errorf(file, line, 0, "", "note must be a string")
						}
						term.Note = s
						continue
					}
					tag, err := language.Parse(tk)
					if err != nil {
						diags.Errorf(file, line, 0, "", "%q is neither note nor a language tag", tk)
						continue
					}
					vals, ok := stringList(t[tk])
					if !ok || len(vals) == 0 {
						diags.Errorf(file, line, 0, "", "%s must be a string or a list of strings, not empty", tk)
						continue
					}
					for _, s := range vals {
						if len(words(s)) == 0 {
							diags.Errorf(file, line, 0, "", "%s: %q has no words", tk, s)
						}
					}
					term.Forms[tag.String()] = vals
				}
				if len(term.Forms) < 2 {
					diags.Errorf(file, term.Line, 0, "", "a term needs the source language and at least one translation")
				}
				g.Terms = append(g.Terms, term)
			}
		case "same":
			table, ok := v.(map[string]any)
			if !ok {
				diags.Errorf(file, at(k), 0, "", "same must be a table: [same]")
				continue
			}
			g.Same = map[string][]string{}
			for tk, tv := range table {
				line := at("same." + tomlpos.QuoteKey(tk))
				tag, err := language.Parse(tk)
				if err != nil {
					diags.Errorf(file, line, 0, "", "[same]: %q is not a language tag", tk)
					continue
				}
				vals, ok := stringList(tv)
				if !ok || len(vals) == 0 {
					diags.Errorf(file, line, 0, "", "[same]: %s must be a string or a list of strings, not empty", tk)
					continue
				}
				g.Same[tag.String()] = vals
			}
		default:
			diags.Errorf(file, at(tomlpos.QuoteKey(k)), 0, "", "unknown key %q (a glossary has severity, [[term]] tables and [same])", k)
		}
	}
	return g, diags
}

func stringList(v any) ([]string, bool) {
	switch v := v.(type) {
	case string:
		return []string{v}, true
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// values returns the term's values for lang: by its tag, else by its
// base language.
func (t Term) values(lang language.Tag) []string {
	if v, ok := t.Forms[lang.String()]; ok {
		return v
	}
	base, _ := lang.Base()
	return t.Forms[base.String()]
}

// GlossaryMiss is a term a translation lacks.
type GlossaryMiss struct {
	// Term is the source term found in the source text.
	Term string
	// Want are the acceptable renderings.
	Want []string
	Note string
}

// Check returns the terms of the glossary that source (in language src)
// contains and translation (in lang) does not render. Both are plain text:
// strip markup and placeholders first.
func (g *Glossary) Check(src, lang language.Tag, source, translation string) []GlossaryMiss {
	if g == nil {
		return nil
	}
	sw := words(source)
	var tw []string // the translation's words, once a term is found
	var out []GlossaryMiss
	for _, t := range g.Terms {
		want := t.values(lang)
		if len(want) == 0 {
			continue
		}
		found := ""
		for _, s := range t.values(src) {
			if containsWords(sw, words(s), false) {
				found = s
				break
			}
		}
		if found == "" {
			continue
		}
		if tw == nil {
			tw = words(translation)
		}
		ok := false
		for _, r := range want {
			if containsWords(tw, stems(words(r)), true) {
				ok = true
				break
			}
		}
		if !ok {
			out = append(out, GlossaryMiss{Term: found, Want: want, Note: t.Note})
		}
	}
	return out
}

// words splits s into lower-case words (runs of letters, digits and
// marks), with ё folded to е.
func words(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "ё", "е")
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// endings are the inflectional endings a rendering's word may take in
// another grammatical case (Russian, the language with renderings today),
// longest first.
var endings = strings.Fields("ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ые ие ых их ую юю ом ем ам ям ах ях ия ии ию ь а я о е ы и у ю й")

// stems returns the words of a rendering without their inflectional
// ending, keeping at least three letters: "алматинский" → "алматинск",
// "миграции" → "миграц", "ООН" as it is.
func stems(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w
		for _, e := range endings {
			if s, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(s) >= 3 {
				out[i] = s
				break
			}
		}
	}
	return out
}

// containsWords reports whether needle occurs in hay as consecutive words,
// each equal to (or, with prefix, starting) the hay word.
func containsWords(hay, needle []string, prefix bool) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j, w := range needle {
			if h := hay[i+j]; h != w && !(prefix && strings.HasPrefix(h, w)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
