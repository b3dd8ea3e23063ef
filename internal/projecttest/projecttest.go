// Package projecttest copies the repository's project folders (sources,
// locales, fonts) into a temporary folder, for tests that change a project
// and build it.
package projecttest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// SecondReport is the ID of the second reference report, a fictional
// example (sources/climate-mobility-2025.toml).
const SecondReport = "climate-mobility-2025"

// Copy copies sources/, locales/ and fonts/ of the repository at repo
// (a relative path from the test's package folder, e.g. "..") into a new
// temporary folder and returns it, with the built-in house style
// (style/styles/) as the project's own sources/styles/, for tests that
// change it. Go files are left out, and so is the second reference report
// (SecondReport: its report, figures and catalogs): tests that change a
// project change the first one, and the second, a fictional example, warns
// about its unreferenced annex on purpose (pipeline/second_test.go builds
// it).
func Copy(t testing.TB, repo string) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"sources", "locales", "fonts", "style/styles"} {
		err := filepath.WalkDir(filepath.Join(repo, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(repo, path)
			if err != nil {
				return err
			}
			if r, ok := strings.CutPrefix(rel, "style"+string(filepath.Separator)); ok {
				rel = filepath.Join("sources", r)
			}
			if d.IsDir() && rel == filepath.Join("sources", "figures") {
				return filepath.SkipDir // the second report's pictures
			}
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(root, rel), 0o755)
			}
			if strings.HasSuffix(path, ".go") || strings.HasPrefix(d.Name(), SecondReport+".") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(root, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}
