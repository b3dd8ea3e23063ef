package layout

import (
	"math"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/markup"
)

// TestExpansionFactor checks that a line's expansion is its ratio's share
// in whole steps, never beyond the limits, and none when off.
func TestExpansionFactor(t *testing.T) {
	ex := Expansion{Stretch: 0.02, Shrink: 0.02, Step: 0.005}
	for _, tc := range []struct{ r, want float64 }{
		{0, 0}, {0.1, 0}, {0.2, 0.005}, {0.5, 0.01}, {1, 0.02}, {3.7, 0.02},
		{-0.1, 0}, {-0.5, -0.01}, {-1, -0.02}, {-2, -0.02}, {math.NaN(), 0},
		{math.Inf(1), 0.02}, {math.Inf(-1), -0.02},
	} {
		got := ex.factor(tc.r)
		if math.Abs(got-tc.want) > 1e-12 || math.Signbit(got) && got == 0 {
			t.Errorf("factor(%g) = %g, want %g", tc.r, got, tc.want)
		}
		if got > ex.Stretch || got < -ex.Shrink {
			t.Errorf("factor(%g) = %g, beyond the limits", tc.r, got)
		}
	}
	// Limits that are no multiple of the step: whole steps within them.
	odd := Expansion{Stretch: 0.02, Shrink: 0.01, Step: 0.003}
	if got := odd.factor(1); math.Abs(got-0.018) > 1e-12 {
		t.Errorf("stretch 0.02 in steps of 0.003: %g, want 0.018", got)
	}
	if got := odd.factor(-1); math.Abs(got+0.009) > 1e-12 {
		t.Errorf("shrink 0.01 in steps of 0.003: %g, want -0.009", got)
	}
	for _, off := range []Expansion{{}, {Stretch: 0.02, Shrink: 0.02}, {Step: 0.005}} {
		if got := off.factor(1); got != 0 {
			t.Errorf("%+v: factor(1) = %g, want 0", off, got)
		}
	}
}

// TestLineSettingExpanded checks that the spaces of an expanded line take
// exactly what its expanded words leave of the measure, the hanging
// characters hanging by their expanded widths, and that a last line at
// natural spacing and a line too loose to justify are not expanded.
func TestLineSettingExpanded(t *testing.T) {
	js := Justification{Stretch: 0.4, Shrink: 0.36, MaxSpace: 3, Expand: Expansion{Stretch: 0.02, Shrink: 0.02, Step: 0.005}}
	ln := line{words: []word{{w: 100, space: 2.5}, {w: 100, space: 2.5}, {w: 100}}, justified: true, ratio: 0.6, left: 1, right: 2}
	scale, e, loose := lineSetting(ln, 306, js)
	if loose || math.Abs(e-0.01) > 1e-12 {
		t.Fatalf("expansion %g loose %v, want 0.01", e, loose)
	}
	if filled := 300*(1+e) + 5*scale - (1+2)*(1+e); math.Abs(filled-306) > 1e-9 {
		t.Errorf("the line fills %g, want 306", filled)
	}
	last := ln
	last.last, last.ratio = true, 0
	if s, e, _ := lineSetting(last, 306, js); e != 0 || s != 1 {
		t.Errorf("last line: scale %g expansion %g, want 1 and none", s, e)
	}
	tooLoose := ln
	tooLoose.ratio = 9
	if s, e, loose := lineSetting(tooLoose, 400, js); !loose || e != 0 || s != 1 {
		t.Errorf("too loose: scale %g expansion %g loose %v, want flush left", s, e, loose)
	}
	off := js
	off.Expand = Expansion{}
	if s, e, _ := lineSetting(ln, 306, off); e != 0 || s != spaceScale(0.6, off) {
		t.Errorf("off: scale %g expansion %g", s, e)
	}
}

// TestExpansionDrawn sets a paragraph with expansion, kerned, with
// hanging punctuation, at many measures and reads the display list:
// every run of a line has the line's expansion (none on a last line at
// natural spacing),
// each run starts where the one before it ends drawn (its kerned width
// times the expansion) plus the gap the statistics report for it, and
// a line set to the full measure ends there, its hang expanded too.
func TestExpansionDrawn(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	js := testStyle().Justify
	js.Stretch, js.Shrink = 0.4, 0.36
	js.Expand = Expansion{Stretch: 0.02, Shrink: 0.02, Step: 0.005}
	expanded := 0
	for width := 200.0; width <= 420; width += 7 {
		const margin = 40
		ts := New(fam, Options{
			Page:    Page{Width: width + 2*margin, Height: 800, MarginLeft: margin, MarginRight: margin, MarginTop: 50, MarginBottom: 50},
			Justify: js, Lang: language.English, Source: language.English, Protrusion: testProtrusion, Kerning: true,
		})
		boxes := ts.Set(Paragraph{Spans: []markup.Span{{Text: protrusionText}}, Style: TextStyle{Size: 10, Leading: 1.4, Align: Justify}})
		em := 10 * (ts.ascent - ts.descent) / 1.2
		for bi, b := range boxes {
			texts, li := b.Items.Texts, b.info
			if len(texts) == 0 {
				continue
			}
			e := texts[0].Expand
			if bi == len(boxes)-1 && e != 0 && li.spaceScale >= 1 {
				// Only a last line shrunk to the measure is expanded.
				t.Errorf("width %g: the last line expanded by %g", width, e)
			}
			if e != li.expand || e > 0.02 || e < -0.02 {
				t.Errorf("width %g line %d: expanded by %g, line info %g", width, bi+1, e, li.expand)
			}
			if e != 0 {
				expanded++
			}
			end := 0.0
			gap := 0
			for i, tx := range texts {
				if tx.Expand != e {
					t.Errorf("width %g line %d: runs expanded by %g and %g", width, bi+1, e, tx.Expand)
				}
				w := float64(fam.Face(tx.Face).KernedWidth(tx.Text)) * tx.Size / 1000 * (1 + tx.Expand)
				if i > 0 && tx.X-end > 1e-9 {
					// A word gap: the statistics' own.
					if gap >= len(li.gaps) {
						t.Fatalf("width %g line %d: more gaps than the statistics' %d", width, bi+1, len(li.gaps))
					}
					if got := (tx.X - end) / em; math.Abs(got-li.gaps[gap]) > 1e-9 {
						t.Errorf("width %g line %d: gap %.4f em drawn, %.4f em reported", width, bi+1, got, li.gaps[gap])
					}
					gap++
				} else if i > 0 && tx.X-end < -1e-9 {
					t.Errorf("width %g line %d: %q overlaps the run before it", width, bi+1, tx.Text)
				}
				end = tx.X + w
			}
			if li.gaps != nil && gap != len(li.gaps) {
				t.Errorf("width %g line %d: %d gaps drawn, %d reported", width, bi+1, gap, len(li.gaps))
			}
			if bi < len(boxes)-1 && !li.loose {
				last := texts[len(texts)-1]
				r, _ := utf8.DecodeLastRuneInString(last.Text)
				hang := testProtrusion.Right[r] * float64(fam.Face(last.Face).Advance(r)) * last.Size / 1000 * (1 + e)
				if math.Abs(end-hang-width) > 1e-6 {
					t.Errorf("width %g line %d: ends at %.4f, hang %.4f; want the measure", width, bi+1, end, hang)
				}
			}
		}
	}
	if expanded < 50 {
		t.Errorf("%d lines expanded", expanded)
	}
}
