package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/project"
)

// A build narrowed to a report (--report) does not load the others, whose
// head names them: their errors are for the builds that make them, and
// check; their catalogs are checked all the same.
func TestNarrowedBuildSkipsOtherReports(t *testing.T) {
	root := copyProject(t)
	other := `id = "other-2024"
source-language = "en"
languages = ["en", "ru"]
title = "Other"

[[section]]
id = "broken"
heading = 7
`
	if err := os.WriteFile(filepath.Join(root, "sources", "other-2024.toml"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	// A catalog and a sidecar of the other report alone, which load no
	// more than it: not read, so neither their errors nor the messages
	// nobody uses are reported.
	for name, data := range map[string]string{
		"other-2024.ru.toml":    "[other-2024.broken]\nheading = \n",
		"other-2024.ru.sources": "\"other-2024.broken.heading\" = 7\n",
		"other-2024b.ru.toml":   "[other-2024]\ntitle = \"Другой\"\n",
	} {
		if err := os.WriteFile(filepath.Join(root, "locales", "ru", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := project.Open(root)
	results, diags := Run(p, Options{OutDir: t.TempDir(), Reports: firstReport, Langs: published})
	if diags.HasErrors() || len(results) != len(published) {
		t.Fatalf("narrowed build: %d PDFs, diagnostics %v", len(results), diags)
	}
	for _, d := range diags {
		if strings.Contains(d.File, "other-2024") {
			t.Errorf("narrowed build reports on the report it skips: %v", d)
		}
	}
	// Built whole, or checked, the other report's errors show.
	for _, opt := range []Options{{OutDir: t.TempDir(), Langs: published}, {Check: true}} {
		_, diags = Run(p, opt)
		for _, want := range []string{"sources/other-2024.toml:", "locales/ru/other-2024.ru.toml:"} {
			if err := diags.Err(); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("check = %v: want an error of %s", err, want)
			}
		}
	}
}

// A report file whose head does not tell its ID is loaded, and its
// errors reported, whichever report a build is narrowed to.
func TestNarrowedBuildLoadsUnknownHeads(t *testing.T) {
	root := copyProject(t)
	if err := os.WriteFile(filepath.Join(root, "sources", "broken.toml"), []byte("title = \"no ID\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := Run(project.Open(root), Options{OutDir: t.TempDir(), Reports: firstReport, Langs: published})
	if err := diags.Err(); err == nil || !strings.Contains(err.Error(), "sources/broken.toml:1:") {
		t.Errorf("diagnostics = %v: want the broken file's", err)
	}
}
