package pipeline

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

// FuzzProject builds small projects made of a report, a Russian catalog
// and a house style from the fuzzer's bytes (fonts and interface messages
// built in), into a temporary folder, under a time limit: never a panic
// or an internal error, never past the limit, and always either PDFs
// written or an error reported. Seeded with the scaffold of "reportgen
// new" and the built-in house style.
func FuzzProject(f *testing.F) {
	report, catalogs := sources.Scaffold("fz", []string{"ru"})
	house, err := fs.ReadFile(style.Embedded(), "styles/house.toml")
	if err != nil {
		f.Fatal(err)
	}
	// The scaffold's report publishes en and drafts ru; the stub catalog
	// translates nothing.
	f.Add(report, catalogs["ru"], house)
	f.Add(report, []byte("[fz.opening]\nheading = \"Вступление\"\n"), []byte("[page]\nsize = \"A5\"\n"))
	f.Add([]byte(strings.Replace(string(report), `in-progress = ["ru"]`, `in-progress = []`, 1)), []byte("x = 1\n"), []byte("[logo]\nfile = \"\"\n"))
	f.Add([]byte("id = \"fz\"\n"), []byte(""), []byte(""))
	f.Fuzz(func(t *testing.T, report, catalog, styleData []byte) {
		root := t.TempDir()
		write := func(rel string, data []byte) {
			p := filepath.Join(root, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("sources/fz.toml", report)
		write("sources/"+sources.ScaffoldFigureFile, sources.ScaffoldFigure())
		write("sources/styles/house.toml", styleData)
		write("locales/ru/fz.ru.toml", catalog)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		p := project.Open(root)
		defer p.Close()
		results, diags := Run(p, Options{OutDir: filepath.Join(root, "output"), Context: ctx, Workers: 1})
		if ctx.Err() != nil {
			t.Fatalf("the build took more than 20 s: %v", diags)
		}
		for _, d := range diags {
			if strings.Contains(d.Msg, "internal error") {
				t.Fatalf("%v", d)
			}
		}
		if len(results) == 0 && !diags.HasErrors() {
			t.Fatalf("no PDF and no error: %v", diags)
		}
		for _, r := range results {
			if st, err := os.Stat(r.Path); err != nil || st.Size() == 0 {
				t.Fatalf("%s: %v", r.Path, err)
			}
		}
	})
}
