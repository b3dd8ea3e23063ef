package layout

import (
	"slices"

	"golang.org/x/text/cases"

	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/hyphen"
)

// Layout lays doc out in the house style st with the font family fam.
// fam must cover every character of doc (check it first): a character
// without a glyph measures zero.
func Layout(doc *document.Document, st Style, fam *fonts.Family) *Pages {
	reg := fam.Face(fonts.Regular)
	f := &flow{
		st:      st,
		m:       measurer{fam: fam},
		upper:   cases.Upper(doc.Lang),
		ascent:  float64(reg.Ascent) / 1000,
		descent: float64(reg.Descent) / 1000,
	}
	f.ties, f.tiesSource = tieRulesFor(doc.Lang), tieRulesFor(doc.Source)
	keep := nameWords(doc.Names)
	if h := hyphen.For(doc.Lang.String()); h != nil {
		f.hy = &hyphenation{h: h, keep: keep}
	}
	f.hySource = f.hy
	if doc.Source != doc.Lang {
		f.hySource = nil
		if h := hyphen.For(doc.Source.String()); h != nil {
			f.hySource = &hyphenation{h: h, keep: keep}
		}
	}
	f.build(doc)
	pages, ranges := paginate(&f.boxes, st, header(doc, st, f))
	pages.Stats = stats(&f.boxes, ranges)
	return pages
}

// paginate fills pages with boxes. When a box does not fit, the page
// breaks before it, or earlier if the boxes before it must stay with it
// (keepWithNext); a chain of kept boxes longer than a page is broken
// where the page is full.
//
// head, when not nil, adds the running header and footer to each page
// before its boxes' items.
func paginate(boxes *boxList, st Style, head func(pg *Page, i, n int)) (*Pages, [][2]int) {
	avail := st.Page.Height - st.Page.MarginTop - st.Page.MarginBottom
	var ranges [][2]int
	start, y := 0, 0.0
	for i := 0; i < boxes.len(); {
		h := boxes.at(i).height
		if i > start {
			h += boxes.at(i).spaceBefore
		}
		if i == start || y+h <= avail+1e-6 {
			y += h
			i++
			continue
		}
		j := i
		for j > start+1 && boxes.at(j-1).keepWithNext {
			j--
		}
		if boxes.at(j - 1).keepWithNext {
			j = i // the whole page is one kept chain: break where it is full
		}
		ranges = append(ranges, [2]int{start, j})
		start, y, i = j, 0, j
	}
	if start < boxes.len() {
		ranges = append(ranges, [2]int{start, boxes.len()})
	}
	out := &Pages{Width: st.Page.Width, Height: st.Page.Height, Pages: make([]Page, 0, len(ranges))}
	for pi, r := range ranges {
		var pg Page
		if head != nil {
			head(&pg, pi, len(ranges))
		}
		pg.grow(boxes, r[0], r[1])
		y := st.Page.MarginTop
		for i := r[0]; i < r[1]; i++ {
			b := boxes.at(i)
			if i > r[0] {
				y += b.spaceBefore
			}
			pg.appendShifted(&b.page, st.Page.MarginLeft, y)
			y += b.height
		}
		out.Pages = append(out.Pages, pg)
	}
	return out, ranges
}

// grow makes room in p for the items of boxes from to to.
func (p *Page) grow(boxes *boxList, from, to int) {
	var nr, ni, nu, nt, nl, na, nb int
	for i := from; i < to; i++ {
		q := &boxes.at(i).page
		nr += len(q.Rects)
		ni += len(q.Images)
		nu += len(q.Rules)
		nt += len(q.Texts)
		nl += len(q.Links)
		na += len(q.Anchors)
		nb += len(q.Bookmarks)
	}
	p.Rects = slices.Grow(p.Rects, nr)
	p.Images = slices.Grow(p.Images, ni)
	p.Rules = slices.Grow(p.Rules, nu)
	p.Texts = slices.Grow(p.Texts, nt)
	p.Links = slices.Grow(p.Links, nl)
	p.Anchors = slices.Grow(p.Anchors, na)
	p.Bookmarks = slices.Grow(p.Bookmarks, nb)
}

// appendShifted adds the items of a box's page q placed with its top
// left corner at (x, y) of the page: what moving the box down by y and
// then right by x gives.
func (p *Page) appendShifted(q *Page, x, y float64) {
	for _, r := range q.Rects {
		r.Y += y
		r.X += x
		p.Rects = append(p.Rects, r)
	}
	for _, im := range q.Images {
		im.Y += y
		im.X += x
		p.Images = append(p.Images, im)
	}
	for _, r := range q.Rules {
		r.Y1 += y
		r.Y2 += y
		r.X1 += x
		r.X2 += x
		p.Rules = append(p.Rules, r)
	}
	for _, t := range q.Texts {
		t.Y += y
		t.X += x
		p.Texts = append(p.Texts, t)
	}
	for _, l := range q.Links {
		l.Y += y
		l.X += x
		p.Links = append(p.Links, l)
	}
	for _, a := range q.Anchors {
		a.Y += y
		p.Anchors = append(p.Anchors, a)
	}
	for _, b := range q.Bookmarks {
		b.Y += y
		p.Bookmarks = append(p.Bookmarks, b)
	}
}

// header returns what adds the running header and the footer to page i
// (from 0) of n, before the page's own items.
func header(doc *document.Document, st Style, f *flow) func(pg *Page, i, n int) {
	right := st.Page.Width - st.Page.MarginRight
	return func(pg *Page, i, n int) {
		y := st.Header.Top
		x := st.Page.MarginLeft
		if lg := st.Logo; lg.PixelWidth > 0 && lg.PixelHeight > 0 && lg.Height > 0 {
			w := lg.Height * float64(lg.PixelWidth) / float64(lg.PixelHeight)
			// Centred on the two brand lines.
			mid := y - st.Type.Organization*0.35 + st.Type.Organization*1.35/2
			pg.Images = append(pg.Images, Image{X: x, Y: mid - lg.Height/2, W: w, H: lg.Height, Name: LogoName})
			x += w + 8
		}
		pg.Texts = append(pg.Texts,
			Text{X: x, Y: y, Face: fonts.Bold, Size: st.Type.Organization, Color: st.Colors.Brand, Text: doc.Brand.Organization},
			Text{X: x, Y: y + st.Type.Organization*1.35, Face: fonts.Regular, Size: st.Type.Tagline, Color: st.Colors.Muted, Text: doc.Brand.Tagline},
		)
		ry := y + st.Type.Organization*1.35 + st.Header.RuleGap
		pg.Rules = append(pg.Rules, Rule{X1: st.Page.MarginLeft, Y1: ry, X2: right, Y2: ry, Width: 0.6, Color: st.Colors.Brand})
		footer := doc.Footer(i+1, n)
		w := f.m.width(fonts.Regular, footer, st.Type.Footer)
		fy := st.Page.Height - st.Header.FooterBaseline
		pg.Texts = append(pg.Texts, Text{X: (st.Page.Width - w) / 2, Y: fy, Face: fonts.Regular, Size: st.Type.Footer, Color: st.Colors.Muted, Text: footer})
	}
}
