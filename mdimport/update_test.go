package mdimport

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/sources"
)

// updateBase is the document as first imported.
const updateBase = head + `## OPENING REMARKS

**Ms. Renate Held, IOM Regional Director** (*Annex 1: English and Annex 1.1: Courtesy Translation to Russian*)

She opened the meeting and welcomed the delegations of the five countries.

She thanked the hosts for their hospitalty and their careful preparation.

**Mr. Savaş Ünlü, Director General**

He presented the agenda of the day and the questions for the panel.

## WORLD MIGRATION REPORT 2020

**Interactive discussion on data, moderated by Ms. Ann Lee, Adviser**

Ms. Lee opened the discussion on the findings of the report.

The participants agreed on:

- better data on labour migration;
- regular dialogue between the countries.

Closing words of the first day were short and warm.

### Questions from the floor

There were none from the delegations present in the room.

## ANNEXES

Annex 1. Opening remarks of Ms. Renate Held
`

// messages returns a report's messages by ID.
func messages(l *sources.Loaded) map[string]string {
	out := map[string]string{}
	for _, m := range l.Messages {
		out[m.ID] = m.Text
	}
	return out
}

// TestUpdate re-imports changed documents into the report imported from
// updateBase: what is unchanged, changed or moved keeps its IDs, what is
// new gets new ones, what is gone is reported.
func TestUpdate(t *testing.T) {
	base := imp(t, updateBase, "")
	old, diags := sources.Parse("sources/r.toml", base.Report)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	was := messages(old)
	held := "She opened the meeting and welcomed the delegations of the five countries."
	cases := []struct {
		name string
		edit func(string) string
		// changed: the IDs whose text changes (all others keep theirs);
		// added: the IDs that are new; gone: the IDs no longer there;
		// moved: old ID → new ID.
		changed, added, gone []string
		moved                map[string]string
		notes                []string
		// vacated: Result.Vacated; removed: texts gone whose IDs now
		// hold another text (in Result.Gone with gone).
		vacated, removed []string
	}{
		{name: "unchanged", edit: func(s string) string { return s }},
		{name: "typo fixed", edit: func(s string) string { return strings.Replace(s, "hospitalty", "hospitality", 1) },
			changed: []string{"r.opening-remarks.held.p2"}},
		{name: "speaker moved", edit: func(s string) string {
			unlu := "**Mr. Savaş Ünlü, Director General**\n\nHe presented the agenda of the day and the questions for the panel.\n\n"
			s = strings.Replace(s, unlu, "", 1)
			return strings.Replace(s, "**Ms. Renate Held", unlu+"**Ms. Renate Held", 1)
		}},
		{name: "text moved", edit: func(s string) string {
			p := "Closing words of the first day were short and warm.\n\n"
			s = strings.Replace(s, p, "", 1)
			return strings.Replace(s, "### Questions from the floor\n\nThere were none from the delegations present in the room.\n\n",
				"### Questions from the floor\n\nThere were none from the delegations present in the room.\n\n- one more point\n\n"+p, 1)
		}, added: []string{"r.world-migration-report-2020.list-2.i1"}},
		{name: "speaker moved to another section", edit: func(s string) string {
			unlu := "**Mr. Savaş Ünlü, Director General**\n\nHe presented the agenda of the day and the questions for the panel.\n\n"
			s = strings.Replace(s, unlu, "", 1)
			return strings.Replace(s, "## ANNEXES", unlu+"## ANNEXES", 1)
		}, moved: map[string]string{
			"r.opening-remarks.unlu.name": "r.world-migration-report-2020.unlu.name",
			"r.opening-remarks.unlu.role": "r.world-migration-report-2020.unlu.role",
			"r.opening-remarks.unlu.p1":   "r.world-migration-report-2020.unlu.p1",
		}},
		{name: "paragraph added to a speech", edit: func(s string) string {
			return strings.Replace(s, "careful preparation.\n\n", "careful preparation.\n\nShe wished the meeting success.\n\n", 1)
		}, added: []string{"r.opening-remarks.held.p3"}},
		{name: "paragraph inserted in a speech", edit: func(s string) string {
			return strings.Replace(s, "five countries.\n\n", "five countries.\n\nShe recalled the meeting of last year in Almaty.\n\n", 1)
		}, moved: map[string]string{"r.opening-remarks.held.p2": "r.opening-remarks.held.p3"},
			// p2 is the new paragraph; p3, new, holds p2's text.
			changed: []string{"r.opening-remarks.held.p2"}, added: nil,
			vacated: []string{"r.opening-remarks.held.p2"}},
		{name: "paragraph removed from a speech", edit: func(s string) string {
			return strings.Replace(s, "She thanked the hosts for their hospitalty and their careful preparation.\n\n", "", 1)
		}, gone: []string{"r.opening-remarks.held.p2"},
			notes: []string{`sources/r.toml:40: warning: paragraph 2 of speaker block "held" of section "opening-remarks" is not in the document any more: removed`}},
		{name: "first paragraph removed from a speech", edit: func(s string) string {
			s = strings.Replace(s, "careful preparation.\n\n", "careful preparation.\n\nShe wished the meeting success.\n\n", 1)
			return strings.Replace(s, "She opened the meeting and welcomed the delegations of the five countries.\n\n", "", 1)
		}, moved: map[string]string{"r.opening-remarks.held.p2": "r.opening-remarks.held.p1"},
			changed: []string{"r.opening-remarks.held.p1", "r.opening-remarks.held.p2"}, removed: []string{"r.opening-remarks.held.p1"},
			vacated: []string{"r.opening-remarks.held.p1", "r.opening-remarks.held.p2"},
			notes:   []string{`sources/r.toml:39: warning: paragraph 1 of speaker block "held" of section "opening-remarks" is not in the document any more: removed`}},
		{name: "paragraph added to a text", edit: func(s string) string {
			return strings.Replace(s, "### Questions", "A short video on return migration was shown.\n\n### Questions", 1)
		}, added: []string{"r.world-migration-report-2020.text-2.p2"}},
		{name: "paragraph inserted", edit: func(s string) string {
			return strings.Replace(s, "**Interactive", "A short video on return migration was shown.\n\n**Interactive", 1)
		}, added: []string{"r.world-migration-report-2020.text-4.p1"}},
		{name: "speaker inserted", edit: func(s string) string {
			return strings.Replace(s, "**Mr. Savaş", "**Ms. Aida Bekova, Chief of Mission**\n\nShe spoke on skills.\n\n**Mr. Savaş", 1)
		}, added: []string{"r.opening-remarks.bekova.name", "r.opening-remarks.bekova.role", "r.opening-remarks.bekova.p1"}},
		{name: "section renamed", edit: func(s string) string { return strings.Replace(s, "## OPENING REMARKS", "## WELCOME AND OPENING", 1) },
			changed: []string{"r.opening-remarks.heading"}},
		{name: "block removed", edit: func(s string) string {
			return strings.Replace(s, "### Questions from the floor\n\nThere were none from the delegations present in the room.\n\n", "", 1)
		}, gone: []string{"r.world-migration-report-2020.questions-from-the.text", "r.world-migration-report-2020.text-3.p1"},
			notes: []string{`sources/r.toml:90: warning: subheading block "questions-from-the" of section "world-migration-report-2020" is not in the document any more: removed`,
				`sources/r.toml:95: warning: text block "text-3" of section "world-migration-report-2020" is not in the document any more: removed`}},
		{name: "block replaced elsewhere", edit: func(s string) string {
			s = strings.Replace(s, "Closing words of the first day were short and warm.\n\n", "", 1)
			return strings.Replace(s, "**Interactive", "Coffee was served in the hall during the break.\n\n**Interactive", 1)
		}, gone: []string{"r.world-migration-report-2020.text-2.p1"}, added: []string{"r.world-migration-report-2020.text-4.p1"},
			notes: []string{`sources/r.toml:83: warning: text block "text-2" of section "world-migration-report-2020" is not in the document any more: removed`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := c.edit(updateBase)
			if c.name != "unchanged" && doc == updateBase {
				t.Fatal("the edit changed nothing")
			}
			res, err := Update(Source{File: "r.en.md", Lang: "en", Data: []byte(doc)}, nil, testConfig("r"), old)
			if err != nil {
				t.Fatalf("%v\n%s\n%s", err, notesText(res.Notes), res.Report)
			}
			if c.name == "unchanged" && string(res.Report) != string(base.Report) {
				t.Errorf("an unchanged document changed the report:\n%s", res.Report)
			}
			now := messages(res.Loaded)
			var changed, added, gone []string
			for id, text := range now {
				if prev, ok := was[id]; !ok {
					added = append(added, id)
				} else if prev != text {
					changed = append(changed, id)
				}
			}
			for id := range was {
				if _, ok := now[id]; !ok {
					if _, ok := res.Moved[id]; !ok {
						gone = append(gone, id)
					}
				}
			}
			for from, to := range res.Moved {
				if was[from] != now[to] {
					t.Errorf("moved %s → %s: %q, was %q", from, to, now[to], was[from])
				}
				added = slices.DeleteFunc(added, func(id string) bool { return id == to })
			}
			for _, l := range []*[]string{&changed, &added, &gone, &c.changed, &c.added, &c.gone} {
				slices.Sort(*l)
			}
			if !slices.Equal(changed, c.changed) {
				t.Errorf("changed %v, want %v", changed, c.changed)
			}
			if !slices.Equal(added, c.added) {
				t.Errorf("added %v, want %v", added, c.added)
			}
			if !slices.Equal(gone, c.gone) {
				t.Errorf("gone %v, want %v", gone, c.gone)
			}
			var resGone []string
			for _, m := range res.Gone {
				resGone = append(resGone, m.ID)
			}
			slices.Sort(resGone)
			if want := slices.Sorted(slices.Values(append(slices.Clone(c.gone), c.removed...))); !slices.Equal(resGone, want) {
				t.Errorf("Result.Gone %v, want %v", resGone, want)
			}
			if len(c.moved) > 0 || len(res.Moved) > 0 {
				if !maps.Equal(res.Moved, c.moved) {
					t.Errorf("moved %v, want %v", res.Moved, c.moved)
				}
			}
			if !slices.Equal(res.Vacated, c.vacated) {
				t.Errorf("vacated %v, want %v", res.Vacated, c.vacated)
			}
			if got := strings.TrimSpace(notesText(res.Notes)); got != strings.Join(c.notes, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", got, strings.Join(c.notes, "\n"))
			}
			if strings.Contains(doc, held) && !strings.Contains(string(res.Report), held) {
				t.Error("lost a text")
			}
			// The annex keeps its key.
			if r := res.Loaded.Report; len(r.Annexes) != 1 || r.Annexes[0].Key != old.Annexes[0].Key {
				t.Errorf("annexes %+v, was %+v", r.Annexes, old.Annexes)
			}
		})
	}
}

