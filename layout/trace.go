package layout

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportgen/reportgen/display"
)

// Line is a typeset line as a reviewer reads it, recorded when
// Options.Trace is set: where it is, what it says and how tightly it is
// set.
type Line struct {
	// Page and Number place the line: Number counts the lines of its page
	// from 1.
	Page, Number int
	Role         display.Role
	// Text is the line's words joined by single spaces; a line that ends
	// at a hyphenation point ends with the hyphen drawn there.
	Text string
	// Justified lines were set by total-fit breaking with adjustment
	// Ratio (0 is natural spacing, 1 full stretch, -1 full shrink); Loose
	// ones were too loose and set flush left instead.
	Justified, Loose bool
	Ratio            float64
	// Expand is the font expansion of a justified line's glyphs (0.01:
	// 1 % wider; see Expansion).
	Expand float64
	// Last says the line ends its paragraph.
	Last bool
	// Draft says the line is untranslated text, marked in the margin.
	Draft bool
}

// traceLine records line ln.
func traceLine(ln line, li lineInfo, role display.Role, draft bool) Line {
	var b strings.Builder
	for i, w := range ln.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, p := range w.pieces {
			b.WriteString(p.text)
		}
	}
	return Line{Role: role, Text: b.String(), Justified: ln.justified, Loose: li.loose, Ratio: ln.ratio, Expand: li.expand, Last: ln.last, Draft: draft}
}

// Lines returns every typeset line in reading order, with its page, once
// the flow is paginated; nil unless Options.Trace is set. Lines inside a
// group (Group) are numbered where the group is placed.
func (t *Typesetter) Lines() []Line {
	var out []Line
	for pi, r := range t.ranges {
		n := 0
		add := func(lines []Line) {
			for _, ln := range lines {
				n++
				ln.Page, ln.Number = pi+1, n
				out = append(out, ln)
			}
		}
		if hd := t.boxes.at(r[0]).header; hd != nil {
			add(hd.trace) // a table's header, repeated
		}
		for i := r[0]; i < r[1]; i++ {
			add(t.boxes.at(i).trace)
		}
		for i := r[0]; i < r[1]; i++ { // the footnotes, at the foot
			for _, nb := range t.boxes.at(i).notes {
				add(nb.trace)
			}
		}
	}
	return out
}

// WriteLines writes lines one per line, under a heading per page:
//
//	page 2
//	   7 paragraph  +0.42  of the Global Compact for Migration and devel-
//	   8 paragraph   last  opment of the region.
//
// The column after the role is the adjustment ratio of a justified line,
// "loose" for one set flush left instead, "last" for the last line of a
// justified paragraph and "-" for a line not justified, followed, for a
// line whose glyphs are expanded, by the expansion ("+0.42 +1.0%": 1 %
// wider); "draft" ends the role of untranslated text. A change in line breaks shows as a diff of
// the lines it moves.
func WriteLines(w io.Writer, lines []Line) error {
	page := 0
	for _, ln := range lines {
		if ln.Page != page {
			page = ln.Page
			if _, err := fmt.Fprintf(w, "page %d\n", page); err != nil {
				return err
			}
		}
		role := ln.Role.String()
		if ln.Draft {
			role += "/draft"
		}
		adj := "-"
		switch {
		case ln.Loose:
			adj = "loose"
		case ln.Justified && ln.Last:
			adj = "last"
		case ln.Justified:
			adj = fmt.Sprintf("%+.2f", ln.Ratio)
		}
		if ln.Expand != 0 {
			adj += fmt.Sprintf(" %+.1f%%", 100*ln.Expand)
		}
		if _, err := fmt.Fprintf(w, "%4d %-16s %6s  %s\n", ln.Number, role, adj, ln.Text); err != nil {
			return err
		}
	}
	return nil
}
