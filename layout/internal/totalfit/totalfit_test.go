package totalfit

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"testing"
)

// Helpers to build paragraphs.

func box(w float64) Item { return Item{Kind: Box, Width: w} }

func glue(w, stretch, shrink float64) Item {
	return Item{Kind: Glue, Width: w, Stretch: stretch, Shrink: shrink}
}

func penalty(w, p float64, flagged bool) Item {
	return Item{Kind: Penalty, Width: w, Penalty: p, Flagged: flagged}
}

func forced() Item { return penalty(0, -Infinity, false) }

// space is the interword glue used by most tests.
var space = glue(2, 1, 1)

// words returns boxes of the given widths separated by space.
func words(ws ...float64) []Item {
	var items []Item
	for i, w := range ws {
		if i > 0 {
			items = append(items, space)
		}
		items = append(items, box(w))
	}
	return items
}

func width(w float64) func(int) float64 { return func(int) float64 { return w } }

// A reference model of the paragraph rules, written independently of the
// implementation, for checks and brute force.

func isForced(it Item) bool { return it.Kind == Penalty && it.Penalty <= -Infinity }

// legal returns the positions of the legal breaks, the last one forced
// (len(items) for an implicit end).
func legal(items []Item) []int {
	var bs []int
	boxAfterForced := false
	for i, it := range items {
		switch it.Kind {
		case Box:
			boxAfterForced = true
		case Glue:
			if i > 0 && items[i-1].Kind == Box {
				bs = append(bs, i)
			}
		case Penalty:
			if it.Penalty < Infinity {
				bs = append(bs, i)
			}
			if isForced(it) {
				boxAfterForced = false
			}
		}
	}
	if boxAfterForced {
		bs = append(bs, len(items))
	}
	for len(bs) > 0 && (bs[len(bs)-1] < len(items) && !isForced(items[bs[len(bs)-1]])) {
		bs = bs[:len(bs)-1]
	}
	return bs
}

// after returns where the line after a break at b starts.
func after(items []Item, b int) int {
	for i := b + 1; i < len(items); i++ {
		if items[i].Kind == Box || isForced(items[i]) {
			return i
		}
	}
	return len(items)
}

type measured struct {
	nat, stretch, shrink float64
	fills                int
}

// measure sums the items of a line from start to the break at b.
func measure(items []Item, start, b int) measured {
	var m measured
	for i := start; i < b; i++ {
		it := items[i]
		switch it.Kind {
		case Box:
			m.nat += it.Width
		case Glue:
			m.nat += it.Width
			if math.IsInf(it.Stretch, 1) {
				m.fills++
			} else {
				m.stretch += it.Stretch
			}
			m.shrink += it.Shrink
		}
	}
	if b < len(items) && items[b].Kind == Penalty {
		m.nat += items[b].Width
	}
	return m
}

// config is the part of a pass the reference model needs.
type config struct {
	tol, em float64
	limit   int
}

// cost evaluates the lines ending at the break positions bs under c and
// reports whether every line is allowed.
func cost(items []Item, lw func(int) float64, p Params, c config, bs []int) (float64, bool) {
	total, start, prevFit, prevFlag, run := 0.0, 0, decent, false, 0
	for k, b := range bs {
		if start > b {
			return 0, false
		}
		m := measure(items, start, b)
		short := lw(k) - m.nat
		if short < 0 && !(m.shrink > 0 && short >= -m.shrink) {
			return 0, false
		}
		// The emergency stretch decides only whether the line is
		// allowed (re); it is costed by its real ratio r.
		r, re := 0.0, 0.0
		switch {
		case short > 0 && m.fills == 0:
			r, re = math.Inf(1), math.Inf(1)
			if m.stretch > 0 {
				r = short / m.stretch
			}
			if s := m.stretch + c.em; s > 0 {
				re = short / s
			}
		case short < 0:
			r = short / m.shrink
			re = r
		}
		bad := math.Min(100*math.Abs(r*r*r), 1e30)
		if math.Min(100*math.Abs(re*re*re), 1e30) > c.tol {
			return 0, false
		}
		fit := decent
		switch {
		case r < -0.5:
			fit = tight
		case r > 1:
			fit = veryLoose
		case r > 0.5:
			fit = loose
		}
		d := (p.LinePenalty + bad) * (p.LinePenalty + bad)
		flag := false
		if b < len(items) && items[b].Kind == Penalty {
			it := items[b]
			flag = it.Flagged
			if pen := it.Penalty; pen > -Infinity {
				d += math.Copysign(pen*pen, pen)
			}
		}
		if flag && prevFlag {
			d += p.FlaggedDemerits
		}
		if fit-prevFit > 1 || prevFit-fit > 1 {
			d += p.FitnessDemerits
		}
		if flag {
			run++
		} else {
			run = 0
		}
		if c.limit > 0 && run > c.limit {
			return 0, false
		}
		total += d
		start, prevFit, prevFlag = after(items, b), fit, flag
	}
	return total, true
}

// bruteForce returns the fewest demerits of any allowed way of breaking
// the paragraph under c, trying every set of breaks.
func bruteForce(items []Item, lw func(int) float64, p Params, c config) (float64, bool) {
	bs := legal(items)
	best, found := math.Inf(1), false
	var seq []int
	var rec func(i int)
	rec = func(i int) {
		for j := i + 1; j < len(bs); j++ {
			seq = append(seq, bs[j])
			if j == len(bs)-1 {
				if d, ok := cost(items, lw, p, c, seq); ok && (!found || d < best) {
					best, found = d, true
				}
			} else {
				rec(j)
			}
			seq = seq[:len(seq)-1]
			if bs[j] < len(items) && isForced(items[bs[j]]) {
				return // a forced break cannot be skipped
			}
		}
	}
	if len(bs) > 0 {
		rec(-1)
	}
	return best, found
}

