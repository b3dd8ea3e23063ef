package compose_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/render"
)

// TestKerningReadsBack checks that kerned words read back whole, none
// split at a kerned pair nor joined to the next. The PDF reader of the
// tests reads each run of the reference report as one piece of text,
// its text, narrower than unkerned where it has a kerned pair; and
// pdftotext, if installed, reads no word from the report set with
// kerning that it does not read from the report set without (where the
// line breaks differ).
func TestKerningReadsBack(t *testing.T) {
	docs, h := referenceDocs(t)
	if !h.Style.Type.Kerning {
		t.Fatal("the house style does not kern: the test checks nothing")
	}
	for _, lang := range []string{"en", "ru"} {
		pages := lay(docs[lang], h)
		if !pages.Kerning {
			t.Fatalf("%s: the display list is not kerned", lang)
		}
		var buf bytes.Buffer
		if err := render.Write(&buf, pages, render.Options{Family: h.Family}); err != nil {
			t.Fatal(err)
		}
		kerned := buf.Bytes()
		doc, err := pdfread.Read(kerned)
		if err != nil {
			t.Fatal(err)
		}
		narrower := 0
		for pi, pg := range doc.Pages {
			texts := pages.Pages[pi].Texts
			if len(pg.Runs) != len(texts) {
				t.Errorf("%s page %d: %d runs read back, %d drawn", lang, pi+1, len(pg.Runs), len(texts))
				continue
			}
			for i, r := range pg.Runs {
				tx := texts[i]
				f := h.Family.Face(tx.Face)
				if r.Text != tx.Text {
					t.Errorf("%s page %d: %q read back as %q", lang, pi+1, tx.Text, r.Text)
				}
				if plain := float64(f.Width(tx.Text)) * tx.Size / 1000; r.W < plain-0.01 {
					narrower++
				}
			}
		}
		if narrower < 300 {
			t.Errorf("%s: %d runs narrower kerned", lang, narrower)
		}

		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Log("pdftotext not installed: not checked")
			continue
		}
		plainStyle := *h
		plainStyle.Style.Type.Kerning = false
		buf = bytes.Buffer{}
		if err := render.Write(&buf, lay(docs[lang], &plainStyle), render.Options{Family: h.Family}); err != nil {
			t.Fatal(err)
		}
		var words [2][]string
		for i, data := range [][]byte{kerned, buf.Bytes()} {
			words[i] = pdftotextWords(t, data)
		}
		for _, w := range newWords(words[0], words[1]) {
			t.Errorf("%s: pdftotext reads %q from the kerned report, not from the unkerned", lang, w)
		}
		text := " " + strings.Join(words[0], " ") + " "
		for _, w := range map[string][]string{"en": {"Together", "To", "Teams", "Tajikistan,"}, "ru": {"ОТЧЁТ", "Таджикистана,", "Турции"}}[lang] {
			if !strings.Contains(text, " "+w+" ") {
				t.Errorf("%s: pdftotext does not read %q whole", lang, w)
			}
		}
	}
}

// pdftotextWords returns the words pdftotext reads from a PDF.
func pdftotextWords(t *testing.T, pdf []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Fields(string(out))
}

// newWords returns the words of a that are not among those of b, but
// for halves of words hyphenated across a page, which differ when the
// line breaks do.
func newWords(a, b []string) []string {
	known := map[string]bool{}
	for _, w := range b {
		known[w] = true
	}
	var out []string
	for _, w := range a {
		if !known[w] && !strings.HasSuffix(w, "-") {
			out = append(out, w)
		}
	}
	return out
}
