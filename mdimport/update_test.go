package mdimport

import (
	"fmt"
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

// partsBase is a document with a nested list and a table, as first
// imported.
const partsBase = head + `## RECOMMENDATIONS

The participants recommended that the Roadmap include the following commitments:

1. Improve data on climate mobility:
   1. agree on shared definitions and indicators by the end of 2026, drawing on:
      1. the Climate Mobility Scan 2025;
      1. the national migration registers and population censuses;
   1. publish a joint sub-regional data report every two years.
1. Open and protect regular pathways:
   1. expand circular and seasonal labour schemes for people from affected areas;
   1. recognise skills and qualifications across the sub-region.
1. Review progress at a ministerial meeting of the Almaty Process in 2027.

## DELEGATIONS PRESENT

The delegations were represented as follows.

Table 1. Delegations

| Delegation | Represented by | In person |
|---|---|---:|
| Kazakhstan | Ministry of Labour and Social Protection | 4 |
| Kyrgyzstan | Ministry of Labour, Social Security and Migration | 3 |
| Tajikistan | Migration Service | 3 |
| Uzbekistan | Ministry of Employment and Poverty Reduction | 9 |

The meeting closed at noon.
`

// translationStatus plays an update on a catalog that translates every
// message of was (each translation stamped with the text it translates):
// the translations of moved texts follow them, those under vacated IDs
// that nothing replaced are removed, as reportgen import --update does;
// it returns the messages now whose translation is stale (translates
// another text) or missing, and the translations no message has.
func translationStatus(was map[string]string, res *Result) (stale, missing, obsolete []string) {
	vacated := map[string]bool{}
	for _, id := range res.Vacated {
		vacated[id] = true
	}
	cat := maps.Clone(was) // ID → the English its translation translates
	replaced := map[string]bool{}
	for _, from := range slices.Sorted(maps.Keys(res.Moved)) {
		to := res.Moved[from]
		if _, has := was[to]; has && !vacated[to] {
			continue
		}
		cat[to], replaced[to] = was[from], true
	}
	for id := range vacated {
		if !replaced[id] {
			delete(cat, id)
		}
	}
	for _, id := range res.Left {
		delete(cat, id)
	}
	now := messages(res.Loaded)
	for id, text := range now {
		if src, ok := cat[id]; !ok {
			missing = append(missing, id)
		} else if src != text {
			stale = append(stale, id)
		}
	}
	for id := range cat {
		if _, ok := now[id]; !ok {
			obsolete = append(obsolete, id)
		}
	}
	slices.Sort(stale)
	slices.Sort(missing)
	slices.Sort(obsolete)
	return stale, missing, obsolete
}

// TestUpdateParts re-imports changed documents into the report imported
// from partsBase: a list item (at any level) or table row inserted or
// removed mid-block, and a block or section inserted mid-report, leave
// every translation of the unchanged texts current; only the new texts
// are missing, a changed one is stale. The translation of a removed text
// is replaced by the one of the text that takes its ID, else kept,
// obsolete.
func TestUpdateParts(t *testing.T) {
	base := imp(t, partsBase, "")
	old, diags := sources.Parse("sources/r.toml", base.Report)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	was := messages(old)
	const (
		list  = "r.recommendations.list."
		table = "r.delegations-present.table."
	)
	cases := []struct {
		name                     string
		edit                     func(string) string
		stale, missing, obsolete []string
		notes                    []string
	}{
		{name: "unchanged", edit: func(s string) string { return s }},
		{name: "item inserted in a nested list", edit: func(s string) string {
			return strings.Replace(s, "      1. the national", "      1. the labour force surveys;\n      1. the national", 1)
		}, missing: []string{list + "i1-1-2"}},
		{name: "item inserted at the top level", edit: func(s string) string {
			return strings.Replace(s, "1. Open and protect", "1. Protect the rights of migrants on the move.\n1. Open and protect", 1)
		}, missing: []string{list + "i2"}},
		{name: "item with sub-items inserted", edit: func(s string) string {
			return strings.Replace(s, "1. Open and protect", "1. Protect the rights of migrants:\n   1. in transit;\n   1. at destination.\n1. Open and protect", 1)
		}, missing: []string{list + "i2", list + "i2-1", list + "i2-2"}},
		{name: "item removed from a nested list", edit: func(s string) string {
			return strings.Replace(s, "      1. the Climate Mobility Scan 2025;\n", "", 1)
		},
			notes: []string{`sources/r.toml:30: warning: list item 1-1-1 of list block "list" of section "recommendations" is not in the document any more: removed`}},
		{name: "item with sub-items removed", edit: func(s string) string {
			return strings.Replace(s, "1. Open and protect regular pathways:\n   1. expand circular and seasonal labour schemes for people from affected areas;\n   1. recognise skills and qualifications across the sub-region.\n", "", 1)
		}, obsolete: []string{list + "i2-1", list + "i2-2"},
			notes: []string{
				`sources/r.toml:35: warning: list item 2 of list block "list" of section "recommendations" is not in the document any more: removed`,
				`sources/r.toml:36: warning: list item 2-1 of list block "list" of section "recommendations" is not in the document any more: removed`,
				`sources/r.toml:37: warning: list item 2-2 of list block "list" of section "recommendations" is not in the document any more: removed`,
			}},
		{name: "item changed", edit: func(s string) string {
			return strings.Replace(s, "recognise skills and qualifications", "recognise skills, diplomas and qualifications", 1)
		}, stale: []string{list + "i2-2"}},
		{name: "item changed after one inserted", edit: func(s string) string {
			s = strings.Replace(s, "recognise skills and qualifications", "recognise skills, diplomas and qualifications", 1)
			return strings.Replace(s, "   1. expand", "   1. inform people of the pathways open to them;\n   1. expand", 1)
		}, stale: []string{list + "i2-3"}, missing: []string{list + "i2-1"}},
		{name: "item moved to another level", edit: func(s string) string {
			s = strings.Replace(s, "   1. publish a joint sub-regional data report every two years.\n", "", 1)
			return strings.Replace(s, "1. Open and protect", "1. publish a joint sub-regional data report every two years.\n1. Open and protect", 1)
		}},
		{name: "row inserted", edit: func(s string) string {
			return strings.Replace(s, "| Tajikistan", "| Türkiye | Presidency of Migration Management | 2 |\n| Tajikistan", 1)
		}, missing: []string{table + "r3c1", table + "r3c2"}},
		{name: "row removed", edit: func(s string) string {
			return strings.Replace(s, "| Kyrgyzstan | Ministry of Labour, Social Security and Migration | 3 |\n", "", 1)
		},
			notes: []string{`sources/r.toml:66: warning: row 2 of table block "table" of section "delegations-present" is not in the document any more: removed`}},
		{name: "cell changed after a row inserted", edit: func(s string) string {
			s = strings.Replace(s, "| Migration Service |", "| Migration Service of the Ministry of Labour |", 1)
			return strings.Replace(s, "| Kyrgyzstan", "| Türkiye | Presidency of Migration Management | 2 |\n| Kyrgyzstan", 1)
		}, stale: []string{table + "r4c2"}, missing: []string{table + "r2c1", table + "r2c2"}},
		{name: "column inserted", edit: func(s string) string {
			s = strings.Replace(s, "| In person |\n|---|---|---:|", "| Focal point | In person |\n|---|---|---|---:|", 1)
			for _, c := range []string{"Social Protection", "Migration", "Migration Service", "Poverty Reduction"} {
				s = strings.Replace(s, c+" |", c+" | the minister's office |", 1)
			}
			return s
		}, missing: []string{table + "h3", table + "r1c3", table + "r2c3", table + "r3c3", table + "r4c3"}},
		{name: "paragraph inserted before a list", edit: func(s string) string {
			return strings.Replace(s, "The participants recommended", "Working groups met on both days.\n\nThe participants recommended", 1)
		}, missing: []string{"r.recommendations.text.p1"}},
		// The closing paragraph joins the new text after the subheading:
		// its translation follows it to p2.
		{name: "blocks inserted between blocks", edit: func(s string) string {
			return strings.Replace(s, "The meeting closed", "### Observers\n\nTwo observers attended.\n\nThe meeting closed", 1)
		}, missing: []string{"r.delegations-present.observers.text", "r.delegations-present.text-2.p1"}},
		{name: "list inserted before a list", edit: func(s string) string {
			return strings.Replace(s, "The participants recommended", "The working groups were:\n\n- data;\n- pathways.\n\nThe participants recommended", 1)
		}, missing: []string{"r.recommendations.list-2.i1", "r.recommendations.list-2.i2", "r.recommendations.list-2.p1"}},
		{name: "section inserted", edit: func(s string) string {
			return strings.Replace(s, "## DELEGATIONS PRESENT", "## WORKING GROUPS\n\nThree working groups met on the second day.\n\n## DELEGATIONS PRESENT", 1)
		}, missing: []string{"r.working-groups.heading", "r.working-groups.text.p1"}},
		{name: "table inserted", edit: func(s string) string {
			return strings.Replace(s, "The meeting closed", "| Organization | In person |\n|---|---:|\n| IOM | 6 |\n\nThe meeting closed", 1)
		}, missing: []string{"r.delegations-present.table-2.h1", "r.delegations-present.table-2.h2", "r.delegations-present.table-2.r1c1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := c.edit(partsBase)
			if c.name != "unchanged" && doc == partsBase {
				t.Fatal("the edit changed nothing")
			}
			res, err := Update(Source{File: "r.en.md", Lang: "en", Data: []byte(doc)}, nil, testConfig("r"), old)
			if err != nil {
				t.Fatalf("%v\n%s\n%s", err, notesText(res.Notes), res.Report)
			}
			if c.name == "unchanged" && string(res.Report) != string(base.Report) {
				t.Errorf("an unchanged document changed the report:\n%s", res.Report)
			}
			stale, missing, obsolete := translationStatus(was, res)
			if !slices.Equal(stale, c.stale) {
				t.Errorf("stale %v, want %v", stale, c.stale)
			}
			if !slices.Equal(missing, c.missing) {
				t.Errorf("missing %v, want %v", missing, c.missing)
			}
			if !slices.Equal(obsolete, c.obsolete) {
				t.Errorf("obsolete %v, want %v", obsolete, c.obsolete)
			}
			if got := strings.TrimSpace(notesText(res.Notes)); got != strings.Join(c.notes, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", got, strings.Join(c.notes, "\n"))
			}
			if t.Failed() {
				t.Logf("moved %v\nvacated %v\n%s", res.Moved, res.Vacated, res.Report)
			}
		})
	}
}

// TestUpdateAnnexItems inserts an item in the middle of an annex and
// removes one: the titles of the others keep their translations.
func TestUpdateAnnexItems(t *testing.T) {
	const doc = head + "## OPENING REMARKS\n\n**Ms. Renate Held, IOM Regional Director** (*Annex 1: English and Annex 1.1: English and Annex 1.2: Courtesy Translation to Turkmen*)\n\nShe opened the meeting.\n\n" +
		"## ANNEXES\n\nAnnex 1. Opening remarks\n\n- 1 English (original)\n- 1.1 English (original): Data tables\n- 1.2 Turkmen (courtesy translation of 1.1): Summary\n"
	base := imp(t, doc, "")
	old, diags := sources.Parse("sources/r.toml", base.Report)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	was := messages(old)
	for _, c := range []struct {
		name                     string
		edit                     func(string) string
		stale, missing, obsolete []string
	}{
		{name: "item inserted", edit: func(s string) string {
			s = strings.Replace(s, "Annex 1.1: English and Annex 1.2: Courtesy", "Annex 1.1: English and Annex 1.2: English and Annex 1.3: Courtesy", 1)
			return strings.Replace(s, "- 1.1 English (original): Data tables\n- 1.2 Turkmen (courtesy translation of 1.1): Summary",
				"- 1.1 English (original): Maps\n- 1.2 English (original): Data tables\n- 1.3 Turkmen (courtesy translation of 1.2): Summary", 1)
		}, missing: []string{"r.annex.held.2.title"}},
		{name: "item removed", edit: func(s string) string {
			s = strings.Replace(s, "Annex 1.1: English and Annex 1.2: Courtesy", "Annex 1.1: Courtesy", 1)
			return strings.Replace(s, "- 1.1 English (original): Data tables\n- 1.2 Turkmen (courtesy translation of 1.1): Summary",
				"- 1.1 Turkmen (courtesy translation of 1): Summary", 1)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Update(Source{File: "r.en.md", Lang: "en", Data: []byte(c.edit(doc))}, nil, testConfig("r"), old)
			if err != nil {
				t.Fatalf("%v\n%s", err, notesText(res.Notes))
			}
			stale, missing, obsolete := translationStatus(was, res)
			if !slices.Equal(stale, c.stale) || !slices.Equal(missing, c.missing) || !slices.Equal(obsolete, c.obsolete) {
				t.Errorf("stale %v, missing %v, obsolete %v; want %v, %v, %v\nmoved %v\n%s", stale, missing, obsolete, c.stale, c.missing, c.obsolete, res.Moved, res.Report)
			}
		})
	}
}

// TestPairParagraphsBounded: long sequences pair in bounded time and
// memory; a text inserted among thousands pairs all the others; beyond
// the bounds, nothing is paired that might not correspond.
func TestPairParagraphsBounded(t *testing.T) {
	var was []string
	for i := range 5000 {
		was = append(was, fmt.Sprintf("row %d of the table", i))
	}
	now := slices.Insert(slices.Clone(was), 2500, "a new row")
	from := pairParagraphs(was, now)
	for i, j := range from {
		want := i
		switch {
		case i == 2500:
			want = -1
		case i > 2500:
			want = i - 1
		}
		if j != want {
			t.Fatalf("row %d paired with %d, want %d", i, j, want)
		}
	}
	// Everything different, counts differing: too many pairs to
	// compare; none is paired.
	var other []string
	for i := range 5001 {
		other = append(other, fmt.Sprintf("line %d", i))
	}
	if from := pairParagraphs(was, other); slices.ContainsFunc(from, func(j int) bool { return j >= 0 }) {
		t.Error("unrelated texts paired")
	}
}
