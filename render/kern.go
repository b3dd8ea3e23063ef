package render

import (
	"strconv"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
)

// kernDrawer draws text runs with the fonts' pair kerning, as the layout
// measured them (display.Document.Kerning). fpdf has no kerning: a run
// with a kerned pair is written as one TJ array, its strings cut at each
// kerned pair and the kerning between them, so that each glyph lands
// where the layout measured it and a text extractor reads the run as one
// piece of text, as it would one Tj. A run without kerned pairs is left
// to fpdf's Text.
//
// fpdf embeds in each font only the characters its own text operators
// drew: the characters drawn here are registered with it once, at the end
// (register).
type kernDrawer struct {
	buf []byte
	// drawn are the characters drawn in TJ arrays, by face: BMP ones as
	// bits, others listed; pending those not yet registered with fpdf.
	drawn   [4][]uint64
	pending [4][]rune
}

// draw draws run t, as text (t.Text, and in a tagged PDF maybe a space
// after it), with the kerning of font f, if it has a kerned pair, and
// reports whether it did.
func (kd *kernDrawer) draw(pdf *fpdf.Fpdf, f *fonts.Font, t display.Text, text string) bool {
	// Look for the first kerned pair before building anything: most
	// runs have none.
	prev, first := rune(-1), -1
	for i, r := range t.Text {
		if prev >= 0 && f.Kern(prev, r) != 0 {
			first = i
			break
		}
		prev = r
	}
	if first < 0 {
		return false
	}
	_, h := pdf.GetPageSize()
	b := kd.buf[:0]
	fr, fg, fb := pdf.GetFillColor()
	tr, tg, tb := pdf.GetTextColor()
	color := colorOp(nil, tr, tg, tb)
	// fpdf paints text with the fill colour: it sets the text colour
	// around the text when the two differ, as here.
	wrap := string(colorOp(nil, fr, fg, fb)) != string(color)
	if wrap {
		b = append(b, "q "...)
		b = append(b, color...)
		b = append(b, ' ')
	}
	// Positions as fpdf's Text writes them (the unit is the point).
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, t.X, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, h-t.Y, 'f', 2, 64)
	b = append(b, " Td [("...)
	prev = -1
	for i, r := range text {
		if prev >= 0 && i >= first && i < len(t.Text) {
			if k := f.Kern(prev, r); k != 0 {
				// TJ moves the next glyph left by the number, in
				// 1/1000 of the text size: the kerning, negated.
				b = append(b, ") "...)
				b = strconv.AppendInt(b, int64(-k), 10)
				b = append(b, " ("...)
			}
		}
		prev = r
		b = appendChar(b, r)
		kd.note(t.Face, r)
	}
	b = append(b, ")] TJ ET"...)
	if wrap {
		b = append(b, " Q"...)
	}
	kd.buf = b
	pdf.RawWriteStr(string(b))
	return true
}

// appendChar appends r to a literal string as fpdf encodes text in a
// UTF-8 font: UTF-16BE, with \, ( and ) and carriage returns escaped.
func appendChar(b []byte, r rune) []byte {
	var units [2]uint16
	n := 1
	if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' {
		units[0], units[1], n = uint16(r1), uint16(r2), 2
	} else if r >= 0 && r < 0x10000 {
		units[0] = uint16(r)
	} else {
		units[0] = 0xFFFD
	}
	for _, u := range units[:n] {
		for _, c := range [2]byte{byte(u >> 8), byte(u)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	return b
}

// colorOp appends fpdf's operator for a fill colour.
func colorOp(b []byte, r, g, bl int) []byte {
	comp := func(v int) float64 { return float64(min(max(v, 0), 255)) / 255 }
	// fpdf's test for a grey (it compares red with blue).
	if min(max(r, 0), 255) == min(max(g, 0), 255) && comp(r) == comp(bl) {
		b = strconv.AppendFloat(b, comp(r), 'f', 3, 64)
		return append(b, " g"...)
	}
	for _, v := range []int{r, g, bl} {
		b = strconv.AppendFloat(b, comp(v), 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(b, "rg"...)
}

// note records that r was drawn in face.
func (kd *kernDrawer) note(face fonts.Face, r rune) {
	face &= 3
	if r >= 0 && r < 0x10000 {
		if kd.drawn[face] == nil {
			kd.drawn[face] = make([]uint64, 0x10000/64)
		}
		if kd.drawn[face][r>>6]&(1<<(r&63)) != 0 {
			return
		}
		kd.drawn[face][r>>6] |= 1 << (r & 63)
	}
	kd.pending[face] = append(kd.pending[face], r)
}

// register tells fpdf which characters the TJ arrays drew, so that it
// embeds their glyphs and widths: it draws them in a template that is
// never placed (a template shares its document's fonts and their sets of
// used characters; fpdf has no other way to add to them).
func (kd *kernDrawer) register(pdf *fpdf.Fpdf, fam *fonts.Family) {
	some := false
	for _, p := range kd.pending {
		some = some || len(p) > 0
	}
	if !some {
		return
	}
	pdf.CreateTemplate(func(tpl *fpdf.Tpl) {
		for f, p := range kd.pending {
			if len(p) > 0 {
				tpl.SetFont(fam.Name, fonts.Face(f).Style(), 10)
				tpl.Text(0, 0, string(p))
			}
		}
	})
	kd.pending = [4][]rune{}
}
