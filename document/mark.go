package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgen/reportgen/markup"
)

// Text composed from several messages (an annex label: "Annex 1.1:
// Courtesy Translation to Russian", joined by the list patterns and put
// in brackets) is in the edition's language, except where a message
// falls back to the source language: then its own words are the source
// language's, and what it puts in its placeholders (a language's name, a
// reference) stays what it was. While the resolver composes such text
// (marking), a message that falls back is rendered between marks, its
// placeholders' values between marks of their own, so that the composed
// text says where the source language starts and ends; unmark turns the
// marks into the spans' Lang. The marks are Unicode noncharacters,
// reserved for a program's internal use: text never holds them.
const (
	markSource  = '\uFDD0' // text in the source language follows
	markEdition = '\uFDD1' // text in the edition's language follows
	markEnd     = '\uFDD2' // the text last opened ends
	marks       = "\uFDD0\uFDD1\uFDD2"
)

// markFallback returns s, message id rendered with data, between marks
// when the resolver is marking and id falls back; render renders id with
// other data (the values of data between marks).
func (rs *resolver) markFallback(id, s string, data map[string]any, render func(map[string]any) string) string {
	if !rs.marking || !rs.fallback[id] || rs.lang == rs.src {
		return s
	}
	rs.marked = true
	if len(data) > 0 {
		md := make(map[string]any, len(data))
		for k, v := range data {
			// A number ("6.1") is in no language.
			if str, ok := v.(string); ok && strings.IndexFunc(str, unicode.IsLetter) >= 0 {
				v = string(markEdition) + str + string(markEnd)
			}
			md[k] = v
		}
		s = render(md)
	}
	return string(markSource) + s + string(markEnd)
}

// unmark returns spans without marks, cut where the language changes,
// the parts in the source language with its Lang; spans of the same
// style, link and language are joined. Unbalanced marks are ignored.
func (rs *resolver) unmark(spans []markup.Span) []markup.Span {
	var out []markup.Span
	var stack []bool // true: the source language
	add := func(sp markup.Span, text string) {
		if text == "" {
			return
		}
		sp.Text = text
		sp.Lang = ""
		if len(stack) > 0 && stack[len(stack)-1] {
			sp.Lang = rs.src.String()
		}
		if n := len(out); n > 0 && out[n-1].Note == nil && sp.Note == nil && out[n-1].Style == sp.Style && out[n-1].URL == sp.URL && out[n-1].Lang == sp.Lang {
			out[n-1].Text += text
			return
		}
		out = append(out, sp)
	}
	for _, sp := range spans {
		if sp.Note != nil || !strings.ContainsAny(sp.Text, marks) {
			if sp.Note != nil {
				out = append(out, sp)
			} else {
				add(sp, sp.Text)
			}
			continue
		}
		text, start := sp.Text, 0
		for i, r := range text {
			if r != markSource && r != markEdition && r != markEnd {
				continue
			}
			add(sp, text[start:i])
			start = i + utf8.RuneLen(r)
			switch r {
			case markSource, markEdition:
				stack = append(stack, r == markSource)
			default:
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
		}
		add(sp, text[start:])
	}
	return out
}

// stripMarks returns s without marks.
func stripMarks(s string) string {
	if !strings.ContainsAny(s, marks) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == markSource || r == markEdition || r == markEnd {
			return -1
		}
		return r
	}, s)
}

// composed runs compose with marking on and returns the text it
// composes without marks, and, when part of it is in the source
// language, as spans saying so (nil otherwise).
func (rs *resolver) composed(compose func() string) (string, []markup.Span) {
	marking, marked := rs.marking, rs.marked
	rs.marking, rs.marked = true, false
	s := compose()
	var spans []markup.Span
	if rs.marked {
		spans = rs.unmark([]markup.Span{{Text: s}})
		s = stripMarks(s)
	}
	rs.marking, rs.marked = marking, marked || rs.marked
	return s, spans
}
