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
	label := tieNumber(rs.text("figure.label", map[string]any{"Number": f.Number}), strconv.Itoa(f.Number))
	f.Caption = Paragraph{ID: bp + ".caption", Spans: []markup.Span{{Text: label, Style: markup.Bold}}}
	if b.Caption != "" {
		c := rs.spans(bp + ".caption")
		f.Caption.Spans = append(f.Caption.Spans, markup.Span{Text: " "})
		f.Caption.Spans = append(f.Caption.Spans, c.Spans...)
		f.Caption.Fallback = c.Fallback
	}
	return f
}
