package compose_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/markup"
)

// TestTableAcrossPages sets a table of 80 rows after filler of several
// lengths: its header row is at the top of every page it continues on,
// no row is split, numbers end at their column's right edge, long cell
// text wraps inside its column and is hyphenated, and the caption is
// never alone at the foot of a page.
func TestTableAcrossPages(t *testing.T) {
	docs, h := referenceDocs(t)
	st := h.Style
	doc := *docs["en"]
	doc.Annexes = nil
	cell := func(s string) document.Paragraph { return document.Paragraph{Spans: []markup.Span{{Text: s}}} }
	tb := &document.Table{Number: 1, Caption: document.Paragraph{Spans: []markup.Span{{Text: "Table 1.", Style: markup.Bold}, {Text: " Arrivals"}}},
		Columns: []document.TableColumn{{Header: cell("Country")}, {Header: cell("Remarks"), Fraction: 0.25}, {Header: cell("Arrivals"), Points: 70, Align: "right"}}}
	for i := range 80 {
		remark := "none"
		if i%7 == 0 {
			remark = "internationalisation of responsibilities, notwithstanding extraordinary circumstances"
		}
		tb.Rows = append(tb.Rows, []document.Paragraph{cell(fmt.Sprintf("Country %d", i+1)), cell(remark), cell(fmt.Sprintf("%d", (i+1)*137))})
	}
	for _, n := range []int{0, 5, 11, 23} {
		doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Tables"}, Blocks: []document.Block{
			{Kind: document.Plain, Paragraphs: []document.Paragraph{{Spans: spansOf(strings.Repeat("Filler words for the page. ", 20*n+1))}}},
			{Kind: document.TableBlock, Table: tb},
		}}}
		pages := compose.Layout(&doc, h, compose.Options{}).Pages
		seen := map[string]int{} // "Country N" → its page
		right := -1.0
		hyphenated := 0
		for pi, pg := range pages.Pages {
			var cells []display.Text
			for _, tx := range pg.Texts {
				if pages.Elements[tx.Elem].Role == display.TableCell {
					cells = append(cells, tx)
				}
			}
			if len(cells) == 0 {
				continue
			}
			if cells[0].Text != "Country" || cells[0].Face&1 == 0 {
				t.Errorf("filler %d page %d: the table starts with %q, not its bold header", n, pi+1, cells[0].Text)
			}
			for i, tx := range cells {
				if tx.Text == "Country" && i+1 < len(cells) && cells[i+1].Text != "Remarks" {
					continue
				}
				if tx.Text == "Country" {
					continue
				}
				if strings.HasPrefix(tx.Text, "Country") || i > 0 && cells[i-1].Text == "Country" && tx.Text != "Remarks" {
					num := tx.Text
					if cells[i-1].Text == "Country" {
						num = "Country " + tx.Text
					}
					if p, ok := seen[num]; ok && p != pi+1 {
						t.Errorf("filler %d: row %q on pages %d and %d", n, num, p, pi+1)
					}
					seen[num] = pi + 1
				}
				if strings.HasSuffix(tx.Text, "-") {
					hyphenated++
				}
				// Numbers end at the right edge of the text area less the padding.
				if tx.Text != "" && tx.Text[0] >= '0' && tx.Text[0] <= '9' && tx.X > st.Page.Width/2 {
					r := tx.X + float64(h.Family.Face(tx.Face).Width(tx.Text))*tx.Size/1000
					if right < 0 {
						right = r
					}
					if math.Abs(r-right) > 0.01 {
						t.Errorf("filler %d: %q ends at %.2f, the column at %.2f", n, tx.Text, r, right)
					}
				}
				if tx.X+float64(h.Family.Face(tx.Face).Width(tx.Text))*tx.Size/1000 > st.Page.Width-st.Page.MarginRight+0.01 {
					t.Errorf("filler %d: %q crosses the right margin", n, tx.Text)
				}
			}
		}
		if right < 0 || math.Abs(right-(st.Page.Width-st.Page.MarginRight-st.Table.Padding)) > 0.01 {
			t.Errorf("filler %d: numbers end at %.2f", n, right)
		}
		if hyphenated == 0 {
			t.Errorf("filler %d: no cell text hyphenated in a narrow column", n)
		}
		// The caption is on the page of the header that follows it.
		for pi, pg := range pages.Pages {
			for i, tx := range pg.Texts {
				if tx.Text == "Table" && pages.Elements[tx.Elem].Role == display.Caption {
					if i+1 >= len(pg.Texts) || !strings.Contains(textsFrom(pg.Texts[i:]), "Country Remarks Arrivals") {
						t.Errorf("filler %d: the caption on page %d is not followed by the table", n, pi+1)
					}
				}
			}
		}
	}
}

func textsFrom(ts []display.Text) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.Text + " ")
	}
	return b.String()
}
