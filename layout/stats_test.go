package layout

import "testing"

// TestStatsCountsWidowsAndOrphans checks the detector on pages cut
// without keep rules.
func TestStatsCountsWidowsAndOrphans(t *testing.T) {
	line := func(para, i, n int, hyphen bool) Box {
		return Box{Height: 10, info: lineInfo{para: para, index: i, of: n, hyphen: hyphen, justified: true, spaces: 3, spaceScale: 1.5}}
	}
	boxes := []Box{
		line(1, 0, 3, true), line(1, 1, 3, true), line(1, 2, 3, false), // paragraph 1
		line(2, 0, 4, true), // page 1 ends: orphan
		line(2, 1, 4, true), line(2, 2, 4, true),
		line(2, 3, 4, false), // page 3 starts: widow
		line(3, 0, 1, false),
	}
	ranges := [][2]int{{0, 4}, {4, 6}, {6, 8}}
	s := stats(listOf(boxes), ranges)
	if s.Orphans != 1 || s.Widows != 1 {
		t.Errorf("orphans %d, widows %d; want 1 and 1", s.Orphans, s.Widows)
	}
	if s.HyphenatedLines != 5 || s.MaxHyphenRun != 3 || s.Lines != 8 || s.Pages != 3 {
		t.Errorf("stats %+v", s)
	}
}

// TestPaginateAvoidsWidowsAndOrphans lays out paragraphs of every length
// at every offset from the page bottom and asserts the detector finds
// nothing.
func TestPaginateAvoidsWidowsAndOrphans(t *testing.T) {
	avail := 677.89 // an A4 page's text area with the built-in margins
	for lead := 1; lead < int(avail/10); lead += 3 {
		for n := 1; n <= 7; n++ {
			var boxes []Box
			// a filler paragraph of lead lines, then one of n lines, then a
			// tail, all 10 pt lines.
			for p, count := range []int{lead, n, 5} {
				for i := 0; i < count; i++ {
					b := Box{Height: 10, info: lineInfo{para: p + 1, index: i, of: count}}
					b.KeepWithNext = (i == 0 && count >= 2) || i == count-2
					boxes = append(boxes, b)
				}
			}
			ranges := paginate(listOf(boxes), avail, NoteStyle{})
			if s := stats(listOf(boxes), ranges); s.Widows != 0 || s.Orphans != 0 {
				t.Fatalf("lead %d, n %d: %d widows, %d orphans", lead, n, s.Widows, s.Orphans)
			}
		}
	}
}

// TestStatsGaps checks the word-gap percentile and maximum: over the gaps
// of justified lines, leaving out last lines and lines set flush left.
func TestStatsGaps(t *testing.T) {
	var boxes []Box
	for i := range 20 {
		g := 0.25 + float64(i)/100 // 0.25 … 0.44
		boxes = append(boxes, Box{Height: 10, info: lineInfo{para: 1, index: i, of: 22, justified: true, spaces: 1, spaceScale: 1, gaps: []float64{g}}})
	}
	boxes = append(boxes,
		Box{Height: 10, info: lineInfo{para: 1, index: 20, of: 22, justified: true, loose: true, spaces: 1, spaceScale: 1}},
		Box{Height: 10, info: lineInfo{para: 1, index: 21, of: 22, justified: true, spaces: 1, spaceScale: 1, gaps: []float64{0.9}}}, // last line
	)
	s := stats(listOf(boxes), [][2]int{{0, len(boxes)}})
	if s.GapMax != 0.44 || s.GapP95 != 0.43 {
		t.Errorf("gap p95 %v max %v; want 0.43 and 0.44", s.GapP95, s.GapMax)
	}
}
