package mdimport

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/reportgen/reportgen/diag"
)

// The raw kinds of block a document is made of, before the English
// decides what they are (a bold line is a speaker or a moderator line).
const (
	rawBold       = "bold"       // a bold paragraph: speaker or moderator line
	rawBoldHead   = "bold-head"  // a ### heading all in bold: speaker line as a sub-heading
	rawSubheading = "subheading" // a ### heading
	rawText       = "text"       // paragraphs without a line of their own
	rawList       = "list"
	rawFigure     = "figure"
	rawTable      = "table"
)

// doc is one Markdown file read into the shape of a report.
type doc struct {
	file  string
	lang  string
	lines []int // byte offsets of line starts

	title, details, participants, attendance, closing field
	kind                                              field
	sections                                          []*section
	// annexTitles are the "Annex N. Title" entries of the document's
	// Annexes section, by N; annexItems the "N.k Languages (kind)" lines
	// under them, by "N.k".
	annexTitles map[int]field
	annexItems  map[string]field
	notes       *diag.List
}

// field is a text with the line it comes from (0: absent).
type field struct {
	text string
	line int
}

type section struct {
	heading field
	blocks  []*block
}

type block struct {
	raw  string
	line int
	// A bold line: the text in bold as markup and as plain text, and the
	// annex label after it (plain text, without the parentheses).
	bold, boldPlain string
	label           field
	text            field   // sub-heading
	paras           []field // paragraphs; a list's lead-in
	items           []*item
	numbered        bool
	image, alt      string
	caption         field
	columns         []column
	rows            [][]field
	// closed: no more paragraphs join this block (a list, figure or
	// table came after it).
	closed bool
}

type item struct {
	text  field
	items []*item
}

type column struct {
	header field
	align  string
	// width: from the delimiter row's dashes, "40%", or "" (automatic).
	width string
}

// parser reads one Markdown file.
type parser struct {
	d   *doc
	src []byte
	cfg *langConfig
	// footnotes by index, from the document's footnote list.
	footnotes map[int]ast.Node
	sec       *section
	inAnnexes bool
	seenTitle bool
	sectionAt int // how many ## headings were read
}

// langConfig is what the parser recognises in one language: the running
// header's lines, the document types' names and the heading of the list
// of annexes, from the interface messages.
type langConfig struct {
	brand    []string
	doctypes map[string]string // lower-case name → kind
	annexes  string            // lower-case heading of the list of annexes
	// kindFirst: the first ## heading is the document type (a
	// translation whose English had one).
	kindFirst bool
	// counts: the English has participant counts, whose line a
	// translation writes in its own words ("42 участника в зале и 121 —
	// в режиме онлайн"); the counts are not translated, and the line is
	// dropped.
	counts bool
}

var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Footnote))

func parse(file, lang string, src []byte, cfg *langConfig, notes *diag.List) *doc {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	d := &doc{file: file, lang: lang, notes: notes, annexTitles: map[int]field{}, annexItems: map[string]field{}}
	d.lines = []int{0}
	for i, c := range src {
		if c == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	root := md.Parser().Parse(text.NewReader(src))
	p := &parser{d: d, src: src, cfg: cfg, footnotes: map[int]ast.Node{}}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			i := 0
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				i++
				if fn, ok := f.(*east.Footnote); ok {
					p.footnotes[fn.Index] = fn
				}
			}
		}
	}
	var nodes []ast.Node
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*east.FootnoteList); !ok {
			nodes = append(nodes, n)
		}
	}
	p.blocks(nodes)
	if !p.seenTitle {
		p.note(1, "no # title: a report needs one")
	}
	return d
}

func (p *parser) note(line int, format string, args ...any) {
	p.d.notes.Warnf(p.d.file, line, 0, "", format, args...)
}

// lineOf returns the 1-based line of byte offset off.
func (d *doc) lineOf(off int) int {
	i, found := slices.BinarySearch(d.lines, off)
	if found {
		return i + 1
	}
	return i
}

// line returns the line a node starts on.
func (p *parser) line(n ast.Node) int {
	if off := startOf(n); off >= 0 {
		return p.d.lineOf(off)
	}
	return 0
}

func startOf(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Pos() >= 0 {
		return n.Pos()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := startOf(c); off >= 0 {
			return off
		}
	}
	return -1
}

