package translate

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
)

// MergeResult is what Merge did.
type MergeResult struct {
	// Merged are the IDs whose translation or source hash was written,
	// in source order.
	Merged []string
	// Unchanged are the IDs whose translation and hash the catalogs
	// already had.
	Unchanged []string
	// Skipped are the entries left out without a check: still the source
	// text (not translated yet), empty, or with an ID no source has.
	Skipped []string
	// Refused are the IDs whose translation failed a check with an
	// error; Diags says why. Their catalog entry is left as it was.
	Refused []string
	// Files are the files written (catalogs, then sidecars), relative to
	// the project root.
	Files []string
	// Diags are the errors of refused translations and the warnings of
	// merged ones, at the translate files' lines.
	Diags diag.List
}

// entryMeta is what the comments and layout of a translate file say about
// one entry.
type entryMeta struct {
	line       int
	sourceHash string
}

// scanTranslateFile finds the line of every message of a translate file
// and the source hash in the comments above it. A file it cannot scan
// gives no lines and no hashes.
func scanTranslateFile(data []byte, msgs map[string]*i18n.Message) map[string]entryMeta {
	out := map[string]entryMeta{}
	doc, err := scanTOML(data)
	if err != nil {
		return out
	}
	var hash string
	for _, it := range doc.items {
		switch it.kind {
		case itemComment:
			if h, ok := strings.CutPrefix(strings.TrimSpace(doc.lines[it.first]), SourceHashComment); ok {
				hash = strings.TrimSpace(h)
			}
			continue
		case itemHeader:
			id := strings.Join(it.path, ".")
			if _, ok := msgs[id]; ok {
				if _, seen := out[id]; !seen {
					out[id] = entryMeta{line: it.first + 1, sourceHash: hash}
				}
			}
		case itemKeyVal:
			if id, _, ok := field(it.path, msgs); ok {
				if _, seen := out[id]; !seen {
					out[id] = entryMeta{line: it.first + 1, sourceHash: hash}
				}
			}
		}
		if it.kind != itemBlank {
			hash = ""
		}
	}
	return out
}

// isOffered reports whether every form of f is still the source text
// that Extract offered: the entry was left untranslated.
func isOffered(src locales.Source, f locales.Forms) bool {
	some := false
	for _, n := range locales.FormNames {
		t := f.Get(n)
		if t == "" {
			continue
		}
		some = true
		s := src.Forms.Get(n)
		if s == "" {
			s = src.Forms.Other
		}
		if strings.TrimSpace(t) != strings.TrimSpace(s) {
			return false
		}
	}
	return some
}

// normalize keeps the forms of f that lang uses for src: "other" for a
// message without plural forms, the language's CLDR forms for a count.
func normalize(src locales.Source, f locales.Forms, lang language.Tag) locales.Forms {
	if !src.Forms.Plural() {
		return locales.Forms{Other: f.Other}
	}
	var out locales.Forms
	for _, n := range locales.RequiredForms(lang) {
		out.Set(n, f.Get(n))
	}
	return out
}

type accepted struct {
	forms locales.Forms
	hash  string
	file  string
}

