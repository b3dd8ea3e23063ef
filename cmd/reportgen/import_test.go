package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestImport imports the Markdown rendering of the reference report into
// an empty project: the report, the catalog and its stamped sidecar are
// written and check clean; a second import refuses to overwrite them.
func TestImport(t *testing.T) {
	root := t.TempDir()
	en := filepath.Join("..", "..", "mdimport", "testdata", "central-asia-2021.en.md")
	ru := filepath.Join("..", "..", "mdimport", "testdata", "central-asia-2021.ru.md")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"import", "--root", root, "--translation", "ru=" + ru, en}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if stderr.Len() != 0 || !strings.Contains(stdout.String(), "0 things not mapped") || !strings.Contains(stdout.String(), "check: 0 errors, 0 warnings") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	for _, f := range []string{"sources/central-asia-2021.toml", "locales/ru/central-asia-2021.ru.toml", "locales/ru/central-asia-2021.ru.sources"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Error(err)
		}
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"i18n", "status", "--root", root, "--lang", "ru"}, &stdout, &stderr); code != exitOK ||
		!strings.Contains(stdout.String(), "translated 87 (100.0%)  unverified 0  stale 0 (0.0%)  missing 0") {
		t.Errorf("status after import:\n%s\n%s", stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"import", "--root", root, en}, &stdout, &stderr); code != exitFail || !strings.Contains(stderr.String(), "exists already") {
		t.Errorf("second import: exit %d\n%s", code, stderr.String())
	}
}

