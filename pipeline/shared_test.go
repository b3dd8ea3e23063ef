package pipeline

import (
	"sync"
	"testing"

	"github.com/reportgen/reportgen/project"
)

// TestConcurrentRunsShareEmbeddedStyle runs builds of the embedded
// project at once in one process: they share the embedded house style,
// loaded once, and each writes what a build alone writes (run with -race).
func TestConcurrentRunsShareEmbeddedStyle(t *testing.T) {
	want, diags := Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Reports: firstReport, Langs: published})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	const runs = 3
	got := make([][]Result, runs)
	var wg sync.WaitGroup
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Reports: firstReport, Langs: published})
		}()
	}
	wg.Wait()
	for i, rs := range got {
		if len(rs) != len(want) {
			t.Fatalf("run %d: %d PDFs, want %d", i, len(rs), len(want))
		}
		for k := range rs {
			if rs[k].SHA256 != want[k].SHA256 {
				t.Errorf("run %d: %s.%s differs from a build alone", i, rs[k].Report, rs[k].Lang)
			}
		}
	}
	a, _ := LoadStyle(project.Open(t.TempDir()), "")
	b, _ := LoadStyle(project.Open(t.TempDir()), "")
	if a == nil || a != b {
		t.Error("the embedded house style is loaded again")
	}
}
