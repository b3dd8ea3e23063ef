package tomlpos

import (
	"os"
	"path/filepath"
	"testing"
)

// benchFiles returns the project's own TOML documents (a report and its
// catalogs), which every build loads.
func benchFiles(b *testing.B) [][]byte {
	files, _ := filepath.Glob("../../sources/*.toml")
	more, _ := filepath.Glob("../../locales/*/*.toml")
	var out [][]byte
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	if len(out) == 0 {
		b.Skip("no project documents")
	}
	return out
}

func BenchmarkBuild(b *testing.B) {
	docs := benchFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Build(d)
		}
	}
}

func BenchmarkTooDeep(b *testing.B) {
	docs := benchFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			TooDeep(d, 32)
		}
	}
}
