package layout

import (
	"strings"

	"golang.org/x/text/cases"

	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/markup"
)

// box is one unbreakable unit of the flow: a line of a paragraph, a
// heading line, or a group that must stay whole (the title block). Its
// items are positioned relative to the box's top left corner at the
// text area's left margin.
type box struct {
	height float64
	// spaceBefore is dropped when the box starts a page.
	spaceBefore float64
	// keepWithNext forbids a page break between this box and the next.
	keepWithNext bool
	page         Page
	// info describes a line of a paragraph, for Stats.
	info lineInfo
}

// lineInfo describes one line of a paragraph.
type lineInfo struct {
	// para numbers the paragraphs from 1; 0 is not a paragraph line.
	para        int
	index, of   int  // the line's index in its paragraph and the paragraph's line count
	justified   bool // set by total-fit breaking (its last line included)
	spaceScale  float64
	spaces      int
	hyphen      bool
	overfull    bool
	loose       bool // too loose to justify: set flush left
	widthFilled float64
}

// flow builds the boxes of a document.
type flow struct {
	st    Style
	m     measurer
	boxes boxList
	upper cases.Caser
	// ascent and descent of the regular face, in em.
	ascent, descent float64
	// hy decides hyphenation; nil when the language has no patterns.
	// hySource does for text shown in the source language (draft
	// fall-backs in another edition).
	hy, hySource *hyphenation
	// ties and tiesSource tie words, in the edition's language and in
	// the source language.
	ties, tiesSource *tieRules
	// paras counts paragraphs, to number them in lineInfo.
	paras int
	// sc is working memory reused from paragraph to paragraph.
	sc *scratch
}

// lineInfo measures a laid-out line.
func (f *flow) lineInfo(ln line, width float64, i, n int) lineInfo {
	li := lineInfo{para: f.paras, index: i, of: n, justified: ln.justified, hyphen: ln.hyphen, spaceScale: 1}
	natural, spaces := 0.0, 0.0
	for k, w := range ln.words {
		natural += w.w
		if k < len(ln.words)-1 {
			spaces += w.space
			li.spaces++
		}
	}
	if ln.justified {
		li.spaceScale = spaceScale(ln.ratio, f.st.Justify)
		if li.spaceScale > f.st.Justify.MaxSpace && i < n-1 {
			li.spaceScale, li.loose = 1, true
		}
	}
	li.widthFilled = natural + spaces*li.spaceScale
	li.overfull = li.widthFilled > width+0.01
	return li
}

// baselineIn returns the baseline of text of the given size centred in a
// line box of height lh.
func (f *flow) baselineIn(lh, size float64) float64 {
	return lh/2 + (f.ascent-f.descent)/2*size
}

// paragraph breaks spans into line boxes, valid until the next call of
// paragraph (they are in the flow's working memory). The first box gets
// spaceBefore.
// Lines of a paragraph keep together at its start and end (no orphans,
// no widows); keepAll keeps every line with the next box (a heading).
func (f *flow) paragraph(spans []markup.Span, ts textStyle, indent, spaceBefore float64, keepAll bool) []box {
	width := f.st.textWidth() - indent
	if f.sc == nil {
		f.sc = new(scratch)
	}
	f.sc.pieces, f.sc.shy = f.sc.pieces[:0], f.sc.shy[:0]
	ws := f.m.words(spans, ts, f.sc)
	if ts.draft {
		f.tiesSource.apply(ws)
	} else {
		f.ties.apply(ws)
	}
	var lines []line
	if ts.align == Justify {
		hy := f.hy
		if ts.draft {
			hy = f.hySource // the source language's text, its patterns
		}
		lines = f.m.justify(ws, width, ts, f.st.Justify, hy, f.sc)
	} else {
		lines = f.m.breakLines(ws, width, 1)
	}
	lh := ts.size * ts.leading
	out := f.sc.boxes[:0] // valid until the next paragraph
	f.paras++
	for i, ln := range lines {
		b := box{height: lh}
		b.info = f.lineInfo(ln, width, i, len(lines))
		if i == 0 {
			b.spaceBefore = spaceBefore
		}
		texts, links := placeLine(ln, indent, width, f.baselineIn(lh, ts.size), ts.size, 0, lh, ts, f.st.Justify, f.st.Colors.Link)
		b.page.Texts, b.page.Links = texts, links
		if ts.draft {
			b.page.Rects = append(b.page.Rects, Rect{X: -12, Y: 0, W: 3, H: lh, Color: f.st.Colors.Draft})
		}
		n := len(lines)
		// No orphan (i == 0), no widow (i == n-2), and no word hyphenated
		// across a page break (TeX's \brokenpenalty, infinite here).
		b.keepWithNext = keepAll || (i == 0 && n >= 2) || i == n-2 || ln.hyphen
		out = append(out, b)
	}
	f.sc.boxes = out
	return out
}

