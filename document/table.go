package document

import (
	"fmt"
	"strconv"

	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
)

// table resolves a table block: its number (the next in reading order),
// caption after the label table.label ("Table 1."), headers and cells. A
// cell without a letter is not a message: it is shown as written.
func (rs *resolver) table(bp string, b sources.Block) *Table {
	rs.tables++
	tb := &Table{Number: rs.tables}
	label := tieNumber(rs.text("table.label", map[string]any{"Number": tb.Number}), strconv.Itoa(tb.Number))
	tb.Caption = Paragraph{ID: bp + ".caption", Spans: []markup.Span{{Text: label, Style: markup.Bold}}}
	if b.Caption != "" {
		c := rs.spans(bp + ".caption")
		tb.Caption.Spans = append(tb.Caption.Spans, markup.Span{Text: " "})
		tb.Caption.Spans = append(tb.Caption.Spans, c.Spans...)
		tb.Caption.Fallback = c.Fallback
	}
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
