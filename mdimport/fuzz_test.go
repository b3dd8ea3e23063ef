package mdimport

import (
	"os"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/sources"
)

// FuzzImport imports and updates arbitrary documents, seeded with the
// reference renderings and their translations: nothing may panic, and a
// report made without error loads. Each document updates the reports of
// updateBase and partsBase, and the second one the report made of the
// first, so that arbitrary lists and tables are paired.
func FuzzImport(f *testing.F) {
	for _, id := range []string{"central-asia-2021", "climate-mobility-2025"} {
		en, err1 := os.ReadFile("testdata/" + id + ".en.md")
		ru, err2 := os.ReadFile("testdata/" + id + ".ru.md")
		if err1 != nil || err2 != nil {
			f.Fatal(err1, err2)
		}
		f.Add(en, ru)
	}
	f.Add([]byte(head+"## A\n\n| a | b |\n|-|--:|\n| 1 | x |\n\n- 1 English (original): (x\n"), []byte(ruHead+"## Б\n\n[x](https://a.example/)\n"))
	f.Add([]byte(partsBase), []byte(strings.Replace(partsBase, "| Kazakhstan |", "| Georgia | x | 1 |\n| Kazakhstan |", 1)))
	var bases []*sources.Loaded
	for _, doc := range []string{updateBase, partsBase} {
		base, err := Import(Source{File: "r.en.md", Lang: "en", Data: []byte(doc)}, nil, testConfig("r"))
		if err != nil {
			f.Fatal(err)
		}
		bases = append(bases, base.Loaded)
	}
	f.Fuzz(func(t *testing.T, en, ru []byte) {
		cfg := testConfig("r")
		cfg.ReadFigure = func(string) ([]byte, error) { return nil, os.ErrNotExist }
		tr := []Source{{File: "r.ru.md", Lang: "ru", Data: ru}}
		res, err := Import(Source{File: "r.en.md", Lang: "en", Data: en}, tr, cfg)
		if err == nil && res.Loaded == nil {
			t.Fatal("no error and no report")
		}
		for _, base := range bases {
			if res, err := Update(Source{File: "r.en.md", Lang: "en", Data: en}, tr, cfg, base); err == nil && res.Loaded == nil {
				t.Fatal("update: no error and no report")
			}
		}
		// The second document as a new version of the first: two
		// arbitrary structures paired.
		if err == nil {
			if res, err := Update(Source{File: "r.en.md", Lang: "en", Data: ru}, nil, cfg, res.Loaded); err == nil && res.Loaded == nil {
				t.Fatal("update of the second: no error and no report")
			}
		}
	})
}
