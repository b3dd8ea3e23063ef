// Package markup parses the inline markup used in report text and catalog
// messages into styled spans.
//
// The syntax is a small, strict subset of Markdown's inline syntax:
//
//	*italic*                 italic
//	**bold**                 bold
//	***bold italic***        both
//	[link text](https://…)   a link; the text may itself hold * and ** markup
//	<https://…>              an autolink: the URL is both text and target
//	^[note text]             a footnote, referred to where it stands; the note
//	                         may hold * ** and links, not another note
//	\* \[ \] \< \> \\ \_ \^  a literal character
//
// Anything else is literal text. Unlike Markdown, an unclosed marker is an
// error, not literal text: a translator who drops a closing "*" must hear
// about it instead of seeing asterisks in the PDF.
//
// Parse returns a flat list of spans; adjacent text with the same style is
// merged, so the result is canonical and can be compared between languages
// (see Links).
package markup

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Style is a set of inline style flags.
type Style uint8

// The inline styles.
const (
	Bold Style = 1 << iota
	Italic
)

// Span is a run of text in one style, optionally the whole or part of a link.
type Span struct {
	Text  string
	Style Style
	// URL is the link target when the span belongs to a link, else "".
	URL string
	// Note, when not nil, makes the span a footnote reference: Text is
	// empty and Note holds the note's text. Notes are numbered when the
	// document is set.
	Note []Span
	// Lang is the language of the span's text (BCP 47) when it is not
	// its paragraph's, "" otherwise: a title shown as written, or, in a
	// line whose text falls back to the source language, the part that
	// does not. Parse never sets it.
	Lang string
}

// Error is a markup error with the byte offset in the parsed text where it
// was found.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("markup: %s (at byte %d)", e.Msg, e.Offset) }

// Parse parses s into spans. It returns an *Error for unbalanced emphasis,
// an unterminated link or autolink, an empty link target or text, or a
// nested link.
func Parse(s string) ([]Span, error) {
	p := parser{src: s}
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.out, nil
}

// Plain returns the text of spans without any markup.
func Plain(spans []Span) string {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// Links returns the link targets of spans in order of appearance, one per
// link (a link whose text changes style inside is counted once), those of
// footnotes where the note stands.
func Links(spans []Span) []string {
	var urls []string
	prev := ""
	for _, sp := range spans {
		if sp.Note != nil {
			urls = append(urls, Links(sp.Note)...)
			prev = ""
			continue
		}
		if sp.URL != "" && sp.URL != prev {
			urls = append(urls, sp.URL)
		}
		prev = sp.URL
	}
	return urls
}

// Notes returns the footnotes of spans, in order.
func Notes(spans []Span) [][]Span {
	var notes [][]Span
	for _, sp := range spans {
		if sp.Note != nil {
			notes = append(notes, sp.Note)
		}
	}
	return notes
}

type parser struct {
	src   string
	pos   int
	style Style
	url   string
	// opened records where the currently open bold and italic markers are,
	// for error messages.
	boldAt, italicAt int
	buf              strings.Builder
	out              []Span
	// inNote says the parser reads a footnote's text.
	inNote bool
}

func (p *parser) flush() {
	if p.buf.Len() == 0 {
		return
	}
	text := p.buf.String()
	p.buf.Reset()
	if n := len(p.out); n > 0 && p.out[n-1].Style == p.style && p.out[n-1].URL == p.url && p.out[n-1].Note == nil {
		p.out[n-1].Text += text
		return
	}
	p.out = append(p.out, Span{Text: text, Style: p.style, URL: p.url})
}

func (p *parser) run() error {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\\' && p.pos+1 < len(p.src) && strings.IndexByte(`*[]<>\_()^`, p.src[p.pos+1]) >= 0:
			p.buf.WriteByte(p.src[p.pos+1])
			p.pos += 2
		case c == '*':
			if err := p.emphasis(); err != nil {
				return err
			}
		case c == '[':
			if err := p.link(); err != nil {
				return err
			}
		case c == ']' && p.url != "":
			return nil // end of link text; link() continues
		case c == '^' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '[':
			if err := p.note(); err != nil {
				return err
			}
		case c == '<' && p.url == "" && p.autolinkAhead():
			if err := p.autolink(); err != nil {
				return err
			}
		default:
			_, size := utf8.DecodeRuneInString(p.src[p.pos:])
			if size == 1 && c >= utf8.RuneSelf {
				return &Error{p.pos, "invalid UTF-8"}
			}
			p.buf.WriteString(p.src[p.pos : p.pos+size])
			p.pos += size
		}
	}
	if p.url != "" {
		return &Error{len(p.src), "link text is not closed with ]"}
	}
	p.flush()
	return p.checkClosed()
}

func (p *parser) checkClosed() error {
	switch {
	case p.style&Bold != 0:
		return &Error{p.boldAt, "bold ** is not closed"}
	case p.style&Italic != 0:
		return &Error{p.italicAt, "italic * is not closed"}
	}
	return nil
}

