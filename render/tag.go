package render

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/internal/pdfpost"
)

// A tagger wraps every draw of a tagged PDF in marked content and
// records, for each structure element, its marked-content references in
// reading order; Tree then gives the structure tree pdfpost writes.
//
// The display list names each item's structure element; the structure
// types follow from the roles: the title is H1, section headings H2,
// headings below them H3, paragraphs P, a run of list items a list (L of
// LI, each with its marker, the element's first run, as Lbl and the text
// as LBody; a deeper item opens a list inside the LBody of the item
// before it), a run of table cells a Table of rows (TR: the cells of one
// Row) with the header row's cells TH (scope Column) and the others TD,
// a figure a Figure with its Alt and the bounding box of its picture, a
// caption a Caption inside the Figure before it or the Table after it
// (else, with neither, a P), and a footnote a Note (with an ID) after the last
// element that starts on its page, where it is read on the page. An
// element in another language than the document's has its Lang; a
// stretch of its text in another language than its own (the page's
// Foreign runs) is a Span with that Lang inside it, around the stretch's
// marked content, continued across lines and pages while the element's
// text stays in that language (a Link whose text starts in it is read
// inside it; a part of a Link's text in another language than the
// Link's is a Span inside the Link).
// The running header and footer are pagination artifacts, so are the
// header cells a table repeats on the pages it continues on; rules,
// fills (the draft bar) and decoration are layout artifacts.
type tagger struct {
	pdf   *fpdf.Fpdf
	elems []display.Element
	// body and lbl are the nodes an element's content goes to (lbl: a
	// list item's marker); nil for artifacts.
	body, lbl []*pdfpost.Node
	// first is the page an element's text is first drawn on (-1: none);
	// marker is the index of its marker among that page's texts (-1).
	first  []int
	marker []int
	// hyphenated marks the runs of the current page that end with a
	// hyphen the layout added.
	hyphenated []bool
	// drawn and actual are what words returns for each run of page
	// planned (-1: none yet); spaced marks the runs drawn with a space.
	planned       int
	drawn, actual []string
	spaced        []bool
	// lastPage is the page an element's text is last drawn on.
	lastPage []int
	doc      *pdfpost.Node

	page, mcid int
	open       bool
	cur        seq

	// linkOf is, by text run of the current page, the link it is the
	// text of (nil: none); links are all links in order, prevLink the
	// last one, which a link of the same element and target continues
	// (a link broken across lines or pages is one Link element).
	linkOf   []*link
	links    []*link
	prevLink *link

	// langOf is, by text run of the current page, its language when it
	// is not its element's (""); span is the Span element last opened for
	// such a stretch, in spanParent (an element's node or a Link); lang
	// is the document's language.
	langOf     []string
	span       *pdfpost.Node
	spanParent *pdfpost.Node
	lang       string
}

// link is a Link structure element: the element it is read in, its
// target, the text drawn in it so far, where its last text run is.
type link struct {
	node      *pdfpost.Node
	elem      display.Elem
	url, dest string
	text      strings.Builder
	placed    bool
	// lang is the language of the Span the link is read in ("": none).
	lang       string
	page, last int
	// lastOfElem is set when no text of elem follows the link's last
	// run on its page.
	lastOfElem bool
}

// seq is what a marked-content sequence holds: an element's part, or an
// artifact of a kind.
type seq struct {
	node     *pdfpost.Node
	artifact string
	// actual is the ActualText of an element's sequence (a word broken
	// by hyphenation, read without its hyphen).
	actual string
}