// blocks reads the top-level blocks of the document in order.
func (p *parser) blocks(nodes []ast.Node) {
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		line := p.line(n)
		next := func() ast.Node {
			if i+1 < len(nodes) {
				return nodes[i+1]
			}
			return nil
		}
		// The running header, wherever a page break left it.
		if para, ok := n.(*ast.Paragraph); ok && p.isRunningHeader(para) {
			continue
		}
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 && !p.seenTitle {
			p.seenTitle = true
			p.d.title = field{p.plain(h, line), line}
			continue
		}
		if !p.seenTitle {
			p.note(line, "%s before the # title left out", describe(n))
			continue
		}
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			if h.Level == 1 {
				p.note(line, "a second # title: read as a ## section heading")
			}
			p.heading2(h, line)
			continue
		}
		if p.inAnnexes {
			p.annexEntry(n, line)
			continue
		}
		if para, ok := n.(*ast.Paragraph); ok && p.closingMarker(para, line) {
			continue
		}
		if p.sec == nil {
			p.frontMatter(n, line)
			continue
		}
		p.sectionBlock(n, next(), line, &i)
	}
}

// heading2 starts a section, unless the heading names the document type
// or the list of annexes.
func (p *parser) heading2(h *ast.Heading, line int) {
	text := p.plain(h, line)
	low := strings.ToLower(strings.TrimSpace(text))
	p.sectionAt++
	if p.sec == nil && p.d.kind.line == 0 {
		if kind, ok := p.cfg.doctypes[low]; ok || (p.cfg.kindFirst && p.sectionAt == 1) {
			if kind == "" {
				kind = "?"
			}
			p.d.kind = field{kind, line}
			return
		}
	}
	if p.cfg.annexes != "" && low == p.cfg.annexes {
		p.inAnnexes = true
		p.sec = nil
		return
	}
	if p.inAnnexes {
		p.note(line, "section after the list of annexes: read as a section")
		p.inAnnexes = false
	}
	p.sec = &section{heading: field{text, line}}
	p.d.sections = append(p.d.sections, p.sec)
}

// frontMatter reads what comes between the title and the first section:
// the meeting details, the participants line and the participant counts.
func (p *parser) frontMatter(n ast.Node, line int) {
	para, ok := n.(*ast.Paragraph)
	if !ok {
		p.note(line, "%s before the first ## section left out", describe(n))
		return
	}
	if em := p.only(para); em != nil {
		if e, ok := em.(*ast.Emphasis); ok && e.Level == 1 && p.d.participants.line == 0 {
			p.d.participants = field{p.markup(e, line), line}
			return
		}
	}
	text := p.plain(para, line)
	switch {
	case p.d.details.line == 0 && p.d.participants.line == 0:
		p.d.details = field{text, line}
	case p.d.attendance.line == 0 && isAttendance(text):
		p.d.attendance = field{text, line}
	case p.d.attendance.line == 0 && p.cfg.counts && p.d.details.line != 0 && len(countRE.FindAllString(text, -1)) == 2 && len(strings.Fields(text)) <= 12:
		p.d.attendance = field{text, line}
	default:
		p.note(line, "paragraph before the first ## section left out (only the meeting details, the participants line in italics and the participant counts are read there)")
	}
}

