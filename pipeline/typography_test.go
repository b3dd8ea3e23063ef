package pipeline_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/longreport"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

// The typographic standard the house style is held to. MaxSpace is the
// style's own limit (justification.max-space): a justified line needing
// more is set flush left and counted as loose.
const (
	maxHyphenRun = 2
	maxSpace     = 3.0
	maxLooseRate = 0.01 // at most 1 line in 100 set flush left
)

// justificationGoals are the house's goals for the word gaps of justified
// lines, in em as --stats measures them (layout.Stats.GapP95 and GapMax),
// by language of the edition.
var justificationGoals = map[string]struct{ p95, max float64 }{
	"en": {p95: 0.33, max: 0.47},
	"ru": {p95: 0.42, max: 0.56},
}

// allowedShrink is the house style's space-shrink.
func allowedShrink(t *testing.T) float64 {
	t.Helper()
	h, diags := style.Load(style.Folders{Sources: style.Embedded(), Fonts: fonts.Embedded()}, "")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return h.Style.Justify.Shrink
}

func checkStats(t *testing.T, name string, s layout.Stats) {
	t.Helper()
	t.Logf("%s: %+v", name, s)
	if s.Overfull != 0 || s.Widows != 0 || s.Orphans != 0 {
		t.Errorf("%s: %d overfull lines, %d widows, %d orphans; want none", name, s.Overfull, s.Widows, s.Orphans)
	}
	if s.MaxHyphenRun > maxHyphenRun {
		t.Errorf("%s: %d hyphenated lines in a row, want at most %d", name, s.MaxHyphenRun, maxHyphenRun)
	}
	if s.MaxStretch > maxSpace {
		t.Errorf("%s: word space %.2f× normal, want at most %.1f", name, s.MaxStretch, maxSpace)
	}
	if s.MinStretch < 1-allowedShrink(t)-1e-9 {
		t.Errorf("%s: word space shrunk to %.2f× normal, below the allowed shrink", name, s.MinStretch)
	}
	if float64(s.Loose) > maxLooseRate*float64(s.Lines) {
		t.Errorf("%s: %d of %d lines too loose to justify", name, s.Loose, s.Lines)
	}
	if s.HyphenatedLines == 0 {
		t.Errorf("%s: no line is hyphenated; hyphenation is off", name)
	}
}

// TestTypographyReference holds every published edition of the reference
// reports (English and Russian; the French draft is exempt) to the
// typographic standard and to the justification goals: word gaps within
// the language's 95th-percentile and largest gap, no overfull line, at
// most two hyphenated lines in a row.
func TestTypographyReference(t *testing.T) {
	results, diags := pipeline.Run(project.Open(t.TempDir()), pipeline.Options{OutDir: t.TempDir(), Langs: []string{"en", "ru"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	seen := map[string]bool{}
	for _, r := range results {
		name := r.Report + "." + r.Lang
		seen[name] = true
		checkStats(t, name, r.Stats)
		goal, ok := justificationGoals[r.Lang]
		if !ok {
			t.Errorf("%s: no justification goals for %q", name, r.Lang)
			continue
		}
		if r.Stats.GapP95 > goal.p95 {
			t.Errorf("%s: 95th percentile of word gaps %.3f em, want at most %.2f", name, r.Stats.GapP95, goal.p95)
		}
		if r.Stats.GapMax > goal.max {
			t.Errorf("%s: widest word gap %.3f em, want at most %.2f", name, r.Stats.GapMax, goal.max)
		}
	}
	for _, name := range []string{"central-asia-2021.en", "central-asia-2021.ru", "climate-mobility-2025.en", "climate-mobility-2025.ru"} {
		if !seen[name] {
			t.Errorf("%s was not built", name)
		}
	}
}

// TestLineEnds checks the line breaks of the reference reports' published
// editions for what a line must never start or end with: no line that goes
// on from the line before starts with a dash, and in Russian no line that
// the paragraph goes on after ends with a one-letter word (a preposition or
// a conjunction, «в», «и», «с»).
func TestLineEnds(t *testing.T) {
	p := project.Open(t.TempDir())
	reports, diags := sources.LoadDir(p.Sources, p.SourcesDir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n := 0
	for _, r := range reports {
		hs, diags := pipeline.LoadStyle(p, r.Style)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		eds, diags := pipeline.Editions(p, r, hs, []string{"en", "ru"})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		for _, ed := range eds {
			lang := ed.Document.Lang.String()
			name := r.ID + "." + lang
			lines := compose.Layout(ed.Document, ed.Style, compose.Options{Trace: true}).Lines
			n++
			for i, ln := range lines {
				if i > 0 && !lines[i-1].Last && lines[i-1].Role == ln.Role && startsWithDash(ln.Text) {
					t.Errorf("%s page %d line %d starts with a dash: %q", name, ln.Page, ln.Number, ln.Text)
				}
				if lang == "ru" && !ln.Last && i+1 < len(lines) && lines[i+1].Role == ln.Role && endsWithOneLetterWord(ln.Text) {
					t.Errorf("%s page %d line %d ends with a one-letter word: %q", name, ln.Page, ln.Number, ln.Text)
				}
			}
		}
	}
	if n != 4 {
		t.Errorf("%d editions checked, want the 4 published ones (en and ru of both reports)", n)
	}
}

func startsWithDash(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return r == '—' || r == '–' || r == '-'
}

func endsWithOneLetterWord(text string) bool {
	w := text[strings.LastIndexByte(text, ' ')+1:]
	r, n := utf8.DecodeRuneInString(w)
	return n > 0 && n == len(w) && unicode.IsLetter(r)
}

func TestTypographyLongReport(t *testing.T) {
	if testing.Short() {
		t.Skip("the long report takes a few seconds; run without -short")
	}
	src, loc, err := longreport.Generate(16)
	if err != nil {
		t.Fatal(err)
	}
	p := project.Open(t.TempDir())
	p.Sources, p.Locales, p.Embedded = src, loc, false
	results, diags := pipeline.Run(p, pipeline.Options{OutDir: t.TempDir()})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, r := range results {
		if r.Pages < 100 {
			t.Errorf("%s: %d pages, want a report of at least 100", r.Lang, r.Pages)
		}
		checkStats(t, "long."+r.Lang, r.Stats)
	}
}
