package compose_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/hyphen"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func referenceDocs(t testing.TB) (map[string]*document.Document, *style.House) {
	t.Helper()
	r, diags := sources.Load(sources.Embedded(), "central-asia-2021.toml", "sources/central-asia-2021.toml")
	if r == nil {
		t.Fatal(diags)
	}
	cat, diags := locales.Load(locales.Embedded(), "locales", language.English)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if err := cat.AddSource(language.English, document.SourceEntries(r)); err != nil {
		t.Fatal(err)
	}
	docs := map[string]*document.Document{}
	for _, l := range []string{"en", "ru", "fr"} {
		doc, diags := document.Resolve(r, cat, language.Make(l))
		if doc == nil {
			t.Fatal(diags)
		}
		docs[l] = doc
	}
	h, diags := style.Load(style.Folders{Sources: style.Embedded(), Fonts: fonts.Embedded()}, "")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return docs, h
}

// lay sets doc in house style h.
func lay(doc *document.Document, h *style.House) *display.Document {
	return compose.Layout(doc, h, compose.Options{}).Pages
}

// TestGolden records the typeset lines of the reference report, one per
// line with its page, role and adjustment ratio; run
// go test ./compose -update to rewrite them, and review the diff: a change
// in line or page breaks reads as the lines it moves. The PDFs' bytes are
// held by the pipeline's hash tests.
func TestGolden(t *testing.T) {
	docs, h := referenceDocs(t)
	for _, lang := range []string{"en", "ru"} { // the published editions
		res := compose.Layout(docs[lang], h, compose.Options{Trace: true})
		var buf bytes.Buffer
		if err := layout.WriteLines(&buf, res.Lines); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "central-asia-2021."+lang+".lines")
		if *update {
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./compose -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: typeset lines differ from %s; run go test ./compose -update and review the diff", lang, golden)
		}
		if len(res.Lines) < 200 || res.Lines[len(res.Lines)-1].Page != len(res.Pages.Pages) {
			t.Errorf("%s: %d lines traced, the last on page %d of %d", lang, len(res.Lines), res.Lines[len(res.Lines)-1].Page, len(res.Pages.Pages))
		}
	}
}

// TestInsideTextArea checks that no text run crosses the margins, but
// for the punctuation that hangs there (the house style's [protrusion]),
// which hangs by exactly its amount, and that every page has its header
// and footer. A line ending at the measure with a character that should
// hang, or starting at it with one, is an error too; and every kind of
// hanging character is seen hanging somewhere in each edition.
func TestInsideTextArea(t *testing.T) {
	docs, h := referenceDocs(t)
	fam := h.Family
	st := h.Style
	pr := st.Protrude
	// The fractions, by character, as the style's comments state them.
	right := map[rune]float64{'-': pr.Hyphen, '–': pr.EnDash, '—': pr.EmDash, ',': pr.Comma, '.': pr.FullStop, ':': pr.Colon, ';': pr.Semicolon,
		'”': pr.ClosingQuote, '’': pr.ClosingQuote, '»': pr.ClosingQuote, '“': pr.ClosingQuote}
	left := map[rune]float64{'“': pr.OpeningQuote, '‘': pr.OpeningQuote, '«': pr.OpeningQuote, '„': pr.OpeningQuote}
	if pr.Hyphen == 0 || pr.Comma == 0 || pr.FullStop == 0 || pr.OpeningQuote == 0 {
		t.Fatal("the built-in style hangs no punctuation: the test checks nothing")
	}
	// A run's glyphs, and its hanging character, are as wide as they
	// are drawn: expanded by its line's font expansion.
	amount := func(tx display.Text, r rune, frac map[rune]float64) float64 {
		return frac[r] * float64(fam.Face(tx.Face).Advance(r)) * tx.Size / 1000 * (1 + tx.Expand)
	}
	lo, hi := st.Page.MarginLeft, st.Page.Width-st.Page.MarginRight
	for lang, doc := range docs {
		pages := lay(doc, h)
		hung := map[string]int{} // "right -", "left «" …
		for i, pg := range pages.Pages {
			for _, tx := range pg.Texts {
				w := float64(fam.Face(tx.Face).Width(tx.Text)) * tx.Size / 1000
				if pages.Kerning {
					w = float64(fam.Face(tx.Face).KernedWidth(tx.Text)) * tx.Size / 1000
				}
				w *= 1 + tx.Expand
				first, _ := utf8.DecodeRuneInString(tx.Text)
				last, _ := utf8.DecodeLastRuneInString(tx.Text)
				if a := amount(tx, last, right); a > 0 && approx(tx.X+w, hi+a) {
					hung["right "+string(last)]++
				} else if a > 0 && tx.X+w > hi && tx.X+w < hi+a {
					// A paragraph's last line, set at natural spacing,
					// may end inside its hang (TeX's too).
					hung["part "+string(last)]++
				} else if tx.X+w > hi+0.001 {
					t.Errorf("%s page %d: %q at x %.3f..%.3f crosses the right margin (a hang of %.3f would end at %.3f)", lang, i+1, tx.Text, tx.X, tx.X+w, a, hi+a)
				} else if a > 0 && approx(tx.X+w, hi) {
					t.Errorf("%s page %d: %q ends at the measure: its %q does not hang", lang, i+1, tx.Text, last)
				}
				if a := amount(tx, first, left); a > 0 && approx(tx.X, lo-a) {
					hung["left "+string(first)]++
				} else if tx.X < lo-0.001 {
					t.Errorf("%s page %d: %q at x %.3f crosses the left margin (a hang of %.3f would start at %.3f)", lang, i+1, tx.Text, tx.X, a, lo-a)
				} else if a > 0 && approx(tx.X, lo) && tx.Y < st.Page.Height-st.Page.MarginBottom {
					t.Errorf("%s page %d: %q starts at the measure: its %q does not hang", lang, i+1, tx.Text, first)
				}
				if tx.Y > st.Page.Height-st.Page.MarginBottom+0.01 && !strings.Contains(tx.Text, " ") && tx.Y < st.Page.Height-st.Header.FooterBaseline-1 {
					t.Errorf("%s page %d: %q below the text area", lang, i+1, tx.Text)
				}
			}
			if len(pg.Texts) < 4 || pg.Texts[0].Text != doc.Brand.Organization || pg.Texts[2].Text != doc.Footer(i+1, len(pages.Pages)) {
				t.Errorf("%s page %d: header or footer missing", lang, i+1)
			}
		}
		for _, k := range []string{"right -", "right ,", "right ."} {
			if hung[k] == 0 {
				t.Errorf("%s: no line hangs %s; hanging: %v", lang, k, hung)
			}
		}
		t.Logf("%s: hanging %v", lang, hung)
	}
}

