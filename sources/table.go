package sources

import (
	"errors"
	"fmt"

	"strconv"
	"strings"
	"unicode"

	"github.com/reportgen/reportgen/markup"
)

// ColumnWidth is a table column's width as written: automatic, a
// fraction of the text width, or points.
type ColumnWidth struct {
	Points, Fraction float64
}

// ParseColumnWidth reads "auto" or "" (automatic), "30%" or "120pt".
func ParseColumnWidth(s string) (ColumnWidth, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "" || s == "auto":
		return ColumnWidth{}, nil
	case strings.HasSuffix(s, "%"):
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
		if err != nil || v <= 0 || v > 100 {
			return ColumnWidth{}, fmt.Errorf("width %q must be a percentage of the text width from 1%% to 100%%", s)
		}
		return ColumnWidth{Fraction: v / 100}, nil
	case strings.HasSuffix(s, "pt"):
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "pt"), 64)
		if err != nil || v <= 0 || v > 2000 {
			return ColumnWidth{}, fmt.Errorf("width %q must be a length such as 120pt", s)
		}
		return ColumnWidth{Points: v}, nil
	}
	return ColumnWidth{}, fmt.Errorf("width %q must be auto, a percentage (30%%) or points (120pt)", s)
}

// HasLetter reports whether a table cell has a letter, and so is a
// message to translate; a cell of digits and signs is the same in every
// language.
func HasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// table checks a table block and records its caption, headers and the
// cells that have letters as messages.
func (v *validator) table(bp, prefix string, b Block) {
	n := len(b.Columns)
	switch {
	case n == 0:
		v.errorf(bp, b.ID, "table has no columns; give columns = [{ header = \"…\" }, …]")
		return
	case n > MaxTableColumns:
		v.errorf(bp+".columns", b.ID, "table has %d columns; the limit is %d", n, MaxTableColumns)
		return
	case len(b.Rows) > MaxTableRows:
		v.errorf(bp+".rows", b.ID, "table has %d rows; the limit is %d", len(b.Rows), MaxTableRows)
		return
	case len(b.Rows) == 0:
		v.errorf(bp, b.ID, "table has no rows")
	}
	if b.Caption != "" {
		v.text(bp+".caption", prefix+".caption", b.Caption, true)
	}
	total := 0.0
	for i, c := range b.Columns {
		cp := fmt.Sprintf("%s.columns[%d]", bp, i)
		v.requireText(cp+".header", fmt.Sprintf("%s.h%d", prefix, i+1), "column header", c.Header, true)
		w, err := ParseColumnWidth(c.Width)
		if err != nil {
			v.errorf(cp+".width", b.ID, "%v", err)
		}
		total += w.Fraction
		switch c.Align {
		case "", "left", "right", "center":
		default:
			v.errorf(cp+".align", b.ID, "align %q is not left, right or center", c.Align)
		}
	}
	if total > 1+1e-9 {
		v.errorf(bp+".columns", b.ID, "the columns' percentages add up to %.0f%%, more than the text width", total*100)
	}
	for r, row := range b.Rows {
		rp := fmt.Sprintf("%s.rows[%d]", bp, r)
		if len(row) != n {
			v.errorf(rp, b.ID, "row %d has %d cells; the table has %d columns", r+1, len(row), n)
			continue
		}
		for c, cell := range row {
			cp := fmt.Sprintf("%s[%d]", rp, c)
			if HasLetter(cell) {
				v.text(cp, fmt.Sprintf("%s.r%dc%d", prefix, r+1, c+1), cell, true)
			} else if _, err := markup.Parse(cell); err != nil {
				var me *markup.Error
				if errors.As(err, &me) {
					at := v.stringPos(cp, v.pos(cp), me.Offset)
					v.diags.Errorf(v.l.File, at.Line, at.Col, b.ID, "%s", me.Msg)
				} else {
					v.errorf(cp, b.ID, "%v", err)
				}
			}
		}
	}
}
