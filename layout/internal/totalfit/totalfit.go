// Package totalfit chooses line breaks for a paragraph with the Knuth–Plass total-fit algorithm.
//
// A paragraph is a list of items, as in Knuth and Plass, "Breaking Paragraphs
// into Lines" (1981) and in TeX: boxes (fixed material such as words), glue
// (stretchable and shrinkable space) and penalties (possible breaks with a
// cost). Breaks chooses the breaks that minimise the total demerits of the
// paragraph among all ways of breaking it whose lines fit.
//
// A break may occur at a glue item immediately preceded by a box, and at a
// penalty item whose penalty is below Infinity. When a line ends at a break,
// the glue and penalties that follow it, up to the next box or forced break,
// are discarded: they belong to neither line.
package totalfit

import (
	"cmp"
	"math"
	"slices"
)

// Kind says whether an Item is a box, glue or a penalty.
type Kind uint8

// The item kinds. Any other value is treated as a box.
const (
	// Box is material of fixed width (a word, a syllable, an indent).
	Box Kind = iota
	// Glue is space that can stretch or shrink; it is a possible break
	// when it follows a box.
	Glue
	// Penalty is a possible break with a cost, and no width unless the
	// line breaks there.
	Penalty
)

// Item is a box, glue or penalty. Widths in any unit (points).
type Item struct {
	// Kind is the kind of item.
	Kind Kind
	// Width is the box and glue width; for a penalty, the width added if
	// the line breaks here (a hyphen).
	Width float64
	// Stretch is the stretchability of glue. math.Inf(1) is infinite
	// stretch (TeX's fil), which takes up all the slack of its line.
	// A box may stretch too (finitely): its glyphs widened by font
	// expansion, as pdfTeX adds a font's expandability to a line's
	// stretch; a line's adjustment ratio is shared by its glue and
	// boxes alike.
	Stretch float64
	// Shrink is the shrinkability of glue, or of a box (its glyphs
	// narrowed). It should be finite.
	Shrink float64
	// Penalty is the cost of breaking at a penalty item; >= Infinity
	// forbids a break, <= -Infinity forces one.
	Penalty float64
	// Flagged marks a penalty as a hyphenation break: consecutive lines
	// ending at flagged breaks cost Params.FlaggedDemerits.
	Flagged bool
}

// Infinity is the penalty that forbids a break; its negation forces one.
const Infinity = 10000

// Params tune the algorithm; DefaultParams gives TeX-like values.
type Params struct {
	// Tolerance is the maximal badness of a line in the first two passes
	// (TeX \tolerance, e.g. 200); badness = 100*|r|^3 for the adjustment
	// ratio r. Badness is not capped at 10000 as in TeX, so use
	// math.Inf(1) rather than 10000 to accept any line.
	Tolerance float64
	// LinePenalty is added to the badness of every line before squaring
	// (TeX \linepenalty, 10); larger values favour fewer lines.
	LinePenalty float64
	// FlaggedDemerits is added when two consecutive lines end at flagged
	// breaks (TeX \doublehyphendemerits, 10000).
	FlaggedDemerits float64
	// FitnessDemerits is added when two consecutive lines are in
	// non-adjacent fitness classes (very loose, loose, decent, tight),
	// e.g. a tight line after a loose one (TeX \adjdemerits, 10000).
	FitnessDemerits float64
	// EmergencyStretch, when positive, is added to every line's
	// stretchability in a second pass, run when no solution meets
	// Tolerance (TeX \emergencystretch), and in the last pass, which
	// accepts any badness so that a paragraph always gets a solution
	// without overfull lines when one exists. It only decides which lines
	// are feasible (badness with the extra stretch within Tolerance):
	// unlike TeX, lines are still costed by their real badness, the one
	// their glue is set with, so the pass prefers a hyphen to a line much
	// looser than Tolerance allows rather than taking the extra stretch as
	// real. Such lines may still be looser than Tolerance allows.
	EmergencyStretch float64
	// MaxConsecutiveFlagged, when > 0, forbids more than this many
	// consecutive lines ending at flagged breaks (a hard limit, not only
	// demerits).
	MaxConsecutiveFlagged int
}

// DefaultParams returns TeX's plain-format values: tolerance 200, line
// penalty 10, double-hyphen and adjacent-fitness demerits 10000, no
// emergency stretch and no limit on consecutive hyphenated lines.
func DefaultParams() Params {
	return Params{
		Tolerance:       200,
		LinePenalty:     10,
		FlaggedDemerits: 10000,
		FitnessDemerits: 10000,
	}
}

