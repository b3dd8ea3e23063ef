package translate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// items returns the items of a scanned document, one a line.
func items(d *tomlDoc) []string {
	var out []string
	for _, it := range d.items {
		s := fmt.Sprintf("%d-%d ", it.first+1, it.last+1)
		switch it.kind {
		case itemBlank:
			s += "blank"
		case itemComment:
			s += "comment"
		case itemHeader:
			s += "header " + strings.Join(it.path, "|")
		case itemKeyVal:
			s += fmt.Sprintf("keyval %s key %d last %d end %d value %d trail %q",
				strings.Join(it.path, "|"), it.keyStart, it.lastSeg, it.keyEnd, it.valStart, it.trail)
		}
		out = append(out, s)
	}
	return out
}

func TestScanTOML(t *testing.T) {
	for _, tt := range []struct {
		name  string
		in    string
		want  []string
		lines int
		crlf  bool
		bom   bool
		final bool
	}{
		{
			name: "comments, blank lines, tables and keys",
			in:   "# head\n\n[r.s] # table\n  name = \"Имя\" # trailing\n# about\nb.'c d' . \"e\\u00e9\" = 'x'\n\n",
			want: []string{
				"1-1 comment",
				"2-2 blank",
				"3-3 header r|s",
				`4-4 keyval r|s|name key 2 last 2 end 6 value 9 trail " # trailing"`,
				"5-5 comment",
				`6-6 keyval r|s|b|c d|eé key 0 last 10 end 19 value 22 trail ""`,
				"7-7 blank",
			},
			lines: 7,
			final: true,
		},
		{
			name: "multi-line strings",
			in:   "[a]\np1 = \"\"\"\nline # not a comment\n[not.a.table]\n\"\"\"\"\"  # c\np2 = '''x'''\np3 = \"\"\"\\\n  \"\"\"",
			want: []string{
				"1-1 header a",
				`2-5 keyval a|p1 key 0 last 0 end 2 value 5 trail "  # c"`,
				`6-6 keyval a|p2 key 0 last 0 end 2 value 5 trail ""`,
				`7-8 keyval a|p3 key 0 last 0 end 2 value 5 trail ""`,
			},
			lines: 8,
		},
		{
			name: "whole IDs as keys and tables",
			in:   "[\"r.s.b.p1\"]\nother = \"a\"\n\"n.count\".one = \"1\"\n",
			want: []string{
				"1-1 header r.s.b.p1",
				`2-2 keyval r.s.b.p1|other key 0 last 0 end 5 value 8 trail ""`,
				`3-3 keyval r.s.b.p1|n.count|one key 0 last 10 end 13 value 16 trail ""`,
			},
			lines: 3,
			final: true,
		},
		{
			name: "CRLF and byte order mark",
			in:   "\ufeff# c\r\n[t]\r\nk = \"\"\"a\r\nb\"\"\" # c\r\n\r\nd = 1979-05-27 07:32:00Z\r\n",
			want: []string{
				"1-1 comment",
				"2-2 header t",
				`3-4 keyval t|k key 0 last 0 end 1 value 4 trail " # c"`,
				"5-5 blank",
				`6-6 keyval t|d key 0 last 0 end 1 value 4 trail ""`,
			},
			lines: 6,
			crlf:  true,
			bom:   true,
			final: true,
		},
		{
			name:  "empty",
			in:    "\ufeff",
			bom:   true,
			final: true,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := scanTOML([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := items(d); !slices.Equal(got, tt.want) {
				t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(d.lines) != tt.lines || (d.nl == "\r\n") != tt.crlf || d.bom != tt.bom || d.finalNL != tt.final {
				t.Errorf("%d lines, nl %q, bom %v, final newline %v", len(d.lines), d.nl, d.bom, d.finalNL)
			}
			for _, it := range d.items {
				if strings.Contains(d.lines[it.first], "\r") {
					t.Errorf("line %d keeps its CR", it.first+1)
				}
			}
		})
	}
}

func TestScanTOMLErrors(t *testing.T) {
	for in, want := range map[string]string{
		"a = 1\n[[r]]\ntitle = \"a\"\n":      "line 2: arrays of tables are not catalog syntax",
		"[n]\ncount = { one = \"1\" }\n":     "line 2: arrays and inline tables are not catalog syntax",
		"[n]\n\nlist = [\n\"a\"]\n":          "line 3: arrays and inline tables are not catalog syntax",
		"a = \"x\xff\"\n":                    "invalid UTF-8",
		"a = \"x\n":                          "line 1: string is not closed",
		"[a]\nb = \"x\" c\n":                 "line 2: unexpected text after the value",
		"[a\n":                               "line 1: table header is not closed with ]",
		"a = '''x\n[[b]]\n'''\n[[c]]\nd = 1": "line 4: arrays of tables are not catalog syntax",
	} {
		if _, err := scanTOML([]byte(in)); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
}