func breakPositions(lines []Line) []int {
	bs := make([]int, len(lines))
	for i, l := range lines {
		bs[i] = l.Break
	}
	return bs
}

// greedy is first fit: every line ends at the last break before the
// paragraph overflows it (or its first break if even that overflows).
func greedy(items []Item, lw func(int) float64) []int {
	bs := legal(items)
	var out []int
	start := 0
	for i := 0; i < len(bs); {
		j := i
		for k := i; k < len(bs); k++ {
			m := measure(items, start, bs[k])
			if m.nat-m.shrink > lw(len(out)) {
				break
			}
			j = k
			if bs[k] < len(items) && isForced(items[bs[k]]) {
				break
			}
		}
		out = append(out, bs[j])
		start = after(items, bs[j])
		i = j + 1
	}
	return out
}

// checkLines checks the invariants of a result: the lines cover every box
// once, in order, break at legal breaks including every forced one, drop
// only glue and penalties, and (when ok) none is overfull and the glue
// set by Ratio and Fill fills the line exactly.
func checkLines(t testing.TB, items []Item, lw func(int) float64, lines []Line, ok bool) {
	t.Helper()
	bs := legal(items)
	if len(bs) == 0 {
		if len(lines) != 0 {
			t.Fatalf("paragraph without breaks got %d lines", len(lines))
		}
		return
	}
	isLegal := map[int]bool{}
	for _, b := range bs {
		isLegal[b] = true
	}
	if len(lines) == 0 {
		t.Fatalf("no lines for %d items", len(items))
	}
	covered := make([]int, len(items))
	start := 0
	for k, l := range lines {
		if l.Start != start || l.End != l.Break || l.Start > l.End || !isLegal[l.Break] {
			t.Fatalf("line %d = %+v: want start %d, End == Break, a legal break", k, l, start)
		}
		for i := l.Start; i < l.End; i++ {
			covered[i]++
		}
		if l.Break < len(items) {
			covered[l.Break]++
			if want := items[l.Break].Kind == Penalty && items[l.Break].Flagged; l.Flagged != want {
				t.Fatalf("line %d Flagged = %v", k, l.Flagged)
			}
		}
		start = after(items, l.Break)
		m := measure(items, l.Start, l.Break)
		w := lw(k)
		eps := 1e-9 * (1 + math.Abs(w) + math.Abs(m.nat) + math.Abs(m.shrink))
		if !ok {
			continue
		}
		if !(m.nat-math.Max(m.shrink, 0) <= w+eps) || !(l.Ratio >= -1) {
			t.Fatalf("line %d %+v overfull: natural %g shrink %g width %g", k, l, m.nat, m.shrink, w)
		}
		if m.fills > 0 || m.nat >= w || m.stretch > 0 {
			set := 0.0
			for i := l.Start; i < l.End; i++ {
				switch it := items[i]; it.Kind {
				case Box:
					set += it.Width
				case Glue:
					set += l.GlueWidth(it)
				}
			}
			if l.Break < len(items) && items[l.Break].Kind == Penalty {
				set += items[l.Break].Width
			}
			if math.Abs(set-w) > eps*(1+math.Abs(l.Ratio)) {
				t.Fatalf("line %d %+v set to %g, want %g", k, l, set, w)
			}
		}
	}
	if last := lines[len(lines)-1].Break; last != bs[len(bs)-1] {
		t.Fatalf("last break %d, want %d", last, bs[len(bs)-1])
	}
	for i, it := range items {
		if it.Kind == Box && covered[i] != 1 {
			t.Fatalf("box %d covered %d times", i, covered[i])
		}
		if isForced(it) && i <= bs[len(bs)-1] && covered[i] != 1 {
			t.Fatalf("forced break %d not taken", i)
		}
		if covered[i] > 1 {
			t.Fatalf("item %d covered %d times", i, covered[i])
		}
	}
}

// passConfigs mirrors the passes Breaks tries without overfull lines.
func passConfigs(p Params) []config {
	cs := []config{{tol: p.Tolerance, limit: p.MaxConsecutiveFlagged}}
	if p.EmergencyStretch > 0 {
		cs = append(cs, config{tol: p.Tolerance, em: p.EmergencyStretch, limit: p.MaxConsecutiveFlagged})
	}
	return append(cs, config{tol: math.Inf(1), em: max(p.EmergencyStretch, 0), limit: p.MaxConsecutiveFlagged})
}

// The tests.

func TestOptimalNotGreedy(t *testing.T) {
	// Word widths found so that first fit (breaking as late as
	// possible) leaves a very loose line while total fit spreads the
	// words evenly.
	items := Finish(words(optimalExample...))
	lw := width(optimalWidth)
	p := DefaultParams()
	lines, ok := Breaks(items, lw, p)
	checkLines(t, items, lw, lines, ok)
	got := breakPositions(lines)
	if !ok || !reflect.DeepEqual(got, optimalBreaks) {
		t.Fatalf("breaks %v ok %v, want %v", got, ok, optimalBreaks)
	}
	g := greedy(items, lw)
	if reflect.DeepEqual(g, got) {
		t.Fatalf("greedy found the optimum %v too", g)
	}
	inf := config{tol: math.Inf(1)}
	dOpt, _ := cost(items, lw, p, inf, got)
	dGreedy, _ := cost(items, lw, p, inf, g)
	want, _ := bruteForce(items, lw, p, inf)
	if dOpt != want || dGreedy <= dOpt {
		t.Fatalf("demerits %g (greedy %g), brute force %g", dOpt, dGreedy, want)
	}
	if _, ok := cost(items, lw, p, config{tol: p.Tolerance}, g); ok {
		t.Fatalf("greedy lines within tolerance")
	}
}

