package pipeline

import (
	"errors"
	"path"
	"unicode"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/style"
)

// Coverage reports every character of doc that a face of fam cannot draw,
// with the message it comes from.
func Coverage(doc *document.Document, fam *fonts.Family, cat *locales.Catalog) diag.List {
	var diags diag.List
	// The document's characters, each once, in order of first appearance:
	// a long report has few distinct characters and many of each.
	var chars distinctRunes
	doc.Walk(func(_, text string) { chars.add(text) })
	chars.add(style.FontProbe)
	all := string(chars.order)
	// Every glyph the PDF will embed must be readable.
	if diags = fontErrors(fam, all); len(diags) > 0 {
		return diags
	}
	// Which message holds a missing character is looked up only when one
	// is missing.
	missing := false
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		for _, r := range fam.Face(f).Missing(all) {
			missing = missing || fonts.IsDrawn(r) && !unicode.IsSpace(r)
		}
	}
	if !missing {
		return diags
	}
	seen := map[string]bool{}
	doc.Walk(func(id, text string) {
		for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
			for _, r := range fam.Face(f).Missing(text) {
				if !fonts.IsDrawn(r) || unicode.IsSpace(r) {
					continue
				}
				key := id + "\x00" + string(r)
				if seen[key] {
					continue
				}
				seen[key] = true
				file, line, col := "", 0, 0
				if e, ok := cat.Entry(doc.Lang, id); ok {
					file, line, col = e.File, e.Line, e.Col
				} else if e, ok := cat.Entry(doc.Source, id); ok {
					file, line, col = e.File, e.Line, e.Col
				}
				diags.Errorf(file, line, col, id, "%s", locales.NotDrawable(r, faceName(fam, f), doc.Lang))
			}
		}
	})
	return diags
}

// distinctRunes collects characters, each once, in order of first
// appearance.
type distinctRunes struct {
	order []rune
	bmp   [0x10000 / 64]uint64 // seen, for the Basic Multilingual Plane
	other map[rune]bool        // seen, beyond it
}

func (d *distinctRunes) add(s string) {
	for _, r := range s {
		if r >= 0 && r < 0x10000 {
			if d.bmp[r/64]&(1<<(r%64)) != 0 {
				continue
			}
			d.bmp[r/64] |= 1 << (r % 64)
		} else {
			if d.other[r] {
				continue
			}
			if d.other == nil {
				d.other = map[rune]bool{}
			}
			d.other[r] = true
		}
		d.order = append(d.order, r)
	}
}

// fontErrors reports the first face of fam that cannot read the glyphs
// of text (a damaged or empty font file).
func fontErrors(fam *fonts.Family, text string) diag.List {
	var diags diag.List
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		if err := fam.Face(f).CheckGlyphs(text); err != nil {
			var fe *fonts.FileError
			if errors.As(err, &fe) {
				diags.Errorf(path.Join("fonts", fe.Name), 0, 0, "", "%v", fe.Err)
			} else {
				diags.Errorf("fonts", 0, 0, "", "%v", err)
			}
			return diags
		}
	}
	return diags
}