// sectionBlock reads one block-level node inside a section.
func (p *parser) sectionBlock(n, next ast.Node, line int, i *int) {
	s := p.sec
	last := func() *block {
		if len(s.blocks) == 0 {
			return nil
		}
		return s.blocks[len(s.blocks)-1]
	}
	switch n := n.(type) {
	case *ast.Heading:
		if n.Level > 3 {
			p.note(line, "#### heading read as a ### sub-heading")
		}
		if isBoldLine(n) {
			b := &block{raw: rawBoldHead, line: line}
			p.boldLine(b, n, line)
			s.blocks = append(s.blocks, b)
			return
		}
		s.blocks = append(s.blocks, &block{raw: rawSubheading, line: line, text: field{p.markup(n, line), line}})
	case *ast.Paragraph:
		if img := p.onlyImage(n); img != nil {
			b := &block{raw: rawFigure, line: line, image: string(img.Destination), alt: p.plain(img, line), closed: true}
			if len(img.Title) > 0 {
				b.caption = field{string(img.Title), line}
			}
			if np, ok := next.(*ast.Paragraph); ok && b.caption.line == 0 {
				if c, ok := p.captionOf(np, "Figure"); ok {
					b.caption = c
					*i++
				}
			}
			s.blocks = append(s.blocks, b)
			return
		}
		if np, ok := next.(*east.Table); ok {
			if c, ok := p.captionOf(n, "Table"); ok {
				*i++
				p.table(np, p.line(np), c, nil)
				return
			}
		}
		if isBoldLine(n) {
			b := &block{raw: rawBold, line: line}
			p.boldLine(b, n, line)
			s.blocks = append(s.blocks, b)
			return
		}
		f := field{p.markup(n, line), line}
		if b := last(); b != nil && !b.closed && (b.raw == rawBold || b.raw == rawBoldHead || b.raw == rawText) {
			b.paras = append(b.paras, f)
			return
		}
		s.blocks = append(s.blocks, &block{raw: rawText, line: line, paras: []field{f}})
	case *ast.List:
		b := &block{raw: rawList, line: line, numbered: n.IsOrdered(), closed: true}
		// A paragraph ending in ":" right before the list is its lead-in.
		if l := last(); l != nil && !l.closed && len(l.paras) > 0 && strings.HasSuffix(strings.TrimSpace(l.paras[len(l.paras)-1].text), ":") {
			b.paras = []field{l.paras[len(l.paras)-1]}
			b.line = b.paras[0].line
			l.paras = l.paras[:len(l.paras)-1]
			if len(l.paras) == 0 && l.raw == rawText {
				s.blocks = s.blocks[:len(s.blocks)-1]
			}
		}
		b.items = p.listItems(n, 1)
		s.blocks = append(s.blocks, b)
	case *east.Table:
		var c *field
		if np, ok := next.(*ast.Paragraph); ok {
			if f, ok := p.captionOf(np, "Table"); ok {
				c = &f
				*i++
			}
		}
		p.table(n, line, field{}, c)
	case *ast.Blockquote:
		p.note(line, "block quote read as ordinary paragraphs")
		var kids []ast.Node
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			kids = append(kids, c)
		}
		for k := range kids {
			var nx ast.Node
			if k+1 < len(kids) {
				nx = kids[k+1]
			}
			j := k
			p.sectionBlock(kids[k], nx, p.line(kids[k]), &j)
		}
	default:
		p.note(line, "%s left out: a report has no such block", describe(n))
	}
	if b := last(); b != nil && b.raw != rawBold && b.raw != rawBoldHead && b.raw != rawText {
		b.closed = true
	}
	// A figure, list or table ends the block before it.
	if len(s.blocks) >= 2 {
		if b := last(); b.raw == rawFigure || b.raw == rawList || b.raw == rawTable {
			s.blocks[len(s.blocks)-2].closed = true
		}
	}
}

func (p *parser) table(t *east.Table, line int, before field, after *field) {
	b := &block{raw: rawTable, line: line, closed: true, caption: before}
	if after != nil {
		b.caption = *after
	}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []field
		var aligns []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cl := p.line(c)
			if cl == 0 {
				cl = line
			}
			cells = append(cells, field{p.markup(c, cl), cl})
			a := ""
			if tc, ok := c.(*east.TableCell); ok {
				switch tc.Alignment {
				case east.AlignRight:
					a = "right"
				case east.AlignCenter:
					a = "center"
				}
			}
			aligns = append(aligns, a)
		}
		if _, ok := r.(*east.TableHeader); ok {
			widths := p.columnWidths(line+1, len(cells))
			for k, c := range cells {
				b.columns = append(b.columns, column{header: c, align: aligns[k], width: widths[k]})
			}
			continue
		}
		for len(cells) < len(b.columns) {
			cells = append(cells, field{"", line})
		}
		b.rows = append(b.rows, cells)
	}
	p.sec.blocks = append(p.sec.blocks, b)
}

// columnWidths reads the widths of n columns from a table's delimiter row
// at line, as pandoc writes them for a table whose cells wrap: each
// column's share of the dashes (|----|--------:| is 33% and 67%).
// Where every column has as many dashes, or the row is not n columns,
// the widths are automatic ("").
func (p *parser) columnWidths(line, n int) []string {
	widths := make([]string, n)
	if line < 1 || line > len(p.d.lines) {
		return widths
	}
	start, end := p.d.lines[line-1], len(p.src)
	if line < len(p.d.lines) {
		end = p.d.lines[line] - 1
	}
	row := strings.TrimSpace(string(p.src[start:end]))
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	cols := strings.Split(row, "|")
	if len(cols) != n {
		return widths
	}
	dashes := make([]int, n)
	total, same := 0, true
	for k, c := range cols {
		dashes[k] = strings.Count(c, "-")
		total += dashes[k]
		same = same && dashes[k] == dashes[0]
	}
	if same || total == 0 {
		return widths
	}
	for k, d := range dashes {
		if pc := d * 100 / total; pc >= 1 {
			widths[k] = fmt.Sprintf("%d%%", pc)
		}
	}
	return widths
}