// optimalExample is a paragraph where first fit and total fit differ:
// first fit shrinks "6 4 9 2" into the first line, leaving "7 6 3" with
// ratio 2 (badness 800); total fit sets "6 4 9" at ratio 0.5 and
// "2 7 6 3" at its natural width.
var (
	optimalExample = []float64{6, 4, 9, 2, 7, 6, 3, 8, 2}
	optimalWidth   = 24.0
	optimalBreaks  = []int{5, 13, 19}
)

func TestEmpty(t *testing.T) {
	for _, items := range [][]Item{nil, {glue(1, 1, 1)}, {penalty(0, 0, false), glue(1, 0, 0)}} {
		lines, ok := Breaks(items, width(10), DefaultParams())
		if lines != nil || !ok {
			t.Errorf("Breaks(%v) = %v, %v; want no lines", items, lines, ok)
		}
	}
}

func TestEndOfParagraph(t *testing.T) {
	in := append(words(3, 4, 5), space, space)
	saved := append([]Item(nil), in...)
	items := Finish(in)
	if !reflect.DeepEqual(in, saved) {
		t.Fatalf("Finish modified its input")
	}
	want := append(words(3, 4, 5), penalty(0, Infinity, false), glue(0, math.Inf(1), 0), forced())
	if !reflect.DeepEqual(items, want) {
		t.Fatalf("Finish = %v\nwant %v", items, want)
	}

	tests := []struct {
		name  string
		items []Item
		lw    float64
		want  []Line
	}{{
		name:  "one ragged line",
		items: items,
		lw:    30,
		want:  []Line{{Start: 0, End: 7, Break: 7, Fill: 30 - 16}},
	}, {
		name:  "ragged last line",
		items: Finish(words(5, 5, 5, 5)),
		lw:    14,
		want: []Line{
			{Start: 0, End: 3, Break: 3, Ratio: 2.0 / 1}, // 5+2+5 = 12
			{Start: 4, End: 9, Break: 9, Fill: 2},
		},
	}, {
		name:  "unfinished paragraph: last line justified",
		items: words(5, 5, 5, 5),
		lw:    13,
		want: []Line{
			{Start: 0, End: 3, Break: 3, Ratio: 1},
			{Start: 4, End: 7, Break: 7, Ratio: 1},
		},
	}, {
		name:  "empty paragraph",
		items: Finish(nil),
		lw:    10,
		want:  []Line{{Start: 0, End: 2, Break: 2, Fill: 10}},
	}, {
		name:  "forced break then only glue: no empty line",
		items: append(words(5, 5), forced(), space, penalty(0, 0, false)),
		lw:    12,
		want:  []Line{{Start: 0, End: 3, Break: 3, Ratio: 0}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines, ok := Breaks(tc.items, width(tc.lw), DefaultParams())
			checkLines(t, tc.items, width(tc.lw), lines, ok)
			if !ok || !reflect.DeepEqual(lines, tc.want) {
				t.Fatalf("got %+v ok %v\nwant %+v", lines, ok, tc.want)
			}
		})
	}
}

func TestForcedAndForbidden(t *testing.T) {
	tie := penalty(0, Infinity, false)
	tests := []struct {
		name  string
		items []Item
		lw    float64
		want  []int // break positions
	}{{
		name: "forced break ends a short line, glue after it discarded",
		// 5 5 \hfil\break 5 5 5: without the break the lines would be
		// 5 5 5 | 5 5.
		items: Finish(append(append(words(5, 5), glue(0, math.Inf(1), 0), forced(), space), words(5, 5, 5)...)),
		lw:    19,
		want:  []int{4, 13},
	}, {
		name:  "forced break where the line would have continued",
		items: Finish(append(append(words(5), forced()), words(5, 5)...)),
		lw:    40,
		want:  []int{1, 7},
	}, {
		name:  "two forced breaks make an empty line",
		items: Finish(append(append(words(5), forced(), forced()), words(5)...)),
		lw:    40,
		want:  []int{1, 2, 6},
	}, {
		name:  "no glue: forced break is the only break",
		items: Finish([]Item{box(3), box(4)}),
		lw:    10,
		want:  []int{4},
	}, {
		name: "a tie (penalty Infinity before glue) is no break",
		// 6 6 | 6 6 is best, but the tie between the second and third
		// words moves the break.
		items: Finish([]Item{box(6), space, box(6), tie, space, box(6), space, box(6)}),
		lw:    14,
		want:  []int{1, 6, 10},
	}, {
		name:  "same paragraph without the tie",
		items: Finish([]Item{box(6), space, box(6), space, box(6), space, box(6)}),
		lw:    14,
		want:  []int{3, 9},
	}, {
		name: "glue after glue is no break",
		// Breaking at the second glue would fill the line exactly.
		items: Finish([]Item{box(6), glue(1, 0, 0), glue(1, 1, 0), box(6)}),
		lw:    7,
		want:  []int{1, 6},
	}, {
		name:  "penalty right after a break is no empty line",
		items: Finish([]Item{box(6), space, penalty(0, -500, false), box(6)}),
		lw:    6,
		want:  []int{1, 6},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lw := width(tc.lw)
			lines, ok := Breaks(tc.items, lw, DefaultParams())
			checkLines(t, tc.items, lw, lines, ok)
			if got := breakPositions(lines); !ok || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("breaks %v ok %v, want %v (%+v)", got, ok, tc.want, lines)
			}
		})
	}
}

