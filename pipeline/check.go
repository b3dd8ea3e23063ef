package pipeline

import (
	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/translate"
)

// Check runs every check of a build on every edition of every report of p
// (each resolved and laid out in memory; nothing is rendered or written)
// and the translators' checks (translate.Project.Check) on the catalogs of
// every language, and returns the diagnostics, each once. A project the
// translators' workflow cannot read (a report with errors, reports in
// different source languages) gets the build's checks and the reasons.
func Check(p *project.Project) diag.List {
	eds, diags := checkEditions(p)
	tp, ds := translate.Open(p)
	if ds.HasErrors() {
		diags = append(diags, ds...)
	} else {
		c := tp.Checker(coverage(p, eds))
		for _, tag := range tp.Languages() {
			diags = append(diags, tp.Check(tag, c)...)
		}
	}
	return diags.Unique()
}

// checkEditions resolves and lays out every edition of every report of p,
// as a build would, without rendering or writing anything.
func checkEditions(p *project.Project) ([]Edition, diag.List) {
	reports, files, diags := load(p, nil)
	var eds []Edition
	styles := houseStyles{p: p}
	for _, r := range reports {
		hs := styles.get(r.Style, &diags)
		if hs == nil {
			continue
		}
		e, ds := editions(p, files, r, hs, nil)
		diags = append(diags, ds...)
		eds = append(eds, e...)
	}
	return eds, diags
}

// Covers returns the coverage test of the fonts of p's default house
// style, for translate.Checker: whether all four faces draw a character.
// When the style does not load, every character passes (a build reports
// the style).
func Covers(p *project.Project) func(rune) bool { return coverage(p, nil) }

// coverage is Covers, taking the style from an edition laid out in it
// when eds has one.
func coverage(p *project.Project, eds []Edition) func(rune) bool {
	for _, ed := range eds {
		if ed.Report.Style == "" || ed.Report.Style == "house" {
			return ed.Style.Family.Covers
		}
	}
	hs, diags := LoadStyle(p, "")
	if diags.HasErrors() || hs == nil {
		return func(rune) bool { return true }
	}
	return hs.Family.Covers
}
