package translate

import (
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/sources"
)

// Set is the source messages translated by one catalog file per language:
// a report's messages (Name is the report ID, translated in
// locales/<lang>/<id>.<lang>.toml) or the messages of one source-language
// catalog file (Name "interface" for locales/en/interface.en.toml).
type Set struct {
	// Name is the report ID or the catalog file's name without
	// ".<lang>.toml".
	Name string
	// Messages are in source order (reading order of the report, line
	// order of a catalog file).
	Messages []locales.Source
	// Langs are the languages the set is translated into (never the
	// source language).
	Langs []language.Tag
}

// CatalogFile returns the path, relative to the project root, of the
// catalog file of set name in language lang: locales/<lang>/<name>.<lang>.toml.
// New messages of the set are written there.
func CatalogFile(name string, lang language.Tag) string {
	return "locales/" + lang.String() + "/" + name + "." + lang.String() + ".toml"
}

// ReportSet returns the source messages of a loaded report, in reading
// order, and the languages it is translated into.
func ReportSet(r *sources.Loaded) Set {
	s := Set{Name: r.ID}
	for _, t := range r.EditionTags() {
		if t != r.SourceTag {
			s.Langs = append(s.Langs, t)
		}
	}
	for _, m := range r.Messages {
		s.Messages = append(s.Messages, locales.Source{ID: m.ID, Forms: locales.Forms{Other: m.Text}, File: m.File, Line: m.Line, Col: m.Col, Markup: m.Markup, Links: r.Links})
	}
	return s
}
