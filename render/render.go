// Package render draws a display list into a PDF with fpdf.
//
// It is deliberately thin: every position, line break and page break was
// decided before (package layout); this package only translates items
// into fpdf calls, sets the document information and makes the output
// byte-for-byte reproducible. It reads nothing but the display list and
// the fonts it was measured with.
package render

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math/bits"
	"slices"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/pdfpost"
)

// Options are the settings of one PDF.
type Options struct {
	// Family is the font family the layout was measured with.
	Family *fonts.Family
	// Release lets Write empty each page of the display list once it is
	// drawn (the number of pages and the document information stay), so that a long
	// report holds its pages in one form at a time, not in both while the
	// PDF grows. The caller must not read the pages' items afterwards.
	Release bool
	// Tagged writes a tagged PDF: every draw in marked content, a
	// structure tree in reading order, and what PDF/UA-1 asks of the
	// catalog and pages (see package pdfpost). Without it the output is
	// what it was before tagging existed, byte for byte.
	Tagged bool
}

// Write draws pages into a PDF written to w. A panic inside the PDF
// writer (fpdf trusts the font tables it parses) becomes an error.
//
// The document information comes from pages.Meta; its Date is written as
// creation and modification date, in UTC.
func Write(w io.Writer, pages *display.Document, opt Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the PDF writer failed: %v", r)
		}
	}()
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: pages.Width, Ht: pages.Height},
	})
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	meta := pages.Meta
	date := meta.Date.UTC()
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Author, true)
	pdf.SetSubject(meta.Subject, true)
	pdf.SetCreator(meta.Creator, true)
	pdf.SetProducer(meta.Creator, true)
	pdf.SetKeywords(meta.Keywords, true)
	pdf.SetLang(meta.Lang)
	pdf.SetDisplayMode("fullwidth", "single")

	fam := opt.Family
	// Only the faces the pages draw go into the PDF: fpdf parses and
	// embeds every face it is given, used or not. Regular is always
	// there: bookmarks are encoded with it.
	used := [4]bool{fonts.Regular: true}
	for i := range pages.Pages {
		for _, t := range pages.Pages[i].Texts {
			used[t.Face&3] = true
		}
	}
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		if !used[f] {
			continue
		}
		data := fam.Face(f).Data
		if len(data) == 0 {
			return fmt.Errorf("font %s %s is empty", fam.Name, f)
		}
		// fpdf writes into the font bytes it is given when it embeds a
		// glyph past the font's last long horizontal metric (it appends
		// to a slice of the file): such a font gets a copy, as a family
		// is shared by concurrent builds. The shipped fonts have none.
		if fam.Face(f).ShortMetrics {
			data = bytes.Clone(data)
		}
		pdf.AddUTF8FontFromBytes(fam.Name, f.Style(), data)
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("font %s %s: %w", fam.Name, f, err)
		}
	}

	// Object numbers must not depend on map order.
	images, err := distinctWidths(pages.Images)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(images)) {
		im := images[name]
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: imageType(im.Format)}, bytes.NewReader(im.Data))
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("image %s: %w", name, err)
		}
	}

	// Internal destinations: one fpdf link per anchor name, set once its
	// page is known; links to it may come before it.
	dest := map[string]int{}
	linkID := func(name string) int {
		id, ok := dest[name]
		if !ok {
			id = pdf.AddLink()
			dest[name] = id
		}
		return id
	}
	for pi, pg := range pages.Pages {
		for _, a := range pg.Anchors {
			pdf.SetLink(linkID(a.Name), a.Y, pi+1)
		}
	}

	var kd kernDrawer
	var tg *tagger
	var width func(display.Text) float64
	// shown are the characters drawn, for the fonts' ToUnicode maps.
	var shown []uint64
	if opt.Tagged {
		shown = make([]uint64, 0x10000/64)
		tg = newTagger(pdf, pages)
		width = func(t display.Text) float64 {
			f := fam.Face(t.Face)
			var w int
			if pages.Kerning {
				w = f.KernedWidth(t.Text)
			} else {
				w = f.Width(t.Text)
			}
			return float64(w) * t.Size / 1000 * (1 + t.Expand)
		}
	}
	for pi, pg := range pages.Pages {
		if opt.Release {
			pages.Pages[pi] = display.Page{}
		}
		pdf.AddPage()
		// A UTF-8 font must be current for Bookmark to encode titles.
		pdf.SetFont(fam.Name, "", 10)
		for _, b := range pg.Bookmarks {
			pdf.Bookmark(b.Title, b.Level, b.Y)
		}
		if tg != nil {
			tg.startPage(pi, &pg)
		}
		for _, r := range pg.Rects {
			if tg != nil {
				tg.shape(r.Elem)
			}
			pdf.SetFillColor(int(r.Color.R), int(r.Color.G), int(r.Color.B))
			pdf.Rect(r.X, r.Y, r.W, r.H, "F")
		}
		for _, im := range pg.Images {
			if _, ok := images[im.Name]; !ok {
				return fmt.Errorf("no data for image %q", im.Name)
			}
			if tg != nil {
				tg.image(im.Elem)
			}
			pdf.ImageOptions(im.Name, im.X, im.Y, im.W, im.H, false, fpdf.ImageOptions{ImageType: imageType(images[im.Name].Format)}, 0, "")
		}
		for _, r := range pg.Rules {
			if tg != nil {
				tg.shape(r.Elem)
			}
			pdf.SetDrawColor(int(r.Color.R), int(r.Color.G), int(r.Color.B))
			pdf.SetLineWidth(r.Width)
			pdf.Line(r.X1, r.Y1, r.X2, r.Y2)
		}
		var face fonts.Face = 255
		size := -1.0
		// expand is the horizontal scaling in force (Tz, a text state
		// parameter, which a page starts at 100 and BT does not reset).
		expand := 0.0
		var color display.Color
		colorSet := false
		for ti, t := range pg.Texts {
			text := t.Text
			if tg != nil {
				var actual string
				text, actual = tg.words(pg.Texts, ti, width)
				tg.text(t.Elem, ti, text, actual)
				for _, r := range text {
					if r >= 0 && r <= 0xFFFF {
						shown[r>>6] |= 1 << (r & 63)
					}
				}
			}
			if t.Face != face || t.Size != size {
				pdf.SetFont(fam.Name, t.Face.Style(), t.Size)
				face, size = t.Face, t.Size
			}
			if !colorSet || t.Color != color {
				pdf.SetTextColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
				color, colorSet = t.Color, true
			}
			if t.Expand != expand {
				pdf.RawWriteStr(tzOp(t.Expand))
				expand = t.Expand
			}
			if !pages.Kerning || !kd.draw(pdf, fam.Face(t.Face), t, text) {
				pdf.Text(t.X, t.Y, text)
			}
		}
		if expand != 0 {
			pdf.RawWriteStr(tzOp(0)) // nothing after the text is scaled
		}
		if tg != nil {
			tg.endPage()
		}
		for _, l := range pg.Links {
			if l.Dest != "" {
				if _, known := dest[l.Dest]; !known {
					return fmt.Errorf("link to unknown destination %q", l.Dest)
				}
				pdf.Link(l.X, l.Y, l.W, l.H, dest[l.Dest])
				continue
			}
			pdf.LinkString(l.X, l.Y, l.W, l.H, l.URL)
		}
		if err := pdf.Error(); err != nil {
			return err
		}
	}
	kd.register(pdf, fam)
	if err := pdf.Error(); err != nil {
		return err
	}
	if tg == nil {
		return pdf.Output(w)
	}
	tg.finish()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	out, err := pdfpost.Tag(buf.Bytes(), tg.doc, pdfpost.Options{Lang: meta.Lang, Info: &pdfpost.Info{
		Title: meta.Title, Author: meta.Author, Subject: meta.Subject, Keywords: meta.Keywords,
		Creator: meta.Creator, Producer: meta.Creator, Date: date,
	}, Runes: runesOf(shown), OutputIntent: true})
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// imageType is fpdf's name of an image format.
func imageType(format string) string {
	if format == "jpeg" {
		return "JPG"
	}
	return "PNG"
}

// runesOf lists the characters of the set, in order.
func runesOf(set []uint64) []rune {
	runes := []rune{}
	for i, w := range set {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			runes = append(runes, rune(i*64+b))
			w &= w - 1
		}
	}
	return runes
}

// tzOp is the operator setting the horizontal scaling of the text that
// follows to 1 + expand (display.Text.Expand), in percent.
func tzOp(expand float64) string {
	if !(expand > -1 && expand < 1) {
		expand = 0 // never a mirrored, vanishing or absurd scaling
	}
	b := strconv.AppendFloat(nil, 100*(1+expand), 'f', 4, 64)
	b = bytes.TrimRight(b, "0")
	b = bytes.TrimSuffix(b, []byte("."))
	return string(b) + " Tz"
}