// TestImportUpdate re-imports the reference document into the report
// imported from it: unchanged, nothing is written; with a typo fixed, a
// speaker moved and a paragraph removed, the Russian catalog stays as it
// was, the fixed paragraph is stale, the removed one's translation is
// listed with its line; with the Russian document updated to match, its
// new translation is merged and stamped.
func TestImportUpdate(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join("..", "..", "mdimport", "testdata")
	en, ru := filepath.Join(dir, "central-asia-2021.en.md"), filepath.Join(dir, "central-asia-2021.ru.md")
	run1 := func(args ...string) (string, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"import", "--root", root}, args...), &stdout, &stderr); code != exitOK {
			t.Fatalf("import %v: exit %d\n%s\n%s", args, code, stdout.String(), stderr.String())
		}
		return stdout.String(), stderr.String()
	}
	run1("--translation", "ru="+ru, en)
	files := []string{"sources/central-asia-2021.toml", "locales/ru/central-asia-2021.ru.toml", "locales/ru/central-asia-2021.ru.sources"}
	snapshot := func() map[string]string {
		out := map[string]string{}
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(root, f))
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(data)
		}
		return out
	}
	first := snapshot()

	stdout, stderr := run1("--update", "--translation", "ru="+ru, en)
	if now := snapshot(); !maps.Equal(now, first) || strings.Contains(stdout, "wrote") || stderr != "" {
		t.Errorf("an unchanged document wrote:\n%s\n%s", stdout, stderr)
	}
	if !strings.Contains(stdout, "ru: translated 87, stale 0, missing 0, obsolete 0") {
		t.Errorf("stdout:\n%s", stdout)
	}

	// A typo fixed, a speaker moved, a paragraph removed.
	edit := func(name string, data []byte, typo [2]string, removed string) string {
		s := string(data)
		s = strings.Replace(s, typo[0], typo[1], 1)
		s = strings.Replace(s, removed, "", 1)
		// Mr. Prentice's statement (lines 22–27) after H.E. Mukhitdinov's (28–31).
		lines := strings.SplitAfter(s, "\n")
		var out []string
		out = append(out, lines[:21]...)
		out = append(out, lines[27:31]...)
		out = append(out, lines[21:27]...)
		out = append(out, lines[31:]...)
		f := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(f, []byte(strings.Join(out, "")), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	enData, _ := os.ReadFile(en)
	ruData, _ := os.ReadFile(ru)
	en2 := edit("central-asia-2021.en.md", enData, [2]string{"With regards the M-MPTF", "With regard to the M-MPTF"},
		"Read the World Migration Report in all official UN languages here: <https://publications.iom.int/books/world-migration-report-2020>\n\n")
	stdout, stderr = run1("--update", en2)
	now := snapshot()
	if now[files[0]] == first[files[0]] || now[files[1]] != first[files[1]] || now[files[2]] != first[files[2]] {
		t.Errorf("the report should change, the catalog and its sidecar not")
	}
	if !strings.Contains(stdout, "ru: translated 85, stale 1, missing 0, obsolete 1") {
		t.Errorf("stdout:\n%s", stdout)
	}
	for _, want := range []string{
		"sources/central-asia-2021.toml:148) is kept, obsolete",
		"locales/ru/central-asia-2021.ru.toml:",
		"central-asia-2021.world-migration-report-2020.mcauliffe.p2: the translation of a text no longer in the document",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	var st bytes.Buffer
	run([]string{"i18n", "status", "--root", root, "--lang", "ru", "--verbose"}, &st, &st)
	if !strings.Contains(st.String(), "central-asia-2021.opening-remarks.prentice.p2") {
		t.Errorf("status does not show the stale paragraph:\n%s", st.String())
	}

	// The Russian document updated the same way, with the paragraph
	// translated anew: merged and stamped.
	ru2 := edit("central-asia-2021.ru.md", ruData, [2]string{"Что касается МПЦФ по миграции,", "Что касается Многопартнёрского целевого фонда,"},
		"С «Докладом о миграции в мире» на всех официальных языках ООН можно ознакомиться по адресу: <https://publications.iom.int/books/world-migration-report-2020>\n\n")
	stdout, stderr = run1("--update", "--translation", "ru="+ru2, en2)
	if !strings.Contains(stdout, "translations: 1 merged, 0 refused") || !strings.Contains(stdout, "ru: translated 86, stale 0, missing 0, obsolete 1") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
}

// TestImportUpdateInsertedParagraph inserts a paragraph in the middle of
// a speech and re-imports: the translations of the paragraphs after it
// follow their texts to their new IDs and stay current, the new one is
// missing, nothing is stale or obsolete; passing the old Russian document
// again changes nothing.
func TestImportUpdateInsertedParagraph(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join("..", "..", "mdimport", "testdata")
	en, ru := filepath.Join(dir, "central-asia-2021.en.md"), filepath.Join(dir, "central-asia-2021.ru.md")
	run1 := func(args ...string) (string, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"import", "--root", root}, args...), &stdout, &stderr); code != exitOK {
			t.Fatalf("import %v: exit %d\n%s\n%s", args, code, stdout.String(), stderr.String())
		}
		return stdout.String(), stderr.String()
	}
	run1("--translation", "ru="+ru, en)
	catalog := func() map[string]string {
		data, err := os.ReadFile(filepath.Join(root, "locales", "ru", "central-asia-2021.ru.toml"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if _, err := toml.Decode(string(data), &m); err != nil {
			t.Fatal(err)
		}
		held := m["central-asia-2021"].(map[string]any)["opening-remarks"].(map[string]any)["held"].(map[string]any)
		out := map[string]string{}
		for k, v := range held {
			out[k] = v.(string)
		}
		return out
	}
	was := catalog()
	if len(was) != 5 { // name, role, p1, p2, p3
		t.Fatalf("held: %v", was)
	}
	enData, _ := os.ReadFile(en)
	s := string(enData)
	i := strings.Index(s, "The Regional Director announced")
	if i < 0 {
		t.Fatal("the reference document changed")
	}
	s = s[:i] + "The Regional Director also thanked the hosts for their careful preparation of the meeting.\n\n" + s[i:]
	en2 := filepath.Join(t.TempDir(), "central-asia-2021.en.md")
	os.WriteFile(en2, []byte(s), 0o644)

	for _, args := range [][]string{{"--update", en2}, {"--update", "--translation", "ru=" + ru, en2}} {
		stdout, stderr := run1(args...)
		if !strings.Contains(stdout, "ru: translated 87, stale 0, missing 1, obsolete 0") {
			t.Errorf("%v: stdout:\n%s\nstderr:\n%s", args, stdout, stderr)
		}
		// p2's translation follows its text to p3 and p2 is missing;
		// p3's follows its text to p4 and p3 holds p2's: nothing lost,
		// counted, not listed.
		if args[1] == en2 && (!strings.Contains(stderr, "held.p2: a paragraph, list item, table row or column inserted or removed before it gives it another text; its translation (of sources/central-asia-2021.toml:109) follows that text to central-asia-2021.opening-remarks.held.p3, and it is missing") ||
			strings.Contains(stderr, "held.p3:") || !strings.Contains(stdout, "ru: 2 translations follow their texts to new IDs")) {
			t.Errorf("%v: stdout:\n%s\nstderr:\n%s", args, stdout, stderr)
		}
		now := catalog()
		want := map[string]string{"name": was["name"], "role": was["role"], "p1": was["p1"], "p3": was["p2"], "p4": was["p3"]}
		if !maps.Equal(now, want) {
			t.Errorf("%v: held now %v\nwant %v", args, now, want)
		}
		var st bytes.Buffer
		run([]string{"i18n", "status", "--root", root, "--lang", "ru", "--verbose"}, &st, &st)
		if !strings.Contains(st.String(), "central-asia-2021.opening-remarks.held.p2") || strings.Contains(st.String(), "held.p3") || strings.Contains(st.String(), "held.p4") {
			t.Errorf("%v: status:\n%s", args, st.String())
		}
	}
}

// TestImportUntitledAnnex imports a document without a list of annexes:
// the import and the check warn about each annex without a title, naming
// its key and line; a draft build lists the annexes under their keys; a
// strict build fails.
func TestImportUntitledAnnex(t *testing.T) {
	root := t.TempDir()
	doc := "# A Meeting\n\nAlmaty, 14 October 2025\n\n## OPENING REMARKS\n\n" +
		"**Ms. Aida Bekova, Chief of Mission** (*Annex 1: English*)\n\nShe opened the meeting.\n\n" +
		"**Mr. Timur Abdullaev, Coordinator** (*Annex 2: English*)\n\nHe presented the agenda.\n"
	en := filepath.Join(t.TempDir(), "meeting.en.md")
	os.WriteFile(en, []byte(doc), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"import", "--root", root, en}, &stdout, &stderr); code != exitOK {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	for _, want := range []string{
		`meeting.en.md:7: warning: annex 1 (key "bekova") has no title`,
		`meeting.en.md:11: warning: annex 2 (key "abdullaev") has no title`,
		`sources/meeting.toml:13:1: warning: annex "bekova" has no title: the list of annexes shows its key instead; add title = "…" [bekova]`,
		`sources/meeting.toml:20:1: warning: annex "abdullaev" has no title: the list of annexes shows its key instead; add title = "…" [abdullaev]`,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("import lacks %q:\n%s", want, stderr.String())
		}
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build", "--root", root, "-o", filepath.Join(root, "draft")}, &stdout, &stderr); code != exitOK ||
		strings.Count(stderr.String(), "has no title") != 2 {
		t.Errorf("draft build: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build", "--strict", "--root", root, "-o", filepath.Join(root, "strict")}, &stdout, &stderr); code == exitOK ||
		!strings.Contains(stderr.String(), `error: annex "bekova" has no title`) {
		t.Errorf("strict build: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "strict")); len(entries) != 0 {
		t.Errorf("the strict build wrote %d files", len(entries))
	}
}

// flatCatalog reads a catalog as message ID → translation.
func flatCatalog(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case string:
				out[prefix+k] = v
			case map[string]any:
				walk(prefix+k+".", v)
			}
		}
	}
	walk("", m)
	return out
}

