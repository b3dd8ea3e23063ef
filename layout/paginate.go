package layout

import (
	"slices"

	"github.com/reportgen/reportgen/display"
)

// Paginate fills pages with the flow's boxes and returns the display
// list. When a box does not fit, the page breaks before it, or earlier if
// the boxes before it must stay with it (KeepWithNext); a chain of kept
// boxes longer than a page is broken where the page is full.
//
// decorate, when not nil, adds the running header and footer of page i
// (from 0) of n, before the page's own items.
func (t *Typesetter) Paginate(decorate func(pg *display.Page, i, n int)) *display.Document {
	pg := t.opt.Page
	avail := pg.Height - pg.MarginTop - pg.MarginBottom
	ns := t.opt.Notes
	t.ranges = paginate(&t.boxes, avail, ns)
	out := &display.Document{Width: pg.Width, Height: pg.Height, Kerning: t.opt.Kerning, Elements: t.elems, Pages: make([]display.Page, 0, len(t.ranges))}
	for pi, r := range t.ranges {
		var p display.Page
		if decorate != nil {
			decorate(&p, pi, len(t.ranges))
		}
		grow(&p, &t.boxes, r[0], r[1])
		y := pg.MarginTop
		if hd := t.boxes.at(r[0]).header; hd != nil {
			p.Shift(&hd.Items, pg.MarginLeft, y) // a table's header, repeated
			y += hd.Height
		}
		for i := r[0]; i < r[1]; i++ {
			b := t.boxes.at(i)
			if i > r[0] {
				y += b.SpaceBefore
			}
			p.Shift(&b.Items, pg.MarginLeft, y)
			y += b.Height
		}
		// The page's footnotes, at the foot of the text area, under a
		// short rule.
		if h := notesHeight(&t.boxes, r[0], r[1], ns); h > 0 {
			y := pg.MarginTop + avail - h + ns.Gap
			ry := y - ns.Gap/2
			p.Rules = append(p.Rules, display.Rule{X1: pg.MarginLeft, Y1: ry, X2: pg.MarginLeft + ns.RuleLength*pg.TextWidth(), Y2: ry, Width: ns.RuleWidth, Color: ns.RuleColor})
			first := true
			for i := r[0]; i < r[1]; i++ {
				for _, n := range t.boxes.at(i).notes {
					if !first {
						y += ns.Space
					}
					first = false
					p.Shift(&n.Items, pg.MarginLeft, y)
					y += n.Height
				}
			}
		}
		out.Pages = append(out.Pages, p)
	}
	return out
}

// paginate returns the boxes of each page, [from, to), for pages avail
// points high. A box's footnotes go on its page: they take room from the
// foot of the page, so a line whose notes do not fit moves to the next.
func paginate(boxes *boxList, avail float64, ns NoteStyle) [][2]int {
	var ranges [][2]int
	start, y, notes := 0, 0.0, 0.0
	for i := 0; i < boxes.len(); {
		h := boxes.at(i).Height
		if i > start {
			h += boxes.at(i).SpaceBefore
		}
		nh := notesHeight(boxes, i, i+1, ns)
		if nh > 0 && notes > 0 {
			nh += ns.Space - ns.Gap // the separator is there already
		}
		if i == start {
			if hd := boxes.at(i).header; hd != nil {
				h += hd.Height // repeated above the page's first row
			}
		}
		if i == start || y+h+notes+nh <= avail+1e-6 {
			y += h
			notes += nh
			i++
			continue
		}
		j := i
		for j > start+1 && boxes.at(j-1).KeepWithNext {
			j--
		}
		if boxes.at(j - 1).KeepWithNext {
			j = i // the whole page is one kept chain: break where it is full
		}
		ranges = append(ranges, [2]int{start, j})
		start, y, notes, i = j, 0, 0, j
	}
	if start < boxes.len() {
		ranges = append(ranges, [2]int{start, boxes.len()})
	}
	return ranges
}

// notesHeight is the height the footnotes of boxes from to to take at
// the foot of a page, with the gap above them; 0 when there are none.
func notesHeight(boxes *boxList, from, to int, ns NoteStyle) float64 {
	h, n := 0.0, 0
	for i := from; i < to; i++ {
		for _, b := range boxes.at(i).notes {
			h += b.Height
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return h + ns.Gap + float64(n-1)*ns.Space
}

// grow makes room in p for the items of boxes from to to.
func grow(p *display.Page, boxes *boxList, from, to int) {
	var nr, ni, nu, nt, nl, na, nb int
	for i := from; i < to; i++ {
		q := &boxes.at(i).Items
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

// Stats measures the typography of the paginated flow.
func (t *Typesetter) Stats() Stats { return stats(&t.boxes, t.ranges) }
