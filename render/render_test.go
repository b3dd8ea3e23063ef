package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
)

// date is written into the test PDFs: with none, fpdf writes the time.
var date = time.Date(2021, 1, 28, 0, 0, 0, 0, time.UTC)

// TestFontBytesUntouched checks that writing a PDF leaves the family's
// font bytes as they were, so that PDFs built one after the other, or at
// once, from one family are byte-identical. fpdf writes into the font it
// is given when a used glyph lies past the font's last long horizontal
// metric: in a subset made by pyftsubset alone, the combining accents
// (U+0301, U+0306, U+0308 of decomposed text here); the shipped fonts
// store every glyph's metrics in full (fonts/subset.sh).
func TestFontBytesUntouched(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	var before [4][]byte
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		if fam.Face(f).ShortMetrics {
			t.Errorf("%s: the shipped font has short metrics; see fonts/subset.sh", f)
		}
		before[f] = bytes.Clone(fam.Face(f).Data)
	}
	pages := &display.Document{Width: 300, Height: 200, Meta: display.Meta{Date: date}, Pages: []display.Page{{}}}
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		pages.Pages[0].Texts = append(pages.Pages[0].Texts, display.Text{X: 10, Y: 20 + 20*float64(f), Face: f, Size: 10, Text: "Cafe\u0301, е\u0308лка, и\u0306од"})
	}
	var out [2]bytes.Buffer
	for i := range out {
		if err := Write(&out[i], pages, Options{Family: fam}); err != nil {
			t.Fatal(err)
		}
	}
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		if !bytes.Equal(before[f], fam.Face(f).Data) {
			t.Errorf("%s: font bytes changed by Write", f)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two PDFs of the same pages differ")
	}
}

// TestShortMetricsFontCopied checks the same for a font that stores some
// advance widths in hmtx's short form, which fpdf writes into: here the
// shipped regular face with hhea.numberOfHMetrics lowered to leave the
// combining accents (the last glyphs) in the short form.
func TestShortMetricsFontCopied(t *testing.T) {
	reg, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Clone(reg.Face(fonts.Regular).Data)
	hhea, _ := table(t, data, "hhea")
	maxp, _ := table(t, data, "maxp")
	glyphs := int(data[maxp+4])<<8 | int(data[maxp+5])
	n := glyphs - 120
	data[hhea+34], data[hhea+35] = byte(n>>8), byte(n)
	_, rec := table(t, data, "hmtx")
	size := 4*n + 2*(glyphs-n) // the rest of the table is left as padding
	data[rec+12], data[rec+13], data[rec+14], data[rec+15] = byte(size>>24), byte(size>>16), byte(size>>8), byte(size)
	f, err := fonts.Parse("short.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	if !f.ShortMetrics {
		t.Fatal("ShortMetrics not set")
	}
	fam := &fonts.Family{Name: "Short", Faces: [4]*fonts.Font{f, f, f, f}}
	before := bytes.Clone(data)
	pages := &display.Document{Width: 300, Height: 200, Meta: display.Meta{Date: date}, Pages: []display.Page{{Texts: []display.Text{
		{X: 10, Y: 20, Size: 10, Text: "Cafe\u0301, е\u0308лка, и\u0306од"},
	}}}}
	var out [2]bytes.Buffer
	for i := range out {
		if err := Write(&out[i], pages, Options{Family: fam}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(before, f.Data) {
		t.Error("font bytes changed by Write")
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two PDFs of the same pages differ")
	}
}

// table returns the offset of a TrueType table in data and that of its
// record in the table directory.
func table(t *testing.T, data []byte, tag string) (offset, record int) {
	t.Helper()
	n := int(data[4])<<8 | int(data[5])
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		if string(rec[:4]) == tag {
			return int(rec[8])<<24 | int(rec[9])<<16 | int(rec[10])<<8 | int(rec[11]), 12 + 16*i
		}
	}
	t.Fatalf("no %s table", tag)
	return 0, 0
}

// TestRelease checks that Release gives the same PDF, empties each page
// of the display list and keeps their number and the statistics.
func TestRelease(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	mk := func() *display.Document {
		p := &display.Document{Width: 300, Height: 200, Meta: display.Meta{Title: "Released", Date: date}}
		for i := range 3 {
			p.Pages = append(p.Pages, display.Page{
				Texts: []display.Text{{X: 10, Y: 20, Size: 10, Text: "Page " + string(rune('1'+i))}},
				Rules: []display.Rule{{X1: 10, Y1: 30, X2: 100, Y2: 30, Width: 1}},
			})
		}
		return p
	}
	kept, released := mk(), mk()
	var a, b bytes.Buffer
	if err := Write(&a, kept, Options{Family: fam}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, released, Options{Family: fam, Release: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Release changes the PDF")
	}
	if len(released.Pages) != 3 || released.Meta != kept.Meta {
		t.Errorf("Release lost the page count or the document information: %d pages, %+v", len(released.Pages), released.Meta)
	}
	for i, pg := range released.Pages {
		if len(pg.Texts) != 0 || len(pg.Rules) != 0 {
			t.Errorf("page %d still holds its items after Release", i+1)
		}
	}
	if len(kept.Pages[0].Texts) != 1 {
		t.Error("Write without Release emptied the pages")
	}
}

// TestImagesOfEqualWidth writes a document with two different images of
// the same width many times: the PDFs are byte-identical (fpdf orders
// images by width, and ties by a map's keys).
func TestImagesOfEqualWidth(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	pic := func(c color.Gray) []byte {
		img := image.NewGray(image.Rect(0, 0, 40, 20))
		for i := range img.Pix {
			img.Pix[i] = c.Y
		}
		var b bytes.Buffer
		png.Encode(&b, img)
		return b.Bytes()
	}
	doc := func() *display.Document {
		return &display.Document{Width: 300, Height: 200, Meta: display.Meta{Date: date},
			Images: map[string]display.ImageFile{"a.png": {Format: "png", Data: pic(color.Gray{Y: 10})}, "b.png": {Format: "png", Data: pic(color.Gray{Y: 200})}, "c.png": {Format: "png", Data: pic(color.Gray{Y: 120})}},
			Pages:  []display.Page{{Images: []display.Image{{X: 10, Y: 10, W: 40, H: 20, Name: "a.png"}, {X: 60, Y: 10, W: 40, H: 20, Name: "b.png"}, {X: 110, Y: 10, W: 40, H: 20, Name: "c.png"}}}}}
	}
	var first []byte
	for i := range 30 {
		var out bytes.Buffer
		if err := Write(&out, doc(), Options{Family: fam}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = out.Bytes()
		} else if !bytes.Equal(first, out.Bytes()) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}
