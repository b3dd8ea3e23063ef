package layout

import (
	"fmt"
	"io"
	"slices"
)

// Stats are typographic measures of a laid-out document, for
// `reportgen build --stats` and for tests that hold layout to a standard.
type Stats struct {
	Pages int
	// Lines counts the lines of paragraphs (headings included).
	Lines int
	// HyphenatedLines end at a hyphenation point; MaxHyphenRun is the
	// longest run of them in a row within a paragraph.
	HyphenatedLines, MaxHyphenRun int
	// MeanStretch and MaxStretch are the word spaces of justified lines as
	// multiples of the font's normal space (1 is natural; above 1 wider).
	// The last line of a paragraph and lines without spaces are left out.
	MeanStretch, MaxStretch float64
	// MinStretch is the tightest word space of a justified line.
	MinStretch float64
	// GapP95 and GapMax are the 95th percentile and the largest word gap
	// of the same lines, in em as measured from the PDF with poppler's
	// word boxes: the gap ÷ (the box height ÷ 1.2), the box being the
	// face's ascent + descent (1.135 × the type size for Noto Sans). The
	// house goals are stated in this measure.
	GapP95, GapMax float64
	// Loose counts justified lines that would have needed wider spaces
	// than the house style allows and were set flush left instead.
	Loose int
	// Overfull counts lines wider than the text area (never expected).
	Overfull int
	// Widows are last lines of a paragraph alone at the top of a page;
	// orphans are first lines alone at the bottom of a page.
	Widows, Orphans int
}

// WriteTo prints the statistics in a short, aligned form.
func (s Stats) WriteTo(w io.Writer) (int64, error) {
	n, err := fmt.Fprintf(w, "  pages %d, lines %d, hyphenated %d (at most %d in a row), word space mean %.2f max %.2f min %.2f, gap p95 %.3f max %.3f em, loose %d, overfull %d, widows %d, orphans %d\n",
		s.Pages, s.Lines, s.HyphenatedLines, s.MaxHyphenRun, s.MeanStretch, s.MaxStretch, s.MinStretch, s.GapP95, s.GapMax, s.Loose, s.Overfull, s.Widows, s.Orphans)
	return int64(n), err
}

// stats measures the boxes as paginated into ranges.
func stats(boxes *boxList, ranges [][2]int) Stats {
	s := Stats{Pages: len(ranges), MinStretch: 1}
	sum, n := 0.0, 0
	var gaps []float64
	run := 0
	for i := range boxes.len() {
		li := boxes.at(i).info
		if li.para == 0 {
			continue
		}
		s.Lines++
		if li.overfull {
			s.Overfull++
		}
		if li.hyphen {
			s.HyphenatedLines++
			run++
			s.MaxHyphenRun = max(s.MaxHyphenRun, run)
		} else {
			run = 0
		}
		if li.loose {
			s.Loose++
		}
		if li.justified && !li.loose && li.index < li.of-1 && li.spaces > 0 {
			sum += li.spaceScale
			n++
			s.MaxStretch = max(s.MaxStretch, li.spaceScale)
			s.MinStretch = min(s.MinStretch, li.spaceScale)
			gaps = append(gaps, li.gaps...)
		}
	}
	if n > 0 {
		s.MeanStretch = sum / float64(n)
	}
	if len(gaps) > 0 {
		slices.Sort(gaps)
		s.GapP95 = gaps[(len(gaps)-1)*95/100]
		s.GapMax = gaps[len(gaps)-1]
	}
	for _, r := range ranges {
		first, last := boxes.at(r[0]).info, boxes.at(r[1]-1).info
		if first.para != 0 && first.of >= 2 && first.index == first.of-1 {
			s.Widows++
		}
		if last.para != 0 && last.of >= 2 && last.index == 0 {
			s.Orphans++
		}
	}
	return s
}