// Line is one chosen line: items [Start, End) and the adjustment ratio r
// (glue is set at width + r*stretch when r>=0, width + r*shrink when r<0).
//
// The break item itself is not part of the line (End == Break); if it is a
// penalty, its Width (a hyphen) ends the line. Items between one line's
// Break and the next line's Start are discarded glue and penalties.
type Line struct {
	// Start is the index of the line's first item.
	Start int
	// End is one past the index of the line's last item; always Break.
	End int
	// Break is the index of the break item. For a paragraph that does not
	// end with a forced break, the last line has Break == len(items).
	Break int
	// Ratio is the adjustment ratio to set the line's glue with. It is 0
	// when the line has glue of infinite stretch (see Fill) or cannot
	// stretch at all. It is below -1 only for an overfull line, which
	// Breaks returns only with ok == false (-Inf if the line cannot
	// shrink); such glue is set at its full shrink, as with Ratio -1.
	Ratio float64
	// Fill is the width added to each glue item of infinite stretch on
	// the line (0 if it has none or Ratio < 0).
	Fill float64
	// Flagged reports that the line ends at a flagged penalty (a hyphen).
	Flagged bool
}

// GlueWidth returns the width at which glue g, an item of the line, is
// set: g.Width adjusted by Ratio (clamped at -1) or Fill.
func (l Line) GlueWidth(g Item) float64 {
	switch {
	case l.Ratio > 0:
		return g.Width + l.Ratio*g.Stretch
	case l.Ratio < 0:
		return g.Width + math.Max(l.Ratio, -1)*g.Shrink
	case math.IsInf(g.Stretch, 1):
		return g.Width + l.Fill
	}
	return g.Width
}

// Finish ends a paragraph as TeX does: it drops trailing glue and appends
// penalty(Infinity), glue(0, infinite stretch) and penalty(-Infinity), so
// that the last line is set ragged and the paragraph ends with a forced
// break. The penalty(Infinity) keeps the stretchable glue from being a
// break. items is not modified.
func Finish(items []Item) []Item {
	n := len(items)
	for n > 0 && items[n-1].Kind == Glue {
		n--
	}
	out := make([]Item, n, n+3)
	copy(out, items[:n])
	return append(out,
		Item{Kind: Penalty, Penalty: Infinity},
		Item{Kind: Glue, Stretch: math.Inf(1)},
		Item{Kind: Penalty, Penalty: -Infinity},
	)
}

// Breaks returns the lines of the paragraph. lineWidth(i) gives the width
// of line i (0-based), allowing indents; it is called once for every i
// from 0 to the number of possible breaks - 1, before any breaking, and
// lines from the first of an equally wide run to the end are treated alike.
//
// The paragraph is expected to end, as in TeX, with a forced break (see
// Finish); if it has material after its last forced break, Breaks acts as
// if a forced break of zero width followed the last item, and the last line
// is justified. An empty paragraph has no lines.
//
// Breaks tries up to three passes, each considering every legal break: one
// with Params.Tolerance; one with Params.EmergencyStretch added to every
// line's stretch (if positive); and one accepting any badness. It keeps the
// first solution found, which has the fewest total demerits among the
// solutions allowed in that pass. No pass accepts an overfull line (one
// that would have to shrink beyond its shrinkability, ratio < -1). If even
// the last pass fails (a box wider than its line, say), Breaks returns the
// solution with the smallest total excess width of its overfull lines,
// then the fewest demerits, and ok == false. ok is also false if only a
// solution violating MaxConsecutiveFlagged exists. Ties between solutions
// of equal demerits are broken deterministically.
//
// As in TeX, a line is abandoned as soon as it is overfull at a break, on
// the premise that it stays overfull at later ones (true unless items have
// negative widths or glue can shrink by more than its width). And when
// line widths keep varying, at most 16 line counts are kept at each break
// (those with the fewest demerits), which in practice only matters in the
// pass accepting any badness; otherwise the solution is optimal.
func Breaks(items []Item, lineWidth func(line int) float64, p Params) (lines []Line, ok bool) {
	var b Breaker
	return b.Breaks(items, lineWidth, p)
}

