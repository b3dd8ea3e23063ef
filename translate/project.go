package translate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/project"
)

// Project is a project folder as the translator's workflow sees it: the
// source messages (every report and the source language's catalog files)
// and the catalogs of every language.
//
// A Project is a snapshot: Merge and Stamp write files but do not update
// it; open the project again to see their result.
type Project struct {
	// SourceLang is the reports' source language (language.Und when no
	// report loads).
	SourceLang language.Tag
	// Sets are the source messages: one per report, in file name order,
	// then one per catalog file of the source language (the interface
	// messages), in file name order.
	Sets []Set
	// Catalog holds every catalog of locales/ as the build loads it.
	Catalog *locales.Catalog
	// Glossary is the project's glossary (project.GlossaryFile), or nil
	// when it has none.
	Glossary *locales.Glossary

	folder *project.Project
	diags  diag.List // catalog loading diagnostics
	order  map[string]int
	byID   map[string]*locales.Source
	setOf  map[string]int
}

// Open reads the opened project folder: the reports of its sources, the
// catalogs of its locales and its glossary, with the embedded fall-backs a
// build has (see package project). A folder without sources/ is the
// embedded reference report: it can be read, not changed (Merge and Stamp
// refuse). The source language is the reports'; reports in different
// source languages are an error, as one project has one. Problems (a
// report with errors, a catalog that does not parse) come back as
// diagnostics; a report with errors is left out, a catalog file that does
// not parse counts as absent. Paths in diagnostics and in the Project are
// relative to the project's root, with "/".
func Open(folder *project.Project) (*Project, diag.List) {
	p := &Project{folder: folder}
	reports, diags := folder.LoadReports()
	for i, r := range reports {
		if i == 0 {
			p.SourceLang = r.SourceTag
		} else if r.SourceTag != p.SourceLang {
			diags.Errorf(r.File, 0, 0, r.ID, "source language %s differs from %s of %s; one project has one source language", r.SourceTag, p.SourceLang, reports[0].File)
		}
	}
	loc := folder.Locales
	cat, ds := locales.Load(loc, folder.LocalesDir, p.SourceLang)
	p.Catalog = cat
	p.diags = ds
	diags = append(diags, ds...)
	switch data, err := folder.ReadFile(project.GlossaryFile); {
	case err == nil:
		g, ds := locales.ParseGlossary(project.GlossaryFile, data)
		diags = append(diags, ds...)
		p.Glossary = g
	case !errors.Is(err, fs.ErrNotExist):
		diags.Errorf(project.GlossaryFile, 0, 0, "", "%v", unwrapPathError(err))
	}

	targets := map[language.Tag]bool{}
	for _, r := range reports {
		s := ReportSet(r)
		for _, t := range s.Langs {
			targets[t] = true
		}
		p.Sets = append(p.Sets, s)
	}
	if entries, err := fs.ReadDir(loc, "."); err == nil {
		for _, e := range entries {
			if t, err := language.Parse(e.Name()); err == nil && e.IsDir() && t != p.SourceLang {
				targets[t] = true
			}
		}
	}
	var all []language.Tag
	for t := range targets {
		all = append(all, t)
	}
	slices.SortFunc(all, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	byFile := map[string][]locales.Source{}
	for _, id := range cat.IDs(p.SourceLang) {
		e, _ := cat.Entry(p.SourceLang, id)
		byFile[e.File] = append(byFile[e.File], locales.Source{
			ID: id, Forms: locales.FormsOf(e.Message), Description: e.Message.Description,
			File: e.File, Line: e.Line, Col: e.Col,
		})
	}
	files := slices.Sorted(maps.Keys(byFile))
	for _, f := range files {
		msgs := byFile[f]
		slices.SortStableFunc(msgs, func(a, b locales.Source) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return strings.Compare(a.ID, b.ID)
		})
		name := strings.TrimSuffix(path.Base(f), "."+p.SourceLang.String()+".toml")
		p.Sets = append(p.Sets, Set{Name: name, Messages: msgs, Langs: all})
	}
	p.index()
	return p, diags
}

// index numbers the source messages in source order.
func (p *Project) index() {
	p.order = map[string]int{}
	p.byID = map[string]*locales.Source{}
	p.setOf = map[string]int{}
	n := 0
	for si := range p.Sets {
		for mi := range p.Sets[si].Messages {
			m := &p.Sets[si].Messages[mi]
			if _, dup := p.byID[m.ID]; dup {
				continue
			}
			p.order[m.ID] = n
			p.byID[m.ID] = m
			p.setOf[m.ID] = si
			n++
		}
	}
}

// Source returns the source message with the given ID.
func (p *Project) Source(id string) (locales.Source, bool) {
	if p.byID == nil {
		p.index()
	}
	s, ok := p.byID[id]
	if !ok {
		return locales.Source{}, false
	}
	return *s, true
}

// Languages returns every language some set is translated into, sorted.
func (p *Project) Languages() []language.Tag {
	seen := map[language.Tag]bool{}
	var out []language.Tag
	for _, s := range p.Sets {
		for _, t := range s.Langs {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	slices.SortFunc(out, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return out
}

// Translations returns the messages of lang's catalogs.
func (p *Project) Translations(lang language.Tag) Translations {
	tr := Translations{}
	for _, id := range p.Catalog.IDs(lang) {
		e, _ := p.Catalog.Entry(lang, id)
		tr[id] = locales.Translation{ID: id, Forms: locales.FormsOf(e.Message), File: e.File, Line: e.Line, Col: e.Col}
	}
	return tr
}

// writable reports why Merge and Stamp may not write to the project: it
// is the embedded reference report, whose translations a locales/ folder
// written into the project would hide.
func (p *Project) writable() error {
	if p.folder.Embedded {
		root := p.folder.Root
		if root == "" {
			root = "."
		}
		return fmt.Errorf("no sources/ folder in %s: the embedded reference report can be read, not changed (run reportgen i18n in the project folder or pass --root)", root)
	}
	return nil
}

// writeChanged writes data to the project file name (atomically, inside
// the folder: project.Project.WriteFile) unless the file holds it
// already; it reports whether it wrote.
func (p *Project) writeChanged(name string, data []byte) (bool, error) {
	if old, err := p.folder.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	return true, p.folder.WriteFile(name, data)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
