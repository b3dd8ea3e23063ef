package sources

import (
	"testing"
	"testing/fstest"
)

// FuzzParse feeds arbitrary bytes to the report loader: it must never
// panic, and it returns a report exactly when it reports no error.
func FuzzParse(f *testing.F) {
	data, err := Embedded().(interface{ ReadFile(string) ([]byte, error) }).ReadFile("central-asia-2021.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(baseReport))
	f.Add([]byte("id = \"x\"\n[[section]]\n[[section.block]]\ntype = \"speaker\"\nparagraphs = [\"*a\"]\n"))
	f.Add([]byte("a = [[[[[[[[[[1]]]]]]]]]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, diags := Parse("f.toml", data)
		if (r == nil) != diags.HasErrors() {
			t.Fatalf("report %v with diagnostics %v", r != nil, diags)
		}
		for _, d := range diags {
			if d.Line < 0 || d.Col < 0 {
				t.Fatalf("bad position in %v", d)
			}
		}
	})
}

// FuzzReadHead checks that reading the head of any file never panics, and
// that a head read names an ID and languages.
func FuzzReadHead(f *testing.F) {
	f.Add([]byte(baseReport))
	f.Add([]byte("id = \"a\"\nsource-language = \"en\"\nlanguages = [\n[\"en\"]]\n"))
	f.Add([]byte("a = [[[[[[[[[[1]]]]]]]]]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, ok := ReadHead(fstest.MapFS{"r.toml": {Data: data}}, "r.toml")
		if ok && (h.ID == "" || len(h.Languages) == 0) {
			t.Fatalf("head %+v", h)
		}
	})
}
