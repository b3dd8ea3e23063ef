package pipeline

import (
	"fmt"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/project"
)

// Check runs every check a build with opt runs (Run with Options.Check):
// every report, style, font and catalog, and every edition resolved,
// checked and laid out in memory; nothing is rendered or written. With
// opt.Strict it checks what a strict build would publish and returns
// every warning as an error.
func Check(p *project.Project, opt Options) diag.List {
	opt.Check = true
	_, diags := Run(p, opt)
	return diags
}

// Covers returns the font test of p's default house style, for
// locales.Checker.Coverage: "" when all four faces draw a character, else
// the first face that does not. When the style does not load, every
// character passes (a build reports the style).
func Covers(p *project.Project) func(rune) string {
	hs, diags := LoadStyle(p, "")
	if diags.HasErrors() || hs == nil {
		return func(rune) string { return "" }
	}
	fam := hs.Family
	return func(r rune) string {
		if !fonts.IsDrawn(r) {
			return ""
		}
		for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
			if !fam.Face(f).Has(r) {
				return faceName(fam, f)
			}
		}
		return ""
	}
}

// faceName names a face of a family in messages: "Noto Sans (italic)".
func faceName(fam *fonts.Family, f fonts.Face) string {
	return fmt.Sprintf("%s (%s)", fam.Name, f)
}
