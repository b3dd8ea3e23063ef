// Package display is the display list: a laid-out document as pages of
// positioned items, with everything a backend needs to draw it and
// nothing it has to decide.
//
//	Document ── Meta (title, author, language, date …)
//	         ├─ Images (PNG and JPEG files by name)
//	         ├─ Elements (structure: title, headings, paragraphs …)
//	         └─ Pages ── Rects, Images, Rules, Texts, Links   (drawn in that order)
//	                  └─ Anchors, Bookmarks                   (destinations, outline)
//
// Units are PDF points, origin at the top left of the page, y growing
// downwards. Every drawn item names the structure element it belongs to
// (Elem), so a backend can tag the PDF in reading order and mark page
// furniture (running header, footer, decoration) as artifacts. Pages are
// complete before drawing, so the page count is known for every footer.
//
// Package layout produces a Document; package render draws one with fpdf.
package display

import (
	"time"

	"github.com/reportgen/reportgen/fonts"
)

// Document is a laid-out document.
type Document struct {
	// Width and Height of every page, in points.
	Width, Height float64
	// Kerning says the text was measured with the fonts' pair kerning:
	// each run is to be drawn so.
	Kerning bool
	// Meta is the document information.
	Meta Meta
	// Images holds the files of the images the pages draw, by name.
	Images map[string]ImageFile
	// Elements are the structure elements the items belong to, in reading
	// order; an item's Elem indexes this slice. Element 0 is always
	// Decoration: items that are no part of the text.
	Elements []Element
	Pages    []Page
}

// Meta is the document information written into the file.
type Meta struct {
	Title, Author, Subject, Creator, Keywords string
	// Lang is the document's language (BCP 47).
	Lang string
	// Date is the creation and modification date.
	Date time.Time
}

// ImageFile is an image's file.
type ImageFile struct {
	// Format is "png" or "jpeg".
	Format string
	Data   []byte
}

// Role is what a structure element is.
type Role uint8

// The roles. Header, Footer and Decoration are artifacts: page furniture,
// not part of the text a reader or a screen reader follows.
const (
	// Decoration is a rule, a fill or a mark drawn for the eye only.
	Decoration Role = iota
	// Header is the running header of a page.
	Header
	// Footer is the footer of a page (with its page number).
	Footer
	// Title is the document's title.
	Title
	// Heading is a heading; Element.Level is 1 for a section, 2 below it.
	Heading
	// Paragraph is a paragraph of text (a title block line, a notice, a
	// speaker line, a body paragraph).
	Paragraph
	// ListItem is an item of a list.
	ListItem
	// TableCell is a cell of a table.
	TableCell
	// Figure is a picture.
	Figure
	// Caption is the caption of a figure or a table.
	Caption
	// Note is a footnote or an endnote.
	Note
)

var roleNames = [...]string{"decoration", "header", "footer", "title", "heading", "paragraph", "list-item", "table-cell", "figure", "caption", "note"}

// String returns the role's name, as golden files show it.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "role?"
}

// Artifact reports whether items of the role are page furniture.
func (r Role) Artifact() bool { return r <= Footer }

// Elem is the index of an item's structure element in
// Document.Elements.
type Elem int32

// Element is a structure element: a run of items read as one unit.
type Element struct {
	Role Role
	// Level is a heading's level (1 for a section heading) or a list
	// item's nesting level (from 1); 0 otherwise.
	Level int
	// Alt is a figure's text alternative: what it shows, for readers who
	// cannot see it.
	Alt string
	// Lang is the language of the element's text (BCP 47), a figure's
	// of its Alt, when it is not the document's (Meta.Lang): text shown
	// untranslated, in the source language; "" otherwise.
	Lang string
	// Marker says the element's first text run is its label: a list
	// item's bullet or number, a note's mark.
	Marker bool
	// Row is a table cell's row in its table, from 1 (0 for other
	// elements); Header says the row is the table's header row. A cell
	// with a Row not above the one before it starts a new table.
	Row    int32
	Header bool
}

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Page is one page of items, drawn in the order: rectangles, images,
// rules, text; links are areas over them.
type Page struct {
	Rects     []Rect
	Images    []Image
	Rules     []Rule
	Texts     []Text
	Links     []Link
	Anchors   []Anchor
	Bookmarks []Bookmark
	// Hyphenated are the indexes in Texts, in increasing order, of the
	// runs that end with a hyphen the layout added where it broke a word
	// at the end of a line: the word reads without it.
	Hyphenated []int32
	// Foreign are the stretches of text in another language than their
	// element's, in increasing order and not overlapping: a title shown
	// as written in its document's language, or the part of a line that
	// falls back to the source language (or, in a line that does, the
	// part that does not).
	Foreign []Foreign
}

