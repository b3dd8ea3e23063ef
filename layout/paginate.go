package layout

import (
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
	if h := hyphen.For(doc.Lang.String()); h != nil {
		f.hy = &hyphenation{h: h, keep: nameWords(doc.Names)}
	}
	f.build(doc)
	pages, ranges := paginate(f.boxes, st)
	pages.Stats = stats(f.boxes, ranges)
	decorate(pages, doc, st, f)
	return pages
}

// paginate fills pages with boxes. When a box does not fit, the page
// breaks before it, or earlier if the boxes before it must stay with it
// (keepWithNext); a chain of kept boxes longer than a page is broken
// where the page is full.
func paginate(boxes []box, st Style) (*Pages, [][2]int) {
	avail := st.Page.Height - st.Page.MarginTop - st.Page.MarginBottom
	var ranges [][2]int
	start, y := 0, 0.0
	for i := 0; i < len(boxes); {
		h := boxes[i].height
		if i > start {
			h += boxes[i].spaceBefore
		}
		if i == start || y+h <= avail+1e-6 {
			y += h
			i++
			continue
		}
		j := i
		for j > start+1 && boxes[j-1].keepWithNext {
			j--
		}
		if boxes[j-1].keepWithNext {
			j = i // the whole page is one kept chain: break where it is full
		}
		ranges = append(ranges, [2]int{start, j})
		start, y, i = j, 0, j
	}
	if start < len(boxes) {
		ranges = append(ranges, [2]int{start, len(boxes)})
	}
	out := &Pages{Width: st.Page.Width, Height: st.Page.Height}
	for _, r := range ranges {
		var pg Page
		y := st.Page.MarginTop
		for i := r[0]; i < r[1]; i++ {
			b := boxes[i]
			if i > r[0] {
				y += b.spaceBefore
			}
			shifted := Page{}
			shifted.append(b.page, y)
			for k := range shifted.Texts {
				shifted.Texts[k].X += st.Page.MarginLeft
			}
			for k := range shifted.Links {
				shifted.Links[k].X += st.Page.MarginLeft
			}
			for k := range shifted.Rects {
				shifted.Rects[k].X += st.Page.MarginLeft
			}
			for k := range shifted.Rules {
				shifted.Rules[k].X1 += st.Page.MarginLeft
				shifted.Rules[k].X2 += st.Page.MarginLeft
			}
			pg.append(shifted, 0)
			y += b.height
		}
		out.Pages = append(out.Pages, pg)
	}
	return out, ranges
}

// decorate adds the running header and the footer to every page.
func decorate(pages *Pages, doc *document.Document, st Style, f *flow) {
	n := len(pages.Pages)
	right := st.Page.Width - st.Page.MarginRight
	for i := range pages.Pages {
		pg := &pages.Pages[i]
		var dec Page
		y := st.Header.Top
		x := st.Page.MarginLeft
		if lg := st.Logo; lg.PixelWidth > 0 && lg.PixelHeight > 0 && lg.Height > 0 {
			w := lg.Height * float64(lg.PixelWidth) / float64(lg.PixelHeight)
			// Centred on the two brand lines.
			mid := y - st.Type.Organization*0.35 + st.Type.Organization*1.35/2
			dec.Images = append(dec.Images, Image{X: x, Y: mid - lg.Height/2, W: w, H: lg.Height, Name: LogoName})
			x += w + 8
		}
		dec.Texts = append(dec.Texts,
			Text{X: x, Y: y, Face: fonts.Bold, Size: st.Type.Organization, Color: st.Colors.Brand, Text: doc.Brand.Organization},
			Text{X: x, Y: y + st.Type.Organization*1.35, Face: fonts.Regular, Size: st.Type.Tagline, Color: st.Colors.Muted, Text: doc.Brand.Tagline},
		)
		ry := y + st.Type.Organization*1.35 + st.Header.RuleGap
		dec.Rules = append(dec.Rules, Rule{X1: st.Page.MarginLeft, Y1: ry, X2: right, Y2: ry, Width: 0.6, Color: st.Colors.Brand})
		footer := doc.Footer(i+1, n)
		w := f.m.width(fonts.Regular, footer, st.Type.Footer)
		fy := st.Page.Height - st.Header.FooterBaseline
		dec.Texts = append(dec.Texts, Text{X: (st.Page.Width - w) / 2, Y: fy, Face: fonts.Regular, Size: st.Type.Footer, Color: st.Colors.Muted, Text: footer})
		dec.append(*pg, 0)
		*pg = dec
	}
}
