package translate

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"unicode"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/markup"
)

// Checker runs the checks of a translation against its source. The zero
// value runs every check that needs no input: plural forms, placeholders,
// markup and links, quotation marks (DefaultQuotes) and untranslated text.
type Checker struct {
	// SourceLang is the source language, for the glossary; the zero
	// value means English.
	SourceLang language.Tag
	// Coverage reports whether the fonts can draw r; nil skips the
	// check. Spaces and control characters are never asked about.
	Coverage func(r rune) bool
	// Glossary, when not nil, is checked.
	Glossary *Glossary
	// Quotes are the quotation rules by language (base language tag);
	// nil means DefaultQuotes.
	Quotes map[string]QuoteStyle
}

// QuoteStyle is a language's quotation marks.
type QuoteStyle struct {
	// Open and Close are the primary marks, NestedOpen and NestedClose
	// those of a quotation inside a quotation.
	Open, Close             rune
	NestedOpen, NestedClose rune
	// Wrong are quotation marks the language does not use (its
	// NestedClose among them is fine after a NestedOpen).
	Wrong []rune
}

// DefaultQuotes are the quotation rules of the languages that have one:
// Russian, Ukrainian and Belarusian use « » and „ “ inside them, never
// ASCII " or English “ ”.
var DefaultQuotes = map[string]QuoteStyle{
	"ru": {Open: '«', Close: '»', NestedOpen: '„', NestedClose: '“', Wrong: []rune{'"', '“', '”', '‟'}},
	"uk": {Open: '«', Close: '»', NestedOpen: '„', NestedClose: '“', Wrong: []rune{'"', '“', '”', '‟'}},
	"be": {Open: '«', Close: '»', NestedOpen: '„', NestedClose: '“', Wrong: []rune{'"', '“', '”', '‟'}},
}

