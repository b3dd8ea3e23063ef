package compose_test

import (
	"math"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/markup"
)

// TestFigurePlacement sets figures of several shapes after filler text of
// every length: each picture is centred, no wider than the house style's
// fraction of the measure and no taller than its fraction of the text
// height, keeps its proportions, carries its alt text, and is on the page
// of its caption, right above it.
func TestFigurePlacement(t *testing.T) {
	docs, h := referenceDocs(t)
	st := h.Style
	doc := *docs["en"]
	doc.Annexes = nil
	for _, shape := range [][2]int{{600, 300}, {300, 900}, {1000, 1000}} {
		for n := 0; n < 40; n += 2 {
			fig := &document.Figure{Number: 1, Image: "chart.png", Width: shape[0], Height: shape[1],
				Alt:     document.Text{Text: "Arrivals by month"},
				Caption: document.Paragraph{Spans: []markup.Span{{Text: "Figure 1.", Style: markup.Bold}, {Text: " Arrivals"}}}}
			doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Figures"}, Blocks: []document.Block{
				{Kind: document.Plain, Paragraphs: []document.Paragraph{{Spans: spansOf(strings.Repeat("Filler words for the page. ", 6*n+1))}}},
				{Kind: document.FigureBlock, Figure: fig},
			}}}
			pages := compose.Layout(&doc, h, compose.Options{}).Pages
			found := false
			for pi, pg := range pages.Pages {
				for _, im := range pg.Images {
					if im.Name != "chart.png" {
						continue
					}
					found = true
					el := pages.Elements[im.Elem]
					if el.Role != display.Figure || el.Alt != "Arrivals by month" {
						t.Errorf("figure element %+v", el)
					}
					if im.W > st.Figure.Width*st.Page.TextWidth()+0.01 || im.H > st.Figure.MaxHeight*st.Page.TextHeight()+0.01 {
						t.Errorf("%v: %.1f × %.1f pt is larger than the style allows", shape, im.W, im.H)
					}
					if got, want := im.W/im.H, float64(shape[0])/float64(shape[1]); math.Abs(got-want) > 0.001 {
						t.Errorf("%v: drawn %.3f wide for 1 high, want %.3f", shape, got, want)
					}
					if mid := im.X + im.W/2; math.Abs(mid-st.Page.Width/2-(st.Page.MarginLeft-st.Page.MarginRight)/2) > 0.01 {
						t.Errorf("%v: not centred (middle at %.2f)", shape, mid)
					}
					caption := false
					for _, tx := range pg.Texts {
						if tx.Text == "Figure" && pages.Elements[tx.Elem].Role == display.Caption {
							caption = true
							if gap := tx.Y - (im.Y + im.H); gap < 0 || gap > st.Figure.CaptionGap+2*st.Figure.Caption {
								t.Errorf("%v filler %d: caption %.1f pt below the picture", shape, n, gap)
							}
						}
					}
					if !caption {
						t.Errorf("%v filler %d: the caption is not on page %d with its picture", shape, n, pi+1)
					}
				}
			}
			if !found {
				t.Fatalf("%v: no picture drawn", shape)
			}
		}
	}
}