// captionOf reads "Figure 3. Caption" (word is "Figure" or "Table" in
// the English; any word in a translation): the caption without its
// number, which reportgen generates.
func (p *parser) captionOf(para *ast.Paragraph, word string) (field, bool) {
	line := p.line(para)
	plain := p.plain(para, -1)
	w, rest, ok := strings.Cut(strings.TrimSpace(plain), " ")
	if !ok || (p.d.lang == "en" && !strings.EqualFold(w, word)) {
		return field{}, false
	}
	num, after, ok := strings.Cut(rest, " ")
	num = strings.TrimRight(num, ".:")
	if !ok || num == "" || strings.Trim(num, "0123456789") != "" || unicode.IsDigit(rune(w[0])) {
		return field{}, false
	}
	// The caption as markup: the paragraph's markup after its label,
	// when the label is plain text at its start.
	m := strings.TrimSpace(p.markup(para, line))
	if strings.HasPrefix(m, w+" ") {
		_, rest, _ := strings.Cut(m, " ")
		if _, c, ok := strings.Cut(strings.TrimSpace(rest), " "); ok {
			return field{strings.TrimSpace(c), line}, true
		}
	}
	return field{strings.TrimSpace(after), line}, true
}

func (p *parser) listItems(l *ast.List, depth int) []*item {
	var out []*item
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		it := &item{}
		line := p.line(li)
		var texts []string
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				if depth >= 3 {
					p.note(p.line(c), "list nested more than 3 levels deep: its items are joined to the item above")
					texts = append(texts, flatten(p.listItems(c, depth+1))...)
					continue
				}
				if it.items != nil {
					p.note(p.line(c), "a second nested list in one item: joined to the first")
				}
				it.items = append(it.items, p.listItems(c, depth+1)...)
			case *ast.Paragraph, *ast.TextBlock:
				if len(texts) > 0 {
					p.note(p.line(c), "list item of several paragraphs: joined into one")
				}
				texts = append(texts, p.markup(c, p.line(c)))
			default:
				p.note(p.line(c), "%s in a list item left out", describe(c))
			}
		}
		it.text = field{strings.Join(texts, " "), line}
		out = append(out, it)
	}
	return out
}

func flatten(items []*item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.text.text)
		out = append(out, flatten(it.items)...)
	}
	return out
}

// boldLine reads a speaker or moderator line: the text in bold and an
// optional annex label in parentheses, after it or at its end inside
// the bold.
func (p *parser) boldLine(b *block, n ast.Node, line int) {
	var strong ast.Node
	var after []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if strong == nil {
			if e, ok := c.(*ast.Emphasis); ok && e.Level == 2 {
				strong = e
			}
			continue
		}
		after = append(after, c)
	}
	if strong == nil {
		return
	}
	var rest strings.Builder
	for _, c := range after {
		rest.WriteString(p.inline(c, -1, false))
	}
	label := strings.TrimSpace(strings.Trim(strings.TrimSpace(rest.String()), "|"))
	// The label inside the bold: "… (", *label*, ")" at its end.
	var kids []ast.Node
	for c := strong.FirstChild(); c != nil; c = c.NextSibling() {
		kids = append(kids, c)
	}
	if label == "" && len(kids) >= 3 {
		k := len(kids)
		open, ok1 := kids[k-3].(*ast.Text)
		em, ok2 := kids[k-2].(*ast.Emphasis)
		closeT, ok3 := kids[k-1].(*ast.Text)
		if ok1 && ok2 && ok3 && em.Level == 1 && strings.HasSuffix(strings.TrimSpace(string(open.Segment.Value(p.src))), "(") &&
			strings.TrimSpace(string(closeT.Segment.Value(p.src))) == ")" {
			label = "(" + p.plain(em, -1) + ")"
			end := k - 3
			// Keep the text of the "(" node before the parenthesis.
			before := strings.TrimSuffix(strings.TrimSpace(string(open.Segment.Value(p.src))), "(")
			var m, pl strings.Builder
			for _, c := range kids[:end] {
				m.WriteString(p.inline(c, line, true))
				pl.WriteString(p.inline(c, -1, false))
			}
			m.WriteString(escape(before))
			pl.WriteString(before)
			b.bold, b.boldPlain = tidy(m.String()), tidy(pl.String())
		}
	}
	if b.bold == "" {
		b.bold, b.boldPlain = tidy(p.markup(strong, line)), tidy(p.plain(strong, -1))
	}
	if label != "" {
		if !strings.HasPrefix(label, "(") || !strings.HasSuffix(label, ")") {
			p.note(line, "text after the bold line is not an annex label in parentheses: left out: %q", label)
			return
		}
		b.label = field{strings.TrimSpace(label[1 : len(label)-1]), line}
	}
}

