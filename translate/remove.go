package translate

import (
	"fmt"
	"maps"
	"path"
	"slices"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/locales"
)

// Remove deletes the translations of ids from the catalogs of lang, with
// their recorded source hashes, so that the messages become missing: for
// a message ID that now names another text (a paragraph inserted before
// it). The rest of each catalog is kept line for line (a table header
// left without a message goes too). It returns the IDs removed, in source
// order; an ID without a translation is skipped. Nothing is written into
// a project without sources/ (the embedded reference report), nor when a
// rewrite does not parse to the catalog without those messages.
func (p *Project) Remove(lang language.Tag, ids []string) ([]string, error) {
	if err := p.writable(); err != nil {
		return nil, err
	}
	tr := p.Translations(lang)
	sc, ds := p.sidecars(lang)
	if err := ds.Err(); err != nil {
		return nil, err
	}
	byFile := map[string][]string{}
	for _, id := range dedupe(slices.Clone(ids)) {
		if t, ok := tr[id]; ok {
			byFile[t.File] = append(byFile[t.File], id)
		}
	}
	type output struct {
		path string
		data []byte
	}
	var outs []output
	var done []string
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		data, err := p.folder.ReadFile(file)
		if err != nil {
			return nil, err
		}
		c, err := scanCatalog(data, path.Base(file))
		if err != nil {
			return nil, fmt.Errorf("%s: cannot rewrite the catalog: %v", file, err)
		}
		e := newEditor(c.doc)
		gone := map[int]bool{} // items removed
		for _, id := range byFile[file] {
			for _, i := range c.fields[id] {
				e.replaceItem(c.doc.items[i])
				gone[i] = true
			}
		}
		// A header whose key/values all went goes with them.
		for h, it := range c.doc.items {
			if it.kind != itemHeader {
				continue
			}
			had, left := false, false
			for i, jt := range c.doc.items {
				if c.section[i] == h && jt.kind == itemKeyVal {
					had = had || gone[i]
					left = left || !gone[i]
				}
			}
			if had && !left {
				e.replaceItem(it)
			}
		}
		out := e.bytes()
		before := c.msgs // as scanCatalog parsed them (c is done with)
		after, err := parseMessages(out, path.Base(file))
		if err != nil {
			return nil, fmt.Errorf("%s: the catalog without %v does not parse: %v", file, byFile[file], err)
		}
		for _, id := range byFile[file] {
			delete(before, id)
		}
		if len(before) != len(after) {
			return nil, fmt.Errorf("%s: the catalog without %v has %d messages, want %d", file, byFile[file], len(after), len(before))
		}
		for id, m := range before {
			if a, ok := after[id]; !ok || locales.FormsOf(a) != locales.FormsOf(m) {
				return nil, fmt.Errorf("%s: the catalog without %v changed %q", file, byFile[file], id)
			}
		}
		h := maps.Clone(sc[file])
		for _, id := range byFile[file] {
			delete(h, id)
		}
		outs = append(outs, output{file, out}, output{locales.SidecarFile(file), locales.FormatSidecar(file, p.SourceLang, catalogOrder(out, path.Base(file)), h)})
		done = append(done, byFile[file]...)
	}
	for _, o := range outs {
		if _, err := p.writeChanged(o.path, o.data); err != nil {
			return done, err
		}
	}
	slices.SortStableFunc(done, func(a, b string) int { return p.order[a] - p.order[b] })
	return done, nil
}