// newTagger plans the structure of doc before its pages are drawn (and
// released).
func newTagger(pdf *fpdf.Fpdf, doc *display.Document) *tagger {
	n := len(doc.Elements)
	t := &tagger{pdf: pdf, elems: doc.Elements, lang: doc.Meta.Lang, body: make([]*pdfpost.Node, n), lbl: make([]*pdfpost.Node, n),
		first: make([]int, n), marker: make([]int, n), lastPage: make([]int, n), doc: &pdfpost.Node{Type: "Document"}}
	// bbox is the bounding box of each figure's picture on its first
	// page, in the page's user space (y upwards).
	bbox := map[display.Elem][4]float64{}
	for i := range t.first {
		t.first[i], t.marker[i] = -1, -1
	}
	for pi := range doc.Pages {
		for ti, x := range doc.Pages[pi].Texts {
			e := x.Elem
			if int(e) >= n || e < 0 {
				continue
			}
			t.lastPage[e] = pi
			if t.first[e] >= 0 {
				continue
			}
			t.first[e] = pi
			if el := doc.Elements[e]; el.Role == display.ListItem && el.Marker {
				t.marker[e] = ti
			}
		}
		for _, im := range doc.Pages[pi].Images {
			if e := im.Elem; int(e) < n && e >= 0 && t.first[e] < 0 {
				t.first[e] = pi
				if doc.Elements[e].Role == display.Figure {
					bbox[e] = [4]float64{im.X, doc.Height - im.Y - im.H, im.X + im.W, doc.Height - im.Y}
				}
			}
		}
	}

	// The tree, in reading order.
	var (
		lists  []*pdfpost.Node // open lists, by level; lists[i] holds level i+1
		lastLI *pdfpost.Node   // the LBody of the last list item
		table  *pdfpost.Node
		row    *pdfpost.Node
		rowN   int32
		// figure is the Figure last added, caption the Caption last
		// added (on its own), while nothing else has been since.
		figure, caption *pdfpost.Node
		noteSeq         int
		notes           []*pdfpost.Node
		notePg          []int
		// topFirst is the first page of each of the document's kids.
		topFirst []int
		e        int
	)
	add := func(nd *pdfpost.Node) {
		t.doc.Kids = append(t.doc.Kids, nd)
		topFirst = append(topFirst, t.first[e])
	}
	for e = range doc.Elements {
		el := doc.Elements[e]
		if el.Role.Artifact() {
			continue
		}
		if el.Role == display.Note {
			noteSeq++
			nd := &pdfpost.Node{Type: "Note", ID: "note-" + strconv.Itoa(noteSeq)}
			t.body[e] = nd
			notes, notePg = append(notes, nd), append(notePg, t.first[e])
			continue
		}
		if el.Role != display.ListItem {
			lists, lastLI = lists[:0], nil
		}
		if el.Role != display.TableCell {
			table, row = nil, nil
		}
		fig, capt := figure, caption
		figure, caption = nil, nil
		if capt != nil && el.Role != display.TableCell {
			capt.Type = "P" // a caption with neither figure nor table
		}
		if t.first[e] < 0 && el.Role != display.TableCell {
			continue // nothing drawn
		}
		var nd *pdfpost.Node
		switch el.Role {
		case display.Title:
			nd = &pdfpost.Node{Type: "H1"}
			add(nd)
		case display.Heading:
			nd = &pdfpost.Node{Type: "H2"}
			if el.Level > 1 {
				nd.Type = "H3"
			}
			add(nd)
		case display.Figure:
			nd = &pdfpost.Node{Type: "Figure", Alt: el.Alt}
			if b, ok := bbox[display.Elem(e)]; ok {
				nd.BBox = &b
			}
			add(nd)
			figure = nd
		case display.Caption:
			nd = &pdfpost.Node{Type: "Caption"}
			if fig != nil {
				// The figure's caption: its last kid.
				fig.Kids = append(fig.Kids, nd)
			} else {
				add(nd)
				caption = nd
			}
		case display.ListItem:
			lv := max(el.Level, 1)
			if len(lists) > lv {
				lists = lists[:lv]
			}
			for len(lists) < lv {
				l := &pdfpost.Node{Type: "L"}
				if len(lists) > 0 && lastLI != nil {
					lastLI.Kids = append(lastLI.Kids, l)
				} else if len(lists) > 0 {
					lists[len(lists)-1].Kids = append(lists[len(lists)-1].Kids, l)
				} else {
					add(l)
				}
				lists = append(lists, l)
			}
			li := &pdfpost.Node{Type: "LI"}
			if t.marker[e] >= 0 {
				t.lbl[e] = &pdfpost.Node{Type: "Lbl"}
				li.Kids = append(li.Kids, t.lbl[e])
			}
			nd = &pdfpost.Node{Type: "LBody"}
			li.Kids = append(li.Kids, nd)
			lists[lv-1].Kids = append(lists[lv-1].Kids, li)
			lastLI = nd
		case display.TableCell:
			if table == nil || el.Row < rowN {
				table = &pdfpost.Node{Type: "Table"}
				if capt != nil {
					// The table's caption, set above it: its first kid.
					table.Kids = append(table.Kids, capt)
					t.doc.Kids[len(t.doc.Kids)-1] = table
				} else {
					add(table)
				}
				row = nil
			}
			if row == nil || el.Row != rowN {
				row = &pdfpost.Node{Type: "TR"}
				table.Kids = append(table.Kids, row)
				rowN = el.Row
			}
			nd = &pdfpost.Node{Type: "TD"}
			if el.Header {
				nd.Type, nd.Scope = "TH", "Column"
			}
			row.Kids = append(row.Kids, nd)
		default:
			nd = &pdfpost.Node{Type: "P"}
			add(nd)
		}
		nd.Lang = el.Lang
		if fig != nil && el.Role == display.Caption && fig.Lang != "" && nd.Lang == "" {
			// Not in the language of its figure's Alt.
			nd.Lang = doc.Meta.Lang
		}
		t.body[e] = nd
	}
	if caption != nil {
		caption.Type = "P"
	}
	// Footnotes are read where they are set, at the foot of their page:
	// after the last element that starts on that page.
	if len(notes) > 0 {
		kids := make([]*pdfpost.Node, 0, len(t.doc.Kids)+len(notes))
		k := 0
		for i, nd := range t.doc.Kids {
			for k < len(notes) && topFirst[i] > notePg[k] {
				kids = append(kids, notes[k])
				k++
			}
			kids = append(kids, nd)
		}
		t.doc.Kids = append(kids, notes[k:]...)
	}
	return t
}

