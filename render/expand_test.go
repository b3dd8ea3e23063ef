package render

import (
	"bytes"
	"math"
	"testing"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/pdfread"
)

// TestExpansion draws runs with font expansion (Tz), kerned and not,
// among runs without, and reads them back: each is as wide as its
// advance times its expansion, and a run after an expanded one, on the
// page or the next, is drawn unscaled.
func TestExpansion(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	texts := []display.Text{
		{X: 20, Y: 30, Size: 20, Text: "Tower.", Expand: 0.02},
		{X: 20, Y: 60, Size: 20, Text: "ab", Expand: 0.02},
		{X: 20, Y: 90, Size: 20, Text: "Таджикистан", Face: fonts.Bold, Color: display.Color{G: 60, B: 160}, Expand: -0.015},
		{X: 20, Y: 120, Size: 20, Text: "ab"},
		{X: 20, Y: 150, Size: 20, Text: "Typical", Face: fonts.Italic, Expand: 0.005},
	}
	for _, tagged := range []bool{false, true} {
		for _, kerning := range []bool{false, true} {
			pages := &display.Document{Width: 300, Height: 200, Kerning: kerning, Meta: display.Meta{Date: date, Lang: "en"},
				Elements: []display.Element{{Role: display.Decoration}},
				Pages:    []display.Page{{Texts: texts}, {Texts: texts[3:4]}}}
			var buf bytes.Buffer
			if err := Write(&buf, pages, Options{Family: fam, Tagged: tagged}); err != nil {
				t.Fatal(err)
			}
			doc, err := pdfread.Read(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			for pi, pg := range doc.Pages {
				want := pages.Pages[pi].Texts
				if len(pg.Runs) != len(want) {
					t.Fatalf("tagged %v kerning %v page %d: %d runs, want %d", tagged, kerning, pi+1, len(pg.Runs), len(want))
				}
				for i, r := range pg.Runs {
					tx := want[i]
					f := fam.Face(tx.Face)
					w := float64(f.Width(tx.Text))
					if kerning {
						w = float64(f.KernedWidth(tx.Text))
					}
					w *= tx.Size / 1000 * (1 + tx.Expand)
					if r.Text != tx.Text || math.Abs(r.W-w) > 0.01 || math.Abs(r.X-tx.X) > 0.006 {
						t.Errorf("tagged %v kerning %v page %d: %q at %.3f, %.3f wide; want %q at %.3f, %.3f wide",
							tagged, kerning, pi+1, r.Text, r.X, r.W, tx.Text, tx.X, w)
					}
				}
			}
		}
	}
	for _, tc := range []struct {
		e    float64
		want string
	}{{0, "100 Tz"}, {0.005, "100.5 Tz"}, {-0.015, "98.5 Tz"}, {0.02, "102 Tz"}, {math.NaN(), "100 Tz"}, {-1, "100 Tz"}} {
		if got := tzOp(tc.e); got != tc.want {
			t.Errorf("tzOp(%g) = %q, want %q", tc.e, got, tc.want)
		}
	}
}