// hyphenated returns a word of the given fragments with a hyphenation
// penalty (a flagged break adding a hyphen of width 1) between them.
func hyphenated(frags ...float64) []Item {
	var items []Item
	for i, f := range frags {
		if i > 0 {
			items = append(items, penalty(1, 50, true))
		}
		items = append(items, box(f))
	}
	return items
}

func maxFlaggedRun(lines []Line) int {
	m, r := 0, 0
	for _, l := range lines {
		if l.Flagged {
			r++
		} else {
			r = 0
		}
		m = max(m, r)
	}
	return m
}

func TestFlagged(t *testing.T) {
	// 6-4 2-2-2 2 4-6 6, width 16.
	var in []Item
	for i, w := range [][]float64{{6, 4}, {2, 2, 2}, {2}, {4, 6}, {6}} {
		if i > 0 {
			in = append(in, space)
		}
		in = append(in, hyphenated(w...)...)
	}
	items := Finish(in)
	lw := width(16)
	tests := []struct {
		name     string
		flagged  float64
		limit    int
		want     []int
		wantFlag []bool
	}{
		// 6-4 2- | 2 2 4- | 6 6: the hyphens are cheap and both hyphenated
		// lines are decent.
		{"doubled hyphens free", 0, 0, []int{5, 13, 19}, []bool{true, true, false}},
		// 6-4 2-2- | 2 2 4-6 | 6: a looser first line avoids them.
		{"limit 1", 0, 1, []int{7, 15, 19}, []bool{true, false, false}},
		{"doubled hyphens expensive", 10000, 0, []int{7, 15, 19}, []bool{true, false, false}},
		{"limit 2", 0, 2, []int{5, 13, 19}, []bool{true, true, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultParams()
			p.FlaggedDemerits = tc.flagged
			p.MaxConsecutiveFlagged = tc.limit
			lines, ok := Breaks(items, lw, p)
			checkLines(t, items, lw, lines, ok)
			var flags []bool
			for _, l := range lines {
				flags = append(flags, l.Flagged)
			}
			if got := breakPositions(lines); !ok || !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(flags, tc.wantFlag) {
				t.Fatalf("breaks %v flags %v ok %v, want %v %v", got, flags, ok, tc.want, tc.wantFlag)
			}
			// The hyphen's width counts: 6 4 2 2, a space and a hyphen are
			// 17 wide, shrunk by 1 to 16.
			if tc.name == "limit 1" && lines[0].Ratio != -1 {
				t.Fatalf("first line ratio %g, want -1", lines[0].Ratio)
			}
		})
	}

	t.Run("limit impossible", func(t *testing.T) {
		// 9-9-9 on lines of 10: only hyphenated lines fit.
		items := Finish(hyphenated(9, 9, 9))
		p := DefaultParams()
		p.MaxConsecutiveFlagged = 1
		lines, ok := Breaks(items, width(10), p)
		checkLines(t, items, width(10), lines, ok)
		if ok {
			t.Fatalf("ok with lines %+v", lines)
		}
		p.MaxConsecutiveFlagged = 2
		lines, ok = Breaks(items, width(10), p)
		checkLines(t, items, width(10), lines, ok)
		if !ok || maxFlaggedRun(lines) != 2 {
			t.Fatalf("limit 2: %+v ok %v", lines, ok)
		}
	})
}

func TestVaryingWidths(t *testing.T) {
	ws := []float64{6, 4, 9, 2, 7, 6, 3, 8, 2, 5, 5, 7, 3, 9, 4, 4, 6}
	items := Finish(words(ws...))
	tests := []struct {
		name string
		lw   func(int) float64
	}{
		{"indented first line", func(i int) float64 { return map[bool]float64{true: 18, false: 24}[i == 0] }},
		{"hanging", func(i int) float64 { return map[bool]float64{true: 30, false: 20}[i < 2] }},
		{"widening", func(i int) float64 { return 16 + 4*float64(i) }},
		{"narrow late line", func(i int) float64 { return map[bool]float64{true: 15, false: 25}[i == 3] }},
		{"alternating", func(i int) float64 { return float64(20 + 6*(i%2)) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultParams()
			lines, ok := Breaks(items, tc.lw, p)
			checkLines(t, items, tc.lw, lines, ok)
			if !ok {
				t.Fatalf("not ok: %+v", lines)
			}
			for _, c := range passConfigs(p) {
				want, found := bruteForce(items, tc.lw, p, c)
				if !found {
					continue
				}
				got, allowed := cost(items, tc.lw, p, c, breakPositions(lines))
				if !allowed || math.Abs(got-want) > 1e-9*want {
					t.Fatalf("demerits %g (allowed %v), brute force %g", got, allowed, want)
				}
				break
			}
		})
	}
	// The same paragraph on constant lines breaks differently than with
	// an indented first line.
	a, _ := Breaks(items, width(24), DefaultParams())
	b, _ := Breaks(items, tests[0].lw, DefaultParams())
	if reflect.DeepEqual(breakPositions(a), breakPositions(b)) {
		t.Errorf("indent did not change the breaks %v", breakPositions(a))
	}
}

