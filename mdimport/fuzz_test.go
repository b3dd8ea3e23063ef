package mdimport

import (
	"os"
	"testing"
)

// FuzzImport imports and updates arbitrary documents, seeded with the
// reference renderings and their translations: nothing may panic, and a
// report made without error loads.
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
	base, err := Import(Source{File: "r.en.md", Lang: "en", Data: []byte(updateBase)}, nil, testConfig("r"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, en, ru []byte) {
		cfg := testConfig("r")
		cfg.ReadFigure = func(string) ([]byte, error) { return nil, os.ErrNotExist }
		tr := []Source{{File: "r.ru.md", Lang: "ru", Data: ru}}
		if res, err := Import(Source{File: "r.en.md", Lang: "en", Data: en}, tr, cfg); err == nil && res.Loaded == nil {
			t.Fatal("no error and no report")
		}
		if res, err := Update(Source{File: "r.en.md", Lang: "en", Data: en}, tr, cfg, base.Loaded); err == nil && res.Loaded == nil {
			t.Fatal("update: no error and no report")
		}
	})
}
