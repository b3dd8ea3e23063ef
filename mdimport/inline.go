package mdimport

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// markup returns the inline content of n as reportgen's inline markup
// (package markup): *italic*, **bold**, [text](url), <url>, ^[note];
// what has no equivalent is noted at line.
func (p *parser) markup(n ast.Node, line int) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(p.inline(c, line, true))
	}
	return collapse(b.String())
}

// plain returns the text of n without markup, for plain messages (a
// title, a heading, a name); line > 0 notes markup that is dropped.
func (p *parser) plain(n ast.Node, line int) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(p.inline(c, line, false))
	}
	return collapse(b.String())
}

// collapse turns runs of white space (line breaks included) into one
// space, as a paragraph is set; no-break spaces are kept.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func (p *parser) inline(n ast.Node, line int, mk bool) string {
	noteAt := func(format string, args ...any) {
		if line > 0 {
			p.note(line, format, args...)
		}
	}
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(p.src)
		if !n.IsRaw() {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		s := string(v)
		if mk {
			if strings.Contains(s, "^[") {
				noteAt("inline footnote ^[…] is not read as a note (write it as a footnote reference [^1] with its text below): kept as text")
			}
			s = escape(s)
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			s += " "
		}
		return s
	case *ast.String:
		if mk {
			return escape(string(n.Value))
		}
		return string(n.Value)
	case *ast.Emphasis:
		inner := p.children(n, line, mk)
		if !mk {
			return inner
		}
		m := strings.Repeat("*", n.Level)
		// Markers hug the text: spaces go outside.
		lead := inner[:len(inner)-len(strings.TrimLeft(inner, " "))]
		trail := inner[len(strings.TrimRight(inner, " ")):]
		core := strings.TrimSpace(inner)
		if core == "" {
			return inner
		}
		return lead + m + core + m + trail
	case *ast.Link:
		inner := p.children(n, line, mk)
		dest := string(n.Destination)
		if !mk {
			if line > 0 {
				noteAt("link to %s dropped: this text cannot hold one", dest)
			}
			return inner
		}
		if !linkable(dest) {
			noteAt("link to %q dropped, its text kept: links may only be http, https or mailto addresses", dest)
			return inner
		}
		if strings.TrimSpace(inner) == "" {
			noteAt("link to %s without text: its address is its text", dest)
			return "<" + destination(dest) + ">"
		}
		return "[" + inner + "](" + destination(dest) + ")"
	case *ast.AutoLink:
		u := string(n.URL(p.src))
		label := string(n.Label(p.src))
		if n.AutoLinkType == ast.AutoLinkEmail {
			if !strings.HasPrefix(u, "mailto:") {
				u = "mailto:" + u
			}
			if !mk {
				return label
			}
			return "[" + escape(label) + "](" + destination(u) + ")"
		}
		if !mk {
			return label
		}
		if !linkable(u) {
			noteAt("link to %q dropped, its text kept: links may only be http, https or mailto addresses", u)
			return escape(label)
		}
		if strings.HasPrefix(u, "mailto:") {
			return "[" + escape(strings.TrimPrefix(label, "mailto:")) + "](" + destination(u) + ")"
		}
		return "<" + destination(u) + ">"
	case *ast.CodeSpan:
		noteAt("code span set as ordinary text")
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(p.src))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		if mk {
			return escape(b.String())
		}
		return b.String()
	case *ast.Image:
		noteAt("image inside a paragraph left out (a figure is an image in a paragraph of its own): its alt text %q is kept", p.plain(n, -1))
		return p.children(n, -1, mk)
	case *ast.RawHTML:
		noteAt("inline HTML left out")
		return ""
	case *east.FootnoteLink:
		fn, ok := p.footnotes[n.Index]
		if !ok {
			noteAt("footnote reference without its note left out")
			return ""
		}
		if !mk {
			noteAt("footnote dropped: this text cannot hold one")
			return ""
		}
		var parts []string
		for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
			parts = append(parts, strings.TrimSpace(p.markup(c, line)))
		}
		if len(parts) > 1 {
			noteAt("footnote of several paragraphs: joined into one")
		}
		return "^[" + strings.Join(parts, " ") + "]"
	case *east.FootnoteBacklink:
		return ""
	}
	noteAt("%s left out", strings.ToLower(n.Kind().String()))
	return ""
}

func (p *parser) children(n ast.Node, line int, mk bool) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(p.inline(c, line, mk))
	}
	return b.String()
}

// escape makes literal text safe in reportgen's inline markup.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '[', ']', '<', '>', '^':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func linkable(u string) bool {
	x, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(x.Scheme) {
	case "http", "https":
		return x.Host != ""
	case "mailto":
		return x.Opaque != ""
	}
	return false
}

// destination writes a link address so that the markup parser reads it
// whole: parentheses, spaces and angle brackets are percent-encoded.
func destination(u string) string {
	r := strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")
	return r.Replace(u)
}