// Breaker breaks paragraphs as Breaks does, keeping its working memory
// from one paragraph to the next. The zero Breaker is ready to use; it is
// not safe for concurrent use.
type Breaker struct {
	s solver
}

// Breaks returns the lines of the paragraph, as the function Breaks does.
func (bk *Breaker) Breaks(items []Item, lineWidth func(line int) float64, p Params) (lines []Line, ok bool) {
	s := &bk.s
	s.init(items, lineWidth, p)
	if len(s.breaks) == 0 {
		return nil, true
	}
	tried := make([]pass, 0, 5)
	for _, ps := range s.passes() {
		if containsPass(tried, ps) {
			continue
		}
		tried = append(tried, ps)
		if best := s.run(ps); best >= 0 {
			return s.lines(best)
		}
	}
	return s.fallback()
}

// Fitness classes, as in the paper: a line's class depends on its
// adjustment ratio r.
const (
	tight     = 0 // r < -0.5
	decent    = 1 // -0.5 <= r <= 0.5
	loose     = 2 // 0.5 < r <= 1
	veryLoose = 3 // r > 1
)

// maxGroups bounds the number of line counts (below the first of the
// equally wide last lines) kept at one break: only the maxGroups with the
// fewest demerits survive. This bounds the time of the passes accepting any
// badness when line widths keep varying through a long paragraph, where
// every line count is possible; otherwise it never applies.
const maxGroups = 16

// maxBadness caps the badness of a line that cannot stretch enough (or at
// all), keeping demerits finite so that solutions with fewer such lines
// still win.
const maxBadness = 1e30

// sum holds running totals of the items before an index.
type sum struct {
	width, stretch, shrink float64
	fills                  int // glue items of infinite stretch
}

// brk is a legal breakpoint.
type brk struct {
	pos     int     // index of the break item (len(items) for an implicit end)
	start   int     // first item of the line after the break
	width   float64 // penalty width added at the end of the line
	penalty float64
	flagged bool
	forced  bool
}

// node is a feasible break in the active list or behind it.
type node struct {
	total   float64 // demerits of the best way to get here
	over    float64 // total excess width of overfull lines (last pass)
	prev    int32   // previous node in the arena, -1 at the start
	brk     int32   // index in solver.breaks, -1 at the start
	start   int32   // first item of the following line
	line    int32   // lines so far, capped at solver.easy
	run     int32   // consecutive flagged lines ending here (when limited)
	fitness uint8
	flagged bool
}

// cand is the best way found to reach the current break in one state.
type cand struct {
	total, over float64
	prev        int32
	line, run   int32
	next        int32 // next candidate of the same line and fitness, or -1
	fitness     uint8
}

// pass is one run of the algorithm.
type pass struct {
	tolerance float64
	emergency float64 // added to every line's stretch
	limit     int     // MaxConsecutiveFlagged, 0 for none
	overfull  bool    // accept overfull lines (minimising their excess)
}

func containsPass(ps []pass, p pass) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

type solver struct {
	p      Params
	sums   []sum     // sums[i]: totals of items[:i]
	breaks []brk     // legal breakpoints in order, the last one forced
	widths []float64 // widths[i]: width of line i
	easy   int32     // lines from easy on all have width widths[easy]

	nodes  []node // arena
	active []int32
	cands  []cand
	groups []group
	// slots[line*4+fitness] finds the candidates of that line count and
	// fitness class at the current break (a list through cand.next, one
	// per run of flagged lines), and lineSlots[line] the group of a line
	// count: an entry is valid when its stamp is the current one.
	slots     []slot
	lineSlots []slot
	stamp     uint32
}

type slot struct {
	stamp uint32
	idx   int32
}

// group is the best candidate for one line count at the current break.
type group struct {
	over, total float64
	line        int32
}

func isBox(k Kind) bool { return k != Glue && k != Penalty }

func newSolver(items []Item, lineWidth func(int) float64, p Params) *solver {
	s := &solver{}
	s.init(items, lineWidth, p)
	return s
}

// resize returns a slice of length n, reusing b's memory when it can;
// its contents are not cleared.
func resize[T any](b []T, n int) []T {
	return slices.Grow(b[:0], n)[:n]
}

