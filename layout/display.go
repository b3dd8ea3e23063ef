// Package layout turns a document.Document into pages of positioned items,
// a display list, without drawing anything.
//
// The engine works in three steps, one file each:
//
//	flow.go      document → a flow of lines: paragraphs broken into lines
//	             (linebreak.go), headings, spaces, each line marked with
//	             whether the page may break after it
//	paginate.go  flow → pages: fill each page, move kept lines together,
//	             no widows or orphans, headings kept with what follows
//	page.go      each page gets its running header and "Page N of M" footer
//
// The display list (this file) is all a backend needs: text runs with font
// face, size, colour and baseline position; rules; filled rectangles; link
// areas; link destinations; outline entries. Units are PDF points, origin
// at the top left of the page, y growing downwards. Because pages are
// complete before drawing, the page count is known for every footer.
package layout

import (
	"fmt"
	"io"
	"strconv"

	"github.com/reportgen/reportgen/fonts"
)

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Pages is the laid-out document.
type Pages struct {
	// Width and Height of every page, in points.
	Width, Height float64
	Pages         []Page
	// Stats measures the typography of the pages.
	Stats Stats
}

// Page is one page of items, drawn in the order: rectangles, images,
// rules, text.
type Page struct {
	Rects     []Rect
	Images    []Image
	Rules     []Rule
	Texts     []Text
	Links     []Link
	Anchors   []Anchor
	Bookmarks []Bookmark
}

// Text is a run of text in one face, size and colour, drawn with its
// baseline starting at (X, Y).
type Text struct {
	X, Y  float64
	Face  fonts.Face
	Size  float64
	Color Color
	Text  string
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
}

// Rect is a filled rectangle.
type Rect struct {
	X, Y, W, H float64
	Color      Color
}

// Image is a picture drawn into the box X, Y, W, H. Name identifies the
// image data the backend was given.
type Image struct {
	X, Y, W, H float64
	Name       string
}

// Link is a clickable area. A URL starting with "#" is a destination
// inside the document (see Anchor).
type Link struct {
	X, Y, W, H float64
	URL        string
}

// Anchor is a named destination at height Y of its page.
type Anchor struct {
	Name string
	Y    float64
}

// Bookmark is an entry of the PDF outline pointing at height Y.
type Bookmark struct {
	Title string
	Level int
	Y     float64
}

// WriteTo writes the display list in a stable, readable text form, for
// golden files and debugging.
func (p *Pages) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	fmt.Fprintf(cw, "pages %d size %s x %s\n", len(p.Pages), f(p.Width), f(p.Height))
	for i, pg := range p.Pages {
		fmt.Fprintf(cw, "\npage %d\n", i+1)
		for _, r := range pg.Rects {
			fmt.Fprintf(cw, "  rect %s %s %s %s #%02x%02x%02x\n", f(r.X), f(r.Y), f(r.W), f(r.H), r.Color.R, r.Color.G, r.Color.B)
		}
		for _, im := range pg.Images {
			fmt.Fprintf(cw, "  image %s %s %s %s %s\n", f(im.X), f(im.Y), f(im.W), f(im.H), im.Name)
		}
		for _, r := range pg.Rules {
			fmt.Fprintf(cw, "  rule %s %s %s %s w%s\n", f(r.X1), f(r.Y1), f(r.X2), f(r.Y2), f(r.Width))
		}
		for _, b := range pg.Bookmarks {
			fmt.Fprintf(cw, "  bookmark %d %s %q\n", b.Level, f(b.Y), b.Title)
		}
		for _, a := range pg.Anchors {
			fmt.Fprintf(cw, "  anchor %s %s\n", a.Name, f(a.Y))
		}
		for _, t := range pg.Texts {
			fmt.Fprintf(cw, "  text %s %s %s %s %q\n", f(t.X), f(t.Y), t.Face, f(t.Size), t.Text)
		}
		for _, l := range pg.Links {
			fmt.Fprintf(cw, "  link %s %s %s %s %s\n", f(l.X), f(l.Y), f(l.W), f(l.H), l.URL)
		}
	}
	return cw.n, cw.err
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(b []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(b)
	c.n += int64(n)
	c.err = err
	return n, err
}
