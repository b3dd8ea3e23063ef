package layout

import (
	"golang.org/x/text/cases"

	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
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
	f.build(doc)
	pages := paginate(f.boxes, st)
	decorate(pages, doc, st, f)
	return pages
}

// paginate fills pages with boxes. When a box does not fit, the page
// breaks before it, or earlier if the boxes before it must stay with it
// (keepWithNext); a chain of kept boxes longer than a page is broken
// where the page is full.
func paginate(boxes []box, st Style) *Pages {
	avail := st.PageHeight - st.MarginTop - st.MarginBottom
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
	out := &Pages{Width: st.PageWidth, Height: st.PageHeight}
	for _, r := range ranges {
		var pg Page
		y := st.MarginTop
		for i := r[0]; i < r[1]; i++ {
			b := boxes[i]
			if i > r[0] {
				y += b.spaceBefore
			}
			shifted := Page{}
			shifted.append(b.page, y)
			for k := range shifted.Texts {
				shifted.Texts[k].X += st.MarginLeft
			}
			for k := range shifted.Links {
				shifted.Links[k].X += st.MarginLeft
			}
			for k := range shifted.Rects {
				shifted.Rects[k].X += st.MarginLeft
			}
			for k := range shifted.Rules {
				shifted.Rules[k].X1 += st.MarginLeft
				shifted.Rules[k].X2 += st.MarginLeft
			}
			pg.append(shifted, 0)
			y += b.height
		}
		out.Pages = append(out.Pages, pg)
	}
	return out
}

// decorate adds the running header and the footer to every page.
func decorate(pages *Pages, doc *document.Document, st Style, f *flow) {
	n := len(pages.Pages)
	right := st.PageWidth - st.MarginRight
	for i := range pages.Pages {
		pg := &pages.Pages[i]
		var dec Page
		y := st.HeaderTop
		dec.Texts = append(dec.Texts,
			Text{X: st.MarginLeft, Y: y, Face: fonts.Bold, Size: st.HeaderSize, Color: st.Brand, Text: doc.Brand.Organization},
			Text{X: st.MarginLeft, Y: y + st.HeaderSize*1.35, Face: fonts.Regular, Size: st.TaglineSize, Color: st.Muted, Text: doc.Brand.Tagline},
		)
		ry := y + st.HeaderSize*1.35 + st.HeaderRuleGap
		dec.Rules = append(dec.Rules, Rule{X1: st.MarginLeft, Y1: ry, X2: right, Y2: ry, Width: 0.6, Color: st.Brand})
		footer := doc.Footer(i+1, n)
		w := f.m.width(fonts.Regular, footer, st.FooterSize)
		fy := st.PageHeight - st.FooterBaselineFromBottom
		dec.Texts = append(dec.Texts, Text{X: (st.PageWidth - w) / 2, Y: fy, Face: fonts.Regular, Size: st.FooterSize, Color: st.Muted, Text: footer})
		dec.append(*pg, 0)
		*pg = dec
	}
}