// TestImportUpdateListsAndTables edits the reference document with a
// nested list and a table, each edit on a fresh import, and re-imports
// it: an item inserted at any level of a list, or a table row inserted,
// leaves the translations of the items and rows after it current (they
// follow their texts to their new IDs) and only the new one missing; one
// removed leaves nothing stale or missing; a changed item is stale, not
// missing; the unchanged document writes nothing. Passing the Russian
// document as it was again changes nothing.
func TestImportUpdateListsAndTables(t *testing.T) {
	dir := filepath.Join("..", "..", "mdimport", "testdata")
	en, ru := filepath.Join(dir, "climate-mobility-2025.en.md"), filepath.Join(dir, "climate-mobility-2025.ru.md")
	enData, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	const (
		list  = "climate-mobility-2025.towards-a-regional-roadmap.list."
		table = "climate-mobility-2025.climate-change-and-human-mobility.table."
	)
	cases := []struct {
		name, from, to string
		// status is the update's summary of the Russian; moved: new ID →
		// old ID whose translation it holds now; unchanged: IDs that
		// keep their translations; listed: what i18n status lists.
		status    string
		moved     map[string]string
		unchanged []string
		listed    []string
	}{
		{name: "unchanged", status: "ru: translated 140, stale 0, missing 0, obsolete 0"},
		{name: "item inserted in a nested list",
			from: "      1. the national migration registers", to: "      1. the labour force surveys of the five countries;\n      1. the national migration registers",
			status:    "ru: translated 140, stale 0, missing 1, obsolete 0",
			moved:     map[string]string{list + "i1-1-3": list + "i1-1-2", list + "i1-1-4": list + "i1-1-3"},
			unchanged: []string{list + "i1-1-1", list + "i1-2", list + "i2"},
			listed:    []string{list + "i1-1-2"}},
		{name: "item inserted at the top level",
			from: "1. Open and protect regular pathways:", to: "1. Protect the rights of people who move because of disasters.\n1. Open and protect regular pathways:",
			status:    "ru: translated 140, stale 0, missing 1, obsolete 0",
			moved:     map[string]string{list + "i3": list + "i2", list + "i3-1": list + "i2-1", list + "i4-2-2": list + "i3-2-2", list + "i5": list + "i4"},
			unchanged: []string{list + "i1", list + "i1-1-3"},
			listed:    []string{list + "i2"}},
		{name: "item removed from a nested list",
			from: "      1. the Climate Mobility Scan 2025;\n", to: "",
			status:    "ru: translated 139, stale 0, missing 0, obsolete 0",
			moved:     map[string]string{list + "i1-1-1": list + "i1-1-2", list + "i1-1-2": list + "i1-1-3"},
			unchanged: []string{list + "i1-1", list + "i1-2"}},
		{name: "item changed",
			from: "recognise skills and qualifications across the sub-region", to: "recognise skills, diplomas and qualifications across the sub-region",
			status:    "ru: translated 139, stale 1, missing 0, obsolete 0",
			unchanged: []string{list + "i2-1", list + "i2-2", list + "i3"},
			listed:    []string{list + "i2-2"}},
		{name: "table row inserted",
			from: "| Kazakhstan |", to: "| Georgia | Public Service Development Agency | 1 | 2 |\n| Kazakhstan |",
			status:    "ru: translated 140, stale 0, missing 2, obsolete 0",
			moved:     map[string]string{table + "r3c1": table + "r2c1", table + "r3c2": table + "r2c2", table + "r11c2": table + "r10c2"},
			unchanged: []string{table + "r1c1", table + "h4", table + "caption"},
			listed:    []string{table + "r2c1", table + "r2c2"}},
		{name: "table row removed",
			from: "| Kyrgyzstan | Ministry of Labour, Social Security and Migration | 3 | 8 |\n", to: "",
			status:    "ru: translated 138, stale 0, missing 0, obsolete 0",
			moved:     map[string]string{table + "r3c1": table + "r4c1", table + "r3c2": table + "r4c2"},
			unchanged: []string{table + "r1c1", table + "r2c2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			run1 := func(args ...string) (string, string) {
				t.Helper()
				var stdout, stderr bytes.Buffer
				if code := run(append([]string{"import", "--root", root}, args...), &stdout, &stderr); code != exitOK {
					t.Fatalf("import %v: exit %d\n%s\n%s", args, code, stdout.String(), stderr.String())
				}
				return stdout.String(), stderr.String()
			}
			run1("--translation", "ru="+ru, en)
			files := []string{"sources/climate-mobility-2025.toml", "locales/ru/climate-mobility-2025.ru.toml", "locales/ru/climate-mobility-2025.ru.sources"}
			snapshot := func() map[string]string {
				out := map[string]string{}
				for _, f := range files {
					data, err := os.ReadFile(filepath.Join(root, f))
					if err != nil {
						t.Fatal(err)
					}
					out[f] = string(data)
				}
				return out
			}
			first := snapshot()
			catalog := filepath.Join(root, "locales", "ru", "climate-mobility-2025.ru.toml")
			was := flatCatalog(t, catalog)

			s := string(enData)
			if c.from != "" {
				if !strings.Contains(s, c.from) {
					t.Fatal("the reference document changed")
				}
				s = strings.Replace(s, c.from, c.to, 1)
			}
			en2 := filepath.Join(t.TempDir(), "climate-mobility-2025.en.md")
			if err := os.WriteFile(en2, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr := run1("--update", en2)
			if !strings.Contains(stdout, c.status) {
				t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
			}
			if c.from == "" {
				if now := snapshot(); !maps.Equal(now, first) || strings.Contains(stdout, "wrote") {
					t.Errorf("an unchanged document wrote:\n%s\n%s", stdout, stderr)
				}
				return
			}
			now := flatCatalog(t, catalog)
			for to, from := range c.moved {
				if now[to] == "" || now[to] != was[from] {
					t.Errorf("%s holds %q, want the translation %s had, %q", to, now[to], from, was[from])
				}
			}
			for _, id := range c.unchanged {
				if now[id] == "" || now[id] != was[id] {
					t.Errorf("%s holds %q, was %q", id, now[id], was[id])
				}
			}
			var st bytes.Buffer
			run([]string{"i18n", "status", "--root", root, "--lang", "ru", "--verbose"}, &st, &st)
			var listed []string
			for _, l := range strings.Split(st.String(), "\n") {
				if f := strings.Fields(l); len(f) >= 2 && (f[0] == "stale" || f[0] == "missing" || f[0] == "obsolete") && strings.HasPrefix(f[1], "climate-mobility-2025.") {
					listed = append(listed, f[1])
				}
			}
			slices.Sort(listed)
			if !slices.Equal(listed, c.listed) {
				t.Errorf("status lists %v, want %v:\n%s", listed, c.listed, st.String())
			}

			// The Russian document as it was, passed again: its block no
			// longer matches the English (left untranslated) or says what
			// the catalog says; nothing changes.
			stdout, stderr = run1("--update", "--translation", "ru="+ru, en2)
			if !strings.Contains(stdout, c.status) || !maps.Equal(flatCatalog(t, catalog), now) {
				t.Errorf("again with the Russian: stdout:\n%s\nstderr:\n%s", stdout, stderr)
			}
		})
	}
}
