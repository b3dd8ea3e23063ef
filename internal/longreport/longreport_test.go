package longreport

import (
	"testing"

	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
)

func TestGenerateBuilds(t *testing.T) {
	src, loc, err := Generate(3)
	if err != nil {
		t.Fatal(err)
	}
	p := project.Open(t.TempDir())
	p.Sources, p.Locales = src, loc
	p.Embedded = false
	results, diags := pipeline.Run(p, pipeline.Options{OutDir: t.TempDir()})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(results) != 2 || results[0].Pages < 20 {
		t.Errorf("results %+v", results)
	}
}