func (f *flow) add(bs ...box) { f.boxes.add(bs...) }

// boxList is a list of boxes kept in chunks, so that adding one never
// moves those before it: a long report has tens of thousands.
type boxList struct {
	chunks [][]box
	n      int
}

// boxChunk is the number of boxes in a chunk.
const boxChunk = 256

// listOf returns a list of the boxes bs.
func listOf(bs []box) *boxList {
	l := new(boxList)
	l.add(bs...)
	return l
}

func (l *boxList) add(bs ...box) {
	for _, b := range bs {
		if l.n%boxChunk == 0 {
			l.chunks = append(l.chunks, make([]box, 0, boxChunk))
		}
		c := &l.chunks[len(l.chunks)-1]
		*c = append(*c, b)
		l.n++
	}
}

// at returns box i.
func (l *boxList) at(i int) *box { return &l.chunks[i/boxChunk][i%boxChunk] }

// len returns the number of boxes.
func (l *boxList) len() int { return l.n }

// group merges boxes into one unbreakable box.
func group(bs []box) box {
	var g box
	if len(bs) == 0 {
		return g
	}
	g.spaceBefore = bs[0].spaceBefore
	y := 0.0
	for i, b := range bs {
		if i > 0 {
			y += b.spaceBefore
		}
		g.page.append(b.page, y)
		y += b.height
	}
	g.height = y
	g.keepWithNext = bs[len(bs)-1].keepWithNext
	return g
}

// append adds the items of q shifted down by dy.
func (p *Page) append(q Page, dy float64) { p.appendShifted(&q, 0, dy) }

func plainSpans(s string) []markup.Span { return []markup.Span{{Text: s}} }

// build lays the whole document out as boxes.
func (f *flow) build(doc *document.Document) {
	st := f.st
	body := textStyle{size: st.Type.Body, leading: st.Type.BodyLeading, color: st.Colors.Text, align: Justify}
	lead := textStyle{size: st.Type.Body, leading: st.Type.BodyLeading, color: st.Colors.Text, align: Left}

	// Title block: one unbreakable group, with a rule under it.
	var title []box
	title = append(title, f.paragraph(plainSpans(doc.Title.Text), textStyle{size: st.Type.Title, leading: st.Type.TitleLeading, face: fonts.Bold, color: st.Colors.Brand, align: Left}, 0, 0, true)...)
	title[0].page.Bookmarks = append(title[0].page.Bookmarks, Bookmark{Title: outlineTitle(doc.Title.Text), Level: 0})
	title = append(title, f.paragraph(plainSpans(doc.DateLine), textStyle{size: st.Type.Date, leading: 1.3, color: st.Colors.Text, align: Left}, 0, 8, true)...)
	if len(doc.Participants.Spans) > 0 {
		title = append(title, f.paragraph(doc.Participants.Spans, textStyle{size: st.Type.Participants, leading: 1.35, face: fonts.Italic, color: st.Colors.Muted, align: Left}, 0, 10, true)...)
	}
	docType := doc.DocType
	if st.Type.UppercaseHeadings {
		docType = f.upper.String(docType)
	}
	title = append(title, f.paragraph(plainSpans(docType), textStyle{size: st.Type.DocType, leading: 1.3, face: fonts.Bold, color: st.Colors.Brand, align: Left}, 0, 14, true)...)
	tb := group(title)
	tb.page.Rules = append(tb.page.Rules, Rule{X1: 0, Y1: tb.height + 6, X2: st.textWidth(), Y2: tb.height + 6, Width: 1.2, Color: st.Colors.Brand})
	tb.height += 6
	tb.keepWithNext = false
	f.add(tb)

	if doc.Notice != "" {
		f.add(f.notice(doc.Notice))
	}

	for _, sec := range doc.Sections {
		f.heading(sec.Heading.Text, 0, sec.Heading.Fallback)
		for bi, blk := range sec.Blocks {
			gap := st.Spacing.Block
			if bi == 0 {
				gap = 0
			}
			switch blk.Kind {
			case document.Speaker, document.Moderator:
				lt := lead
				lt.draft = blk.Lead.Fallback
				f.add(f.paragraph(blk.Lead.Spans, lt, 0, gap, true)...)
			case document.SpeakerHeading, document.Subheading:
				ls := f.paragraph(blk.Lead.Spans, textStyle{size: st.Type.Subheading, leading: 1.3, face: fonts.Bold, color: st.Colors.Brand, align: Left, draft: blk.Lead.Fallback}, 0, max(gap, st.Spacing.Heading*0.7), true)
				ls[0].page.Bookmarks = append(ls[0].page.Bookmarks, Bookmark{Title: outlineTitle(blk.Outline), Level: 1})
				f.add(ls...)
			}
			for pi, p := range blk.Paragraphs {
				g := st.Spacing.Paragraph
				if pi == 0 && blk.Kind == document.Plain {
					g = gap
				}
				bt := body
				bt.draft = p.Fallback
				f.add(f.paragraph(p.Spans, bt, 0, g, false)...)
			}
		}
	}
	if doc.ClosingMarker.Text != "" {
		ts := textStyle{size: st.Type.Body, leading: st.Type.BodyLeading, face: fonts.Bold, color: st.Colors.Text, align: Center}
		f.add(f.paragraph(plainSpans("— "+doc.ClosingMarker.Text+" —"), ts, 0, 24, false)...)
	}
	f.annexes(doc)
}

