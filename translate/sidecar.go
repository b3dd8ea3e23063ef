package translate

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/tomlpos"
)

// Hashes maps message IDs to the source hash recorded for their
// translation in one language (see Hash and SidecarFile).
type Hashes map[string]string

// SidecarExt is the extension of a sidecar file, which replaces ".toml".
const SidecarExt = ".sources"

// SidecarFile returns the sidecar of a catalog file:
// locales/ru/central-asia-2021.ru.toml → locales/ru/central-asia-2021.ru.sources.
// It is not a .toml file, so the catalog loader (locales/*/*.toml) and
// go-i18n never see it.
func SidecarFile(catalog string) string {
	return strings.TrimSuffix(catalog, ".toml") + SidecarExt
}

// ParseSidecar decodes a sidecar: TOML whose keys are message IDs and
// whose values are source hashes. file is the path shown in diagnostics.
func ParseSidecar(file string, data []byte) (map[string]string, diag.List) {
	var diags diag.List
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		p, msg := tomlpos.DecodeError(data, err)
		diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
		return nil, diags
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			id := k
			if prefix != "" {
				id = prefix + "." + k
			}
			switch v := v.(type) {
			case string:
				out[id] = v
			case map[string]any: // written as dotted keys or tables
				walk(id, v)
			default:
				diags.Errorf(file, 0, 0, id, "the source hash must be a string")
			}
		}
	}
	walk("", raw)
	return out, diags
}

// FormatSidecar returns the content of the sidecar of catalog file
// catalog (its path as shown in the header comment): one line
// "id" = "hash" per ID of order that has a hash, in that order (the
// catalog's), then any other IDs of hashes, sorted.
func FormatSidecar(catalog string, src language.Tag, order []string, hashes map[string]string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Source hashes of %s, written by reportgen translate (merge,\n", filepath.ToSlash(catalog))
	fmt.Fprintf(&b, "# stamp): for each message, the hash of the %s text its translation was made\n", src)
	b.WriteString("# from. A translation whose source now has another hash is stale. Not a\n")
	b.WriteString("# catalog file: do not edit by hand.\n")
	seen := map[string]bool{}
	for _, id := range order {
		if h, ok := hashes[id]; ok && !seen[id] {
			seen[id] = true
			fmt.Fprintf(&b, "%s = %s\n", tomlString(id), tomlString(h))
		}
	}
	var rest []string
	for id := range hashes {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	for _, id := range rest {
		fmt.Fprintf(&b, "%s = %s\n", tomlString(id), tomlString(hashes[id]))
	}
	return []byte(b.String())
}

// sidecars reads every sidecar of language lang: catalog file (shown
// path) → its hashes.
func (p *Project) sidecars(lang language.Tag) (map[string]map[string]string, diag.List) {
	var diags diag.List
	out := map[string]map[string]string{}
	names, _ := fs.Glob(p.folder.Locales, lang.String()+"/*."+lang.String()+SidecarExt)
	slices.Sort(names)
	for _, name := range names {
		name = path.Join(p.folder.LocalesDir, name)
		data, err := p.folder.ReadFile(name)
		if err != nil {
			diags.Errorf(name, 0, 0, "", "%v", err)
			continue
		}
		h, ds := ParseSidecar(name, data)
		diags = append(diags, ds...)
		out[strings.TrimSuffix(name, SidecarExt)+".toml"] = h
	}
	return out, diags
}

// Hashes returns the source hashes recorded for the translations of lang:
// from the sidecar of the catalog file that holds the translation, else
// from any sidecar of locales/<lang>/ (a message moved between files by
// hand keeps its hash).
func (p *Project) Hashes(lang language.Tag) (Hashes, diag.List) {
	sc, diags := p.sidecars(lang)
	files := slices.Sorted(maps.Keys(sc))
	h := Hashes{}
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