// startPage begins page pi (from 0): the runs of each link's text
// (those of its From:To of its element) and the hyphenated runs are
// noted.
func (t *tagger) startPage(pi int, pg *display.Page) {
	texts := pg.Texts
	t.page, t.mcid, t.planned = pi, 0, -1
	t.linkOf = slices.Grow(t.linkOf[:0], len(texts))[:len(texts)]
	clear(t.linkOf)
	t.hyphenated = slices.Grow(t.hyphenated[:0], len(texts))[:len(texts)]
	clear(t.hyphenated)
	for _, h := range pg.Hyphenated {
		if h >= 0 && int(h) < len(texts) {
			t.hyphenated[h] = true
		}
	}
	t.langOf = slices.Grow(t.langOf[:0], len(texts))[:len(texts)]
	clear(t.langOf)
	for _, f := range pg.Foreign {
		for ti := max(int(f.From), 0); ti < min(int(f.To), len(texts)); ti++ {
			t.langOf[ti] = f.Lang
		}
	}
	var runs []int
	for li, l := range pg.Links {
		runs = runs[:0]
		for ti := max(int(l.From), 0); ti < min(int(l.To), len(texts)); ti++ {
			if texts[ti].Elem == l.Elem && t.linkOf[ti] == nil {
				runs = append(runs, ti)
			}
		}
		lk := t.prevLink
		if !t.continues(lk, l, texts, runs) {
			lk = &link{node: &pdfpost.Node{Type: "Link"}, elem: l.Elem, url: l.URL, dest: l.Dest, last: -1}
			t.links = append(t.links, lk)
		}
		lk.node.Annots = append(lk.node.Annots, pdfpost.Annot{Page: pi, Index: li})
		if len(runs) > 0 {
			lk.page, lk.last = pi, runs[len(runs)-1]
			lk.lastOfElem = true
			for ti := lk.last + 1; ti < len(texts); ti++ {
				if texts[ti].Elem == l.Elem {
					lk.lastOfElem = false
					break
				}
			}
		}
		for _, ti := range runs {
			t.linkOf[ti] = lk
		}
		t.prevLink = lk
	}
}

// continues tells whether link l, drawn as runs of texts, continues
// lk: the same element and target, and no text of the element between
// lk's last run and l's first.
func (t *tagger) continues(lk *link, l display.Link, texts []display.Text, runs []int) bool {
	if lk == nil || lk.elem != l.Elem || lk.url != l.URL || lk.dest != l.Dest || len(runs) == 0 || lk.last < 0 {
		return false
	}
	from := 0
	if lk.page == t.page {
		from = lk.last + 1
	} else if lk.page != t.page-1 || !lk.lastOfElem {
		return false
	}
	for ti := from; ti < runs[0]; ti++ {
		if texts[ti].Elem == l.Elem {
			return false
		}
	}
	return true
}

