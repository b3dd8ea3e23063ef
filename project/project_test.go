package project

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/locales"
)

// frReport is a small report written in French, translated into English.
const frReport = `id = "rapport"
kind = "summary-report"
source-language = "fr"
languages = ["fr", "en"]
title = "Rapport"
date = 2021-01-28

[[section]]
id = "ouverture"
heading = "Ouverture"

  [[section.block]]
  type = "text"
  id = "intro"
  paragraphs = ["Les délégués sont accueillis."]
`

// write writes files (slash-separated paths → content) under dir.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func open(t *testing.T, root string) *Project {
	t.Helper()
	p := Open(root)
	t.Cleanup(func() { p.Close() })
	return p
}

func glob(t *testing.T, fsys fs.FS, pattern string) []string {
	t.Helper()
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// An empty folder is the embedded project: the two reference reports (the
// second, a fictional example, with its figures and the warning about its
// unreferenced annex) and the built-in house style, every embedded catalog
// and the glossary, the embedded fonts.
func TestEmptyRootIsEmbedded(t *testing.T) {
	p := open(t, t.TempDir())
	if !p.Embedded {
		t.Error("Embedded is false for a folder without sources/")
	}
	if p.Locales != locales.Embedded() || p.Fonts != fonts.Embedded() {
		t.Error("the catalogs and fonts of an empty folder are not the embedded ones")
	}
	for _, name := range []string{"sources/central-asia-2021.toml", "sources/styles/house.toml", "locales/ru/central-asia-2021.ru.toml", "sources/climate-mobility-2025.toml", "sources/figures/households-moved.png", "locales/ru/climate-mobility-2025.ru.toml", "locales/en/interface.en.toml", GlossaryFile, "fonts/NotoSans-Regular.ttf"} {
		if _, err := p.ReadFile(name); err != nil {
			t.Errorf("ReadFile(%s): %v", name, err)
		}
	}
	reports, diags := p.LoadReports()
	if len(reports) != 2 || reports[0].ID != "central-asia-2021" || reports[0].SourceTag != language.English || reports[1].ID != "climate-mobility-2025" || len(reports[1].Figures) != 2 {
		t.Errorf("reports %v", reports)
	}
	if len(diags) != 1 || diags[0].Severity != diag.Warning || diags[0].Key != "field-visit-programme" {
		t.Errorf("diagnostics %v, want the warning about the second report's unreferenced annex", diags)
	}
}

// A project's own folders come first; the built-in house style and
// interface catalogs fill in what they lack, and nothing else of the
// reference project shows.
func TestOwnFoldersWithFallbacks(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"sources/rapport.toml":          frReport,
		"locales/en/rapport.en.toml":    "[rapport]\ntitle = \"Report\"\n",
		"locales/fr/interface.fr.toml":  "[brand]\nname = \"OIM\"\n",
		"locales/en/notes/ignored.toml": "",
	})
	p := open(t, root)
	if p.Embedded {
		t.Error("Embedded is true for a project with sources/")
	}
	if got := glob(t, p.Sources, "*.toml"); !slices.Equal(got, []string{"rapport.toml"}) {
		t.Errorf("reports %v; the reference report must not show", got)
	}
	for _, name := range []string{"styles/house.toml", "styles/mark.png"} {
		if _, err := fs.Stat(p.Sources, name); err != nil {
			t.Errorf("built-in %s: %v", name, err)
		}
	}
	got := glob(t, p.Locales, "*/*.toml")
	for _, want := range []string{"en/interface.en.toml", "en/rapport.en.toml", "fr/interface.fr.toml", "ru/interface.ru.toml"} {
		if !slices.Contains(got, want) {
			t.Errorf("catalogs %v lack %s", got, want)
		}
	}
	if slices.Contains(got, "ru/central-asia-2021.ru.toml") {
		t.Errorf("catalogs %v show the reference report's translation", got)
	}
	// A built-in sidecar comes with its catalog, never beside the
	// project's own.
	if sidecars := glob(t, p.Locales, "*/*.sources"); !slices.Equal(sidecars, []string{"ru/interface.ru.sources"}) {
		t.Errorf("sidecars %v, want the built-in ru interface one only", sidecars)
	}
	if _, err := fs.Stat(p.Locales, "fr/interface.fr.sources"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the built-in fr sidecar shows beside the project's own interface.fr.toml: %v", err)
	}
	if data, err := p.ReadFile("locales/fr/interface.fr.toml"); err != nil || !strings.Contains(string(data), "OIM") {
		t.Errorf("the project's own interface.fr.toml does not win: %q, %v", data, err)
	}
	if _, err := p.ReadFile(GlossaryFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the built-in glossary shows beside the project's locales/: %v", err)
	}
	if p.Fonts == nil {
		t.Error("no fonts")
	} else if _, err := fs.Stat(p.Fonts, "NotoSans-Regular.ttf"); err != nil {
		t.Errorf("embedded font: %v", err)
	}

	// The source language comes from the report.
	reports, diags := p.LoadReports()
	if len(diags) > 0 || len(reports) != 1 {
		t.Fatalf("reports %v, diagnostics %v", reports, diags)
	}
	if r := reports[0]; r.SourceTag != language.French || !slices.Equal(r.EditionTags(), []language.Tag{language.French, language.English}) {
		t.Errorf("source %v, editions %v; want fr, [fr en]", r.SourceTag, r.EditionTags())
	}
}

