package layout

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/markup"
)

// testProtrusion is the house style's protrusion, as compose hands it on.
var testProtrusion = Protrusion{
	Right: map[rune]float64{'-': 0.7, '–': 0.3, '—': 0.3, ',': 0.7, '.': 0.7, ':': 0.5, ';': 0.5, '”': 0.5, '’': 0.5, '»': 0.5, '“': 0.5},
	Left:  map[rune]float64{'“': 0.5, '‘': 0.5, '«': 0.5, '„': 0.5},
}

const protrusionText = `“Migration,” the Director said, “is a fact of life: it is neither good nor bad; ` +
	`what matters is how it is governed.” The delegates – ministers, officials and experts from ` +
	`seventeen countries – agreed. “Cooperation,” one added, “is the only way forward.” ` +
	`Regional consultative processes, bilateral agreements and the Global Compact for Migration ` +
	`were discussed at length; “whole-of-government” and “whole-of-society” approaches were ` +
	`commended, and the participants reaffirmed: “no one will be safe until everyone is safe.” ` +
	`The next meeting — in Tashkent, Almaty or Bishkek — will review progress, challenges, ` +
	`opportunities, commitments: all of them.`

// setLines sets text justified at a measure of width with protrusion pr
// in a page of the given side margins, and returns its line boxes.
func setLines(t *testing.T, fam *fonts.Family, pr Protrusion, text string, width, margin float64, marker string) []Box {
	t.Helper()
	ts := New(fam, Options{
		Page:    Page{Width: width + 2*margin, Height: 800, MarginLeft: margin, MarginRight: margin, MarginTop: 50, MarginBottom: 50},
		Justify: testStyle().Justify, Lang: language.English, Source: language.English, Protrusion: pr,
	})
	p := Paragraph{Spans: []markup.Span{{Text: text}}, Style: TextStyle{Size: 10, Leading: 1.4, Align: Justify}}
	if marker != "" {
		p.Marker, p.MarkerGap = marker, 5
	}
	return append([]Box(nil), ts.Set(p)...)
}

// TestProtrusion sets a paragraph full of punctuation at many measures
// and reads the display list: the last glyph of every line set to the
// full measure ends exactly its character's hang (fraction × advance)
// right of the measure, the first starts exactly its hang left of it,
// and nothing else crosses the measure. Every kind of hanging character
// is seen hanging; the hang is capped by the margin (none in a page
// without margins); a marked first line does not hang left.
func TestProtrusion(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	adv := func(tx display.Text, r rune) float64 {
		return float64(fam.Face(tx.Face).Advance(r)) * tx.Size / 1000
	}
	width := func(tx display.Text) float64 {
		return float64(fam.Face(tx.Face).Width(tx.Text)) * tx.Size / 1000
	}
	const eps = 1e-6
	hung := map[string]int{}
	for _, margin := range []float64{0, 1, 40} {
		for w := 140.0; w <= 420; w += 3 {
			boxes := setLines(t, fam, testProtrusion, protrusionText, w, margin, "")
			for i, b := range boxes {
				texts := b.Items.Texts
				if len(texts) == 0 {
					continue
				}
				first, last := texts[0], texts[len(texts)-1]
				fr, _ := utf8.DecodeRuneInString(first.Text)
				lr, _ := utf8.DecodeLastRuneInString(last.Text)
				wantLeft := min(testProtrusion.Left[fr]*adv(first, fr), margin)
				wantRight := min(testProtrusion.Right[lr]*adv(last, lr), margin)
				full := b.info.justified && !b.info.loose && (i < len(boxes)-1 || b.info.spaceScale < 1)
				if math.Abs(first.X-(-wantLeft)) > eps {
					t.Errorf("margin %g width %g line %d %q: starts at %.6f, want %.6f", margin, w, i+1, first.Text, first.X, -wantLeft)
				}
				end := last.X + width(last)
				if full && math.Abs(end-(w+wantRight)) > eps {
					t.Errorf("margin %g width %g line %d …%q: ends at %.6f, want %.6f (measure + hang of %q)", margin, w, i+1, last.Text, end, w+wantRight, lr)
				}
				if !full && end > w+wantRight+eps {
					// A last line may end in its hang: set at natural
					// spacing, it is only as long as it is.
					t.Errorf("margin %g width %g line %d …%q: not full, ends at %.6f past the measure %g and its hang", margin, w, i+1, last.Text, end, w)
				}
				for k, tx := range texts {
					l, r := tx.X, tx.X+width(tx)
					if k == 0 {
						l += wantLeft
					}
					if k == len(texts)-1 {
						r -= wantRight
					}
					if l < -eps || r > w+eps {
						t.Errorf("margin %g width %g line %d: %q at %.6f..%.6f crosses the measure 0..%g beyond its hang", margin, w, i+1, tx.Text, tx.X, tx.X+width(tx), w)
					}
					if tx.X < -margin-eps || tx.X+width(tx) > w+margin+eps {
						t.Errorf("margin %g width %g line %d: %q crosses the page edge", margin, w, i+1, tx.Text)
					}
				}
				if b.info.overfull {
					t.Errorf("margin %g width %g line %d: overfull", margin, w, i+1)
				}
				if margin == 40 {
					if wantLeft > 0 {
						hung["left "+string(fr)]++
					}
					if full && wantRight > 0 {
						hung["right "+string(lr)]++
					}
				}
			}
		}
	}
	for _, k := range []string{"right -", "right –", "right —", "right ,", "right .", "right :", "right ;", "right ”", "left “"} {
		if hung[k] == 0 {
			t.Errorf("no line hangs %s at any measure: %v", k, hung)
		}
	}
	t.Logf("hanging lines: %v", hung)

	// A list item's first line starts with its marker: it does not hang
	// left; its next lines do.
	boxes := setLines(t, fam, testProtrusion, "“Quoted” words fill this item, and the next line starts “with a quote” or not, “as it may” be.", 120, 40, "•")
	if x := boxes[0].Items.Texts[1].X; x != 0 {
		t.Errorf("marked first line starts at %g, want 0", x)
	}
}