func TestEmergencyStretch(t *testing.T) {
	// Lines of two 10-wide words must stretch 3 with stretch 1 (badness
	// 2700); three words do not fit.
	items := Finish(words(10, 10, 10, 10, 10, 10, 10))
	lw := width(25)
	p := DefaultParams()
	s := newSolver(items, lw, p)
	if s.run(pass{tolerance: p.Tolerance}) >= 0 {
		t.Fatalf("first pass succeeded")
	}
	p.EmergencyStretch = 5
	lines, ok := Breaks(items, lw, p)
	checkLines(t, items, lw, lines, ok)
	if !ok || len(lines) != 4 {
		t.Fatalf("lines %+v ok %v", lines, ok)
	}
	for _, l := range lines[:3] {
		// Feasible by the badness with the extra stretch, 100*(3/6)^3 =
		// 12.5, but costed and set with the glue's own stretch.
		if l.Ratio != 3 {
			t.Fatalf("line %+v: ratio %g, want 3", l, l.Ratio)
		}
	}
	if _, allowed := cost(items, lw, p, config{tol: p.Tolerance, em: 5}, breakPositions(lines)); !allowed {
		t.Fatalf("lines not within tolerance with emergency stretch")
	}
	// Without emergency stretch the last pass accepts the loose lines.
	p.EmergencyStretch = 0
	lines2, ok := Breaks(items, lw, p)
	checkLines(t, items, lw, lines2, ok)
	if !ok || !reflect.DeepEqual(lines, lines2) {
		t.Fatalf("without emergency stretch: %+v ok %v", lines2, ok)
	}

}

// TestEmergencyStretchCostsRealBadness: the emergency stretch decides only
// which lines are feasible; lines are costed by the badness they are set
// with, so the extra stretch never makes a loose line look cheap.
func TestEmergencyStretchCostsRealBadness(t *testing.T) {
	// A paragraph whose first line (9 9, forced) must stretch 4 with
	// stretch 1 (badness 6400): no pass within tolerance 200 succeeds
	// without emergency stretch.
	hyphenated := append(words(9, 9), forced())
	hyphenated = append(hyphenated, words(10, 9, 2)...)
	hyphenated = append(hyphenated, penalty(1, 50, true))
	hyphenated = append(hyphenated, words(6, 4)...)
	tests := []struct {
		name  string
		items []Item
		lw    float64
		em    float64
		want  []int
	}{{
		// 15 4 | 14 4 3 needs badness 2700 on the first line. Costed
		// with the extra stretch, 15 4 | 14 4 | 3 looked cheaper (the
		// old rule); costed by real badness, the emergency stretch does
		// not change the choice.
		name: "no extra line for a loose one", items: Finish(words(15, 4, 14, 4, 3)), lw: 24, em: 0, want: []int{3, 11},
	}, {
		name: "no extra line for a loose one, emergency", items: Finish(words(15, 4, 14, 4, 3)), lw: 24, em: 10, want: []int{3, 11},
	}, {
		// After the forced line, "10 9" is 3 short (real badness 2700,
		// 2 with the extra stretch) and "10 9 2-" shrinks fully
		// (badness 100) at a hyphen (2500 demerits): the old rule set
		// the loose line, the real badness chooses the hyphen.
		name: "a hyphen rather than a loose line", items: Finish(hyphenated), lw: 24, em: 10, want: []int{3, 9, 15},
	}, {
		// Without the hyphen, the loose line is the only way.
		name: "a loose line when nothing else fits", items: Finish(append(append(words(9, 9), forced()), words(10, 9, 8, 4)...)), lw: 24, em: 10, want: []int{3, 7, 13},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultParams()
			p.EmergencyStretch = tc.em
			lines, ok := Breaks(tc.items, width(tc.lw), p)
			checkLines(t, tc.items, width(tc.lw), lines, ok)
			if got := breakPositions(lines); !ok || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("breaks %v ok %v, want %v", got, ok, tc.want)
			}
			// The best of every way of breaking, in the pass that found
			// it: the emergency pass within tolerance, else any badness.
			c := config{tol: p.Tolerance, em: tc.em}
			want, found := bruteForce(tc.items, width(tc.lw), p, c)
			if !found {
				c.tol = math.Inf(1)
				want, _ = bruteForce(tc.items, width(tc.lw), p, c)
			}
			if got, _ := cost(tc.items, width(tc.lw), p, c, breakPositions(lines)); got != want {
				t.Fatalf("demerits %g, want %g", got, want)
			}
		})
	}
}

