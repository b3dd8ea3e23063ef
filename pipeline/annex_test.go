package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/project"
)

// TestAnnexWithoutTitle removes an annex's title (and its translations):
// a draft build warns at the annex and lists it under its key; a strict
// build fails.
func TestAnnexWithoutTitle(t *testing.T) {
	root := copyProject(t)
	src := filepath.Join(root, "sources", "central-asia-2021.toml")
	data, _ := os.ReadFile(src)
	const title = "title = \"Closing remarks of Ms. Henny Ngu, UNDP\"\n"
	if !bytes.Contains(data, []byte(title)) {
		t.Fatal("the reference report changed: no title of the annex ngu-remarks")
	}
	os.WriteFile(src, bytes.Replace(data, []byte(title), nil, 1), 0o644)
	for _, lang := range []string{"ru", "fr"} {
		cat := filepath.Join(root, "locales", lang, "central-asia-2021."+lang+".toml")
		data, _ := os.ReadFile(cat)
		var keep []string
		in := false // in the table [central-asia-2021.annex.ngu-remarks]
		for _, ln := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(ln, "[") {
				in = ln == "[central-asia-2021.annex.ngu-remarks]"
			}
			if !in || !strings.HasPrefix(ln, "title = ") {
				keep = append(keep, ln)
			}
		}
		os.WriteFile(cat, []byte(strings.Join(keep, "\n")), 0o644)
	}

	out := filepath.Join(root, "draft")
	results, diags := Run(project.Open(root), Options{OutDir: out, Langs: published, Reports: firstReport})
	if diags.HasErrors() || len(results) != 2 {
		t.Fatalf("draft build: %d results, %v", len(results), diags)
	}
	line := 1 + bytes.Count(data[:bytes.Index(data, []byte(`key = "ngu-remarks"`))], []byte("\n")) - 1 // the [[annex]] line
	want := fmt.Sprintf(`sources/central-asia-2021.toml:%d:1: warning: annex "ngu-remarks" has no title: the list of annexes shows its key instead; add title = "…" [ngu-remarks]`, line)
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("draft diagnostics:\n%v\nwant\n%s", diags, want)
	}
	for _, r := range results {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		if text := bodyText(t, doc, nil); !strings.Contains(text, ". ngu-remarks") {
			t.Errorf("%s: the list of annexes does not show the key of the annex without a title", r.Lang)
		}
	}
	results, diags = Run(project.Open(root), Options{OutDir: filepath.Join(root, "strict"), Strict: true, Reports: firstReport})
	if !diags.HasErrors() || len(results) != 0 {
		t.Fatalf("strict build: %d results, %v", len(results), diags)
	}
	if got := diags.Err().Error(); !strings.Contains(got, `error: annex "ngu-remarks" has no title`) {
		t.Errorf("strict diagnostics %s", got)
	}
}
