package locales

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/markup"
)

// Checker runs the checks of a translation against its source. The zero
// value runs every check that needs no input: plural forms, placeholders,
// markup and links, quotation marks (DefaultQuotes) and untranslated text.
type Checker struct {
	// SourceLang is the source language, for the glossary; the zero
	// value means English.
	SourceLang language.Tag
	// Coverage returns "" when the fonts can draw r, else the font that
	// cannot (for NotDrawable); nil skips the check. Spaces and control
	// characters are never asked about.
	Coverage func(r rune) string
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

// The checks of a translation against its source, and their severities
// (those of a message alone, run when a catalog loads, are CheckMessage's:
// size, templates, data-only actions, empty text, plural forms missing or
// not used by the language):
//
//	warning  plural forms for a single-form source
//	error    the {{.Placeholders}} are not those of the source (all forms together)
//	error    a form writes a number where its source form has a placeholder
//	error    inline markup does not parse (unbalanced * or **, broken link)
//	error    inline markup (a link, emphasis, a footnote) in the translation of
//	         a plain-text source: an interface message, a name, a heading
//	         (the source language's interface messages: CheckPlain)
//	error    the link URLs are not those of the source (in any order)
//	error    the italic or bold spans are not as many as the source's
//	error    a character the fonts cannot draw (Coverage; builds check it on
//	         the laid-out edition instead, with the same wording)
//	warning  or error (the glossary's severity): a glossary term without its rendering
//	warning  quotation marks the language does not use, or unbalanced « »
//	warning  the text (or a plural form) is the source text of a non-trivial source,
//	         unless the glossary's [same] table lists it for the language
//
// Check runs all of them, CheckMessage's first, on one translation that
// was not loaded from a catalog (a translate file being merged); every
// diagnostic is at tr's file and line with the message ID as key.
func (c Checker) Check(src Source, tr Translation, lang language.Tag) diag.List {
	var d diag.List
	CheckMessage(lang, &Entry{Message: tr.Forms.Message(src.ID), File: tr.File, Line: tr.Line, Col: tr.Col}, &d)
	if d.HasErrors() {
		return d
	}
	return append(d, c.Compare(src, tr, lang)...)
}

// Compare runs the checks of a translation against its source on a
// translation CheckMessage has passed (see Check for the list).
func (c Checker) Compare(src Source, tr Translation, lang language.Tag) diag.List {
	var d diag.List
	add := func(sev diag.Severity, format string, args ...any) {
		d.Add(diag.Diagnostic{Severity: sev, File: tr.File, Line: tr.Line, Col: tr.Col, Key: src.ID, Msg: fmt.Sprintf(format, args...)})
	}
	if tr.Forms.Empty() {
		return d // CheckMessage's
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

	if !plural && tr.Forms.Plural() {
		add(diag.Warning, "the source has no plural forms; only \"other\" is used")
	}

	// Placeholders.
	want, err1 := Placeholders(src.Forms.Message(src.ID))
	got, err2 := Placeholders(tr.Forms.Message(src.ID))
	if err1 == nil && err2 == nil {
		if !slices.Equal(want, got) {
			var parts []string
			if l := diff(want, got); len(l) > 0 {
				parts = append(parts, "lacks "+placeholders(l))
			}
			if x := diff(got, want); len(x) > 0 {
				parts = append(parts, "has "+placeholders(x)+", which the source does not")
			}
			add(diag.Error, "the translation %s; keep every placeholder of the source (%s)", strings.Join(parts, " and "), placeholders(want))
		} else {
			// A number written where the source inserts one: "5
			// приложений" printed whatever the count.
			for _, f := range forms {
				sf := srcForm(f.name)
				if !strings.Contains(sf, "{{") {
					continue
				}
				if n := strayNumber(f.text, sf); n != "" {
					add(diag.Error, "the translation%s writes %s where the source has %s; write the placeholder", f.label, n, placeholderIn(sf, f.text))
				}
			}
		}
	}

	// Markup in plain text, printed as typed: refused, unless the source
	// has it too (then it is literal text in both).
	if !src.Markup {
		for _, f := range forms {
			if found, what := markupIn(f.text); found != "" && !hasMarkup(srcForm(f.name)) {
				add(diag.Error, "%s", plainMarkup(f.label, found, what))
			}
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
				add(diag.Error, "%s%s", msg, f.label)
				continue
			}
			srcSpans, err := markup.Parse(srcForm(f.name))
			if err != nil {
				continue
			}
			for _, k := range []struct {
				style markup.Style
				name  string
			}{{markup.Italic, "italic"}, {markup.Bold, "bold"}} {
				if ws, gs := runs(srcSpans, k.style), runs(spans, k.style); ws != gs {
					add(diag.Error, "the translation%s has %d %s span(s), the source %d; keep the source's emphasis", f.label, gs, k.name, ws)
				}
			}
			if ws, gs := len(markup.Notes(srcSpans)), len(markup.Notes(spans)); ws != gs {
				add(diag.Error, "the translation%s has %d footnote(s), the source %d; keep every footnote of the source where it refers", f.label, gs, ws)
			}
			want, got := markup.Links(srcSpans), markup.Links(spans)
			for i, g := range got {
				// The address the report declares for this language
				// stands for its source address.
				for u, alt := range src.Links {
					if alt[lang.String()] == g && g != "" {
						got[i] = u
					}
				}
			}
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
				if font := c.Coverage(r); font != "" {
					add(diag.Error, "%s", NotDrawable(r, font, lang))
				}
			}
		}
	}

	// The words of each form, for the glossary and the quotation marks:
	// computed once, when one of them needs them.
	var plain []string
	plainForms := func() []string {
		if plain == nil {
			plain = make([]string, len(forms))
			for i, f := range forms {
				plain[i] = plainText(f.text, src.Markup)
			}
		}
		return plain
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
		t = append(t, plainForms()...)
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
		for _, text := range plainForms() {
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

	// Untranslated text (whether the source has anything to translate
	// is asked only of a form that is still the source text).
	var same []string
	for _, f := range forms {
		if strings.TrimSpace(f.text) == strings.TrimSpace(srcForm(f.name)) && !c.Glossary.IsSame(lang, f.text) {
			same = append(same, f.name)
		}
	}
	if len(same) > 0 && !Trivial(src.Forms.Joined()) {
		switch {
		case len(same) == len(forms):
			add(diag.Warning, "the translation is the %s text; probably not translated", c.sourceName())
		case len(same) > 0:
			add(diag.Warning, "plural form %s is still the %s text", strings.Join(same, ", "), c.sourceName())
		}
	}
	return d
}

// CheckPlain checks a message of the source language's catalog, an
// interface message, which is plain text: inline markup in it would be
// printed as typed (a link's brackets and address in the running
// header), so it is an error, in Compare's wording.
func CheckPlain(e *Entry, diags *diag.List) {
	m := e.Message
	plural := FormsOf(m).Plural()
	for _, n := range FormNames {
		t := FormsOf(m).Get(n)
		found, what := markupIn(t)
		if found == "" {
			continue
		}
		label := ""
		if plural {
			label = fmt.Sprintf(" (form %s)", n)
		}
		diags.Errorf(e.File, e.Line, e.Col, m.ID, "%s", plainMarkup(label, found, what))
	}
}

// plainMarkup is the wording of inline markup found (as typed) in a plain
// text, which would show it as typed instead of as what (a link …).
func plainMarkup(label, found, what string) string {
	return fmt.Sprintf("the text%s has inline markup, %s, but this message is plain text: it would be printed as typed, not as %s; remove the markup", label, found, what)
}

// hasMarkup reports whether s holds inline markup.
func hasMarkup(s string) bool {
	found, _ := markupIn(s)
	return found != ""
}

// markupIn returns the first inline markup of s (template actions left
// out) as it is typed, and what it would make ("a link"), or "", "" when
// s has none. Text that does not parse as markup (a lone "*") has none:
// it is literal either way.
func markupIn(s string) (found, what string) {
	if !strings.ContainsAny(s, "*[<^") {
		return "", ""
	}
	spans, err := markup.Parse(stripActions(s))
	if err != nil {
		return "", ""
	}
	for i, sp := range spans {
		switch {
		case sp.Note != nil:
			return "^[" + markup.Plain(sp.Note) + "]", "a footnote"
		case sp.URL != "":
			if sp.Text == sp.URL {
				return "<" + sp.URL + ">", "a link"
			}
			text := ""
			for _, l := range spans[i:] {
				if l.URL != sp.URL {
					break
				}
				text += l.Text
			}
			return "[" + text + "](" + sp.URL + ")", "a link"
		case sp.Style == markup.Bold|markup.Italic:
			return "***" + sp.Text + "***", "bold italic text"
		case sp.Style == markup.Bold:
			return "**" + sp.Text + "**", "bold text"
		case sp.Style == markup.Italic:
			return "*" + sp.Text + "*", "italic text"
		}
	}
	return "", ""
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
func stripActions(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	return actionRE.ReplaceAllString(s, " ")
}

// mayHoldURL reports whether s may hold what urlRE matches: an "@", a
// "://" or "mailto:", or a dot followed by a letter (a domain name). Most
// prose holds none, and the expression is not run on it.
func mayHoldURL(s string) bool {
	if strings.ContainsAny(s, "@:") {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if c := s[i+1]; s[i] == '.' && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80) {
			return true
		}
	}
	return false
}

// urlRE matches what is not prose: URLs, e-mail addresses and bare
// domain names (iom.int, almaty-process.org/about).
var urlRE = regexp.MustCompile(`(?i)\b(?:https?://|mailto:|www\.)[^\s<>()]*|[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+|\b(?:[\p{L}\d-]+\.)+[a-z]{2,6}\b(?:/[^\s<>()]*)?`)

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
	if !mayHoldURL(s) {
		return s
	}
	return urlRE.ReplaceAllString(s, " ")
}

// Trivial reports whether s has nothing to translate once placeholders
// and URLs are removed: no word of three or more letters with a
// lower-case letter, and at most one such word in capitals (an acronym):
// "{{.Day}} {{.Month}}", "COVID-19", "UNDP", but not "Annexes" or
// "CLOSE OF SESSION".
func Trivial(s string) bool {
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

// NotDrawable is the wording of a character that font (a family and
// face, "Noto Sans (italic)") cannot draw in the edition of lang,
// whichever command finds it.
func NotDrawable(r rune, font string, lang language.Tag) string {
	return fmt.Sprintf("character %q (U+%04X) is not in font %s; the %s edition cannot show it", r, r, font, lang)
}

// runs counts the maximal runs of spans in style s, ignoring spans of
// white space alone between them.
func runs(spans []markup.Span, s markup.Style) int {
	n, in := 0, false
	for _, sp := range spans {
		switch {
		case sp.Style&s != 0:
			if !in {
				n++
			}
			in = true
		case strings.TrimSpace(sp.Text) != "":
			in = false
		}
	}
	return n
}

var numberRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// strayNumber returns the first number of text (a translation form,
// template actions removed) that its source form src does not write,
// when text lacks one of src's placeholders; else "".
func strayNumber(text, src string) string {
	if placeholderIn(src, text) == "" {
		return ""
	}
	have := numberRE.FindAllString(stripActions(src), -1)
	for _, n := range numberRE.FindAllString(stripActions(text), -1) {
		if !slices.Contains(have, n) {
			return n
		}
	}
	return ""
}

var fieldRE = regexp.MustCompile(`\{\{-?\s*\.(\w+)\s*-?\}\}`)

// placeholderIn returns the first placeholder ({{.Count}}) of src that
// text does not write, or "".
func placeholderIn(src, text string) string {
	for _, m := range fieldRE.FindAllStringSubmatch(src, -1) {
		found := false
		for _, t := range fieldRE.FindAllStringSubmatch(text, -1) {
			found = found || t[1] == m[1]
		}
		if !found {
			return "{{." + m[1] + "}}"
		}
	}
	return ""
}
