package translate

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
)

// sidecars reads every sidecar of language lang: catalog file (shown
// path) → its hashes.
func (p *Project) sidecars(lang language.Tag) (map[string]map[string]string, diag.List) {
	var diags diag.List
	out := map[string]map[string]string{}
	names, _ := fs.Glob(p.folder.Locales, lang.String()+"/*."+lang.String()+locales.SidecarExt)
	slices.Sort(names)
	for _, name := range names {
		name = path.Join(p.folder.LocalesDir, name)
		data, err := p.folder.ReadFile(name)
		if err != nil {
			diags.Errorf(name, 0, 0, "", "%v", err)
			continue
		}
		h, ds := locales.ParseSidecar(name, data)
		diags = append(diags, ds...)
		out[strings.TrimSuffix(name, locales.SidecarExt)+".toml"] = h
	}
	return out, diags
}

// Hashes returns the source hashes recorded for the translations of lang:
// from the sidecar of the catalog file that holds the translation, else
// from any sidecar of locales/<lang>/ (a message moved between files by
// hand keeps its hash).
func (p *Project) Hashes(lang language.Tag) (locales.Hashes, diag.List) {
	sc, diags := p.sidecars(lang)
	files := slices.Sorted(maps.Keys(sc))
	h := locales.Hashes{}
	for _, f := range files {
		for id, v := range sc[f] {
			if _, dup := h[id]; !dup {
				h[id] = v
			}
		}
	}
	for id, t := range p.Translations(lang) {
		if v, ok := sc[t.File][id]; ok {
			h[id] = v
		}
	}
	return h, diags
}

// catalogOrder returns the message IDs of a catalog file in the order
// they are written, or sorted when the file cannot be scanned.
func catalogOrder(data []byte, name string) []string {
	if c, err := scanCatalog(data, name); err == nil {
		return c.order
	}
	msgs, _ := parseMessages(data, name)
	ids := slices.Sorted(maps.Keys(msgs))
	return ids
}
