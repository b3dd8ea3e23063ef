package translate

import (
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
)

// Check runs the checks on every translation of lang (in the catalogs)
// of a message some set translates into lang.
func (p *Project) Check(lang language.Tag, c locales.Checker) diag.List {
	var d diag.List
	tr := p.Translations(lang)
	for _, set := range p.Sets {
		if !containsTag(set.Langs, lang) {
			continue
		}
		for _, m := range set.Messages {
			if t, ok := tr[m.ID]; ok {
				d = append(d, c.Check(m, t, lang)...)
			}
		}
	}
	return d
}

// Checker returns the checker of the project: its source language and
// glossary, with coverage as the font coverage predicate (nil: no font
// check).
func (p *Project) Checker(coverage func(r rune) string) locales.Checker {
	return locales.Checker{SourceLang: p.SourceLang, Coverage: coverage, Glossary: p.Glossary}
}