// heading adds a section heading that keeps with what follows.
func (f *flow) heading(text string, level int, draft bool) {
	st := f.st
	if st.Type.UppercaseHeadings {
		text = f.upper.String(text)
	}
	ls := f.paragraph(plainSpans(text), textStyle{size: st.Type.Heading, leading: 1.3, face: fonts.Bold, color: st.Colors.Brand, align: Left, draft: draft}, 0, st.Spacing.Heading, true)
	ls[0].page.Bookmarks = append(ls[0].page.Bookmarks, Bookmark{Title: outlineTitle(text), Level: level})
	last := &ls[len(ls)-1]
	last.height += st.Spacing.HeadingAfter
	f.add(ls...)
}

// notice is the courtesy-translation notice: text in a tinted box.
func (f *flow) notice(text string) box {
	st := f.st
	const pad = 8
	ts := textStyle{size: st.Type.Notice, leading: 1.35, face: fonts.Italic, color: st.Colors.Text, align: Left}
	inner := *f
	inner.st.Page.MarginLeft += pad
	inner.st.Page.MarginRight += pad
	ls := inner.paragraph(plainSpans(text), ts, 0, 0, true)
	g := group(ls)
	var b box
	b.page.Rects = append(b.page.Rects, Rect{X: 0, Y: 0, W: st.textWidth(), H: g.height + 2*pad, Color: st.Colors.Notice})
	b.page.Rules = append(b.page.Rules, Rule{X1: 0, Y1: 0, X2: 0, Y2: g.height + 2*pad, Width: 2.5, Color: st.Colors.Brand})
	for i := range g.page.Texts {
		g.page.Texts[i].X += pad
	}
	b.page.append(g.page, pad)
	b.height = g.height + 2*pad
	b.spaceBefore = 14
	return b
}

// annexes adds the list of annexes.
func (f *flow) annexes(doc *document.Document) {
	if len(doc.Annexes) == 0 {
		return
	}
	st := f.st
	f.heading(doc.AnnexesHeading, 0, false)
	f.add(f.paragraph(plainSpans(doc.AnnexesIntro), textStyle{size: st.Type.Body, leading: st.Type.BodyLeading, face: fonts.Italic, color: st.Colors.Muted, align: Left}, 0, 0, true)...)
	item := textStyle{size: st.Type.AnnexItem, leading: 1.35, color: st.Colors.Text, align: Left}
	for _, a := range doc.Annexes {
		spans := []markup.Span{{Text: a.Label + ". ", Style: markup.Bold}, {Text: a.Title.Text, Style: markup.Bold}}
		ls := f.paragraph(spans, textStyle{size: st.Type.Body, leading: st.Type.BodyLeading, color: st.Colors.Text, align: Left}, 0, 10, true)
		ls[0].page.Anchors = append(ls[0].page.Anchors, Anchor{Name: a.Anchor})
		ls[0].page.Bookmarks = append(ls[0].page.Bookmarks, Bookmark{Title: outlineTitle(a.Label + ". " + a.Title.Text), Level: 1})
		f.add(ls...)
		for i, it := range a.Items {
			var sp []markup.Span
			sp = append(sp, markup.Span{Text: it.Line})
			if it.Title.Text != "" {
				sp = append(sp, markup.Span{Text: ": " + it.Title.Text})
			}
			if it.URL != "" {
				sp = append(sp, markup.Span{Text: " "}, markup.Span{Text: it.URL, URL: it.URL})
			}
			ib := f.paragraph(sp, item, st.Spacing.ItemIndent, 2, false)
			if i < len(a.Items)-1 {
				ib[len(ib)-1].keepWithNext = true
			}
			f.add(ib...)
		}
	}
}

// outlineTitle is text as an outline entry shows it: without soft
// hyphens, which mark hyphenation points on the page only.
func outlineTitle(text string) string {
	return strings.ReplaceAll(text, softHyphen, "")
}