// approx reports whether two positions on the page are the same, to a
// thousandth of a point.
func approx(a, b float64) bool { return a-b < 0.001 && b-a < 0.001 }

// TestLongWordIsCut lays out a paragraph with a URL longer than a line.
func TestLongWordIsCut(t *testing.T) {
	docs, h := referenceDocs(t)
	fam := h.Family
	doc := *docs["en"]
	long := "https://example.org/" + strings.Repeat("very-long-path-segment/", 12) + "end"
	doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Heading"}, Blocks: []document.Block{{
		Kind:       document.Plain,
		Paragraphs: []document.Paragraph{{Spans: spansOf("See "), ID: "x"}, {Spans: linkOf(long)}},
	}}}}
	st := h.Style
	pages := lay(&doc, h)
	var pieces []string
	for _, pg := range pages.Pages {
		for _, tx := range pg.Texts {
			w := float64(fam.Face(tx.Face).Width(tx.Text)) * tx.Size / 1000
			if tx.X+w > st.Page.Width-st.Page.MarginRight+0.01 {
				t.Errorf("%q overflows", tx.Text)
			}
			if strings.Contains(long, tx.Text) && len(tx.Text) > 10 {
				pieces = append(pieces, tx.Text)
			}
		}
	}
	if strings.Join(pieces, "") != long {
		t.Errorf("pieces %q do not rebuild the URL", pieces)
	}
	for _, p := range pieces[:len(pieces)-1] {
		if !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, "-") {
			t.Errorf("cut after %q, not after / or -", p)
		}
	}
}

func spansOf(s string) []markup.Span { return []markup.Span{{Text: s}} }

func linkOf(u string) []markup.Span { return []markup.Span{{Text: u, URL: u}} }

// TestHyphenationRules sets a paragraph in a narrow column, where many
// lines end hyphenated, and checks what must never be hyphenated: words
// in capitals, names, and an address shown as a link's text. The words
// of a link's prose text are hyphenated as any others.
func TestHyphenationRules(t *testing.T) {
	docs, h := referenceDocs(t)
	st := h.Style
	doc := *docs["en"]
	doc.Names = []string{"Mr. Erkin Mukhitdinov"}
	var spans []markup.Span
	for i := 0; i < 12; i++ {
		spans = append(spans,
			markup.Span{Text: "Internationalization of the COVID-19 CONSIDERATIONS and GCM implementation by Mukhitdinov, "},
			markup.Span{Text: "example.org/internationalization", URL: "https://example.org/internationalization"},
			markup.Span{Text: " and "},
			markup.Span{Text: "unquestionably extraordinary organisations", URL: "https://example.org/x"},
			markup.Span{Text: " notwithstanding responsibilities; "})
	}
	doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "H"}, Blocks: []document.Block{{
		Kind: document.Plain, Paragraphs: []document.Paragraph{{Spans: spans}},
	}}}}
	narrow := *h
	narrow.Style.Page.MarginRight = st.Page.Width - st.Page.MarginLeft - 150
	res := compose.Layout(&doc, &narrow, compose.Options{})
	pages := res.Pages
	hyphenated, linkProse := 0, 0
	for _, pg := range pages.Pages {
		for _, tx := range pg.Texts {
			if !strings.HasSuffix(tx.Text, "-") || tx.Text == "-" {
				continue
			}
			hyphenated++
			stem := strings.TrimSuffix(tx.Text, "-")
			for _, protected := range []string{"COVID", "CONSIDERATIONS", "GCM", "Mukhitdinov", "example.org/internationalization"} {
				if strings.HasPrefix(protected, stem) {
					t.Errorf("%q is hyphenated (%q)", protected, tx.Text)
				}
			}
			for _, prose := range []string{"unquestionably", "extraordinary", "organisations"} {
				if strings.HasPrefix(prose, stem) {
					linkProse++
				}
			}
		}
	}
	if hyphenated < 10 {
		t.Errorf("only %d hyphenated lines in a narrow column", hyphenated)
	}
	if linkProse == 0 {
		t.Errorf("no word of a link's prose text is hyphenated in a narrow column")
	}
	if res.Stats.MaxHyphenRun > 2 {
		t.Errorf("%d hyphenated lines in a row", res.Stats.MaxHyphenRun)
	}
}

