package translate

import (
	"strings"
	"testing"

	"github.com/reportgen/reportgen/locales"
)

func TestRewriteCatalog(t *testing.T) {
	order := []string{"r.title", "r.s.heading", "r.s.b.name", "r.s.b.p1", "r.s.b.p2", "r.s.b.p3", "r.s.c.p1", "r.t.heading", "n.count", "n.other"}
	orderOf := func(id string) (int, bool) {
		for i, x := range order {
			if x == id {
				return i, true
			}
		}
		return 0, false
	}
	one := func(id, text string) update {
		o, _ := orderOf(id)
		return update{id: id, forms: locales.Forms{Other: text}, order: o}
	}
	plural := func(id string, f locales.Forms) update {
		o, _ := orderOf(id)
		return update{id: id, forms: f, order: o}
	}
	for _, tt := range []struct {
		name    string
		in      string
		updates []update
		want    string // the new content, when err is ""
		err     string // a substring of the expected error
	}{
		{
			name:    "value replaced, comments kept",
			in:      "# head\n[r.s.b]\nname = \"Имя\" # trailing\n# about p1\np1 = 'литерал'\n",
			updates: []update{one("r.s.b.name", "Новое \"имя\""), one("r.s.b.p1", "Абзац\nвторая строка")},
			want:    "# head\n[r.s.b]\nname = \"Новое \\\"имя\\\"\" # trailing\n# about p1\np1 = \"Абзац\\nвторая строка\"\n",
		},
		{
			name:    "multi-line value replaced",
			in:      "[r.s.b]\np1 = \"\"\"\nстрока один\nстрока два\"\"\"\np2 = \"x\"\n",
			updates: []update{one("r.s.b.p1", "одна строка")},
			want:    "[r.s.b]\np1 = \"одна строка\"\np2 = \"x\"\n",
		},
		{
			name:    "CRLF and BOM kept",
			in:      "\ufeff[r.s.b]\r\nname = \"a\"\r\np2 = \"c\"\r\n",
			updates: []update{one("r.s.b.name", "б"), one("r.s.b.p1", "в")},
			want:    "\ufeff[r.s.b]\r\nname = \"б\"\r\np1 = \"в\"\r\np2 = \"c\"\r\n",
		},
		{
			name:    "indentation followed",
			in:      "[r.s.b]\n  name = \"a\"\n",
			updates: []update{one("r.s.b.p1", "б")},
			want:    "[r.s.b]\n  name = \"a\"\n  p1 = \"б\"\n",
		},
		{
			name:    "new message first in its table goes before the next one's comment",
			in:      "[r.s.b]\n# about p1\np1 = \"a\"\n",
			updates: []update{one("r.s.b.name", "имя")},
			want:    "[r.s.b]\nname = \"имя\"\n# about p1\np1 = \"a\"\n",
		},
		{
			name:    "new table before the first when nothing precedes",
			in:      "# head\n\n# the block\n[r.s.c]\np1 = \"a\"\n",
			updates: []update{one("r.s.b.name", "имя")},
			want:    "# head\n\n[r.s.b]\nname = \"имя\"\n\n# the block\n[r.s.c]\np1 = \"a\"\n",
		},
		{
			name:    "new table at the end of an empty file",
			in:      "",
			updates: []update{one("r.title", "Т"), one("r.s.heading", "З")},
			want:    "[r]\ntitle = \"Т\"\n\n[r.s]\nheading = \"З\"\n",
		},
		{
			name:    "plural forms added and dropped in place",
			in:      "[n.count]\none = \"1\"\ntwo = \"2\"\nother = \"n\"\n",
			updates: []update{plural("n.count", locales.Forms{One: "один", Few: "несколько", Many: "много", Other: "n"})},
			want:    "[n.count]\none = \"один\"\nfew = \"несколько\"\nmany = \"много\"\nother = \"n\"\n",
		},
		{
			name:    "plural forms as dotted keys",
			in:      "[n]\ncount.one = \"1\"\ncount.other = \"n\"\n",
			updates: []update{plural("n.count", locales.Forms{One: "1", Few: "2", Other: "n"})},
			want:    "[n]\ncount.one = \"1\"\ncount.few = \"2\"\ncount.other = \"n\"\n",
		},
		{
			name:    "single form becomes plural in a table",
			in:      "[n]\ncount = \"n\" # note\n",
			updates: []update{plural("n.count", locales.Forms{One: "1", Other: "n"})},
			want:    "[n]\ncount.one = \"1\" # note\ncount.other = \"n\"\n",
		},
		{
			name:    "plural becomes single",
			in:      "[n.count]\none = \"1\"\nother = \"n\"\n",
			updates: []update{one("n.count", "все")},
			want:    "[n.count]\nother = \"все\"\n",
		},
		{
			name:    "new count gets its own table",
			in:      "[r]\ntitle = \"Т\"\n[r.s]\nheading = \"З\"\n",
			updates: []update{plural("n.count", locales.Forms{One: "1", Other: "n"})},
			want:    "[r]\ntitle = \"Т\"\n[r.s]\nheading = \"З\"\n\n[n.count]\none = \"1\"\nother = \"n\"\n",
		},
		{
			name:    "table between two tables keeps blank lines",
			in:      "[r.s.b]\np1 = \"a\"\n[r.t]\nheading = \"b\"\n",
			updates: []update{one("r.s.c.p1", "в")},
			want:    "[r.s.b]\np1 = \"a\"\n\n[r.s.c]\np1 = \"в\"\n\n[r.t]\nheading = \"b\"\n",
		},
		{
			name:    "whole IDs as keys, as goi18n writes them",
			in:      "\"r.s.b.p1\" = \"a\"\n\"n.other\" = \"x\"\n",
			updates: []update{one("r.s.b.p2", "б"), one("r.s.c.p1", "в"), plural("n.count", locales.Forms{One: "1", Other: "n"})},
			want:    "\"r.s.b.p1\" = \"a\"\n\"r.s.b.p2\" = \"б\"\n\"r.s.c.p1\" = \"в\"\n\"n.count\".one = \"1\"\n\"n.count\".other = \"n\"\n\"n.other\" = \"x\"\n",
		},
		{
			name:    "whole-ID tables, as goi18n writes them",
			in:      "[\"r.s.b.p1\"]\nhash = \"sha1-x\"\nother = \"a\"\n",
			updates: []update{one("r.s.b.p2", "б"), plural("n.count", locales.Forms{One: "1", Other: "n"})},
			want:    "[\"r.s.b.p1\"]\nhash = \"sha1-x\"\nother = \"a\"\n\n[\"r.s.b.p2\"]\nother = \"б\"\n\n[\"n.count\"]\none = \"1\"\nother = \"n\"\n",
		},
		{
			name:    "dotted keys",
			in:      "[r.s]\nb.p1 = \"a\"\n",
			updates: []update{one("r.s.b.p2", "б"), one("r.s.c.p1", "в")},
			want:    "[r.s]\nb.p1 = \"a\"\nb.p2 = \"б\"\nc.p1 = \"в\"\n",
		},
		{
			name:    "arrays of tables are not rewritten",
			in:      "[[r]]\ntitle = \"a\"\n",
			updates: []update{one("r.title", "b")},
			err:     "unsupported file format", // go-i18n rejects it first
		},
		{
			name:    "inline tables are not rewritten",
			in:      "[n]\ncount = { one = \"1\", other = \"n\" }\n",
			updates: []update{one("n.other", "b")},
			err:     "inline tables are not catalog syntax",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rewriteCatalog([]byte(tt.in), "x.ru.toml", tt.updates, orderOf)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Whatever the rewrite, its result is checked: an edit that would not
// give the intended messages fails instead of being written.
func TestVerifyRewrite(t *testing.T) {
	before, _ := parseMessages([]byte("[a]\nb = \"x\"\n"), "x.ru.toml")
	if err := verifyRewrite(before, []byte("[a]\nb = \"y\"\n"), "x.ru.toml", []update{{id: "a.b", forms: locales.Forms{Other: "y"}}}); err != nil {
		t.Errorf("good rewrite: %v", err)
	}
	for _, out := range []string{"[a]\nb = \"x\"\n", "[a]\nb = \"y\"\nc = \"z\"\n", "[a]\n", "[a]\nb = \"y\n"} {
		if err := verifyRewrite(before, []byte(out), "x.ru.toml", []update{{id: "a.b", forms: locales.Forms{Other: "y"}}}); err == nil {
			t.Errorf("%q passed", out)
		}
	}
}

func TestScanKey(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{`a.b.c`, []string{"a", "b", "c"}},
		{`"a.b" . 'c d' .e-f_1`, []string{"a.b", "c d", "e-f_1"}},
		{`"\u00e9\"x"`, []string{"é\"x"}},
	} {
		doc, err := scanTOML([]byte(tt.in + " = 1"))
		var got []string
		if err == nil {
			got = doc.items[0].path
		}
		if err != nil || strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("key %q = %q, %v", tt.in, got, err)
		}
	}
	if got := tomlPath([]string{"a", "b.c", "d e", "ё"}); got != `a."b.c"."d e"."ё"` {
		t.Errorf("tomlPath = %s", got)
	}
}