// The checks and their severities:
//
//	error    the translation is empty
//	error    a plural form the language needs is missing (CLDR rules)
//	warning  a plural form the language does not use, or plural forms for a single-form source
//	error    a template does not parse
//	error    the {{.Placeholders}} are not those of the source (all forms together)
//	error    inline markup does not parse (unbalanced * or **, broken link)
//	error    the link URLs are not those of the source (in any order)
//	error    a character the fonts cannot draw (Coverage)
//	warning  or error (the glossary's severity): a glossary term without its rendering
//	warning  quotation marks the language does not use, or unbalanced « »
//	warning  the text (or a plural form) is the source text of a non-trivial source,
//	         unless the glossary's [same] table lists it for the language
//
// Check runs them on one translation; every diagnostic is at tr's file
// and line with the message ID as key.
func (c Checker) Check(src Source, tr Translation, lang language.Tag) diag.List {
	var d diag.List
	add := func(sev diag.Severity, format string, args ...any) {
		d.Add(diag.Diagnostic{Severity: sev, File: tr.File, Line: tr.Line, Col: tr.Col, Key: src.ID, Msg: fmt.Sprintf(format, args...)})
	}
	if tr.Forms.Empty() {
		add(diag.Error, "the translation is empty")
		return d
	}
	plural := src.Forms.Plural()
	// Which forms are used, and a label for messages.
	type form struct{ name, text, label string }
	var forms []form
	for _, n := range FormNames {
		if t := tr.Forms.Get(n); t != "" {
			label := ""
			if plural || tr.Forms.Plural() {
				label = fmt.Sprintf(" (form %s)", n)
			}
			forms = append(forms, form{n, t, label})
		}
	}
	srcForm := func(n string) string {
		if t := src.Forms.Get(n); t != "" {
			return t
		}
		return src.Forms.Other
	}

	// Plural forms.
	if plural {
		req := locales.RequiredForms(lang)
		for _, n := range req {
			if tr.Forms.Get(n) == "" {
				add(diag.Error, "plural form %q is missing; %s needs %s", n, lang, strings.Join(req, ", "))
			}
		}
		known := locales.KnownForms(lang)
		for _, f := range forms {
			if !slices.Contains(known, f.name) {
				add(diag.Warning, "plural form %q is not used in %s and is ignored", f.name, lang)
			}
		}
	} else if tr.Forms.Plural() {
		add(diag.Warning, "the source has no plural forms; only \"other\" is used")
		if tr.Forms.Other == "" {
			add(diag.Error, "\"other\" is empty")
		}
	}

	// Templates and placeholders.
	templatesOK := true
	for _, f := range forms {
		if _, err := template.New(src.ID).Parse(f.text); err != nil {
			msg := err.Error()
			if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "template: ") {
				msg = msg[i+2:]
			}
			add(diag.Error, "template error%s: %s", f.label, msg)
			templatesOK = false
		}
	}
	if templatesOK {
		want, err1 := locales.Placeholders(src.Forms.Message(src.ID))
		got, err2 := locales.Placeholders(tr.Forms.Message(src.ID))
		if err1 == nil && err2 == nil && !slices.Equal(want, got) {
			var parts []string
			if l := diff(want, got); len(l) > 0 {
				parts = append(parts, "lacks "+placeholders(l))
			}
			if x := diff(got, want); len(x) > 0 {
				parts = append(parts, "has "+placeholders(x)+", which the source does not")
			}
			add(diag.Error, "the translation %s; keep every placeholder of the source (%s)", strings.Join(parts, " and "), placeholders(want))
		}
	}

	// Markup and links.
	if src.Markup {
		for _, f := range forms {
			spans, err := markup.Parse(f.text)
			if err != nil {
				msg := err.Error()
				if me, ok := err.(*markup.Error); ok {
					msg = me.Msg
				}
				add(diag.Error, "markup%s: %s", f.label, msg)
				continue
			}
			srcSpans, err := markup.Parse(srcForm(f.name))
			if err != nil {
				continue
			}
			want, got := markup.Links(srcSpans), markup.Links(spans)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(want, got) {
				var parts []string
				if l := diff(want, got); len(l) > 0 {
					parts = append(parts, "lacks the link "+strings.Join(l, ", "))
				}
				if x := diff(got, want); len(x) > 0 {
					parts = append(parts, "has the link "+strings.Join(x, ", ")+", which the source does not")
				}
				add(diag.Error, "the translation%s %s; keep every link of the source", f.label, strings.Join(parts, " and "))
			}
		}
	}

	// Fonts.
	if c.Coverage != nil {
		seen := map[rune]bool{}
		for _, f := range forms {
			for _, r := range stripActions(f.text) {
				if seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) {
					continue
				}
				seen[r] = true
				if !c.Coverage(r) {
					add(diag.Error, "character %q (U+%04X) is not in the fonts; the PDF cannot show it", r, r)
				}
			}
		}
	}

	// Glossary.
	if c.Glossary != nil {
		srcLang := c.SourceLang
		if srcLang == language.Und {
			srcLang = language.English
		}
		var s, t []string
		for _, n := range FormNames {
			if x := src.Forms.Get(n); x != "" {
				s = append(s, plainText(x, src.Markup))
			}
		}
		for _, f := range forms {
			t = append(t, plainText(f.text, src.Markup))
		}
		for _, m := range c.Glossary.Check(srcLang, lang, strings.Join(s, "\n"), strings.Join(t, "\n")) {
			want := make([]string, len(m.Want))
			for i, w := range m.Want {
				want[i] = fmt.Sprintf("%q", w)
			}
			add(c.Glossary.Severity, "glossary: the source says %q; the %s translation should use %s", m.Term, lang, strings.Join(want, " or "))
		}
	}

	// Quotation marks.
	quotes := c.Quotes
	if quotes == nil {
		quotes = DefaultQuotes
	}
	base, _ := lang.Base()
	if q, ok := quotes[base.String()]; ok {
		var wrong []string
		unbalanced := false
		for _, f := range forms {
			text := plainText(f.text, src.Markup)
			for _, r := range q.Wrong {
				n := strings.Count(text, string(r))
				if r == q.NestedClose {
					n -= strings.Count(text, string(q.NestedOpen))
				}
				if n > 0 && !slices.Contains(wrong, string(r)) {
					wrong = append(wrong, string(r))
				}
			}
			if strings.Count(text, string(q.Open)) != strings.Count(text, string(q.Close)) {
				unbalanced = true
			}
		}
		if len(wrong) > 0 {
			add(diag.Warning, "quotation marks %s are not %s typography; use %c…%c (and %c…%c inside them)", strings.Join(wrong, " "), lang, q.Open, q.Close, q.NestedOpen, q.NestedClose)
		}
		if unbalanced {
			add(diag.Warning, "%c and %c are not balanced", q.Open, q.Close)
		}
	}

	// Untranslated text.
	if !trivial(src.Forms.joined()) {
		var same []string
		for _, f := range forms {
			if strings.TrimSpace(f.text) == strings.TrimSpace(srcForm(f.name)) && !c.Glossary.IsSame(lang, f.text) {
				same = append(same, f.name)
			}
		}
		switch {
		case len(same) == len(forms):
			add(diag.Warning, "the translation is the %s text; probably not translated", c.sourceName())
		case len(same) > 0:
			add(diag.Warning, "plural form %s is still the %s text", strings.Join(same, ", "), c.sourceName())
		}
	}
	return d
}

