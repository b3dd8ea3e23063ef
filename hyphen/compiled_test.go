package hyphen

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite patterns/hyph-*.trie from the .tex files")

// TestCompiledPatterns checks that each compiled pattern file is exactly
// what the TeX pattern file it comes from compiles to, and reads back
// into the same hyphenator. With -update (go generate) it rewrites them.
func TestCompiledPatterns(t *testing.T) {
	for base, l := range languages {
		fromTeX, err := loadTeX(l)
		if err != nil {
			t.Fatal(err)
		}
		want := fromTeX.encode()
		name := compiledFile(l.file)
		if *update {
			if err := os.WriteFile(name, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := patternFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %s is not what %s compiles to; run go generate ./hyphen", base, name, l.file)
			continue
		}
		h, err := decode(got, l.leftMin, l.rightMin)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(h, fromTeX) {
			t.Errorf("%s: %s reads back into a different hyphenator than %s gives", base, name, l.file)
		}
		if !reflect.DeepEqual(For(base), fromTeX) {
			t.Errorf("%s: For differs from the TeX patterns", base)
		}
	}
}

func TestDecodeDamaged(t *testing.T) {
	data, err := patternFiles.ReadFile(compiledFile(languages["en"].file))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 5, len(compiledMagic), len(compiledMagic) + 3, len(compiledMagic) + 100, len(data) / 2, len(data) - 1} {
		if _, err := decode(data[:n], 2, 3); err == nil {
			t.Errorf("decode of the first %d bytes succeeded", n)
		}
	}
	if _, err := decode(append(bytes.Clone(data), 0), 2, 3); err == nil {
		t.Error("decode with a byte too many succeeded")
	}
}

func BenchmarkLoad(b *testing.B) {
	for _, base := range []string{"en", "en-gb", "ru", "fr"} {
		l := languages[base]
		b.Run("compiled/"+base, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := load(l); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("tex/"+base, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := loadTeX(l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
