package pipeline_test

import (
	"testing"

	"github.com/reportgen/reportgen/internal/longreport"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
)

// The typographic standard the house style is held to. MaxSpace is the
// style's own limit (justification.max-space): a justified line needing
// more is set flush left and counted as loose.
const (
	maxHyphenRun = 2
	maxSpace     = 3.0
	maxLooseRate = 0.01 // at most 1 line in 100 set flush left
)

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
	if s.MinStretch < 1-1.0/3-1e-9 {
		t.Errorf("%s: word space shrunk to %.2f× normal, below the allowed shrink", name, s.MinStretch)
	}
	if float64(s.Loose) > maxLooseRate*float64(s.Lines) {
		t.Errorf("%s: %d of %d lines too loose to justify", name, s.Loose, s.Lines)
	}
	if s.HyphenatedLines == 0 {
		t.Errorf("%s: no line is hyphenated; hyphenation is off", name)
	}
}

func TestTypographyReference(t *testing.T) {
	results, diags := pipeline.Run(project.Open(t.TempDir()), pipeline.Options{OutDir: t.TempDir(), Langs: []string{"en", "ru"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, r := range results {
		checkStats(t, r.Report+"."+r.Lang, r.Stats)
	}
}

func TestTypographyLongReport(t *testing.T) {
	if testing.Short() {
		t.Skip("the long report takes a few seconds; run without -short")
	}
	src, loc, err := longreport.Generate(15)
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
