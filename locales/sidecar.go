package locales

import (
	"fmt"
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
	fmt.Fprintf(&b, "# Source hashes of %s, written by reportgen i18n (merge,\n", filepath.ToSlash(catalog))
	fmt.Fprintf(&b, "# stamp): for each message, the hash of the %s text its translation was made\n", src)
	b.WriteString("# from. A translation whose source now has another hash is stale. Not a\n")
	b.WriteString("# catalog file: do not edit by hand.\n")
	seen := map[string]bool{}
	for _, id := range order {
		if h, ok := hashes[id]; ok && !seen[id] {
			seen[id] = true
			fmt.Fprintf(&b, "%s = %s\n", tomlpos.Quote(id), tomlpos.Quote(h))
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
		fmt.Fprintf(&b, "%s = %s\n", tomlpos.Quote(id), tomlpos.Quote(hashes[id]))
	}
	return []byte(b.String())
}
