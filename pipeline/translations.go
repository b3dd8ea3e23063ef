package pipeline

import (
	"errors"
	"io/fs"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/editdist"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
)

// loadGlossary reads the project's glossary (project.GlossaryFile); a
// project without one has none.
func loadGlossary(p *project.Project) (*locales.Glossary, diag.List) {
	data, err := p.ReadFile(project.GlossaryFile)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, project.ErrOutside) {
		return nil, nil // none, or its folder is reported where it is listed
	}
	if err != nil {
		var diags diag.List
		diags.Errorf(project.GlossaryFile, 0, 0, "", "%v", unwrap(err))
		return nil, diags
	}
	return locales.ParseGlossary(project.GlossaryFile, data)
}

// reportSources returns the source messages of report r, for the checks
// of their translations and for source hashes.
func reportSources(r *sources.Loaded) []locales.Source {
	out := make([]locales.Source, len(r.Messages))
	for i, m := range r.Messages {
		out[i] = locales.Source{ID: m.ID, Forms: locales.Forms{Other: m.Text}, File: m.File, Line: m.Line, Col: m.Col, Markup: m.Markup, Links: r.Links}
	}
	return out
}

// catalogSource returns the source message of a source-language catalog
// entry (an interface message).
func catalogSource(e *locales.Entry) locales.Source {
	return locales.Source{ID: e.Message.ID, Forms: locales.FormsOf(e.Message), Description: e.Message.Description, File: e.File, Line: e.Line, Col: e.Col}
}

// checkTranslations runs the checks of a translation against its source
// (locales.Checker.Compare) on every message of cat in lang that the
// edition of r in lang uses: the report's own and the interface
// messages. The checks of a message alone ran when its catalog loaded.
func checkTranslations(r *sources.Loaded, cat *locales.Catalog, lang language.Tag, g *locales.Glossary) diag.List {
	src := r.SourceTag
	if lang == src {
		return nil
	}
	c := locales.Checker{SourceLang: src, Glossary: g}
	var diags diag.List
	check := func(s locales.Source) {
		e, ok := cat.Entry(lang, s.ID)
		if !ok {
			return
		}
		tr := locales.Translation{ID: s.ID, Forms: locales.FormsOf(e.Message), File: e.File, Line: e.Line, Col: e.Col}
		diags = append(diags, c.Compare(s, tr, lang)...)
	}
	own := map[string]bool{}
	for _, s := range reportSources(r) {
		own[s.ID] = true
		check(s)
	}
	for _, id := range cat.IDs(src) {
		if e, _ := cat.Entry(src, id); !own[id] {
			s := catalogSource(e)
			check(s)
			// The report's own wording of it is checked against it too.
			s.ID = r.ID + "." + sources.Interface + "." + id
			check(s)
		}
	}
	return diags
}

// obsolete reports the messages of the catalogs of langs that no source
// produces: no report has them and the source language's catalog does
// not either (a mistyped ID, a block renamed in the report). cat holds
// every language; reports are all of the project's, loaded without error,
// but those skipped, whose messages (IDs under theirs) are not checked.
func obsolete(cat *locales.Catalog, src language.Tag, reports []*sources.Loaded, skipped []sources.Head, langs []language.Tag) diag.List {
	known := map[string]bool{}
	var ids []string
	for _, r := range reports {
		for _, m := range r.Messages {
			known[m.ID] = true
			ids = append(ids, m.ID)
		}
	}
	for _, id := range cat.IDs(src) {
		known[id] = true
		ids = append(ids, id)
		for _, r := range reports { // a report's own wording of it
			known[r.ID+"."+sources.Interface+"."+id] = true
		}
	}
	var diags diag.List
	for _, lang := range langs {
		if lang == src {
			continue
		}
		for _, id := range cat.IDs(lang) {
			if known[id] || ofSkipped(id, skipped) {
				continue
			}
			e, _ := cat.Entry(lang, id)
			hint := ""
			if near := nearestID(id, ids); near != "" {
				hint = "; did you mean " + `"` + near + `"?`
			}
			diags.Warnf(e.File, e.Line, e.Col, id, "no report and no %s catalog has this message, so its translation is never used: an ID mistyped, or a message the source no longer has%s", src, hint)
		}
	}
	return diags
}

// ofSkipped reports whether id is a message of one of the skipped
// reports: its ID, a dot, then anything.
func ofSkipped(id string, skipped []sources.Head) bool {
	for _, h := range skipped {
		if rest, ok := strings.CutPrefix(id, h.ID); ok && strings.HasPrefix(rest, ".") {
			return true
		}
	}
	return false
}

// nearestID returns the ID of ids nearest to id: the same number of
// segments, at most a third of id's length of edits apart; "" if none.
func nearestID(id string, ids []string) string {
	best, bestD := "", len(id)/3+1
	for _, c := range ids {
		if strings.Count(c, ".") != strings.Count(id, ".") {
			continue
		}
		if d := editdist.Levenshtein(id, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