// emphasis handles a run of one, two or three asterisks, toggling styles.
func (p *parser) emphasis() error {
	n := 0
	for p.pos+n < len(p.src) && p.src[p.pos+n] == '*' {
		n++
	}
	if n > 3 {
		return &Error{p.pos, "more than three * in a row"}
	}
	p.flush()
	at := p.pos
	p.pos += n
	var crossed error
	toggle := func(s Style) {
		if p.style&s != 0 {
			// Styles close in the reverse order they opened: "*a **b* c**"
			// crosses them, and what is meant is unclear.
			if other := Bold + Italic - s; p.style&other != 0 && p.openedLast() == other && crossed == nil {
				crossed = &Error{at, "emphasis crosses: " + marks[s] + " closes while " + marks[other] + " opened inside it is open; close " + marks[other] + " first"}
			}
			p.style &^= s
			return
		}
		p.style |= s
		if s == Bold {
			p.boldAt = at
		} else {
			p.italicAt = at
		}
	}
	switch n {
	case 1:
		toggle(Italic)
	case 2:
		toggle(Bold)
	case 3:
		// Close the inner one first: "***x***" opens bold+italic,
		// "**a *b***" closes italic then bold, "*a **b***" bold then
		// italic.
		if p.style&(Bold|Italic) == Bold|Italic && p.openedLast() == Bold {
			toggle(Bold)
			toggle(Italic)
		} else {
			toggle(Italic)
			toggle(Bold)
		}
	}
	return crossed
}

var marks = map[Style]string{Bold: "**", Italic: "*"}

// openedLast returns the style opened last of those open.
func (p *parser) openedLast() Style {
	if p.boldAt > p.italicAt {
		return Bold
	}
	return Italic
}

// link parses "[text](url)". p.pos is at "[".
func (p *parser) link() error {
	if p.url != "" {
		return &Error{p.pos, "a link cannot contain another link"}
	}
	start := p.pos
	// Find the target first, so the text's spans get the URL.
	close := p.findLinkTextEnd(start + 1)
	if close < 0 || close+1 >= len(p.src) || p.src[close+1] != '(' {
		return &Error{start, "[ starts a link, but no ](url) follows; write \\[ for a literal bracket"}
	}
	// The target ends at the ")" that balances the "(": a URL such as
	// …/Almaty_Process_(migration) keeps its parentheses.
	end, depth := -1, 0
	for i := close + 2; i < len(p.src) && end < 0; i++ {
		switch p.src[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				end = i - (close + 2)
			}
			depth--
		}
	}
	if end < 0 {
		return &Error{close + 1, "link target is not closed with )"}
	}
	url := strings.TrimSpace(p.src[close+2 : close+2+end])
	if url == "" {
		return &Error{close + 1, "empty link target"}
	}
	if close == start+1 {
		return &Error{start, "empty link text"}
	}
	outer := p.style
	p.flush()
	p.url = url
	p.pos = start + 1
	if err := p.run(); err != nil {
		return err
	}
	if p.style != outer {
		return &Error{start, "emphasis opened inside a link must close inside it"}
	}
	p.flush()
	p.url = ""
	p.pos = close + 2 + end + 1
	return nil
}

// note parses "^[text]", a footnote. p.pos is at "^".
func (p *parser) note() error {
	start := p.pos
	switch {
	case p.inNote:
		return &Error{start, "a footnote cannot contain another footnote"}
	case p.url != "":
		return &Error{start, "a link cannot contain a footnote; put the footnote after the link"}
	case p.style != 0:
		return &Error{start, "a footnote cannot stand inside * or **; put it after the emphasis"}
	}
	// The note ends at the "]" that balances its "[": links inside it
	// have brackets of their own.
	depth, end := 0, -1
	for i := start + 1; i < len(p.src) && end < 0; i++ {
		switch p.src[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				end = i
			}
		}
	}
	if end < 0 {
		return &Error{start, "footnote ^[… is not closed with ]"}
	}
	if strings.TrimSpace(p.src[start+2:end]) == "" {
		return &Error{start, "empty footnote"}
	}
	sub := parser{src: p.src[start+2 : end], inNote: true}
	if err := sub.run(); err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Offset += start + 2
		}
		return err
	}
	p.flush()
	p.out = append(p.out, Span{Note: sub.out})
	p.pos = end + 1
	return nil
}

// findLinkTextEnd returns the index of the "]" that closes link text
// starting at i, skipping escapes, or -1.
func (p *parser) findLinkTextEnd(i int) int {
	for i < len(p.src) {
		switch p.src[i] {
		case '\\':
			i += 2
			continue
		case '[':
			return -1
		case ']':
			return i
		}
		i++
	}
	return -1
}

// autolinkAhead reports whether "<" at p.pos starts "<scheme:…>".
func (p *parser) autolinkAhead() bool {
	rest := p.src[p.pos+1:]
	colon := strings.IndexByte(rest, ':')
	if colon <= 0 {
		return false
	}
	for i := 0; i < colon; i++ {
		c := rest[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

func (p *parser) autolink() error {
	end := strings.IndexByte(p.src[p.pos:], '>')
	if end < 0 {
		return &Error{p.pos, "autolink <… is not closed with >"}
	}
	url := p.src[p.pos+1 : p.pos+end]
	if strings.ContainsAny(url, " \t\n") {
		return &Error{p.pos, "autolink contains a space"}
	}
	p.flush()
	p.url = url
	p.buf.WriteString(url)
	p.flush()
	p.url = ""
	p.pos += end + 1
	return nil
}
