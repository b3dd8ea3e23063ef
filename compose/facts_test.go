package compose_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/markup"
)

// TestDisplayFacts checks what the display list says of its runs, which
// a tagged PDF relies on instead of guessing from their form: the
// hyphenated runs end with a hyphen at the end of a line their element
// continues after; a link's runs are of its element and lie in its
// rectangle, and every run drawn in the link colour is a link's; a list
// item's marker is its first run, left of its text; the cells of a table
// know their row, the first the header row.
func TestDisplayFacts(t *testing.T) {
	docs, h := referenceDocs(t)
	for _, lang := range []string{"en", "ru"} {
		pages := lay(docs[lang], h)
		hyphenated, links := runFacts(t, lang, pages, display.Color(h.Style.Colors.Link))
		if hyphenated == 0 || links == 0 {
			t.Errorf("%s: %d hyphenated runs, %d links: the test tests nothing", lang, hyphenated, links)
		}
		markers(t, lang, pages)
	}

	// Lists and tables.
	doc := *docs["en"]
	doc.Annexes = nil
	cell := func(s string) document.Paragraph { return document.Paragraph{Spans: []markup.Span{{Text: s}}} }
	tb := &document.Table{Number: 1, Caption: cell("Table 1."),
		Columns: []document.TableColumn{{Header: cell("Country")}, {Header: cell("Arrivals"), Points: 70, Align: "right"}}}
	for i := range 60 {
		tb.Rows = append(tb.Rows, []document.Paragraph{cell(fmt.Sprintf("Country %d", i+1)), cell(fmt.Sprint(i * 7))})
	}
	items := []document.ListItem{{Marker: "1.", Text: cell("First"), Items: []document.ListItem{{Marker: "a)", Text: cell("inner")}}}, {Marker: "2.", Text: cell("Second")}}
	doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Tables"}, Blocks: []document.Block{
		{Kind: document.List, Items: items},
		{Kind: document.TableBlock, Table: tb}, {Kind: document.TableBlock, Table: tb},
	}}}
	pages := lay(&doc, h)
	if n := markers(t, "lists", pages); n != 3 {
		t.Errorf("%d markers, want 3", n)
	}
	var rows []int32
	for _, el := range pages.Elements {
		if el.Role == display.TableCell {
			if el.Header != (el.Row == 1) {
				t.Errorf("cell of row %d: header %v", el.Row, el.Header)
			}
			rows = append(rows, el.Row)
		}
	}
	if len(rows) != 2*2*61 {
		t.Fatalf("%d cells, want %d", len(rows), 2*2*61)
	}
	for i, r := range rows {
		if want := int32(i%122/2 + 1); r != want {
			t.Fatalf("cell %d: row %d, want %d", i, r, want)
		}
	}
}

// runFacts checks the hyphenated runs and the links' runs of pages, and
// counts them.
func runFacts(t *testing.T, lang string, pages *display.Document, linkColor display.Color) (hyphenated, links int) {
	t.Helper()
	for pi, pg := range pages.Pages {
		prev := int32(-1)
		for _, i := range pg.Hyphenated {
			if i <= prev || int(i) >= len(pg.Texts) {
				t.Fatalf("%s page %d: hyphenated runs %v of %d", lang, pi+1, pg.Hyphenated, len(pg.Texts))
			}
			prev = i
			r := pg.Texts[i]
			next := -1
			for j := int(i) + 1; j < len(pg.Texts); j++ {
				if pg.Texts[j].Elem == r.Elem {
					next = j
					break
				}
			}
			if !strings.HasSuffix(r.Text, "-") || next < 0 || pg.Texts[next].Y <= r.Y {
				t.Errorf("%s page %d: run %q is hyphenated, but not at a line's end its element continues after", lang, pi+1, r.Text)
			}
			hyphenated++
		}
		inLink := make([]bool, len(pg.Texts))
		for _, l := range pg.Links {
			links++
			if l.From >= l.To || l.From < 0 || int(l.To) > len(pg.Texts) {
				t.Errorf("%s page %d: link to %q%s has runs [%d, %d) of %d", lang, pi+1, l.URL, l.Dest, l.From, l.To, len(pg.Texts))
				continue
			}
			for i, r := range pg.Texts[l.From:l.To] {
				// The middle of the run's lower-case letters.
				if y := r.Y - 0.3*r.Size; r.Elem != l.Elem || r.X < l.X-0.01 || r.X >= l.X+l.W || y < l.Y || y > l.Y+l.H {
					t.Errorf("%s page %d: run %q of link to %q%s lies outside it", lang, pi+1, r.Text, l.URL, l.Dest)
				}
				inLink[int(l.From)+i] = true
			}
		}
		for i, r := range pg.Texts {
			if !inLink[i] && r.Color == linkColor {
				t.Errorf("%s page %d: run %q in the link colour is no link's", lang, pi+1, r.Text)
			}
		}
	}
	return hyphenated, links
}