func TestOverfull(t *testing.T) {
	tests := []struct {
		name     string
		items    []Item
		lw       float64
		want     []int
		overfull []bool
	}{{
		name:     "wide box alone on its line",
		items:    Finish(words(4, 4, 15, 4, 4)),
		lw:       10,
		want:     []int{3, 5, 11},
		overfull: []bool{false, true, false},
	}, {
		name:     "wide first box",
		items:    Finish(words(15, 3)),
		lw:       10,
		want:     []int{1, 5},
		overfull: []bool{true, false},
	}, {
		name:     "unbreakable paragraph",
		items:    Finish([]Item{box(6), box(6)}),
		lw:       10,
		want:     []int{4},
		overfull: []bool{true},
	}, {
		name:     "no shrink at all",
		items:    Finish([]Item{box(6), glue(1, 0, 0), box(12), glue(1, 0, 0), box(3)}),
		lw:       10,
		want:     []int{1, 3, 7},
		overfull: []bool{false, true, false},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lw := width(tc.lw)
			lines, ok := Breaks(tc.items, lw, DefaultParams())
			checkLines(t, tc.items, lw, lines, ok)
			if ok {
				t.Fatalf("ok with %+v", lines)
			}
			if got := breakPositions(lines); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("breaks %v, want %v (%+v)", got, tc.want, lines)
			}
			for k, l := range lines {
				if (l.Ratio < -1) != tc.overfull[k] {
					t.Fatalf("line %d %+v: overfull %v", k, l, !tc.overfull[k])
				}
				if l.GlueWidth(space) < space.Width-space.Shrink {
					t.Fatalf("line %d shrinks glue beyond its shrink", k)
				}
			}
		})
	}
}

func TestDeterminism(t *testing.T) {
	// Equal words make many solutions of equal demerits.
	ws := make([]float64, 40)
	for i := range ws {
		ws[i] = 4
	}
	rng := rand.New(rand.NewSource(7))
	paragraphs := [][]Item{Finish(words(ws...)), randomParagraph(rng, 60, true)}
	for _, items := range paragraphs {
		for _, p := range []Params{DefaultParams(), {Tolerance: math.Inf(1)}} {
			first, ok := Breaks(items, width(21), p)
			for i := 0; i < 20; i++ {
				again, ok2 := Breaks(append([]Item(nil), items...), width(21), p)
				if ok2 != ok || !reflect.DeepEqual(again, first) {
					t.Fatalf("run %d differs:\n%+v\n%+v", i, again, first)
				}
			}
		}
	}
}

// randomParagraph returns words with hyphenation points, ties, penalties
// and occasional forced breaks; every box is at most 12 wide, every glue
// can shrink at most to zero, and a hyphen is always followed by a box.
func randomParagraph(rng *rand.Rand, nwords int, finish bool) []Item {
	var items []Item
	for i := 0; i < nwords; i++ {
		if i > 0 {
			switch x := rng.Intn(20); {
			case x == 0:
				items = append(items, forced())
				if rng.Intn(2) == 0 {
					items = append(items, space)
				}
			case x == 1:
				items = append(items, penalty(0, Infinity, false), space)
			case x == 2:
				items = append(items, penalty(0, float64(rng.Intn(400)-200), false), space)
			default:
				w := float64(1 + rng.Intn(3))
				items = append(items, glue(w, float64(rng.Intn(3)), float64(rng.Intn(int(w)+1))))
			}
		}
		n := 1
		if rng.Intn(4) == 0 {
			n += 1 + rng.Intn(2)
		}
		for j := 0; j < n; j++ {
			if j > 0 {
				items = append(items, penalty(1, float64(rng.Intn(100)), true))
			}
			items = append(items, box(float64(1+rng.Intn(6))))
		}
	}
	if finish {
		items = Finish(items)
	}
	return items
}

func randomParams(rng *rand.Rand) Params {
	p := DefaultParams()
	p.Tolerance = []float64{50, 100, 200, 1000, 10000}[rng.Intn(5)]
	p.LinePenalty = float64(rng.Intn(50))
	p.FlaggedDemerits = float64(rng.Intn(3) * 5000)
	p.FitnessDemerits = float64(rng.Intn(3) * 5000)
	if rng.Intn(2) == 0 {
		p.EmergencyStretch = float64(1 + rng.Intn(10))
	}
	p.MaxConsecutiveFlagged = rng.Intn(3)
	return p
}

func randomWidths(rng *rand.Rand, narrow bool) func(int) float64 {
	base := float64(14 + rng.Intn(30))
	if narrow {
		base = float64(5 + rng.Intn(10))
	}
	special := make([]float64, rng.Intn(4))
	for i := range special {
		special[i] = base + float64(rng.Intn(11)-5)
	}
	return func(i int) float64 {
		if i < len(special) {
			return special[i]
		}
		return base
	}
}

// TestBruteForce compares Breaks with an exhaustive search over all sets
// of breaks on small random paragraphs.
func TestBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	solvedAt := map[int]int{}
	for iter := 0; iter < 2000; iter++ {
		items := randomParagraph(rng, 3+rng.Intn(7), rng.Intn(4) != 0)
		if len(legal(items)) > 15 {
			continue
		}
		lw := randomWidths(rng, rng.Intn(4) == 0)
		p := randomParams(rng)
		lines, ok := Breaks(items, lw, p)
		checkLines(t, items, lw, lines, ok)
		solved := false
		for i, c := range passConfigs(p) {
			want, found := bruteForce(items, lw, p, c)
			if !found {
				continue
			}
			got, allowed := cost(items, lw, p, c, breakPositions(lines))
			if !ok || !allowed || math.Abs(got-want) > 1e-9*math.Abs(want) {
				t.Fatalf("iter %d pass %d: got %g (ok %v allowed %v), brute force %g\nitems %v\nlines %+v",
					iter, i, got, ok, allowed, want, items, lines)
			}
			solved = true
			solvedAt[i]++
			break
		}
		if !solved && ok {
			t.Fatalf("iter %d: ok but brute force finds no solution: %+v", iter, lines)
		}
		if !solved {
			solvedAt[-1]++
		}
	}
	t.Logf("paragraphs solved per pass (-1: none): %v", solvedAt)
}

