package layout

import (
	"math"
	"testing"
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
