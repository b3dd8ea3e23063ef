package layout

import (
	"math"
	"testing"

	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/hyphen"
	"github.com/reportgen/reportgen/markup"
)

// TestKerningMeasured checks that with kerning every piece of every line
// measures its text kerned (plus the kerning with the next piece of its
// word when the two are drawn as one run), whether words are whole,
// rejoined after a hyphenation point, broken at one (the hyphen kerned
// with the letter before it) or cut as too long for the line; and that
// kerning narrows the words.
func TestKerningMeasured(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{fam: fam, kern: true}
	plain := measurer{fam: fam}
	ts := TextStyle{Size: 10, Leading: 1.4, Align: Justify}
	spans := []markup.Span{
		{Text: "Together with Tajikistan, Turkey and Wyoming, the Territory of Yukon for\u00adwarded T\u00adoday’s "},
		{Text: "Ty"}, {Text: "pewriter"}, // one word of two spans, drawn as one run
		{Text: " report. Every year, AVAILABLE TRAVEL VOUCHERS: Гражданское ГДМ Тасты "},
		{Text: "Typographical", Style: markup.Italic},
		{Text: " http://www.example.org/TooLongToFitOnAnyLineTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT."},
	}
	sc := new(scratch)
	ws := m.words(spans, ts, sc)
	if got, want := ws[0].w, m.width(fonts.Regular, "Together", 10); math.Abs(got-want) > 1e-9 || got >= plain.width(fonts.Regular, "Together", 10) {
		t.Errorf("Together measures %.3f, want %.3f, less than unkerned", got, want)
	}
	for _, w := range ws {
		if wordText(w) == "Typewriter" {
			if got, want := w.w, m.width(fonts.Regular, "Typewriter", 10); math.Abs(got-want) > 1e-9 {
				t.Errorf("Ty+pewriter measures %.3f, want %.3f as one run", got, want)
			}
		}
	}
	hy := &hyphenation{h: hyphen.For("en")}
	hyphens := 0
	for width := 60.0; width < 400; width += 7 {
		for _, justify := range []bool{true, false} {
			sc := new(scratch)
			ws := m.words(spans, ts, sc)
			var lines []line
			if justify {
				lines = m.justify(ws, width, ts, testStyle().Justify, hy, hang{}, sc)
			} else {
				lines = m.breakLines(ws, width, ts.Size, 1)
			}
			for _, ln := range lines {
				if ln.hyphen {
					hyphens++
				}
				for _, w := range ln.words {
					sum := 0.0
					for _, p := range w.pieces {
						size := ts.Size
						if p.size > 0 {
							size = p.size
						}
						if want := m.width(p.face, p.text, size) + p.kernNext; math.Abs(p.w-want) > 1e-9 {
							t.Errorf("width %.0f: piece %q measures %.4f, want %.4f (kern to next %.4f)", width, p.text, p.w, want, p.kernNext)
						}
						sum += p.w
					}
					if math.Abs(sum-w.w) > 1e-9 {
						t.Errorf("width %.0f: word %q measures %.4f, its pieces %.4f", width, wordText(w), w.w, sum)
					}
				}
			}
		}
	}
	if hyphens == 0 {
		t.Error("no line ended at a hyphenation point: the test checks too little")
	}
}