// TestRandomInvariants checks longer random paragraphs: lines cover the
// boxes in order, never overfull when ok, and ok whenever every word fits
// on every line.
func TestRandomInvariants(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for iter := 0; iter < 1000; iter++ {
		items := randomParagraph(rng, 5+rng.Intn(150), rng.Intn(5) != 0)
		lw := randomWidths(rng, rng.Intn(4) == 0)
		p := randomParams(rng)
		if rng.Intn(3) == 0 {
			p.MaxConsecutiveFlagged = 0
		}
		lines, ok := Breaks(items, lw, p)
		checkLines(t, items, lw, lines, ok)
		// Every word (boxes between glue) is at most 18 + 2 hyphens wide;
		// lines of at least 20 always fit one.
		if !ok && minWidth(lw) >= 20 {
			t.Fatalf("iter %d: not ok with lines of %g: %+v", iter, minWidth(lw), lines)
		}
	}
}

func minWidth(lw func(int) float64) float64 {
	m := math.Inf(1)
	for i := 0; i < 10; i++ {
		m = math.Min(m, lw(i))
	}
	return m
}

// FuzzBreaks builds paragraphs from bytes: Breaks must not panic, must
// return well-formed lines, and none overfull when ok.
func FuzzBreaks(f *testing.F) {
	f.Add([]byte{40, 0, 0, 5, 2, 9, 0, 7, 3, 200, 1, 3})
	f.Add([]byte{10, 1, 0, 15, 2, 5, 0, 3, 3, 0, 0, 9})
	f.Add([]byte{200, 255, 3, 1, 3, 255, 4, 0, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		items, lw, p, valid := fuzzParagraph(data)
		if !valid {
			return
		}
		lines, ok := Breaks(items, lw, p)
		checkLines(t, items, lw, lines, ok)
	})
}

// fuzzParagraph decodes a paragraph, its line widths and parameters.
func fuzzParagraph(data []byte) ([]Item, func(int) float64, Params, bool) {
	if len(data) < 2 {
		return nil, nil, Params{}, false
	}
	lwBase := float64(data[0] % 64)
	flags := data[1]
	p := DefaultParams()
	p.Tolerance = []float64{200, 1, 10000, math.Inf(1)}[flags&3]
	if flags&4 != 0 {
		p.EmergencyStretch = 3
	}
	p.MaxConsecutiveFlagged = int(flags>>3) & 3
	lw := func(i int) float64 {
		if i < int(flags>>5) {
			return lwBase - float64(2*i)
		}
		return lwBase
	}
	var items []Item
	for i := 2; i+1 < len(data) && len(items) < 400; i += 2 {
		k, v := data[i], data[i+1]
		switch k % 6 {
		case 0, 1:
			items = append(items, box(float64(v%16)))
		case 2:
			items = append(items, glue(float64(v%4), float64(v>>2%4), float64(v>>4%4)))
		case 3:
			items = append(items, penalty(float64(v%3), float64(int(v)-128)*100, v&1 != 0))
		case 4:
			items = append(items, glue(float64(v%4), math.Inf(1), float64(v>>4%2)))
		case 5:
			items = append(items, box(-float64(v%4)))
		}
	}
	if flags&128 != 0 {
		items = Finish(items)
	}
	return items, lw, p, true
}

// paragraph300 returns a 300-word paragraph of text-like widths: words of
// 1–12 letters (mostly short) 5 wide, hyphenable every 2–3 letters with at
// least 2 letters on each side, TeX's interword glue 3.33+1.67-1.11.
func paragraph300() []Item {
	rng := rand.New(rand.NewSource(300))
	var items []Item
	for i := 0; i < 300; i++ {
		if i > 0 {
			items = append(items, glue(3.33, 1.67, 1.11))
		}
		n := 1 + rng.Intn(4) + rng.Intn(5) + rng.Intn(4) // 1–12, mean 5.5
		for n > 0 {
			k := n
			if n >= 5 {
				k = 2 + rng.Intn(2)
			}
			items = append(items, box(5*float64(k)))
			if n -= k; n > 0 {
				items = append(items, penalty(3, 50, true))
			}
		}
	}
	return Finish(items)
}

func BenchmarkBreaks300(b *testing.B) {
	items := paragraph300()
	lw := width(350)
	p := DefaultParams()
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Breaks(items, lw, p); !ok {
			b.Fatal("not ok")
		}
	}
}

// BenchmarkBreaks300Narrow sets the paragraph on lines too narrow for
// Tolerance: the first pass fails and the last one runs.
func BenchmarkBreaks300Narrow(b *testing.B) {
	items := paragraph300()
	lw := width(90)
	p := DefaultParams()
	p.Tolerance = 10
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Breaks(items, lw, p); !ok {
			b.Fatal("not ok")
		}
	}
}

func ExampleBreaks() {
	// "6 4 9 2 7 6 3 8 2": words as boxes, spaces of width 2 that
	// stretch and shrink by 1, on lines 24 wide.
	var items []Item
	for i, w := range []float64{6, 4, 9, 2, 7, 6, 3, 8, 2} {
		if i > 0 {
			items = append(items, Item{Kind: Glue, Width: 2, Stretch: 1, Shrink: 1})
		}
		items = append(items, Item{Kind: Box, Width: w})
	}
	lines, ok := Breaks(Finish(items), func(int) float64 { return 24 }, DefaultParams())
	fmt.Println(ok)
	for _, l := range lines {
		fmt.Printf("items [%d, %d) ratio %.2f fill %g\n", l.Start, l.End, l.Ratio, l.Fill)
	}
	// Output:
	// true
	// items [0, 5) ratio 0.50 fill 0
	// items [6, 13) ratio 0.00 fill 0
	// items [14, 19) ratio 0.00 fill 12
}