// Nothing is read or written outside the project, through ".." or through
// a symbolic link; an escaping link is an error, not a reason to fall back
// on the embedded file.
func TestConfinement(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, outside, map[string]string{"secret.toml": frReport, "house.toml": "secret"})
	write(t, root, map[string]string{"sources/rapport.toml": frReport, "locales/fr/rapport.fr.toml": "[rapport]\n"})
	for link, target := range map[string]string{
		"sources/leak.toml":         filepath.Join(outside, "secret.toml"),
		"sources/styles/house.toml": filepath.Join(outside, "house.toml"),
		"locales/out":               outside,
		"locales/fr/alias.fr.toml":  "rapport.fr.toml", // inside: allowed
	} {
		p := filepath.Join(root, filepath.FromSlash(link))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links: %v", err)
		}
	}
	p := open(t, root)

	for _, name := range []string{"sources/leak.toml", "sources/styles/house.toml", "locales/out/secret.toml"} {
		data, err := p.ReadFile(name)
		if err == nil || !strings.Contains(err.Error(), "outside the project folder; a project's files must be inside it") {
			t.Errorf("ReadFile(%s) = %q, %v; want: outside the project folder", name, data, err)
		}
	}
	if _, err := p.ReadFile("sources/../locales/fr/rapport.fr.toml"); err == nil {
		t.Error(`ReadFile reads a path with ".."`)
	}
	if data, err := p.ReadFile("locales/fr/alias.fr.toml"); err != nil || string(data) != "[rapport]\n" {
		t.Errorf("a link inside the folder: %q, %v", data, err)
	}
	reports, diags := p.LoadReports()
	real, _ := filepath.EvalSymlinks(outside)
	if len(reports) != 1 || len(diags) != 1 || diags[0].String() != "sources/leak.toml: error: the file leads through a symbolic link to "+filepath.Join(real, "secret.toml")+", outside the project folder; a project's files must be inside it" {
		t.Errorf("%d reports, diagnostics:\n%v", len(reports), diags)
	}

	for _, name := range []string{"../x.toml", "locales/out/x.fr.toml", "locales/../x.toml", "/tmp/x.toml"} {
		if err := p.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%s) wrote", name)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 2 {
		t.Errorf("written outside the project: %v", entries)
	}
}

// WriteFile and CreateFile write into the project folder, creating what is
// missing; CreateFile refuses a file the folder has, and only such a file.
func TestWrite(t *testing.T) {
	root := filepath.Join(t.TempDir(), "new")
	p := open(t, root) // a folder that does not exist yet
	if err := p.CreateFile("sources/central-asia-2021.toml", []byte(frReport)); err != nil {
		t.Fatalf("CreateFile of a file only the embedded project has: %v", err)
	}
	if err := p.CreateFile("sources/central-asia-2021.toml", []byte("x")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("CreateFile of an existing file: %v", err)
	}
	if err := p.WriteFile("locales/fr/rapport.fr.toml", []byte("a")); err != nil {
		t.Fatal(err)
	}
	q := open(t, root)
	if err := q.WriteFile("locales/fr/rapport.fr.toml", []byte("b")); err != nil { // through the folder's own root
		t.Fatal(err)
	}
	if data, _ := q.ReadFile("locales/fr/rapport.fr.toml"); !bytes.Equal(data, []byte("b")) {
		t.Errorf("content %q, want b", data)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "sources", "central-asia-2021.toml")); string(data) != frReport {
		t.Errorf("CreateFile replaced the file: %q", data)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "locales", "fr"))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// A project folder that is a symbolic link is followed when it stays
// inside the project and refused, with every read, when it leaves it.
func TestFolderLinks(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, map[string]string{"shared/reports/rapport.toml": frReport})
	write(t, outside, map[string]string{"fr/rapport.fr.toml": "[rapport]\n"})
	for link, target := range map[string]string{"sources": filepath.Join(root, "shared", "reports"), "locales": outside} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skipf("no symbolic links: %v", err)
		}
	}
	p := open(t, root)
	if reports, diags := p.LoadReports(); len(reports) != 1 || len(diags) != 0 {
		t.Errorf("sources linked inside the project: %d reports, %v", len(reports), diags)
	}
	_, err := p.ReadFile("locales/fr/rapport.fr.toml")
	if want := "locales is a symbolic link to " + outside + ", outside the project"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("locales linked outside: %v; want %q", err, want)
	}
	if _, err := fs.Glob(p.Locales, "*/*.toml"); err == nil {
		t.Error("locales linked outside: Glob lists it")
	}
}