// Foreign is a stretch of text in another language than its element's
// (Element.Lang, else the document's): the runs Texts[From:To] of its
// page, all of one element, in Lang (BCP 47).
type Foreign struct {
	From, To int32
	Lang     string
}

// Text is a run of text in one face, size and colour, drawn with its
// baseline starting at (X, Y).
type Text struct {
	X, Y float64
	Size float64
	Text string
	// Face and Color sit with Elem in one word: a long report has
	// hundreds of thousands of runs.
	Face  fonts.Face
	Color Color
	// Elem is the structure element the run belongs to.
	Elem Elem
	// Expand is the horizontal scaling of the run's glyphs, font
	// expansion: 0 draws them as they are, 0.01 1 % wider (PDF's Tz
	// 101), -0.01 1 % narrower. Its advance, kerning included, scales
	// alike: X positions the next run accordingly.
	Expand float64
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
	Elem           Elem
}

// Rect is a filled rectangle.
type Rect struct {
	X, Y, W, H float64
	Color      Color
	Elem       Elem
}

// Image is a picture drawn into the box X, Y, W, H. Name is its key in
// Document.Images.
type Image struct {
	X, Y, W, H float64
	Name       string
	Elem       Elem
}

// Link is a clickable area: to URL, or, when Dest is set, to the anchor
// of that name.
type Link struct {
	X, Y, W, H float64
	URL        string
	Dest       string
	Elem       Elem
	// From and To delimit the link's text: the runs Texts[From:To] of its
	// page (none when From == To).
	From, To int32
}

// Anchor is a named destination at height Y of its page.
type Anchor struct {
	Name string
	Y    float64
}

// Bookmark is an entry of the document outline pointing at height Y.
type Bookmark struct {
	Title string
	Level int
	Y     float64
}

// Shift adds the items of q to p, moved right by dx and down by dy.
func (p *Page) Shift(q *Page, dx, dy float64) {
	off := int32(len(p.Texts)) // of q's runs in p
	for _, r := range q.Rects {
		r.Y += dy
		r.X += dx
		p.Rects = append(p.Rects, r)
	}
	for _, im := range q.Images {
		im.Y += dy
		im.X += dx
		p.Images = append(p.Images, im)
	}
	for _, r := range q.Rules {
		r.Y1 += dy
		r.Y2 += dy
		r.X1 += dx
		r.X2 += dx
		p.Rules = append(p.Rules, r)
	}
	for _, t := range q.Texts {
		t.Y += dy
		t.X += dx
		p.Texts = append(p.Texts, t)
	}
	for _, l := range q.Links {
		l.Y += dy
		l.X += dx
		l.From += off
		l.To += off
		p.Links = append(p.Links, l)
	}
	for _, h := range q.Hyphenated {
		p.Hyphenated = append(p.Hyphenated, h+off)
	}
	for _, f := range q.Foreign {
		f.From += off
		f.To += off
		p.Foreign = append(p.Foreign, f)
	}
	for _, a := range q.Anchors {
		a.Y += dy
		p.Anchors = append(p.Anchors, a)
	}
	for _, b := range q.Bookmarks {
		b.Y += dy
		p.Bookmarks = append(p.Bookmarks, b)
	}
}