// TestVaryingWidthsLong sets a long paragraph on lines whose widths never
// settle, where the passes accepting any badness could reach every line
// count at every break: the number of line counts kept per break is
// bounded, so this stays fast.
func TestVaryingWidthsLong(t *testing.T) {
	items := paragraph300()
	lw := func(i int) float64 { return 150 + float64(i%3)*20 + float64(i%7) }
	for _, tol := range []float64{200, math.Inf(1)} {
		p := DefaultParams()
		p.Tolerance = tol
		lines, ok := Breaks(items, lw, p)
		checkLines(t, items, lw, lines, ok)
		if !ok {
			t.Fatalf("tolerance %g: not ok", tol)
		}
	}
}

func TestFallback(t *testing.T) {
	items := Finish(append(append(words(5, 5), forced()), words(5, 5)...))
	lw := width(8)
	lines, ok := newSolver(items, lw, DefaultParams()).fallback()
	checkLines(t, items, lw, lines, ok)
	if ok || !reflect.DeepEqual(breakPositions(lines), []int{3, 9}) {
		t.Fatalf("fallback = %+v, %v", lines, ok)
	}
}

func TestOddInput(t *testing.T) {
	// NaN and infinite values and unknown kinds must not panic; a NaN
	// line is overfull.
	nan := math.NaN()
	for _, items := range [][]Item{
		Finish([]Item{box(nan), space, box(3)}),
		Finish([]Item{box(3), glue(nan, nan, nan), box(3), penalty(nan, nan, true), box(2)}),
		Finish([]Item{box(math.Inf(1)), space, box(3), glue(1, math.Inf(-1), math.Inf(1)), box(1)}),
		Finish([]Item{{Kind: 7, Width: 3}, space, {Kind: 200, Width: 4}}),
	} {
		for _, lw := range []func(int) float64{width(10), width(nan), width(math.Inf(1)), width(-5)} {
			lines, ok := Breaks(items, lw, DefaultParams())
			if len(lines) == 0 {
				t.Fatalf("no lines for %v", items)
			}
			if ok {
				for k, l := range lines {
					m := measure(items, l.Start, l.Break)
					if !(m.nat-math.Max(m.shrink, 0) <= lw(k)) {
						t.Fatalf("ok with overfull line %+v of %v", l, items)
					}
				}
			}
		}
	}
}

// TestBreakerReuse checks that a Breaker used for paragraph after
// paragraph, long and short, with varying line widths and parameters,
// gives what a fresh Breaks gives for each.
func TestBreakerReuse(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var bk Breaker
	for i := 0; i < 300; i++ {
		items := randomParagraph(rng, 1+rng.Intn(120), rng.Intn(4) != 0)
		p := DefaultParams()
		switch i % 4 {
		case 1:
			p.Tolerance = math.Inf(1)
		case 2:
			p.MaxConsecutiveFlagged = 2
			p.EmergencyStretch = 3
		case 3:
			p.Tolerance = 50
		}
		w := 12 + float64(rng.Intn(30))
		lw := width(w)
		if i%5 == 0 {
			lw = func(line int) float64 { return w - float64(line%3) } // varying widths
		}
		want, wantOK := Breaks(items, lw, p)
		got, gotOK := bk.Breaks(items, lw, p)
		if gotOK != wantOK || !reflect.DeepEqual(got, want) {
			t.Fatalf("paragraph %d: reused Breaker gives\n%+v, %v\nwant\n%+v, %v", i, got, gotOK, want, wantOK)
		}
	}
}

// TestBoxStretch checks that a box's stretch and shrink (font expansion)
// count in its line's as its glue's do: a line too loose for its spaces
// alone is within tolerance with stretchable boxes, at the ratio that
// shares the slack between both, and likewise a tight one.
func TestBoxStretch(t *testing.T) {
	p := DefaultParams()
	// Two boxes of 40 and a space of 10 (stretch 2, shrink 2), stretching
	// and shrinking by sx of their width, on a line that must be filled.
	line := func(sx float64) []Item {
		return []Item{
			{Kind: Box, Width: 40, Stretch: 40 * sx, Shrink: 40 * sx}, glue(10, 2, 2),
			{Kind: Box, Width: 40, Stretch: 40 * sx, Shrink: 40 * sx}, penalty(0, -Infinity, false),
		}
	}
	for _, tc := range []struct {
		width, sx, ratio float64
		ok               bool
	}{
		{100, 0, 5, false},          // 10 short, stretch 2
		{100, 0.1, 10.0 / 10, true}, // stretch 2 + 8
		{86, 0.1, -4.0 / 10, true},  // 4 over, shrink 2 + 8
		{80, 0.1, -1, true},         // 10 over, shrink 10: at the limit
	} {
		items := line(tc.sx)
		lines, ok := Breaks(items, width(tc.width), p)
		if len(lines) != 1 {
			t.Fatalf("width %g, expansion %g: %d lines", tc.width, tc.sx, len(lines))
		}
		if math.Abs(lines[0].Ratio-tc.ratio) > 1e-9 || tc.ok && !ok {
			t.Errorf("width %g, expansion %g: ratio %g ok %v, want %g", tc.width, tc.sx, lines[0].Ratio, ok, tc.ratio)
		}
	}
}
