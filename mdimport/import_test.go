package mdimport

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/translate"
	"golang.org/x/text/language"
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

// TestReferenceRoundTrip imports a Markdown rendering of four sections of
// the reference report, with its Russian translation, writes the result
// into a new project as the command does, and builds it: no error, no
// warning, and every text is the reference report's.
func TestReferenceRoundTrip(t *testing.T) {
	en := Source{File: "testdata/central-asia-2021.en.md", Lang: "en", Data: readFile(t, "testdata/central-asia-2021.en.md")}
	ru := Source{File: "testdata/central-asia-2021.ru.md", Lang: "ru", Data: readFile(t, "testdata/central-asia-2021.ru.md")}
	res, err := Import(en, []Source{ru}, testConfig("central-asia-2021"))
	if err != nil {
		t.Fatal(err, res.Notes)
	}
	if len(res.Notes) != 0 {
		t.Errorf("notes:\n%v", res.Notes)
	}

	// Every English text is the reference report's, and so is every
	// Russian one.
	ref, diags := sources.Parse("ref.toml", readFile(t, "../sources/central-asia-2021.toml"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	refTexts := map[string]bool{}
	for _, m := range ref.Messages {
		refTexts[m.Text] = true
	}
	for _, m := range res.Loaded.Messages {
		if !refTexts[m.Text] {
			t.Errorf("%s: %q is not a text of the reference report", m.ID, m.Text)
		}
	}
	refRu := map[string]bool{}
	for _, v := range flattenCatalog(t, readFile(t, "../locales/ru/central-asia-2021.ru.toml")) {
		refRu[v] = true
	}
	ruMsgs := flattenCatalog(t, res.Catalogs["ru"])
	for id, v := range ruMsgs {
		if !refRu[v] {
			t.Errorf("ru %s: %q is not a text of the reference catalog", id, v)
		}
	}
	// Every message is translated.
	for _, m := range res.Loaded.Messages {
		if _, ok := ruMsgs[m.ID]; !ok {
			t.Errorf("ru lacks %s", m.ID)
		}
	}
	r := res.Loaded.Report
	if got := len(r.Annexes); got != 5 {
		t.Errorf("%d annexes, want 5", got)
	}
	if r.Sections[1].Heading != "World Migration Report 2020" || r.Sections[0].Heading != "Opening remarks" {
		t.Errorf("headings %q, %q", r.Sections[0].Heading, r.Sections[1].Heading)
	}

	// Written as the command writes it, stamped, and built.
	root := t.TempDir()
	proj := project.Open(root)
	if err := proj.CreateFile("sources/central-asia-2021.toml", res.Report); err != nil {
		t.Fatal(err)
	}
	if err := proj.CreateFile(translate.CatalogFile("central-asia-2021", language.Russian), res.Catalogs["ru"]); err != nil {
		t.Fatal(err)
	}
	proj.Close()
	proj = project.Open(root)
	tp, ds := translate.Open(proj)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	ids := slices.Sorted(func(yield func(string) bool) {
		for id := range ruMsgs {
			if !yield(id) {
				return
			}
		}
	})
	if _, err := tp.Stamp(language.Russian, ids); err != nil {
		t.Fatal(err)
	}
	proj.Close()
	proj = project.Open(root)
	defer proj.Close()
	tp, _ = translate.Open(proj)
	sts, _ := tp.Status(language.Russian)
	for _, st := range sts {
		if st.Report == "central-asia-2021" && (st.Missing+st.Stale+st.Unverified != 0 || st.Translated == 0) {
			t.Errorf("status after import: %+v", st)
		}
	}
	results, diags := pipeline.Run(proj, pipeline.Options{OutDir: t.TempDir(), Strict: true})
	if len(diags) > 0 {
		t.Errorf("build: %v", diags)
	}
	if len(results) != 2 {
		t.Errorf("%d PDFs, want 2", len(results))
	}
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
