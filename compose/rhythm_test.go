package compose_test

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestSpaceAfterLeadLines: a moderator line is followed by the same space
// as a speaker line (a paragraph's), in every language: the baseline of
// the text's first line is as far below the lead's last line.
func TestSpaceAfterLeadLines(t *testing.T) {
	docs, h := referenceDocs(t)
	for _, lang := range []string{"en", "ru"} {
		pages := lay(docs[lang], h)
		// step returns the distance from the baseline of the line above
		// the first line starting with prefix to that line's baseline.
		step := func(prefix string) float64 {
			for _, pg := range pages.Pages {
				// The page's lines: its runs by baseline, in order.
				lines := map[float64][]string{}
				var ys []float64
				for _, tx := range pg.Texts {
					if _, ok := lines[tx.Y]; !ok {
						ys = append(ys, tx.Y)
					}
					lines[tx.Y] = append(lines[tx.Y], tx.Text)
				}
				slices.Sort(ys)
				for i, y := range ys {
					if !strings.HasPrefix(strings.Join(lines[y], " "), prefix) {
						continue
					}
					if i == 0 {
						t.Fatalf("%s: %q starts its page", lang, prefix)
					}
					return y - ys[i-1]
				}
			}
			t.Fatalf("%s: no line starts with %q", lang, prefix)
			return 0
		}
		first := map[string][2]string{
			"en": {"Ms. Katja Schaefer opened", "Mrs. Valentina Kazakova expressed"},
			"ru": {"Г-жа Катя Шефер открыла", "Г-жа Валентина Казакова выразила"},
		}[lang]
		moderator, speaker := step(first[0]), step(first[1])
		if math.Abs(moderator-speaker) > 0.01 {
			t.Errorf("%s: %.2f pt from a moderator line to its text, %.2f from a speaker line", lang, moderator, speaker)
		}
	}
}