// init prepares s for a paragraph, reusing the memory of the previous one.
func (s *solver) init(items []Item, lineWidth func(int) float64, p Params) {
	s.p = p
	n := len(items)
	s.sums = resize(s.sums, n+1)
	nb := 0
	afterForced := false // a box follows the last forced break
	var t sum
	for i, it := range items {
		s.sums[i] = t
		switch it.Kind {
		case Glue:
			t.width += it.Width
			if math.IsInf(it.Stretch, 1) {
				t.fills++
			} else {
				t.stretch += it.Stretch
			}
			t.shrink += it.Shrink
			if i > 0 && isBox(items[i-1].Kind) {
				nb++
			}
		case Penalty:
			if it.Penalty < Infinity {
				nb++
			}
			if it.Penalty <= -Infinity {
				afterForced = false
			}
		default:
			t.width += it.Width
			if it.Stretch > 0 && !math.IsInf(it.Stretch, 1) {
				t.stretch += it.Stretch
			}
			if it.Shrink > 0 {
				t.shrink += it.Shrink
			}
			afterForced = true
		}
	}
	s.sums[n] = t
	if afterForced {
		nb++
	}
	s.breaks = resize(s.breaks, nb)[:0]
	for i, it := range items {
		switch {
		case it.Kind == Glue && i > 0 && isBox(items[i-1].Kind):
			s.breaks = append(s.breaks, brk{pos: i})
		case it.Kind == Penalty && it.Penalty < Infinity:
			s.breaks = append(s.breaks, brk{pos: i, width: it.Width, penalty: it.Penalty,
				flagged: it.Flagged, forced: it.Penalty <= -Infinity})
		}
	}
	if afterForced {
		s.breaks = append(s.breaks, brk{pos: n, forced: true})
	}
	// Drop breaks after the last forced one: only discardable items
	// follow it, and no line can end there.
	for len(s.breaks) > 0 && !s.breaks[len(s.breaks)-1].forced {
		s.breaks = s.breaks[:len(s.breaks)-1]
	}
	// The line after a break starts at the next box or forced break.
	j := len(s.breaks) - 1
	for ; j >= 0 && s.breaks[j].pos >= n; j-- { // the implicit end
		s.breaks[j].start = n
	}
	for i, next := n-1, n; i >= 0 && j >= 0; i-- {
		for ; j >= 0 && s.breaks[j].pos == i; j-- {
			s.breaks[j].start = next
		}
		if isBox(items[i].Kind) || items[i].Kind == Penalty && items[i].Penalty <= -Infinity {
			next = i
		}
	}

	// Line widths. No paragraph has more lines than breaks; lines from
	// easy on have equal widths, so their nodes can be merged as TeX
	// does beyond its easy_line.
	m := len(s.breaks)
	s.widths = resize(s.widths, m)
	for i := range s.widths {
		s.widths[i] = lineWidth(i)
	}
	easy := m - 1
	for easy > 0 && same(s.widths[easy-1], s.widths[m-1]) {
		easy--
	}
	if easy < 0 {
		easy = 0
	}
	s.easy = int32(easy)
	s.slots = resize(s.slots, (easy+1)*4) // cleared by run
	s.lineSlots = resize(s.lineSlots, easy+1)
}

func same(a, b float64) bool { return a == b || a != a && b != b }

// passes lists the passes Breaks tries, in order.
func (s *solver) passes() []pass {
	p := s.p
	limit := max(p.MaxConsecutiveFlagged, 0)
	em := p.EmergencyStretch
	if !(em > 0) {
		em = 0
	}
	inf := math.Inf(1)
	return []pass{
		{tolerance: p.Tolerance, limit: limit},
		{tolerance: p.Tolerance, emergency: em, limit: limit},
		{tolerance: inf, emergency: em, limit: limit},
		{tolerance: inf, emergency: em, limit: limit, overfull: true},
		{tolerance: inf, emergency: em, overfull: true},
	}
}

// better orders (excess, demerits) pairs lexicographically.
func better(over, total, over2, total2 float64) bool {
	return over < over2 || over == over2 && total < total2
}

// overfull reports whether a line with the given shortfall (width minus
// natural width) and shrink must shrink beyond its shrinkability. NaN
// values make a line overfull.
func overfull(short, shrink float64) bool {
	return !(short >= 0 || shrink > 0 && short >= -shrink)
}

// ratio is the adjustment ratio of a line short of its width by short
// (> 0) with the given stretchability: +Inf if it cannot stretch.
func ratio(short, stretch float64) float64 {
	if stretch > 0 {
		return short / stretch
	}
	return math.Inf(1)
}