// markers checks that every list item below the top has a marker, and
// that the marker of an element is its first run, left of the run after
// it; it counts them.
func markers(t *testing.T, lang string, pages *display.Document) int {
	t.Helper()
	n := 0
	seen := map[display.Elem]bool{}
	for _, pg := range pages.Pages {
		for i, r := range pg.Texts {
			el := pages.Elements[r.Elem]
			if el.Role == display.ListItem && el.Level > 0 && !el.Marker {
				t.Errorf("%s: list item %q without a marker", lang, r.Text)
			}
			if seen[r.Elem] || !el.Marker {
				continue
			}
			seen[r.Elem] = true
			n++
			if i+1 >= len(pg.Texts) || pg.Texts[i+1].Elem != r.Elem || pg.Texts[i+1].X <= r.X {
				t.Errorf("%s: marker %q is not before its item's text", lang, r.Text)
			}
		}
	}
	return n
}

// TestForeignFacts checks the page's Foreign runs: text in another
// language than its element's, in a paragraph broken across lines, a
// list item (after its marker), a table cell, a footnote and a
// paragraph shown in the source language, is exactly the text of its
// runs, each stretch in order, of one element, in a language not the
// element's.
func TestForeignFacts(t *testing.T) {
	docs, h := referenceDocs(t)
	doc := *docs["en"]
	doc.Annexes = nil
	const fr = "Le Maroc, pays champion de la migration sûre, ordonnée et régulière en Afrique du Nord et au-delà"
	long := strings.Repeat("The delegation said so. ", 12)
	para := func(spans ...markup.Span) document.Paragraph { return document.Paragraph{Spans: spans} }
	foreign := markup.Span{Text: fr, Lang: "fr"}
	note := markup.Span{Note: []markup.Span{{Text: "See "}, foreign, {Text: "."}}}
	tb := &document.Table{Number: 1, Caption: para(markup.Span{Text: "Table 1."}),
		Columns: []document.TableColumn{{Header: para(markup.Span{Text: "Title"})}}}
	tb.Rows = [][]document.Paragraph{{para(foreign)}}
	items := []document.ListItem{{Marker: "1.", Text: para(foreign, markup.Span{Text: " (original)"})}}
	// A paragraph in the source language (a draft fall-back), with a
	// label in the edition's.
	draft := para(markup.Span{Text: long}, markup.Span{Text: "(Annexe 1)", Lang: "fr"})
	draft.Fallback = true
	doc.Lang, doc.Source = language.Russian, language.English
	doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Titres"}, Blocks: []document.Block{
		{Kind: document.Plain, Paragraphs: []document.Paragraph{para(markup.Span{Text: long}, foreign, markup.Span{Text: " " + long}, note)}},
		{Kind: document.List, Items: items},
		{Kind: document.TableBlock, Table: tb},
		{Kind: document.Plain, Paragraphs: []document.Paragraph{draft}},
	}}}
	pages := lay(&doc, h)
	// The text of each element's foreign runs, without spaces (a word
	// hyphenated across lines is two runs, the first with its hyphen).
	got := map[display.Elem]string{}
	var order []display.Elem
	for pi, pg := range pages.Pages {
		prev := int32(0)
		for _, f := range pg.Foreign {
			if f.From < prev || f.To <= f.From || int(f.To) > len(pg.Texts) {
				t.Fatalf("page %d: foreign runs %v of %d", pi+1, pg.Foreign, len(pg.Texts))
			}
			prev = f.To
			e := pg.Texts[f.From].Elem
			el := pages.Elements[e]
			if el.Marker && f.From == 0 && pg.Texts[0].Elem == e {
				t.Errorf("page %d: a marker in another language", pi+1)
			}
			if f.Lang != "fr" {
				t.Errorf("page %d: runs in %q", pi+1, f.Lang)
			}
			for _, r := range pg.Texts[f.From:f.To] {
				if r.Elem != e {
					t.Fatalf("page %d: foreign runs %v of two elements", pi+1, f)
				}
				if _, ok := got[e]; !ok {
					order = append(order, e)
				}
				got[e] += strings.TrimSuffix(r.Text, "-")
			}
		}
	}
	var roles []string
	for _, e := range order {
		el := pages.Elements[e]
		roles = append(roles, el.Role.String())
		want := fr
		if el.Lang == "en" {
			want = "(Annexe 1)"
		}
		if want = strings.ReplaceAll(want, " ", ""); got[e] != want {
			t.Errorf("%s: foreign runs %q, want %q", el.Role, got[e], want)
		}
	}
	if want := "paragraph list-item table-cell paragraph note"; strings.Join(roles, " ") != want {
		t.Errorf("elements with foreign runs: %s, want %s", strings.Join(roles, " "), want)
	}
}