// TestProtrusionBreaks checks that line breaking sees the hang: a line
// that ends with a comma holds the comma's hang more than the measure
// (so text just too wide without protrusion fits with it), and that text
// set without protrusion is set as before.
func TestProtrusionBreaks(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	text := "one two three four five six seven, eight nine ten eleven twelve thirteen fourteen fifteen"
	lineText := func(b Box) string {
		var s []string
		for _, tx := range b.Items.Texts {
			s = append(s, tx.Text)
		}
		return strings.Join(s, " ")
	}
	face := fam.Face(fonts.Regular)
	first := "one two three four five six seven,"
	natural := float64(face.Width(first)) * 10 / 1000
	comma := 0.7 * float64(face.Advance(',')) * 10 / 1000
	// At a measure just narrower than the first line's natural width, but
	// wider than it less the comma's hang, the line fits only with
	// protrusion, at nearly natural spacing; without, it cannot shrink
	// enough to fit, and breaks elsewhere.
	w := natural - comma/2
	with := setLines(t, fam, testProtrusion, text, w, 40, "")
	without := setLines(t, fam, Protrusion{}, text, w, 40, "")
	if got := lineText(with[0]); got != first {
		t.Errorf("with protrusion, first line %q, want %q", got, first)
	}
	if got := lineText(without[0]); got != first {
		t.Errorf("without protrusion, first line %q, want %q", got, first)
	}
	// With the hang the line is set wider than its natural width, without
	// it narrower: the breaker and the ratio both count the hang.
	if s := with[0].info.spaceScale; !(s > 1) {
		t.Errorf("with protrusion, first line's spaces at %.3f of normal, want wider", s)
	}
	if s := without[0].info.spaceScale; !(s < 1) {
		t.Errorf("without protrusion, first line's spaces at %.3f of normal, want narrower", s)
	}
	// Without protrusion nothing hangs.
	for _, b := range without {
		if tx := b.Items.Texts; tx[0].X != 0 || tx[len(tx)-1].X+float64(face.Width(tx[len(tx)-1].Text))*10/1000 > w+1e-6 {
			t.Errorf("without protrusion, line %q crosses the measure", lineText(b))
		}
	}
}