// closingMarker reads "--- CLOSE OF SESSION ---".
func (p *parser) closingMarker(para *ast.Paragraph, line int) bool {
	t := strings.TrimSpace(p.plain(para, -1))
	dashes := "-–—"
	if len(t) < 3 || !strings.ContainsAny(t[:1], dashes) && !strings.HasPrefix(t, "–") && !strings.HasPrefix(t, "—") {
		return false
	}
	inner := strings.TrimSpace(strings.Trim(t, dashes+" "))
	if inner == "" || t == inner || !strings.ContainsAny(lastRune(t), dashes) {
		return false
	}
	if p.d.closing.line != 0 {
		p.note(line, "a second closing marker left out")
		return true
	}
	p.d.closing = field{inner, line}
	return true
}

func lastRune(s string) string {
	r := []rune(s)
	return string(r[len(r)-1])
}

// annexEntry reads the list of annexes: "Annex N. Title" paragraphs,
// each optionally followed by a list of its items.
func (p *parser) annexEntry(n ast.Node, line int) {
	switch n := n.(type) {
	case *ast.Paragraph:
		t := strings.TrimSpace(p.plain(n, -1))
		word, rest, _ := strings.Cut(t, " ")
		num, title, ok := strings.Cut(rest, " ")
		num = strings.TrimRight(num, ".:")
		if word == "" || !ok || num == "" || strings.Trim(num, "0123456789") != "" {
			p.note(line, "paragraph in the list of annexes that is no \"Annex N. Title\" line left out")
			return
		}
		var k int
		fmt.Sscan(num, &k)
		p.d.annexTitles[k] = field{strings.TrimSpace(title), line}
	case *ast.List:
		for li := n.FirstChild(); li != nil; li = li.NextSibling() {
			var t string
			if c := li.FirstChild(); c != nil {
				t = strings.TrimSpace(p.plain(c, -1))
			}
			num, _, _ := strings.Cut(t, " ")
			p.d.annexItems[strings.TrimRight(num, ".")] = field{t, p.line(li)}
		}
	default:
		p.note(line, "%s in the list of annexes left out", describe(n))
	}
}

func (p *parser) isRunningHeader(para *ast.Paragraph) bool {
	if len(p.cfg.brand) == 0 {
		return false
	}
	var parts []string
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			return false
		}
		if s := strings.TrimSpace(string(t.Segment.Value(p.src))); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return false
	}
	// Each line is one of the header's lines; text split across lines
	// by the exporter is joined back.
	joined := strings.Join(parts, " ")
	for _, b := range p.cfg.brand {
		joined = strings.ReplaceAll(joined, b, "")
	}
	return strings.TrimSpace(joined) == ""
}

// only returns the one inline child of a paragraph that is not white
// space, or nil.
func (p *parser) only(n ast.Node) ast.Node {
	var found ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(p.src))) == 0 {
			continue
		}
		if found != nil {
			return nil
		}
		found = c
	}
	return found
}

func (p *parser) onlyImage(n ast.Node) *ast.Image {
	img, _ := p.only(n).(*ast.Image)
	return img
}

// isBoldLine: a paragraph that starts with a bold span holding a comma
// or "moderated by", or that is all bold, optionally followed by a label
// in parentheses.
func isBoldLine(n ast.Node) bool {
	first := n.FirstChild()
	e, ok := first.(*ast.Emphasis)
	if !ok || e.Level != 2 {
		return false
	}
	if first.NextSibling() == nil {
		return true
	}
	// The rest must be a parenthesised label: "(", *…*, ")" or "| (…)".
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
		case *ast.Emphasis:
			if c.Level != 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func describe(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Paragraph:
		return "paragraph"
	case *ast.Heading:
		return fmt.Sprintf("level %d heading", n.Level)
	case *ast.List:
		return "list"
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return "code block"
	case *ast.HTMLBlock:
		return "HTML block"
	case *ast.ThematicBreak:
		return "horizontal rule"
	case *ast.Blockquote:
		return "block quote"
	case *east.Table:
		return "table"
	}
	return strings.ToLower(n.Kind().String())
}

func tidy(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ","))
}