// TestFallbackHyphenation checks that text shown in the source language
// inside another edition (a draft fall-back, marked in the margin) is
// hyphenated with the source language's patterns, and the edition's own
// text with its own: the French edition of the reference report, whose
// translation is in progress, has both. The source, plain "en", is
// hyphenated with the patterns the house style chooses for it (British).
func TestFallbackHyphenation(t *testing.T) {
	docs, h := referenceDocs(t)
	doc := docs["fr"]
	st := h.Style
	source := "en-US"
	if st.Justify.EnglishPatterns == "gb" {
		source = "en-GB"
	}
	pages := lay(doc, h)
	seen := map[string]int{}
	for pi, pg := range pages.Pages {
		for i, tx := range pg.Texts {
			// A hyphen added at a line end follows a letter and ends the
			// line: the next text, on the next line, goes on with the word.
			frag, ok := strings.CutSuffix(tx.Text, "-")
			last, _ := utf8.DecodeLastRuneInString(frag)
			if !ok || !unicode.IsLetter(last) || i+1 == len(pg.Texts) || pg.Texts[i+1].Y == tx.Y {
				continue
			}
			lang := "fr"
			for _, rc := range pg.Rects {
				if rc.Color == display.Color(st.Colors.Draft) && rc.Y <= tx.Y && tx.Y <= rc.Y+rc.H {
					lang = source
				}
			}
			// The run of letters the break is in, and the break's offset.
			word := frag + pg.Texts[i+1].Text
			start := 0
			for i, r := range frag {
				if !unicode.IsLetter(r) {
					start = i + utf8.RuneLen(r)
				}
			}
			end := strings.IndexFunc(word[len(frag):], func(r rune) bool { return !unicode.IsLetter(r) })
			if end < 0 {
				end = len(word)
			} else {
				end += len(frag)
			}
			run := word[start:end]
			points := hyphen.For(lang).Points(run)
			// A word of the house's exceptions breaks where it says.
			for _, w := range st.Justify.HyphenationExceptions {
				if strings.EqualFold(strings.ReplaceAll(w, "-", ""), run) {
					points = nil
					at := 0
					for _, part := range strings.Split(w, "-") {
						if at > 0 {
							points = append(points, at)
						}
						at += len(part)
					}
				}
			}
			if !slices.Contains(points, len(frag)-start) {
				t.Errorf("page %d: %q is hyphenated as %s-%s, not at a point of the %s patterns or the house's exceptions", pi+1, run, frag[start:], word[len(frag):end], lang)
			}
			seen[lang]++
		}
	}
	if seen[source] == 0 || seen["fr"] == 0 {
		t.Errorf("hyphenated lines: %d in English fall-backs, %d in French text; want both", seen[source], seen["fr"])
	}
}

// TestSoftHyphenNeverDrawn puts soft hyphens in a heading and a paragraph:
// neither the page nor the outline shows them.
func TestSoftHyphenNeverDrawn(t *testing.T) {
	docs, h := referenceDocs(t)
	doc := *docs["en"]
	doc.Sections = []document.Section{{ID: "s", Heading: document.Text{Text: "Open\u00ading re\u00admarks"}, Blocks: []document.Block{{
		Kind:       document.Plain,
		Paragraphs: []document.Paragraph{{Spans: spansOf("Mukhit\u00addinov wel\u00adcomed the dele\u00adgates."), ID: "x"}},
	}}}}
	pages := lay(&doc, h)
	var drawn, outline strings.Builder
	for _, pg := range pages.Pages {
		for _, tx := range pg.Texts {
			drawn.WriteString(tx.Text + " ")
		}
		for _, b := range pg.Bookmarks {
			outline.WriteString(b.Title + "\n")
		}
	}
	for what, s := range map[string]string{"page": drawn.String(), "outline": outline.String()} {
		if strings.Contains(s, "\u00ad") {
			t.Errorf("the %s shows a soft hyphen: %q", what, s)
		}
	}
	if !strings.Contains(drawn.String(), "Mukhitdinov welcomed") || !strings.Contains(outline.String(), "Opening remarks") {
		t.Errorf("page %q, outline %q", drawn.String(), outline.String())
	}
}
