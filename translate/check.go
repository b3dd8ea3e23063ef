package translate

import (
	"github.com/reportgen/reportgen/locales"
)

// Checker returns the checker of the project: its source language and
// glossary, with coverage as the font coverage predicate (nil: no font
// check).
func (p *Project) Checker(coverage func(r rune) string) locales.Checker {
	return locales.Checker{SourceLang: p.SourceLang, Coverage: coverage, Glossary: p.Glossary}
}
