package mdimport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/reportgen/reportgen/diag"
)

// messages of the built-in interface catalogs, as the command gives them.
var testMessages = map[string]string{
	"en/brand.organization":     "International Organization for Migration (IOM)",
	"en/brand.tagline":          "The UN Migration Agency",
	"en/doctype.summary-report": "Summary report",
	"en/annexes.heading":        "Annexes",
	"ru/brand.organization":     "Международная организация по миграции (МОМ)",
	"ru/brand.tagline":          "Агентство ООН по миграции",
	"ru/doctype.summary-report": "Краткий отчёт",
	"ru/annexes.heading":        "Приложения",
}

func testConfig(id string) Config {
	return Config{
		ID:    id,
		Kinds: []string{"summary-report"},
		Message: func(lang, id string) string {
			return testMessages[lang+"/"+id]
		},
		ReadFigure: func(name string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", name)) },
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// flatten returns the messages of a catalog file by ID.
func flattenCatalog(t *testing.T, data []byte) map[string]string {
	t.Helper()
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case string:
				out[prefix+k] = v
			case map[string]any:
				walk(prefix+k+".", v)
			}
		}
	}
	walk("", raw)
	return out
}

// imp imports one English document (and a Russian one when ruDoc is not
// "") and returns the result; it fails the test when the report does not
// load.
func imp(t *testing.T, enDoc, ruDoc string) *Result {
	t.Helper()
	var trs []Source
	if ruDoc != "" {
		trs = append(trs, Source{File: "r.ru.md", Lang: "ru", Data: []byte(ruDoc)})
	}
	res, err := Import(Source{File: "r.en.md", Lang: "en", Data: []byte(enDoc)}, trs, testConfig("r"))
	if err != nil {
		t.Fatalf("%v\n%v\n%s", err, res.Notes, res.Report)
	}
	return res
}

func notesText(ds diag.List) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}
