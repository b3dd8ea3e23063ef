package document_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/sources"
)

// FuzzCatalog parses arbitrary bytes as a Russian catalog file beside the
// built-in interface catalogs and resolves the reference report's Russian
// edition with it: never a panic, and an edition exactly when no error
// stops it. Seeded with the repository's catalogs.
func FuzzCatalog(f *testing.F) {
	for _, name := range []string{"ru/central-asia-2021.ru.toml", "ru/interface.ru.toml", "fr/central-asia-2021.fr.toml"} {
		data, err := fs.ReadFile(locales.Embedded(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("[central-asia-2021.opening]\nheading = \"{{.X\"\n"))
	f.Add([]byte("[brand]\norganization = \"[МОМ](javascript:alert(1))\"\n"))
	f.Add([]byte("[annexes.count]\none = \"{{.Count}}\"\nother = \"x\xff\"\n"))
	src, err := fs.ReadFile(sources.Embedded(), "central-asia-2021.toml")
	if err != nil {
		f.Fatal(err)
	}
	r, diags := sources.Parse("sources/central-asia-2021.toml", src)
	if r == nil {
		f.Fatal(diags)
	}
	base := fstest.MapFS{}
	for _, l := range []string{"en", "ru"} {
		name := l + "/interface." + l + ".toml"
		data, err := fs.ReadFile(locales.Embedded(), name)
		if err != nil {
			f.Fatal(err)
		}
		base[name] = &fstest.MapFile{Data: data}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"ru/fuzz.ru.toml": {Data: data}}
		for k, v := range base {
			fsys[k] = v
		}
		cat, diags := locales.Load(fsys, "locales", language.English)
		for _, d := range diags {
			if d.Line < 0 || d.Col < 0 || d.File == "" {
				t.Fatalf("bad position in %v", d)
			}
		}
		if diags.HasErrors() {
			return
		}
		if err := cat.AddSource(language.English, document.SourceEntries(r)); err != nil {
			t.Fatal(err)
		}
		doc, ds := document.Resolve(r, cat, language.Russian)
		if (doc == nil) != ds.HasErrors() {
			t.Fatalf("edition %v with diagnostics %v", doc != nil, ds)
		}
	})
}
