package compose_test

import (
	"math"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
)

// TestListHangingIndent sets a three-level list of long items and checks
// each item's lines: the marker in the indent, right-aligned to the gap
// before the text, every line of the text at the level's indent, the
// lead-in kept on the page of the first item.
func TestListHangingIndent(t *testing.T) {
	docs, h := referenceDocs(t)
	st := h.Style
	doc := *docs["en"]
	long := "the Regional Director highlighted achievements made in the region in advancing the GCM, including through the establishment of Networks at the regional and national levels"
	item := func(marker, text string, sub ...document.ListItem) document.ListItem {
		return document.ListItem{Marker: marker, Text: document.Paragraph{Spans: spansOf(text)}, Items: sub}
	}
	list := []document.ListItem{
		item("1.", "First: "+long),
		item("2.", "Second: "+long,
			item("a)", "Nested: "+long,
				item("i.", "Deepest: "+long),
				item("ii.", "Deepest too: "+long)),
			item("b)", "Nested again: "+long)),
		item("10.", "Tenth: "+long),
	}
	// A filler paragraph pushes the lead-in towards a page bottom at some
	// lengths: whatever the length, it never ends a page alone.
	for n := 0; n < 48; n++ {
		filler := strings.Repeat("Filler words for the page. ", 3*n+1)
		doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Lists"}, Blocks: []document.Block{
			{Kind: document.Plain, Paragraphs: []document.Paragraph{{Spans: spansOf(filler)}}},
			{Kind: document.List, Paragraphs: []document.Paragraph{{Spans: spansOf("The priorities are:")}}, Items: list},
		}}}
		res := compose.Layout(&doc, h, compose.Options{Trace: true})
		pages := res.Pages
		for pi, pg := range pages.Pages {
			if len(pg.Texts) > 0 {
				// The lead-in is not the last text of a page (the footer
				// and header come first in a page's items).
				for i := len(pg.Texts) - 1; i >= 0; i-- {
					if pages.Elements[pg.Texts[i].Elem].Role.Artifact() {
						continue
					}
					if pg.Texts[i].Text == "are:" {
						t.Errorf("filler %d: the lead-in ends page %d", n, pi+1)
					}
					break
				}
			}
		}
		if n > 0 {
			continue
		}
		lines := map[float64][]display.Text{} // by baseline
		var ys []float64
		for _, tx := range pages.Pages[0].Texts {
			if pages.Elements[tx.Elem].Role != display.ListItem {
				continue
			}
			if _, ok := lines[tx.Y]; !ok {
				ys = append(ys, tx.Y)
			}
			lines[tx.Y] = append(lines[tx.Y], tx)
		}
		if len(ys) < 12 {
			t.Fatalf("%d list lines on page 1", len(ys))
		}
		level := map[string]float64{"1.": 1, "2.": 1, "10.": 1, "a)": 2, "b)": 2, "i.": 3, "ii.": 3}
		current := 0.0
		for _, y := range ys {
			ln := lines[y]
			first := ln[0]
			x0 := st.Page.MarginLeft
			if lv, ok := level[first.Text]; ok && len(ln) > 1 {
				// A first line: the marker, then the text at the indent.
				current = lv
				want := x0 + lv*st.List.Indent
				if text := ln[1]; math.Abs(text.X-want) > 0.01 {
					t.Errorf("%q starts at %.2f, want %.2f", text.Text, text.X, want)
				}
				right := first.X + float64(h.Family.Face(first.Face).Width(first.Text))*first.Size/1000
				if math.Abs(right-(want-st.List.MarkerGap)) > 0.01 {
					t.Errorf("marker %q ends at %.2f, want %.2f", first.Text, right, want-st.List.MarkerGap)
				}
				continue
			}
			// A following line hangs at the same indent.
			if want := x0 + current*st.List.Indent; math.Abs(first.X-want) > 0.01 {
				t.Errorf("line %q starts at %.2f, want %.2f (level %v)", first.Text, first.X, want, current)
			}
		}
		var traced strings.Builder
		for _, l := range res.Lines {
			if l.Role == display.ListItem {
				traced.WriteString(l.Text + "\n")
			}
		}
		for _, want := range []string{"1. First:", "a) Nested:", "i. Deepest:", "10. Tenth:"} {
			if !strings.Contains(traced.String(), want) {
				t.Errorf("traced list lines lack %q:\n%s", want, traced.String())
			}
		}
	}
}
