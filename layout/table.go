package layout

import (
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/markup"
)

// Table is a table to set: a header row, repeated at the top of every
// page the table continues on, and rows of cells of styled text.
type Table struct {
	Columns []Column
	// Header holds a cell per column; Rows hold a cell per column each.
	Header []Cell
	Rows   [][]Cell
	// Style sets the body cells, HeaderStyle the header cells; a cell
	// takes its column's alignment. Both are set ragged, with hyphenation.
	Style, HeaderStyle TextStyle
	// Padding is the space between a cell's edges and its text.
	Padding float64
	// RuleWidth and RuleColor draw a rule under the header and under each
	// row; HeaderRuleWidth is the rule under the header.
	RuleWidth, HeaderRuleWidth float64
	RuleColor                  display.Color
	// SpaceBefore is put above the table, unless it starts a page.
	SpaceBefore float64
}

// Column is a table column: its width and its cells' alignment.
type Column struct {
	// Width is the column's width: Points wide, or Fraction of the text
	// width, or, when both are 0, automatic: a share of the width the
	// others leave, by the widths of its cells' text.
	Points, Fraction float64
	// Align aligns the cells' lines; Right for numbers.
	Align Align
}

// automatic reports whether the column's width is automatic.
func (c Column) automatic() bool { return c.Points == 0 && c.Fraction == 0 }

// Cell is a table cell's text.
type Cell struct {
	Spans []markup.Span
	// Draft marks untranslated text, as TextStyle.Draft does.
	Draft bool
}

// SetTable sets a table into boxes: one unbreakable box per row, each
// with the header to repeat when the row starts a page. A row taller
// than a page is drawn past the page's foot (rows are not split).
func (t *Typesetter) SetTable(tb Table) []Box {
	width := t.opt.Page.TextWidth()
	cols := t.columnWidths(tb, width)
	header := t.row(tb, tb.Header, cols, tb.HeaderStyle, tb.HeaderRuleWidth, 1, true)
	header.KeepWithNext = true
	hdr := new(Box)
	*hdr = header
	out := []Box{header}
	for i, r := range tb.Rows {
		b := t.row(tb, r, cols, tb.Style, tb.RuleWidth, int32(i+2), false)
		b.header = hdr
		// No row alone under the header at the foot of a page, and none
		// alone at the top of the next.
		b.KeepWithNext = i == 0 || i == len(tb.Rows)-2
		out = append(out, b)
	}
	out[0].SpaceBefore = tb.SpaceBefore
	return out
}

// row sets the cells of one row side by side, in one box as tall as its
// tallest cell, with a rule under it; the cells' elements are of row n
// (from 1), the header row when header is set.
func (t *Typesetter) row(tb Table, cells []Cell, widths []float64, ts TextStyle, rule float64, n int32, header bool) Box {
	var b Box
	x, h := 0.0, 0.0
	for i, c := range cells {
		if i >= len(widths) {
			break
		}
		cs := ts
		cs.Align, cs.Ragged, cs.Draft = tb.Columns[i].Align, true, c.Draft
		if cs.Align == Justify {
			cs.Align = Left
		}
		w := widths[i]
		cell := len(t.elems) // the cell's element (its notes' come after it)
		ls := t.set(Paragraph{Spans: c.Spans, Style: cs, Role: display.TableCell,
			Indent: x + tb.Padding, RightIndent: t.opt.Page.TextWidth() - x - w + tb.Padding}, t.cellSc)
		t.elems[cell].Row, t.elems[cell].Header = n, header
		g := Group(ls)
		b.Items.Shift(&g.Items, 0, tb.Padding)
		b.trace = append(b.trace, g.trace...)
		b.notes = append(b.notes, g.notes...)
		h = max(h, g.Height)
		x += w
	}
	b.Height = h + 2*tb.Padding
	if rule > 0 {
		b.Items.Rules = append(b.Items.Rules, display.Rule{X1: 0, Y1: b.Height, X2: x, Y2: b.Height, Width: rule, Color: tb.RuleColor})
	}
	return b
}

// columnWidths gives each column its width out of width: fixed and
// relative columns first, then the automatic ones share what is left in
// proportion to the natural width of their widest cell (at least their
// longest word), and the whole table fills the width.
func (t *Typesetter) columnWidths(tb Table, width float64) []float64 {
	n := len(tb.Columns)
	out := make([]float64, n)
	left := width
	auto := 0.0
	for i, c := range tb.Columns {
		switch {
		case c.Points > 0:
			out[i] = c.Points
		case c.Fraction > 0:
			out[i] = c.Fraction * width
		}
		left -= out[i]
	}
	natural := make([]float64, n)
	minimum := make([]float64, n)
	measure := func(cells []Cell, ts TextStyle) {
		for i, c := range cells {
			if i >= n {
				break
			}
			t.cellSc.pieces, t.cellSc.shy = t.cellSc.pieces[:0], t.cellSc.shy[:0]
			ws := t.m.words(c.Spans, ts, t.cellSc)
			line := 0.0
			for k, w := range ws {
				line += w.w
				if k < len(ws)-1 {
					line += w.space
				}
				minimum[i] = max(minimum[i], w.w+2*tb.Padding)
			}
			natural[i] = max(natural[i], line+2*tb.Padding)
		}
	}
	measure(tb.Header, tb.HeaderStyle)
	for _, r := range tb.Rows {
		measure(r, tb.Style)
	}
	for i, c := range tb.Columns {
		if c.automatic() {
			auto += natural[i]
		}
	}
	if auto == 0 {
		return out
	}
	// Each automatic column gets at least its longest word; the rest of
	// the width goes by natural widths.
	floor := 0.0
	for i, c := range tb.Columns {
		if c.automatic() {
			out[i] = minimum[i]
			floor += minimum[i]
		}
	}
	spare := max(left-floor, 0)
	for i, c := range tb.Columns {
		if c.automatic() {
			out[i] += spare * natural[i] / auto
		}
	}
	return out
}