func (c Checker) sourceName() string {
	if c.SourceLang == language.Und {
		return "source"
	}
	return c.SourceLang.String()
}

// diff returns the elements of a (sorted) that b lacks, with duplicates.
func diff(a, b []string) []string {
	count := map[string]int{}
	for _, x := range b {
		count[x]++
	}
	var out []string
	for _, x := range a {
		if count[x] > 0 {
			count[x]--
			continue
		}
		out = append(out, x)
	}
	return out
}

func placeholders(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{." + n + "}}"
	}
	return strings.Join(out, " ")
}

var actionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// stripActions replaces template actions ({{.Count}}) with a space.
func stripActions(s string) string { return actionRE.ReplaceAllString(s, " ") }

var urlRE = regexp.MustCompile(`(?i)\b(?:https?://|mailto:|www\.)[^\s<>()]*`)

// plainText returns the words of s: without template actions, URLs and,
// for markup, markers and link targets (a link's text stays, an
// autolink goes).
func plainText(s string, withMarkup bool) string {
	s = stripActions(s)
	if withMarkup {
		if spans, err := markup.Parse(s); err == nil {
			var b strings.Builder
			for _, sp := range spans {
				if sp.URL != "" && sp.Text == sp.URL {
					b.WriteString(" ")
					continue
				}
				b.WriteString(sp.Text)
			}
			s = b.String()
		}
	}
	return urlRE.ReplaceAllString(s, " ")
}

// trivial reports whether s has nothing to translate once placeholders
// and URLs are removed: no word of three or more letters with a
// lower-case letter, and at most one such word in capitals (an acronym):
// "{{.Day}} {{.Month}}", "COVID-19", "UNDP", but not "Annexes" or
// "CLOSE OF SESSION".
func trivial(s string) bool {
	caps := 0
	for _, w := range strings.FieldsFunc(plainText(s, true), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) < 3 {
			continue
		}
		if strings.IndexFunc(w, unicode.IsLower) >= 0 {
			return false
		}
		if caps++; caps > 1 {
			return false
		}
	}
	return true
}

// Check runs the checks on every translation of lang (in the catalogs)
// of a message some set translates into lang.
func (p *Project) Check(lang language.Tag, c Checker) diag.List {
	var d diag.List
	tr := p.Translations(lang)
	for _, set := range p.Sets {
		if !containsTag(set.Langs, lang) {
			continue
		}
		for _, m := range set.Messages {
			if t, ok := tr[m.ID]; ok {
				d = append(d, c.Check(m, t, lang)...)
			}
		}
	}
	return d
}

// Checker returns the checker of the project: its source language and
// glossary, with coverage as the font coverage predicate (nil: no font
// check).
func (p *Project) Checker(coverage func(r rune) bool) Checker {
	return Checker{SourceLang: p.SourceLang, Coverage: coverage, Glossary: p.Glossary}
}
