package translate

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/sources"
)

// GlossaryFile is where a project keeps its glossary, relative to its
// root.
const GlossaryFile = "locales/glossary.toml"

// Project is a project folder as the translator's workflow sees it: the
// source messages (every report and the source language's catalog files)
// and the catalogs of every language.
//
// A Project is a snapshot: Merge and Stamp write files but do not update
// it; open the project again to see their result.
type Project struct {
	// Root is the project folder, holding sources/ and locales/.
	Root string
	// SourceLang is the reports' source language.
	SourceLang language.Tag
	// Sets are the source messages: one per report, in file name order,
	// then one per catalog file of the source language (the interface
	// messages), in file name order.
	Sets []Set
	// Catalog holds every catalog of locales/ as the build loads it.
	Catalog *locales.Catalog
	// Glossary is locales/glossary.toml, or nil when the project has none.
	Glossary *Glossary

	fsys  fs.FS
	diags diag.List // catalog loading diagnostics
	order map[string]int
	byID  map[string]*Source
	setOf map[string]int
}

// Open reads the project at root: the reports in sources/, the catalogs
// in locales/ and the glossary locales/glossary.toml. Problems (a report
// with errors, a catalog that does not parse) come back as diagnostics;
// a report with errors is left out, a catalog file that does not parse
// counts as absent. Paths in diagnostics and in the Project are relative
// to root, with "/".
func Open(root string) (*Project, diag.List) {
	p := &Project{Root: root, fsys: os.DirFS(root), SourceLang: language.English}
	var diags diag.List
	var reports []*sources.Loaded
	if st, err := fs.Stat(p.fsys, "sources"); err != nil || !st.IsDir() {
		diags.Errorf("sources", 0, 0, "", "the project has no sources/ folder (run reportgen translate in the project folder or pass --root)")
	} else {
		sub, _ := fs.Sub(p.fsys, "sources")
		var ds diag.List
		reports, ds = sources.LoadDir(sub, "sources")
		diags = append(diags, ds...)
	}
	for i, r := range reports {
		t, err := language.Parse(r.SourceLanguage)
		if err != nil {
			continue
		}
		if i == 0 {
			p.SourceLang = t
		} else if t != p.SourceLang {
			diags.Errorf(r.File, 0, 0, r.ID, "source language %s differs from %s of %s; one project has one source language", t, p.SourceLang, reports[0].File)
		}
	}
	var loc fs.FS = emptyFS{}
	if st, err := fs.Stat(p.fsys, "locales"); err == nil && st.IsDir() {
		loc, _ = fs.Sub(p.fsys, "locales")
	}
	cat, ds := locales.Load(loc, "locales", p.SourceLang)
	p.Catalog = cat
	p.diags = ds
	diags = append(diags, ds...)
	if data, err := fs.ReadFile(p.fsys, GlossaryFile); err == nil {
		g, ds := ParseGlossary(GlossaryFile, data)
		diags = append(diags, ds...)
		p.Glossary = g
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
	byFile := map[string][]Source{}
	for _, id := range cat.IDs(p.SourceLang) {
		e, _ := cat.Entry(p.SourceLang, id)
		byFile[e.File] = append(byFile[e.File], Source{
			ID: id, Forms: FormsOf(e.Message), Description: e.Message.Description,
			File: e.File, Line: e.Line, Col: e.Col,
		})
	}
	files := slices.Sorted(maps.Keys(byFile))
	for _, f := range files {
		msgs := byFile[f]
		slices.SortStableFunc(msgs, func(a, b Source) int {
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
	p.byID = map[string]*Source{}
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
func (p *Project) Source(id string) (Source, bool) {
	if p.byID == nil {
		p.index()
	}
	s, ok := p.byID[id]
	if !ok {
		return Source{}, false
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
		tr[id] = Translation{ID: id, Forms: FormsOf(e.Message), File: e.File, Line: e.Line, Col: e.Col}
	}
	return tr
}

// emptyFS is a file system with nothing in it.
type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