// Merge merges translate files (named *.<lang>.toml, as Extract writes
// them, or any go-i18n file of that language) into the project's
// catalogs and records the source hash of every merged translation in
// the sidecars.
//
// An entry is skipped when it is empty, still the source text (for a
// non-trivial source) or has no source message; it is refused, with the
// errors in Diags, when Checker c finds an error. Every other entry is
// merged: into the catalog file that already has the message, else into
// locales/<lang>/<set>.<lang>.toml after its neighbour in source order
// (see the package documentation for what the rewrite keeps). The hash
// recorded is the source hash in the entry's "# source-hash:" comment;
// without one, the current source hash when the entry's go-i18n hash is
// the current source's (or absent), else that go-i18n hash, which leaves
// the translation stale. A translation made from an older source text is
// merged with a warning and stays stale.
//
// When the same ID is in several files, the last file wins. Nothing is
// written when a catalog of the language has a file-level error or a
// rewrite fails its own check, nor into a project without sources/ (the
// embedded reference report); files are written atomically, inside the
// project folder (project.Project.WriteFile).
func (p *Project) Merge(files []string, c locales.Checker) (*MergeResult, error) {
	if err := p.writable(); err != nil {
		return nil, err
	}
	res := &MergeResult{}
	acc := map[language.Tag]map[string]accepted{}
	unmarshal := map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		shown := filepath.ToSlash(file)
		mf, err := i18n.ParseMessageFileBytes(data, filepath.Base(file), unmarshal)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", shown, err)
		}
		lang := mf.Tag
		if lang == language.Und || !strings.HasSuffix(file, ".toml") {
			return nil, fmt.Errorf("%s: a translate file is named <name>.<lang>.toml, e.g. %s", shown, TranslateFile(language.Russian))
		}
		if lang == p.SourceLang {
			return nil, fmt.Errorf("%s: the file is in the source language %s", shown, lang)
		}
		msgs := map[string]*i18n.Message{}
		for _, m := range mf.Messages {
			msgs[m.ID] = m
		}
		meta := scanTranslateFile(data, msgs)
		slices.SortStableFunc(mf.Messages, func(a, b *i18n.Message) int {
			if d := meta[a.ID].line - meta[b.ID].line; d != 0 {
				return d
			}
			return strings.Compare(a.ID, b.ID)
		})
		if acc[lang] == nil {
			acc[lang] = map[string]accepted{}
		}
		for _, m := range mf.Messages {
			line := meta[m.ID].line
			src, ok := p.Source(m.ID)
			forms := locales.FormsOf(m)
			switch {
			case !ok:
				res.Diags.Warnf(shown, line, 0, m.ID, "no report or source catalog has this message; skipped")
				res.Skipped = append(res.Skipped, m.ID)
				continue
			case forms.Empty(), isOffered(src, forms) && !locales.Trivial(src.Forms.Joined()):
				res.Skipped = append(res.Skipped, m.ID)
				continue
			}
			ds := c.Check(src, locales.Translation{ID: m.ID, Forms: forms, File: shown, Line: line}, lang)
			res.Diags = append(res.Diags, ds...)
			if ds.HasErrors() {
				res.Refused = append(res.Refused, m.ID)
				continue
			}
			cur := locales.Hash(src)
			rec := cur
			switch {
			case meta[m.ID].sourceHash != "":
				rec = meta[m.ID].sourceHash
			case m.Hash != "" && m.Hash != locales.GoI18nHash(src):
				rec = m.Hash
			}
			if rec != cur {
				res.Diags.Warnf(shown, line, 0, m.ID, "the %s text changed after this file was extracted; merged, but it stays stale until translated from the current text (extract again)", p.SourceLang)
			}
			if prev, dup := acc[lang][m.ID]; dup {
				res.Diags.Warnf(shown, line, 0, m.ID, "also translated in %s; this translation is used", prev.file)
			}
			acc[lang][m.ID] = accepted{forms: normalize(src, forms, lang), hash: rec, file: shown}
		}
	}
	res.Refused = dedupe(res.Refused)

	type output struct {
		path string // relative to the root
		data []byte
	}
	var catalogs, sidecars []output
	langs := slices.SortedFunc(maps.Keys(acc), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	for _, lang := range langs {
		ids := slices.SortedFunc(maps.Keys(acc[lang]), func(a, b string) int { return p.order[a] - p.order[b] })
		if len(ids) == 0 {
			continue
		}
		dir := "locales/" + lang.String() + "/"
		for _, d := range p.diags {
			if d.Severity == diag.Error && d.Key == "" && strings.HasPrefix(d.File, dir) {
				return nil, fmt.Errorf("the %s catalogs have errors; fix them first:\n%s", lang, d)
			}
		}
		sc, ds := p.sidecars(lang)
		if err := ds.Err(); err != nil {
			return nil, err
		}
		tr := p.Translations(lang)
		updates := map[string][]update{}
		hashes := map[string]map[string]string{}
		for _, id := range ids {
			a := acc[lang][id]
			target := CatalogFile(p.Sets[p.setOf[id]].Name, lang)
			t, has := tr[id]
			if has {
				target = t.File
			}
			catChange := !has || t.Forms != a.forms
			hashChange := sc[target][id] != a.hash
			if !catChange && !hashChange {
				res.Unchanged = append(res.Unchanged, id)
				continue
			}
			res.Merged = append(res.Merged, id)
			if catChange {
				updates[target] = append(updates[target], update{id: id, forms: a.forms, order: p.order[id]})
			}
			if hashes[target] == nil {
				hashes[target] = map[string]string{}
			}
			hashes[target][id] = a.hash
		}
		orderOf := func(id string) (int, bool) { o, ok := p.order[id]; return o, ok }
		targets := slices.Sorted(maps.Keys(hashes))
		for _, target := range targets {
			old, err := p.folder.ReadFile(target)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			data := old
			if len(updates[target]) > 0 {
				if old == nil {
					old = []byte(fmt.Sprintf("# %s messages in %s (%s), written by reportgen i18n merge.\n",
						strings.TrimSuffix(path.Base(target), "."+lang.String()+".toml"), display.English.Languages().Name(lang), lang))
				}
				data, err = rewriteCatalog(old, path.Base(target), updates[target], orderOf)
				if err != nil {
					return nil, fmt.Errorf("%s: cannot rewrite the catalog: %v", target, err)
				}
				catalogs = append(catalogs, output{target, data})
			}
			h := maps.Clone(sc[target])
			if h == nil {
				h = map[string]string{}
			}
			maps.Copy(h, hashes[target])
			sidecars = append(sidecars, output{locales.SidecarFile(target), locales.FormatSidecar(target, p.SourceLang, catalogOrder(data, path.Base(target)), h)})
		}
		// A hash recorded beside another file of the language goes.
		for _, file := range slices.Sorted(maps.Keys(sc)) {
			if _, done := hashes[file]; done {
				continue
			}
			h := maps.Clone(sc[file])
			changed := false
			for _, target := range targets {
				for id := range hashes[target] {
					if _, ok := h[id]; ok {
						delete(h, id)
						changed = true
					}
				}
			}
			if changed {
				data, _ := p.folder.ReadFile(file)
				sidecars = append(sidecars, output{locales.SidecarFile(file), locales.FormatSidecar(file, p.SourceLang, catalogOrder(data, path.Base(file)), h)})
			}
		}
	}
	for _, o := range append(catalogs, sidecars...) {
		wrote, err := p.writeChanged(o.path, o.data)
		if err != nil {
			return res, err
		}
		if wrote {
			res.Files = append(res.Files, o.path)
		}
	}
	return res, nil
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Stamp records, for translations of lang, the current source hash: it
// declares them translations of the current source text. With no ids it
// stamps every unverified translation (the one-time step when a project
// adopts the workflow; stale ones are left stale); with ids, those
// messages, stale or not (after a source change that needs no new
// translation, such as a typo fix). It returns the IDs stamped, in source
// order; an ID without a translation is an error, and so is a project
// without sources/ (the embedded reference report).
func (p *Project) Stamp(lang language.Tag, ids []string) ([]string, error) {
	if err := p.writable(); err != nil {
		return nil, err
	}
	tr := p.Translations(lang)
	sc, ds := p.sidecars(lang)
	if err := ds.Err(); err != nil {
		return nil, err
	}
	var todo []string
	if len(ids) == 0 {
		for _, set := range p.Sets {
			for _, m := range set.Messages {
				t, ok := tr[m.ID]
				if !ok || t.Forms.Empty() {
					continue
				}
				if _, has := sc[t.File][m.ID]; !has {
					todo = append(todo, m.ID)
				}
			}
		}
	} else {
		for _, id := range ids {
			if _, ok := p.Source(id); !ok {
				return nil, fmt.Errorf("no source message has the ID %q", id)
			}
			if _, ok := tr[id]; !ok {
				return nil, fmt.Errorf("%s has no translation of %q", lang, id)
			}
			todo = append(todo, id)
		}
	}
	todo = dedupe(todo)
	slices.SortStableFunc(todo, func(a, b string) int { return p.order[a] - p.order[b] })
	byFile := map[string]map[string]string{}
	var done []string
	for _, id := range todo {
		src, _ := p.Source(id)
		file := tr[id].File
		if byFile[file] == nil {
			byFile[file] = maps.Clone(sc[file])
			if byFile[file] == nil {
				byFile[file] = map[string]string{}
			}
		}
		if byFile[file][id] == locales.Hash(src) {
			continue
		}
		byFile[file][id] = locales.Hash(src)
		done = append(done, id)
	}
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		data, _ := p.folder.ReadFile(file)
		out := locales.FormatSidecar(file, p.SourceLang, catalogOrder(data, path.Base(file)), byFile[file])
		if _, err := p.writeChanged(locales.SidecarFile(file), out); err != nil {
			return done, err
		}
	}
	return done, nil
}
