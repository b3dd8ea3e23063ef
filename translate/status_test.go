package translate

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/project"
)

var ru = language.Russian

// copyProject copies testdata/project (a tiny report, an en interface
// file and ru catalogs) and testdata/glossary.toml into a temporary
// folder and returns it.
func copyProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("testdata", "project")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	g, err := os.ReadFile(filepath.Join("testdata", "glossary.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "locales", "glossary.toml"), g, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// open opens the project at dir and fails on any diagnostic.
func open(t *testing.T, dir string) *Project {
	t.Helper()
	p, diags := Open(project.Open(dir))
	if len(diags) > 0 {
		t.Fatalf("Open: %v", diags)
	}
	return p
}

// edit replaces old with new in file rel of dir, which must contain it.
func edit(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// statusOf returns the status of set name in ru.
func statusOf(t *testing.T, p *Project, name string) Status {
	t.Helper()
	sts, diags := p.Status(ru)
	if len(diags) > 0 {
		t.Fatalf("Status: %v", diags)
	}
	for _, s := range sts {
		if s.Report == name {
			return s
		}
	}
	t.Fatalf("no status of %s", name)
	return Status{}
}

func TestHash(t *testing.T) {
	base := locales.Source{ID: "annexes.count", Forms: locales.Forms{One: "{{.Count}} annex", Other: "{{.Count}} annexes"}}
	h := locales.Hash(base)
	if !strings.HasPrefix(h, "sha256-") || len(h) != len("sha256-")+locales.HashPrefix {
		t.Fatalf("Hash = %q", h)
	}
	if locales.Hash(base) != h {
		t.Fatal("Hash is not deterministic")
	}
	for _, tt := range []struct {
		name string
		src  locales.Source
	}{
		{"one form", locales.Source{ID: base.ID, Forms: locales.Forms{One: "{{.Count}} annex!", Other: base.Forms.Other}}},
		{"few form added", locales.Source{ID: base.ID, Forms: locales.Forms{One: base.Forms.One, Few: "x", Other: base.Forms.Other}}},
		{"description", locales.Source{ID: base.ID, Forms: base.Forms, Description: "count of annexes"}},
		{"text moved between forms", locales.Source{ID: base.ID, Forms: locales.Forms{Zero: base.Forms.One, Other: base.Forms.Other}}},
	} {
		if locales.Hash(tt.src) == h {
			t.Errorf("%s: hash unchanged", tt.name)
		}
	}
	// go-i18n's hash misses a change of a plural form only.
	changed := locales.Source{ID: base.ID, Forms: locales.Forms{One: "{{.Count}} annex!", Other: base.Forms.Other}}
	if locales.GoI18nHash(changed) != locales.GoI18nHash(base) {
		t.Error("GoI18nHash should cover only description and other")
	}
	if got := locales.GoI18nHash(locales.Source{Forms: locales.Forms{Other: "Hello"}}); got != "sha1-f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0" {
		t.Errorf("GoI18nHash = %s, want goi18n's sha1 of description+other", got)
	}
}

func TestStatusCounts(t *testing.T) {
	dir := copyProject(t)
	p := open(t, dir)
	if got := p.Languages(); len(got) != 1 || got[0] != ru {
		t.Fatalf("Languages = %v", got)
	}
	// Before any hash is recorded: every translation is unverified.
	s := statusOf(t, p, "mini")
	want := Status{Report: "mini", Lang: "ru", Source: "en", Total: 9, Unverified: 8, Missing: 1}
	if s.Total != want.Total || s.Translated != 0 || s.Unverified != 8 || s.Stale != 0 || s.Missing != 1 {
		t.Errorf("mini before stamping: %+v", s)
	}
	if s.Done() < 88.8 || s.Done() > 88.9 || s.Percent(Missing) < 11.1 || s.Percent(Missing) > 11.2 {
		t.Errorf("Done %.2f, missing %.2f%%", s.Done(), s.Percent(Missing))
	}
	stamped, err := p.Stamp(ru, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(stamped) != 8+3 {
		t.Errorf("stamped %d messages, want 11: %v", len(stamped), stamped)
	}
	p = open(t, dir)
	s = statusOf(t, p, "mini")
	if s.Translated != 8 || s.Unverified != 0 || s.Missing != 1 || s.Stale != 0 {
		t.Errorf("mini after stamping: %+v", s)
	}
	if len(s.Entries) != 1 || s.Entries[0].ID != "mini.closing.summary.p1" || s.Entries[0].State != Missing ||
		s.Entries[0].File != "sources/mini.toml" || s.Entries[0].Line == 0 {
		t.Errorf("entries: %+v", s.Entries)
	}
	if iface := statusOf(t, p, "interface"); iface.Total != 3 || iface.Translated != 3 || !iface.Clean() {
		t.Errorf("interface: %+v", iface)
	}
	// Stamping again changes nothing.
	if again, err := p.Stamp(ru, nil); err != nil || len(again) != 0 {
		t.Errorf("second Stamp: %v, %v", again, err)
	}

	// A translation the source no longer has is obsolete.
	edit(t, dir, "locales/ru/mini.ru.toml", "[mini.closing]\n", "[mini.closing]\nold = \"Старый абзац\"\n")
	s = statusOf(t, open(t, dir), "mini")
	if s.Obsolete != 1 || s.Clean() || s.Entries[len(s.Entries)-1].ID != "mini.closing.old" {
		t.Errorf("obsolete: %+v", s)
	}
}

func TestCompute(t *testing.T) {
	set := Set{Name: "r", Messages: []locales.Source{
		{ID: "r.a", Forms: locales.Forms{Other: "A"}},
		{ID: "r.b", Forms: locales.Forms{Other: "B"}},
		{ID: "r.c", Forms: locales.Forms{Other: "C"}},
		{ID: "r.d", Forms: locales.Forms{Other: "D"}},
		{ID: "r.e", Forms: locales.Forms{Other: "E"}},
	}}
	tr := Translations{
		"r.a": {ID: "r.a", Forms: locales.Forms{Other: "А"}},
		"r.b": {ID: "r.b", Forms: locales.Forms{Other: "Б"}},
		"r.c": {ID: "r.c", Forms: locales.Forms{Other: "В"}},
		"r.x": {ID: "r.x", Forms: locales.Forms{Other: "Х"}}, // not in the set: ignored
	}
	h := locales.Hashes{"r.a": locales.Hash(set.Messages[0]), "r.b": "sha256-0000000000000000"}
	s := Compute(set, language.English, ru, tr, h)
	if s.Total != 5 || s.Translated != 1 || s.Stale != 1 || s.Unverified != 1 || s.Missing != 2 {
		t.Fatalf("%+v", s)
	}
	states := map[string]State{}
	for _, e := range s.Entries {
		states[e.ID] = e.State
	}
	if states["r.b"] != Stale || states["r.c"] != Unverified || states["r.d"] != Missing || len(states) != 4 {
		t.Errorf("entries %v", states)
	}
	if got := s.Percent(Translated); got != 20 {
		t.Errorf("Percent(Translated) = %v", got)
	}
	if got := s.Done(); got != 40 {
		t.Errorf("Done = %v", got)
	}
	if got := bar(s); got != "#####+++++~~~~----------" {
		t.Errorf("bar = %q", got)
	}
	if got := (Status{}).Percent(Translated); got != 100 {
		t.Errorf("empty set: %v", got)
	}
}

func TestWriteTextAndJSON(t *testing.T) {
	s := Status{Report: "mini", Lang: "ru", Source: "en", Total: 4, Translated: 1, Unverified: 1, Stale: 1, Missing: 1, Entries: []Entry{
		{ID: "mini.b", State: Unverified, Source: "B", Translation: "Б", File: "locales/ru/mini.ru.toml", Line: 3},
		{ID: "mini.c", State: Stale, Source: "C new", Translation: "В", File: "locales/ru/mini.ru.toml", Line: 4},
		{ID: "mini.d", State: Missing, Source: "D", File: "sources/mini.toml", Line: 9},
	}}
	var b bytes.Buffer
	if err := WriteText(&b, []Status{s}, false); err != nil {
		t.Fatal(err)
	}
	want := "mini\n" +
		"  ru   [######++++++~~~~~~------]  50.0%  translated 1 (25.0%)  unverified 1  stale 1 (25.0%)  missing 1 (25.0%)\n" +
		"      1 ru translations have no record of the en text they were made from (written by hand,\n" +
		"      not merged): review them, then run \"reportgen i18n stamp --lang ru\" to record it\n" +
		"      stale      mini.c  locales/ru/mini.ru.toml:4\n" +
		"      missing    mini.d\n" +
		"\n# translated  + unverified  ~ stale  - missing\n"
	if b.String() != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	WriteText(&b, []Status{s}, true)
	for _, w := range []string{"unverified mini.b", "en: C new", "ru: В", "en: D"} {
		if !strings.Contains(strings.Join(strings.Fields(b.String()), " "), w) {
			t.Errorf("verbose output lacks %q:\n%s", w, b.String())
		}
	}
	b.Reset()
	if err := WriteJSON(&b, []Status{s}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Statuses []struct {
			Report  string             `json:"report"`
			Stale   int                `json:"stale"`
			Percent map[string]float64 `json:"percent"`
			Entries []struct {
				ID    string `json:"id"`
				State string `json:"state"`
				Line  int    `json:"line"`
			} `json:"entries"`
		} `json:"statuses"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	g := got.Statuses[0]
	if g.Report != "mini" || g.Stale != 1 || g.Percent["done"] != 50 || g.Percent["stale"] != 25 || len(g.Entries) != 3 || g.Entries[1].State != "stale" || g.Entries[1].Line != 4 {
		t.Errorf("JSON: %+v", g)
	}
}

// errorsOf returns the error diagnostics of a list.
func errorsOf(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}