func badness(r float64) float64 {
	b := 100 * math.Abs(r*r*r)
	if !(b <= maxBadness) {
		return maxBadness
	}
	return b
}

// run runs one pass and returns the arena index of the best node at the
// paragraph's end, or -1 if the pass finds no solution.
func (s *solver) run(ps pass) int32 {
	p := &s.p
	gamma := math.Abs(p.FitnessDemerits)
	s.nodes = append(s.nodes[:0], node{prev: -1, brk: -1, fitness: decent})
	s.active = append(s.active[:0], 0)
	clear(s.slots)
	clear(s.lineSlots)
	s.stamp = 0
	for bi := range s.breaks {
		b := &s.breaks[bi]
		s.cands = s.cands[:0]
		s.stamp++
		end := &s.sums[b.pos]
		w := 0
		for _, ai := range s.active {
			a := &s.nodes[ai]
			if int(a.start) > b.pos {
				// b lies in the discarded items after a.
				s.active[w] = ai
				w++
				continue
			}
			st := &s.sums[a.start]
			short := s.widths[a.line] - (end.width - st.width + b.width)
			shrink := end.shrink - st.shrink
			// r is the line's real adjustment ratio, which its demerits
			// and fitness class are computed from; re, with the pass's
			// emergency stretch, only decides whether the line is
			// feasible.
			var r, re, over float64
			fit := uint8(decent)
			isOver := overfull(short, shrink)
			switch {
			case isOver:
				r, re, fit = -1, -1, tight
				over = -(short + math.Max(shrink, 0))
			case short > 0:
				if end.fills == st.fills {
					r, re = ratio(short, end.stretch-st.stretch), ratio(short, end.stretch-st.stretch+ps.emergency)
				}
			case short < 0:
				r = short / shrink
				re = r
			}
			bad := badness(r)
			switch {
			case r < -0.5:
				fit = tight
			case r > 1:
				fit = veryLoose
			case r > 0.5:
				fit = loose
			}
			ok := badness(re) <= ps.tolerance && !isOver || isOver && ps.overfull
			run := int32(0)
			if ps.limit > 0 && b.flagged {
				run = a.run + 1
				if int(run) > ps.limit {
					ok = false
				}
			}
			if ok {
				d := p.LinePenalty + bad
				d *= d
				if !b.forced {
					if b.penalty >= 0 {
						d += b.penalty * b.penalty
					} else {
						d -= b.penalty * b.penalty
					}
				}
				if b.flagged && a.flagged {
					d += p.FlaggedDemerits
				}
				if fit > a.fitness+1 || a.fitness > fit+1 {
					d += p.FitnessDemerits
				}
				s.record(a.total+d, a.over+over, ai, min(a.line+1, s.easy), run, fit)
			}
			if !isOver && !b.forced {
				s.active[w] = ai
				w++
			}
		}
		s.active = s.active[:w]
		beam := len(s.cands) > maxGroups && s.limitGroups()
		// Insert the new nodes, except those that can never beat another
		// one with the same line count at this break: fitness affects
		// only the next line's demerits, by at most gamma, and a longer
		// run of flagged lines only restricts the future.
		for i := range s.cands {
			c := &s.cands[i]
			if beam && s.lineSlots[c.line].stamp != s.stamp || s.dominated(int32(i), gamma) {
				continue
			}
			s.active = append(s.active, int32(len(s.nodes)))
			s.nodes = append(s.nodes, node{total: c.total, over: c.over, prev: c.prev,
				brk: int32(bi), start: int32(b.start), line: c.line, run: c.run,
				fitness: c.fitness, flagged: b.flagged})
		}
		if len(s.active) == 0 {
			return -1
		}
	}
	// The last break is forced: only its nodes remain active.
	best := int32(-1)
	for _, ai := range s.active {
		a := &s.nodes[ai]
		if best < 0 || better(a.over, a.total, s.nodes[best].over, s.nodes[best].total) {
			best = ai
		}
	}
	return best
}

