package document

import (
	"fmt"

	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
)

// table resolves a table block: its number (the next in reading order),
// caption after the label table.label ("Table 1."), headers and cells. A
// cell without a letter is not a message: it is shown as written.
func (rs *resolver) table(bp string, b sources.Block) *Table {
	rs.tables++
	tb := &Table{Number: rs.tables}
	tb.Caption = rs.caption("table.label", tb.Number, bp, b.Caption != "")
	for i, c := range b.Columns {
		w, _ := sources.ParseColumnWidth(c.Width) // checked when loaded
		tb.Columns = append(tb.Columns, TableColumn{
			Header: rs.spans(fmt.Sprintf("%s.h%d", bp, i+1)),
			Points: w.Points, Fraction: w.Fraction, Align: c.Align,
		})
	}
	for r, row := range b.Rows {
		cells := make([]Paragraph, len(row))
		for c, cell := range row {
			if sources.HasLetter(cell) {
				cells[c] = rs.spans(fmt.Sprintf("%s.r%dc%d", bp, r+1, c+1))
				continue
			}
			spans, _ := markup.Parse(cell) // checked when loaded
			cells[c] = Paragraph{Spans: spans}
		}
		tb.Rows = append(tb.Rows, cells)
	}
	return tb
}
