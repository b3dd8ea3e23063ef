package render

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/pdfread"
)

// kernTexts are runs with kerned pairs ("To", "Та", "r.", "Ty", and "f)" wider), one
// without ("ab"), in several faces and colours. The Cyrillic letters are
// drawn nowhere else: their glyphs reach the PDF only if the kerned
// drawing registers them with fpdf.
var kernTexts = []display.Text{
	{X: 20, Y: 30, Size: 20, Text: "Tower."},
	{X: 20, Y: 60, Size: 20, Text: "Таджикистан", Face: fonts.Bold, Color: display.Color{G: 60, B: 160}},
	{X: 20, Y: 90, Size: 20, Text: "ab"},
	{X: 20, Y: 120, Size: 20, Text: "Typical", Face: fonts.Italic},
	{X: 20, Y: 150, Size: 20, Text: "(f)", Face: fonts.BoldItalic},
}

func kernPages(kerning bool) *display.Document {
	return &display.Document{Width: 300, Height: 200, Kerning: kerning, Meta: display.Meta{Date: date, Lang: "en"},
		Elements: []display.Element{{Role: display.Decoration}},
		Pages:    []display.Page{{Texts: kernTexts}}}
}

// TestKerning draws runs with and without kerning and reads them back:
// each run is one piece of text, whole, and as wide as the layout
// measures it: kerned narrower than the advance widths say ("f)" wider).
func TestKerning(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	for _, tagged := range []bool{false, true} {
		for _, kerning := range []bool{false, true} {
			var buf bytes.Buffer
			if err := Write(&buf, kernPages(kerning), Options{Family: fam, Tagged: tagged}); err != nil {
				t.Fatal(err)
			}
			doc, err := pdfread.Read(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			runs := doc.Pages[0].Runs
			if len(runs) != len(kernTexts) {
				t.Fatalf("tagged %v kerning %v: %d runs, want %d: %+v", tagged, kerning, len(runs), len(kernTexts), runs)
			}
			for i, r := range runs {
				tx := kernTexts[i]
				f := fam.Face(tx.Face)
				want := float64(f.Width(tx.Text)) * tx.Size / 1000
				if kerning {
					want = float64(f.KernedWidth(tx.Text)) * tx.Size / 1000
				}
				if strings.TrimSpace(r.Text) != tx.Text || math.Abs(r.X-tx.X) > 0.006 || math.Abs(r.W-want) > 0.01 {
					t.Errorf("tagged %v kerning %v: run %q at %.3f, %.3f wide; want %q at %.3f, %.3f wide", tagged, kerning, r.Text, r.X, r.W, tx.Text, tx.X, want)
				}
				if kerning && tx.Text != "ab" && f.KernedWidth(tx.Text) == f.Width(tx.Text) {
					t.Errorf("%q is not kerned", tx.Text)
				}
			}
			if kerning && runs[0].W >= float64(fam.Face(fonts.Regular).Width("Tower."))*20/1000-3 {
				t.Errorf("Tower. is %.3f wide kerned: not narrower by To, ow and r.", runs[0].W)
			}
			if tagged {
				for _, pg := range doc.Pages {
					if pg.Unmapped > 0 {
						t.Errorf("tagged: %d character codes without Unicode", pg.Unmapped)
					}
				}
			}
			if kerning {
				pdftotext(t, buf.Bytes(), "Tower.\nТаджикистан\nab\nTypical\n(f)")
			}
		}
	}
}

// pdftotext checks that pdftotext, if installed, reads the page as want:
// the kerned words whole.
func pdftotext(t *testing.T, pdf []byte, want string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: not checked")
		return
	}
	path := filepath.Join(t.TempDir(), "k.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("pdftotext reads %q, want %q", got, want)
	}
}

// TestKerningReproducible checks that kerned drawing gives the same bytes
// every time.
func TestKerningReproducible(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	var out [2]bytes.Buffer
	for i := range out {
		if err := Write(&out[i], kernPages(true), Options{Family: fam}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two PDFs of the same pages differ")
	}
}