// record keeps the best way to reach the current break in its state; the
// first one found wins ties.
func (s *solver) record(total, over float64, prev, line, run int32, fit uint8) {
	sl := &s.slots[int(line)*4+int(fit)]
	next := int32(-1)
	if sl.stamp == s.stamp {
		for i := sl.idx; i >= 0; i = s.cands[i].next {
			if c := &s.cands[i]; c.run == run {
				if better(over, total, c.over, c.total) {
					c.total, c.over, c.prev = total, over, prev
				}
				return
			}
		}
		next = sl.idx
	}
	sl.stamp, sl.idx = s.stamp, int32(len(s.cands))
	s.cands = append(s.cands, cand{total: total, over: over, prev: prev, line: line, run: run, next: next, fitness: fit})
}

// dominated reports whether candidate i can never beat another candidate
// with the same line count and no longer run of flagged lines.
func (s *solver) dominated(i int32, gamma float64) bool {
	c := &s.cands[i]
	for fit := 0; fit < 4; fit++ {
		sl := &s.slots[int(c.line)*4+fit]
		if sl.stamp != s.stamp {
			continue
		}
		for j := sl.idx; j >= 0; j = s.cands[j].next {
			o := &s.cands[j]
			if j != i && o.run <= c.run && (o.over < c.over || o.over == c.over && c.total > o.total+gamma) {
				return true
			}
		}
	}
	return false
}

// limitGroups keeps the maxGroups line counts with the best candidates at
// the current break, marking them in lineSlots; it reports whether it
// dropped any.
func (s *solver) limitGroups() bool {
	s.groups = s.groups[:0]
	for i := range s.cands {
		c := &s.cands[i]
		ls := &s.lineSlots[c.line]
		if ls.stamp != s.stamp {
			ls.stamp, ls.idx = s.stamp, int32(len(s.groups))
			s.groups = append(s.groups, group{over: c.over, total: c.total, line: c.line})
		} else if g := &s.groups[ls.idx]; better(c.over, c.total, g.over, g.total) {
			g.over, g.total = c.over, c.total
		}
	}
	if len(s.groups) <= maxGroups {
		return false
	}
	slices.SortFunc(s.groups, func(a, b group) int {
		switch {
		case better(a.over, a.total, b.over, b.total):
			return -1
		case better(b.over, b.total, a.over, a.total):
			return 1
		}
		return cmp.Compare(a.line, b.line)
	})
	for _, g := range s.groups[maxGroups:] {
		s.lineSlots[g.line].stamp = 0
	}
	return true
}

// lines turns the chain of nodes ending at best into lines.
func (s *solver) lines(best int32) ([]Line, bool) {
	n := 0
	for i := best; s.nodes[i].prev >= 0; i = s.nodes[i].prev {
		n++
	}
	brks := make([]int, n)
	for i, k := best, n-1; k >= 0; i, k = s.nodes[i].prev, k-1 {
		brks[k] = int(s.nodes[i].brk)
	}
	return s.makeLines(brks)
}

// fallback breaks only at forced breaks. It is a safety net: the last pass
// accepts every line, so it always finds a solution.
func (s *solver) fallback() ([]Line, bool) {
	var brks []int
	for i, b := range s.breaks {
		if b.forced {
			brks = append(brks, i)
		}
	}
	lines, _ := s.makeLines(brks)
	return lines, false
}

// makeLines builds the lines ending at the given breaks (indices into
// s.breaks) and reports whether all fit and respect the flagged limit.
func (s *solver) makeLines(brks []int) ([]Line, bool) {
	lines := make([]Line, len(brks))
	ok := true
	start, run := 0, 0
	for k, bi := range brks {
		b := &s.breaks[bi]
		st, end := &s.sums[start], &s.sums[b.pos]
		short := s.widths[k] - (end.width - st.width + b.width)
		stretch, shrink := end.stretch-st.stretch, end.shrink-st.shrink
		l := Line{Start: start, End: b.pos, Break: b.pos, Flagged: b.flagged}
		switch {
		case overfull(short, shrink):
			ok = false
			if shrink > 0 {
				l.Ratio = short / shrink
			} else {
				l.Ratio = math.Inf(-1)
			}
		case short > 0:
			if fills := end.fills - st.fills; fills > 0 {
				l.Fill = short / float64(fills)
			} else if stretch > 0 {
				l.Ratio = short / stretch
			}
		case short < 0:
			l.Ratio = short / shrink
		}
		if b.flagged {
			run++
			if s.p.MaxConsecutiveFlagged > 0 && run > s.p.MaxConsecutiveFlagged {
				ok = false
			}
		} else {
			run = 0
		}
		lines[k] = l
		start = b.start
	}
	return lines, ok
}
