package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImport imports the Markdown rendering of the reference report into
// an empty project: the report, the catalog and its stamped sidecar are
// written and check clean; a second import refuses to overwrite them.
func TestImport(t *testing.T) {
	root := t.TempDir()
	en := filepath.Join("..", "..", "mdimport", "testdata", "central-asia-2021.en.md")
	ru := filepath.Join("..", "..", "mdimport", "testdata", "central-asia-2021.ru.md")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"import", "--root", root, "--translation", "ru=" + ru, en}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if stderr.Len() != 0 || !strings.Contains(stdout.String(), "0 things not mapped") || !strings.Contains(stdout.String(), "check: 0 errors, 0 warnings") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	for _, f := range []string{"sources/central-asia-2021.toml", "locales/ru/central-asia-2021.ru.toml", "locales/ru/central-asia-2021.ru.sources"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Error(err)
		}
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"i18n", "status", "--root", root, "--lang", "ru"}, &stdout, &stderr); code != exitOK ||
		!strings.Contains(stdout.String(), "translated 52 (100.0%)  unverified 0  stale 0 (0.0%)  missing 0") {
		t.Errorf("status after import:\n%s\n%s", stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"import", "--root", root, en}, &stdout, &stderr); code != exitFail || !strings.Contains(stderr.String(), "exists already") {
		t.Errorf("second import: exit %d\n%s", code, stderr.String())
	}
}
