package render

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/pdfread"
)

// TestTaggedCaptions: a caption is the last kid of the Figure before it
// or the first of the Table after it, and, with neither, a paragraph; a
// figure has the bounding box of its picture in the page's user space;
// an element with a language has its /Lang; a table's rows are its
// cells' Rows, the header row's cells TH.
func TestTaggedCaptions(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	els := []display.Element{{Role: display.Decoration},
		{Role: display.Figure, Alt: "a square"}, {Role: display.Caption},
		{Role: display.Caption}, {Role: display.Paragraph, Lang: "fr"},
		{Role: display.Caption},
		{Role: display.TableCell, Row: 1, Header: true}, {Role: display.TableCell, Row: 1, Header: true},
		{Role: display.TableCell, Row: 2}, {Role: display.TableCell, Row: 2},
	}
	var pg display.Page
	pg.Images = []display.Image{{X: 10, Y: 20, W: 30, H: 40, Name: "sq", Elem: 1}}
	for e := 2; e < len(els); e++ {
		pg.Texts = append(pg.Texts, display.Text{X: 10, Y: 70 + 12*float64(e), Size: 10, Text: "t" + strings.Repeat("x", e), Elem: display.Elem(e)})
	}
	doc := &display.Document{Width: 300, Height: 250, Meta: display.Meta{Date: date, Lang: "en"}, Elements: els, Pages: []display.Page{pg},
		Images: map[string]display.ImageFile{"sq": {Format: "png", Data: squarePNG(t)}}}
	var out bytes.Buffer
	if err := Write(&out, doc, Options{Family: fam, Tagged: true}); err != nil {
		t.Fatal(err)
	}
	d, err := pdfread.Read(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var tree func(e *pdfread.Elem) string
	tree = func(e *pdfread.Elem) string {
		s := e.Type
		if e.Lang != "" {
			s += "@" + e.Lang
		}
		if len(e.Kids) > 0 {
			var kids []string
			for _, k := range e.Kids {
				kids = append(kids, tree(k))
			}
			s += "(" + strings.Join(kids, " ") + ")"
		}
		return s
	}
	if got, want := tree(d.Structure), "Document(Figure(Caption) P P@fr Table(Caption TR(TH TH) TR(TD TD)))"; got != want {
		t.Errorf("structure %s, want %s", got, want)
	}
	if fig := d.Structure.Kids[0]; len(fig.BBox) != 4 || fig.BBox[0] != 10 || fig.BBox[1] != 190 || fig.BBox[2] != 40 || fig.BBox[3] != 230 {
		t.Errorf("Figure BBox %v, want [10 190 40 230]", fig.BBox)
	}
}

// squarePNG is a small grey PNG.
func squarePNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