// BenchmarkImport imports the Markdown rendering of each reference report
// with its Russian translation (import), and updates the report made of
// it with the same documents (update).
func BenchmarkImport(b *testing.B) {
	for _, id := range []string{"central-asia-2021", "climate-mobility-2025"} {
		en := Source{File: "testdata/" + id + ".en.md", Lang: "en"}
		ru := Source{File: "testdata/" + id + ".ru.md", Lang: "ru"}
		var err error
		if en.Data, err = os.ReadFile(en.File); err != nil {
			b.Fatal(err)
		}
		if ru.Data, err = os.ReadFile(ru.File); err != nil {
			b.Fatal(err)
		}
		cfg := testConfig(id)
		cfg.ReadFigure = func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join("..", "sources", "figures", filepath.Base(name)))
		}
		res, err := Import(en, []Source{ru}, cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(id+"/import", func(b *testing.B) {
			for b.Loop() {
				if _, err := Import(en, []Source{ru}, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(id+"/update", func(b *testing.B) {
			for b.Loop() {
				if _, err := Update(en, []Source{ru}, cfg, res.Loaded); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestUpdateKeepsLinks: an update keeps the report's localized links of
// the addresses the English still links to, without the translations;
// one no text links to any more is removed, and said so.
func TestUpdateKeepsLinks(t *testing.T) {
	const en = head + "## OPENING REMARKS\n\nSee [the climate pages](https://www.un.org/en/climatechange).\n\nAnd [the outcome](https://www.un.org/en/outcome.pdf).\n"
	const ru = ruHead + "## ВСТУПИТЕЛЬНОЕ СЛОВО\n\nСм. [страницы о климате](https://www.un.org/ru/climatechange).\n\nИ [итоги](https://www.un.org/ru/outcome.pdf).\n"
	base := impWith(t, en, ru)
	old, diags := sources.Parse("sources/r.toml", base.Report)
	if diags.HasErrors() || len(old.Links) != 2 {
		t.Fatalf("links %v, %v", old.Links, diags)
	}
	for _, c := range []struct {
		name, en string
		links    []string
		notes    string
	}{
		{"unchanged", en, []string{"https://www.un.org/en/climatechange", "https://www.un.org/en/outcome.pdf"}, ""},
		{"a link removed", strings.Replace(en, "And [the outcome](https://www.un.org/en/outcome.pdf).", "And the outcome.", 1),
			[]string{"https://www.un.org/en/climatechange"},
			`sources/r.toml:17: warning: no text links to https://www.un.org/en/outcome.pdf any more: its localized addresses are removed`},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Update(Source{File: "r.en.md", Lang: "en", Data: []byte(c.en)}, nil, testConfig("r"), old)
			if err != nil {
				t.Fatal(err, res.Notes)
			}
			if got := slices.Sorted(maps.Keys(res.Loaded.Links)); !slices.Equal(got, c.links) {
				t.Errorf("links %v, want %v", got, c.links)
			}
			if got := strings.TrimSpace(notesText(res.Notes)); got != c.notes {
				t.Errorf("notes:\n%s\nwant:\n%s", got, c.notes)
			}
			if c.name == "unchanged" && string(res.Report) != string(base.Report) {
				t.Errorf("an unchanged document changed the report:\n%s", res.Report)
			}
		})
	}
}
