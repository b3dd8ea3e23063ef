package translate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/project"
)

// The source language is the report's: here French, with the interface
// messages of locales/fr/ as the source catalog.
func TestSourceLanguageFromReport(t *testing.T) {
	dir := copyProject(t)
	edit(t, dir, "sources/mini.toml", `source-language = "en"`, `source-language = "fr"`)
	edit(t, dir, "sources/mini.toml", `languages = ["en", "ru"]`, `languages = ["fr", "ru"]`)
	if err := os.MkdirAll(filepath.Join(dir, "locales", "fr"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "locales", "en", "interface.en.toml"), filepath.Join(dir, "locales", "fr", "interface.fr.toml")); err != nil {
		t.Fatal(err)
	}
	p := open(t, dir)
	if p.SourceLang != language.French {
		t.Fatalf("source language %v, want fr", p.SourceLang)
	}
	var names []string
	for _, s := range p.Sets {
		names = append(names, s.Name)
		if slices.Contains(s.Langs, language.French) {
			t.Errorf("set %s is translated into its source language: %v", s.Name, s.Langs)
		}
	}
	if !slices.Equal(names, []string{"mini", "interface"}) {
		t.Errorf("sets %v, want the report and locales/fr/interface.fr.toml", names)
	}
	if _, ok := p.Source("annexes.count"); !ok {
		t.Error("the fr interface messages are not sources")
	}
	if _, err := p.Merge([]string{filepath.Join(dir, "locales", "fr", "interface.fr.toml")}, p.Checker(nil)); err == nil || !strings.Contains(err.Error(), "in the source language fr") {
		t.Errorf("merging a French file: %v", err)
	}
	if _, err := p.Stamp(ru, []string{"mini.title"}); err != nil {
		t.Fatal(err)
	}
	if sc := read(t, dir, "locales/ru/mini.ru.sources"); !strings.Contains(sc, "the hash of the fr text") {
		t.Errorf("sidecar:\n%s", sc)
	}
}

// A folder without sources/ is the embedded reference report, as for a
// build: it can be read, not written to.
func TestEmbeddedProject(t *testing.T) {
	dir := t.TempDir()
	p, diags := Open(project.Open(dir))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if p.SourceLang != language.English || len(p.Sets) == 0 || p.Sets[0].Name != "central-asia-2021" || p.Glossary == nil {
		t.Errorf("source %v, %d sets, glossary %v", p.SourceLang, len(p.Sets), p.Glossary != nil)
	}
	if sts, diags := p.Status(ru); diags.HasErrors() || len(sts) == 0 {
		t.Errorf("status: %v, %v", sts, diags)
	}
	if _, err := p.Stamp(ru, nil); err == nil || !strings.Contains(err.Error(), "no sources/ folder") {
		t.Errorf("Stamp: %v", err)
	}
	file := filepath.Join(t.TempDir(), "translate.ru.toml")
	os.WriteFile(file, []byte("[\"central-asia-2021.title\"]\nother = \"Заголовок\"\n"), 0o644)
	if _, err := p.Merge([]string{file}, p.Checker(nil)); err == nil || !strings.Contains(err.Error(), "no sources/ folder") {
		t.Errorf("Merge: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written into the folder: %v", entries)
	}
}