// endPage closes the open sequence, and places in the tree the links of
// the page that got no marked content (their text an artifact, or none
// found): in their element, or at the end of the document.
func (t *tagger) endPage() {
	t.set(seq{})
	for _, lk := range t.links {
		if lk.placed {
			continue
		}
		lk.placed = true
		if nd := t.bodyOf(lk.elem); nd != nil {
			nd.Content = append(nd.Content, pdfpost.MCR{Kid: lk.node})
		} else {
			t.doc.Kids = append(t.doc.Kids, lk.node)
		}
	}
}

// finish gives each link annotation its description: the link's text,
// or else its target.
func (t *tagger) finish() {
	for _, lk := range t.links {
		c := strings.Join(strings.Fields(lk.text.String()), " ")
		if c == "" {
			c = lk.url
		}
		if c == "" {
			c = "#" + lk.dest
		}
		for i := range lk.node.Annots {
			lk.node.Annots[i].Contents = c
		}
	}
}

// set makes s the open sequence, closing the one open before.
func (t *tagger) set(s seq) {
	if t.open && s == t.cur {
		return
	}
	if t.open {
		t.pdf.RawWriteStr("EMC")
		t.open = false
	}
	switch {
	case s.node != nil:
		at := ""
		if s.actual != "" {
			at = " /ActualText " + pdfpost.TextString(s.actual)
		}
		t.pdf.RawWriteStr("/" + s.node.Type + " <</MCID " + strconv.Itoa(t.mcid) + at + ">> BDC")
		s.node.Content = append(s.node.Content, pdfpost.MCR{Page: t.page, MCID: t.mcid})
		t.mcid++
	case s.artifact != "":
		t.pdf.RawWriteStr("/Artifact " + s.artifact + " BDC")
	default:
		return
	}
	t.open, t.cur = true, s
}

// artifact is the kind of artifact items of e are.
func (t *tagger) artifact(e display.Elem) string {
	if int(e) < len(t.elems) && e >= 0 {
		switch t.elems[e].Role {
		case display.Header:
			return "<</Type /Pagination /Subtype /Header>>"
		case display.Footer:
			return "<</Type /Pagination /Subtype /Footer>>"
		}
	}
	return "<</Type /Layout>>"
}

// bodyOf returns the node the content of e goes to: nil for an
// artifact, and for an element the document does not have.
func (t *tagger) bodyOf(e display.Elem) *pdfpost.Node {
	if e < 0 || int(e) >= len(t.body) {
		return nil
	}
	return t.body[e]
}

// shape opens the sequence for a rectangle or a rule: always an artifact.
func (t *tagger) shape(e display.Elem) { t.set(seq{artifact: t.artifact(e)}) }

// image opens the sequence for an image of e.
func (t *tagger) image(e display.Elem) {
	if nd := t.bodyOf(e); nd != nil {
		t.set(seq{node: nd})
		return
	}
	t.set(seq{artifact: t.artifact(e)})
}

// text opens the sequence for text run i of the page, of element e,
// drawn as drawn, with an ActualText when actual is not "".
func (t *tagger) text(e display.Elem, i int, drawn, actual string) {
	if t.bodyOf(e) == nil {
		t.set(seq{artifact: t.artifact(e)})
		return
	}
	if t.first[e] != t.page {
		if t.elems[e].Role == display.TableCell {
			// A header row repeated on a page the table continues on.
			t.set(seq{artifact: "<</Type /Pagination>>"})
			return
		}
	} else if t.marker[e] == i {
		t.set(seq{node: t.lbl[e]})
		return
	}
	// parent is the node the run is read in, in language ctx ("": the
	// element's); a run in another language is read in a Span in it.
	parent, ctx, lang := t.body[e], "", t.langOf[i]
	if lk := t.linkOf[i]; lk != nil {
		if !lk.placed {
			// A link whose text starts in another language is read in
			// a Span in that language.
			lp := parent
			if lang != "" {
				lp = t.spanIn(parent, lang)
			} else {
				t.endSpan(parent)
			}
			lp.Content = append(lp.Content, pdfpost.MCR{Kid: lk.node})
			lk.placed, lk.lang = true, lang
		}
		if actual != "" {
			lk.text.WriteString(actual)
		} else {
			lk.text.WriteString(drawn)
		}
		parent, ctx = lk.node, lk.lang
	}
	if lang != ctx {
		if lang == "" {
			// Back in the element's language, inside a link in another.
			lang = t.elems[e].Lang
			if lang == "" {
				lang = t.lang
			}
		}
		t.set(seq{node: t.spanIn(parent, lang), actual: actual})
		return
	}
	t.endSpan(parent)
	t.set(seq{node: parent, actual: actual})
}

