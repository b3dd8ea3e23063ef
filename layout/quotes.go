package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/markup"
)

// This file sets the quotation marks and apostrophes typed as ASCII " and
// ' in plain text by the typography of the text's language, as the text
// is set (the catalogs keep what was typed): English “ ” (‘ ’ inside) and
// the apostrophe ’; Russian « » („ “ inside); French « » with narrow
// no-break spaces inside (“ ” inside them). Whether a " opens or closes
// is told by what comes before it: the start of the paragraph, a space,
// an opening bracket, a dash or another opening mark opens; anything else
// closes (a mark between spaces closes a quotation open). Marks already
// typographic, and a link's text that is its address, are left as they
// are.

// quoteRules are the marks of one language.
type quoteRules struct {
	open, close             string // the marks of a quotation
	nestedOpen, nestedClose string // and of a quotation inside one
	// space, when not "", goes inside the marks of a quotation
	// (French: a narrow no-break space), replacing spaces typed there.
	space string
	// singleOpen is the mark for a ' that opens (English ‘); "" sets
	// every ' as the apostrophe ’.
	singleOpen string
}

// quoteRulesFor returns the marks of a language; nil leaves quotes as
// typed.
func quoteRulesFor(lang language.Tag) *quoteRules {
	base, _ := lang.Base()
	switch base.String() {
	case "en":
		return &quoteRules{open: "“", close: "”", nestedOpen: "‘", nestedClose: "’", singleOpen: "‘"}
	case "ru", "uk", "be":
		return &quoteRules{open: "«", close: "»", nestedOpen: "„", nestedClose: "“"}
	case "fr":
		return &quoteRules{open: "«", close: "»", nestedOpen: "“", nestedClose: "”", space: "\u202f"}
	}
	return nil
}

// apply returns the spans with their straight quotes set; spans without
// any are returned as they are.
func (q *quoteRules) apply(spans []markup.Span) []markup.Span {
	if q == nil || !hasStraightQuote(spans) {
		return spans
	}
	out := make([]markup.Span, len(spans))
	copy(out, spans)
	var b strings.Builder
	prev := ' ' // the paragraph starts as after a space
	depth := 0  // quotations open
	for i := range out {
		sp := &out[i]
		if !convertible(*sp) {
			if r, n := utf8.DecodeLastRuneInString(sp.Text); n > 0 {
				prev = r
			}
			continue
		}
		b.Reset()
		text := sp.Text
		for j := 0; j < len(text); {
			r, n := utf8.DecodeRuneInString(text[j:])
			j += n
			switch r {
			case '"':
				// Between spaces (French typing, " mot "), a mark
				// closes a quotation open, else opens one.
				next, _ := utf8.DecodeRuneInString(text[j:])
				if opens(prev) && !(depth > 0 && (j == len(text) || unicode.IsSpace(next) || unicode.IsPunct(next))) {
					mark := q.open
					if depth%2 == 1 {
						mark = q.nestedOpen
					}
					b.WriteString(mark)
					if q.space != "" && depth%2 == 0 {
						b.WriteString(q.space)
						for j < len(text) && text[j] == ' ' {
							j++ // the narrow space replaces a typed one
						}
					}
					depth++
					r = '“' // what follows is after an opening mark
				} else {
					depth = max(depth-1, 0)
					if depth%2 == 0 {
						if q.space != "" {
							trimmed := strings.TrimRight(b.String(), " ")
							b.Reset()
							b.WriteString(trimmed)
							b.WriteString(q.space)
						}
						b.WriteString(q.close)
					} else {
						b.WriteString(q.nestedClose)
					}
					r = '”'
				}
			case '\'':
				if q.singleOpen != "" && opens(prev) {
					b.WriteString(q.singleOpen)
					r = '‘'
				} else {
					b.WriteString("’")
					r = '’'
				}
			default:
				b.WriteRune(r)
			}
			prev = r
		}
		sp.Text = b.String()
	}
	return out
}

// opens reports whether a quotation mark after r opens a quotation.
func opens(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '«', '„', '“', '‘', '\u00a0', '\u202f':
		return true
	}
	return unicode.IsSpace(r)
}

func hasStraightQuote(spans []markup.Span) bool {
	for _, sp := range spans {
		if convertible(sp) {
			return true
		}
	}
	return false
}

// convertible reports whether a span has straight quotes to set: not in
// an address shown as a link's text.
func convertible(sp markup.Span) bool {
	return strings.ContainsAny(sp.Text, `"'`) && (sp.URL == "" || !strings.Contains(sp.Text, "://") && !strings.HasPrefix(sp.Text, "www.") && sp.Text != sp.URL)
}
