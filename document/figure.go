package document

import (
	"strconv"

	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
)

// figure resolves a figure block: its number (the next in reading
// order), picture, alt text and caption after the label figure.label
// ("Figure 1.").
func (rs *resolver) figure(bp string, b sources.Block) *Figure {
	pic := rs.r.Figures[b.Image]
	if pic == nil {
		// Parse alone (no folder) does not read pictures: the figure is
		// set without one.
		pic = &sources.Figure{Path: b.Image}
	}
	rs.figures++
	f := &Figure{Number: rs.figures, Image: pic.Path, Width: pic.Width, Height: pic.Height, Alt: rs.plain(bp + ".alt")}
	if pic.Data != nil {
		if rs.images == nil {
			rs.images = map[string]ImageFile{}
		}
		rs.images[pic.Path] = ImageFile{Format: pic.Format, Data: pic.Data}
	}
	f.Caption = rs.caption("figure.label", f.Number, bp, b.Caption != "")
	return f
}

// caption composes the caption of a numbered figure or table: the label
// (message labelID, "Figure 1.", bold, its number tied to it), then the
// block's caption message when it has one.
func (rs *resolver) caption(labelID string, number int, bp string, has bool) Paragraph {
	label := tieNumber(rs.text(labelID, map[string]any{"Number": number}), strconv.Itoa(number))
	p := Paragraph{ID: bp + ".caption", Spans: []markup.Span{{Text: label, Style: markup.Bold}}}
	if has {
		c := rs.spans(bp + ".caption")
		p.Spans = append(p.Spans, markup.Span{Text: " "})
		p.Spans = append(p.Spans, c.Spans...)
		p.Fallback = c.Fallback
	}
	// The label in the language it is shown in, when the caption's is
	// another.
	rs.part(p.Spans[:1], rs.fellBack(labelID), p.Fallback)
	return p
}
