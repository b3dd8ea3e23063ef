package compose_test

import (
	"bytes"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/render"
)

// TestExpansionLines checks where the house style's font expansion
// applies in the reference report: only to justified lines of
// justified paragraphs, within its limits, in whole steps; never to
// headings, table cells, lines set flush left, nor to a paragraph's last
// line set at natural spacing. Both widened and narrowed lines occur.
func TestExpansionLines(t *testing.T) {
	docs, h := referenceDocs(t)
	ex := h.Style.Expand
	if ex.Step <= 0 || ex.Stretch <= 0 || ex.Shrink <= 0 {
		t.Fatal("the built-in style does not expand: the test checks nothing")
	}
	for _, lang := range []string{"en", "ru"} {
		res := compose.Layout(docs[lang], h, compose.Options{Trace: true})
		wider, narrower := 0, 0
		for _, ln := range res.Lines {
			e := ln.Expand
			switch {
			case e == 0:
				continue
			case e > ex.Stretch+1e-12 || e < -ex.Shrink-1e-12:
				t.Errorf("%s page %d line %d: expanded by %+.4f, beyond the limits: %q", lang, ln.Page, ln.Number, e, ln.Text)
			case math.Abs(e/ex.Step-math.Round(e/ex.Step)) > 1e-9:
				t.Errorf("%s page %d line %d: expanded by %+.4f, not a whole number of steps", lang, ln.Page, ln.Number, e)
			}
			switch {
			case ln.Role == display.Heading || ln.Role == display.Title || ln.Role == display.TableCell:
				t.Errorf("%s page %d line %d: a %s expanded: %q", lang, ln.Page, ln.Number, ln.Role, ln.Text)
			case !ln.Justified || ln.Loose:
				t.Errorf("%s page %d line %d: a line not justified expanded: %q", lang, ln.Page, ln.Number, ln.Text)
			case ln.Last && ln.Ratio >= 0:
				t.Errorf("%s page %d line %d: a last line at natural spacing expanded: %q", lang, ln.Page, ln.Number, ln.Text)
			case (e > 0) != (ln.Ratio > 0):
				t.Errorf("%s page %d line %d: ratio %+.2f, expansion %+.4f", lang, ln.Page, ln.Number, ln.Ratio, e)
			}
			if e > 0 {
				wider++
			} else {
				narrower++
			}
		}
		if wider < 30 || narrower < 30 {
			t.Errorf("%s: %d lines widened, %d narrowed", lang, wider, narrower)
		}
		// The display list draws what the trace says.
		for pi, pg := range res.Pages.Pages {
			for _, tx := range pg.Texts {
				if tx.Expand != 0 && (tx.Expand > ex.Stretch+1e-12 || tx.Expand < -ex.Shrink-1e-12) {
					t.Errorf("%s page %d: %q drawn expanded by %+.4f", lang, pi+1, tx.Text, tx.Expand)
				}
			}
		}
	}
}

// TestExpansionReadsBack checks that expanded words are drawn as wide as
// the layout measured them: read back from the PDF, tagged and not, each
// run starts where the display list put it and advances by its kerned
// width times its expansion (Tz), and the runs after an expanded line
// (the next line, the footer) are drawn unscaled. pdftotext, if
// installed, reads the same words as from the report set without
// expansion.
func TestExpansionReadsBack(t *testing.T) {
	docs, h := referenceDocs(t)
	for _, lang := range []string{"en", "ru"} {
		for _, tagged := range []bool{false, true} {
			pages := lay(docs[lang], h)
			texts := make([][]display.Text, len(pages.Pages))
			for i, pg := range pages.Pages {
				texts[i] = pg.Texts
			}
			var buf bytes.Buffer
			if err := render.Write(&buf, pages, render.Options{Family: h.Family, Tagged: tagged}); err != nil {
				t.Fatal(err)
			}
			doc, err := pdfread.Read(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			expanded := 0
			for pi, pg := range doc.Pages {
				if len(pg.Runs) != len(texts[pi]) {
					t.Errorf("%s page %d: %d runs read back, %d drawn", lang, pi+1, len(pg.Runs), len(texts[pi]))
					continue
				}
				for i, r := range pg.Runs {
					tx := texts[pi][i]
					f := h.Family.Face(tx.Face)
					w := float64(f.KernedWidth(tx.Text)) * tx.Size / 1000 * (1 + tx.Expand)
					if strings.TrimRight(r.Text, " ") != tx.Text {
						t.Errorf("%s page %d: %q read back as %q", lang, pi+1, tx.Text, r.Text)
						continue
					}
					if tagged && strings.HasSuffix(r.Text, " ") {
						// The space a tagged PDF draws after a word.
						w += float64(f.Advance(' ')) * tx.Size / 1000 * (1 + tx.Expand)
					}
					if math.Abs(r.X-tx.X) > 0.006 || math.Abs(r.W-w) > 0.01 {
						t.Errorf("%s page %d: %q (expanded %+.3f) drawn at %.3f, %.3f wide; laid out at %.3f, %.3f wide",
							lang, pi+1, tx.Text, tx.Expand, r.X, r.W, tx.X, w)
					}
					if tx.Expand != 0 {
						expanded++
					}
				}
			}
			if expanded < 500 {
				t.Errorf("%s: %d expanded runs", lang, expanded)
			}
		}

		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Log("pdftotext not installed: not checked")
			continue
		}
		plain := *h
		plain.Style.Expand.Step = 0
		var words [2][]string
		for i, hh := range []*struct{ expand bool }{{true}, {false}} {
			st := h
			if !hh.expand {
				st = &plain
			}
			var buf bytes.Buffer
			if err := render.Write(&buf, lay(docs[lang], st), render.Options{Family: h.Family}); err != nil {
				t.Fatal(err)
			}
			words[i] = pdftotextWords(t, buf.Bytes())
		}
		for _, w := range newWords(words[0], words[1]) {
			t.Errorf("%s: pdftotext reads %q from the expanded report, not from the unexpanded", lang, w)
		}
	}
}