// spanIn returns the Span in lang of parent that the text read in parent
// continues, or a new one, added to parent's content.
func (t *tagger) spanIn(parent *pdfpost.Node, lang string) *pdfpost.Node {
	if t.span != nil && t.spanParent == parent && t.span.Lang == lang {
		return t.span
	}
	t.span, t.spanParent = &pdfpost.Node{Type: "Span", Lang: lang}, parent
	parent.Content = append(parent.Content, pdfpost.MCR{Kid: t.span})
	return t.span
}

// endSpan ends the Span last opened in parent: text read in parent
// follows it.
func (t *tagger) endSpan(parent *pdfpost.Node) {
	if t.spanParent == parent {
		t.span = nil
	}
}

// words returns what text run i of texts is drawn as in a tagged PDF, so
// that the structure tree reads as words, as pdftotext does: the layout
// draws each word (or piece of one in another face) on its own, without
// the spaces between them. A run followed, in the same element, by a run
// a gap away on its line, by one on a later line or by one on a later
// page gets a space at its end: invisible, and the next run is placed on
// its own anyway. A run the layout ended with a hyphen, breaking a word
// at the end of a line, is drawn as it is, with an ActualText without
// the hyphen (actual != "").
func (t *tagger) words(texts []display.Text, i int, width func(display.Text) float64) (drawn, actual string) {
	if t.planned != t.page || len(t.drawn) != len(texts) {
		t.plan(texts, width)
	}
	return t.drawn[i], t.actual[i]
}

// plan works out what words returns for every run of the page, the runs
// drawn with a space after them sharing one string.
func (t *tagger) plan(texts []display.Text, width func(display.Text) float64) {
	t.planned = t.page
	n := len(texts)
	t.drawn = slices.Grow(t.drawn[:0], n)[:n]
	t.actual = slices.Grow(t.actual[:0], n)[:n]
	t.spaced = slices.Grow(t.spaced[:0], n)[:n]
	size := 0
	for i := range texts {
		t.spaced[i], t.actual[i] = t.spaceAfter(texts, i, width)
		if t.spaced[i] {
			size += len(texts[i].Text) + 1
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i, r := range texts {
		if t.spaced[i] {
			b.WriteString(r.Text)
			b.WriteByte(' ')
		}
	}
	all, at := b.String(), 0
	for i, r := range texts {
		t.drawn[i] = r.Text
		if t.spaced[i] {
			t.drawn[i] = all[at : at+len(r.Text)+1]
			at += len(r.Text) + 1
		}
	}
}

// spaceAfter tells whether run i of texts is drawn with a space after
// it, and its ActualText (see words).
func (t *tagger) spaceAfter(texts []display.Text, i int, width func(display.Text) float64) (space bool, actual string) {
	r := texts[i]
	e := r.Elem
	if t.bodyOf(e) == nil || t.marker[e] == i && t.first[e] == t.page {
		return false, ""
	}
	if t.hyphenated[i] && len(r.Text) > 1 && r.Text[len(r.Text)-1] == '-' {
		return false, r.Text[:len(r.Text)-1]
	}
	next := -1
	for j := i + 1; j < len(texts); j++ {
		if texts[j].Elem == e {
			next = j
			break
		}
	}
	switch {
	case next < 0:
		return t.lastPage[e] > t.page, ""
	case texts[next].X > r.X && math.Abs(texts[next].Y-r.Y) < r.Size:
		// On the same line (a footnote mark is raised).
		return texts[next].X-(r.X+width(r)) > 0.08*r.Size, ""
	}
	return true, ""
}
