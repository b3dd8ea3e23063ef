package compose_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/markup"
)

// TestFootnotes sets paragraphs with footnotes after filler of every
// length, so that references fall at every height of a page, near its
// foot included: each note is on the page of its reference, numbered
// through the document, below every line of text and above the bottom
// margin.
func TestFootnotes(t *testing.T) {
	docs, h := referenceDocs(t)
	st := h.Style
	doc := *docs["en"]
	doc.Annexes = nil
	note := func(text string) markup.Span { return markup.Span{Note: []markup.Span{{Text: text}}} }
	para := func(spans ...markup.Span) document.Paragraph { return document.Paragraph{Spans: spans} }
	long := strings.Repeat("The note explains the figure and where it comes from, at some length. ", 3)
	for n := 0; n < 60; n++ {
		doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Notes"}, Blocks: []document.Block{{
			Kind: document.Plain,
			Paragraphs: []document.Paragraph{
				para(markup.Span{Text: strings.Repeat("Filler words for the page. ", 2*n+1)}),
				para(markup.Span{Text: "Arrivals rose by a third"}, note("One. "+long), markup.Span{Text: " and departures fell"}, note("Two."), markup.Span{Text: " in the year. " + strings.Repeat("More text follows the notes. ", 12)}),
				para(markup.Span{Text: "A later paragraph refers to a third note"}, note("Three. "+long), markup.Span{Text: "."}),
			},
		}}}}
		pages := compose.Layout(&doc, h, compose.Options{}).Pages
		refPage := map[string]int{}  // note number → page of its mark
		notePage := map[string]int{} // note number → page of the note
		for pi, pg := range pages.Pages {
			lowestText, noteTop := 0.0, st.Page.Height
			for _, tx := range pg.Texts {
				role := pages.Elements[tx.Elem].Role
				switch {
				case role == display.Paragraph && tx.Size < st.Type.Body && tx.Y < st.Page.Height-st.Page.MarginBottom:
					refPage[tx.Text] = pi + 1 // a raised mark
				case role == display.Note && tx.X < st.Page.MarginLeft+st.Notes.Indent:
					notePage[tx.Text] = pi + 1 // a note's number
					noteTop = min(noteTop, tx.Y-tx.Size)
				case role == display.Paragraph || role == display.Heading:
					lowestText = max(lowestText, tx.Y)
				}
				if role == display.Note && tx.Y > st.Page.Height-st.Page.MarginBottom+1 { // a baseline, at most at the foot of its line
					t.Errorf("filler %d page %d: note text %q below the text area", n, pi+1, tx.Text)
				}
			}
			if noteTop < st.Page.Height && lowestText > noteTop {
				t.Errorf("filler %d page %d: text at %.1f runs into the notes from %.1f", n, pi+1, lowestText, noteTop)
			}
		}
		for i := 1; i <= 3; i++ {
			k := strconv.Itoa(i)
			if refPage[k] == 0 || refPage[k] != notePage[k] {
				t.Fatalf("filler %d: note %s referred to on page %d, set on page %d", n, k, refPage[k], notePage[k])
			}
		}
	}
}
