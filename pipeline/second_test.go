package pipeline

import (
	"math"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
)

// The second reference report, climate-mobility-2025: a fictional example
// (it says so on its first page) that uses every construct of a report.
// Its unreferenced annex is deliberate: every build of it warns.
const secondID = "climate-mobility-2025"

var secondCache map[string]*pdfread.Doc

// second builds the embedded second reference report in English and
// Russian once per test binary and returns the PDFs read back.
func second(t *testing.T) map[string]*pdfread.Doc {
	t.Helper()
	if secondCache != nil {
		return secondCache
	}
	results, diags := Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Reports: []string{secondID}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	// The one warning: the annex defined and never referred to.
	if len(diags) != 1 || diags[0].Severity != diag.Warning || diags[0].Key != "field-visit-programme" ||
		!strings.Contains(diags[0].Msg, "never referred to") || diags[0].File != "sources/"+secondID+".toml" || diags[0].Line == 0 {
		t.Errorf("diagnostics %v, want the warning about the unreferenced annex", diags)
	}
	if len(results) != 2 {
		t.Fatalf("got %d PDFs, want 2 (en, ru)", len(results))
	}
	m := map[string]*pdfread.Doc{}
	for _, r := range results {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatalf("%s: %v", r.Lang, err)
		}
		m[r.Lang] = doc
		if s := r.Stats; s.Overfull != 0 || s.Widows != 0 || s.Orphans != 0 {
			t.Errorf("%s: %d overfull lines, %d widows, %d orphans", r.Lang, s.Overfull, s.Widows, s.Orphans)
		}
		if r.Translated != r.Messages {
			t.Errorf("%s: %d of %d messages translated", r.Lang, r.Translated, r.Messages)
		}
	}
	secondCache = m
	return m
}

// TestSecondReportReadsBack finds in each edition what its constructs
// print: the fictional-example notice, the date line with a range across
// two months, the place and the time zone (in words in Russian), the
// participant counts, the figure captions and the annex labels, with
// two-digit numbers and a group of four items.
func TestSecondReportReadsBack(t *testing.T) {
	docs := second(t)
	want := map[string][]string{
		"en": {
			"Fictional example report for reportgen; names and figures are invented.",
			"Tashkent, 30 September – 1 October 2025, 09:00 – 17:30 UZT (UTC+5)",
			"42 participants in person and 121 online",
			"Figure 1. Households with at least one member who moved because of drought, heat or floods",
			"Figure 2. Seasonal labour departures from three pilot districts of the Fergana Valley",
			"(Annex 1: English and Annex 1.1: Courtesy Translation to Russian)",
			"(Annex 3: English and Russian, Annex 3.1: English)",
			"(Annex 4: Kazakh, Annex 4.1: Russian and Annex 4.2: English)",
			"(Annex 10: English, Annex 10.1: Russian, Annex 10.2: Kazakh, Kyrgyz, Tajik and Uzbek, Annex 10.3: Courtesy Translation to Turkmen)",
			"(Annex 11: English and Annex 11.1: Courtesy Translation to Russian)",
			"The report has 11 annexes",
			"10.3 Turkmen (courtesy translation of 10.2): Summary of the draft Roadmap",
			"— CLOSE OF MEETING —",
			"Şebnem Yağcıoğlu",
			"Қауіпсіз қоныс",
		},
		"ru": {
			"Вымышленный пример отчёта для reportgen; имена и цифры придуманы.",
			"Ташкент, 30 сентября – 1 октября 2025 г., 09:00–17:30 (по ташкентскому времени, UTC+5)",
			"42 участника в зале и 121 — в режиме онлайн",
			"Рисунок 1. Домохозяйства, в которых по меньшей мере один член переехал",
			"Рисунок 2. Сезонный выезд на заработки из трёх пилотных районов Ферганской долины",
			"(приложение 1: английский язык и приложение 1.1: неофициальный перевод на русский язык)",
			"(приложение 3: английский и русский языки, приложение 3.1: английский язык)",
			"(приложение 10: английский язык, приложение 10.1: русский язык, приложение 10.2: казахский, киргизский, таджикский и узбекский языки, приложение 10.3: неофициальный перевод на туркменский язык)",
			"(приложение 11: английский язык и приложение 11.1: неофициальный перевод на русский язык)",
			"К отчёту прилагается 11 приложений",
			"Настоящий документ является неофициальным переводом",
			"— ЗАКРЫТИЕ СОВЕЩАНИЯ —",
			"Қауіпсіз қоныс",
		},
	}
	// Never printed: the unreferenced annex, a footnote's markup, a
	// dangling number 12.
	never := []string{"Karakalpakstan (cancelled)", "Каракалпакстан (отменена)", "^[", "Annex 12", "Приложение 12", "приложение 12"}
	for lang, texts := range want {
		body := bodyText(t, docs[lang], nil)
		for _, s := range texts {
			if !strings.Contains(body, s) {
				t.Errorf("%s: %q not found", lang, s)
			}
		}
		for _, s := range never {
			if strings.Contains(body, s) {
				t.Errorf("%s: %q printed", lang, s)
			}
		}
		if first := normalize(docs[lang].Pages[0].Text()); !strings.Contains(first, want[lang][0]) {
			t.Errorf("%s: the fictional-example notice is not on the first page", lang)
		}
	}
}

// A Russian line may not start with a dash: the catalog ties each dash
// to the word before it.
func TestSecondReportNoLineStartsWithDash(t *testing.T) {
	for pi, pg := range second(t)["ru"].Pages {
		for _, ln := range strings.Split(pg.Text(), "\n") {
			if strings.HasPrefix(ln, "— ") && !strings.HasPrefix(ln, "— ЗАКРЫТИЕ") {
				t.Errorf("ru page %d: line starts with a dash: %q", pi+1, ln)
			}
		}
	}
}

// TestSecondReportLists checks the list markers of each level in both
// languages (the Russian second level «а)» by ГОСТ 2.105) and that the
// lines of an item hang at its text, right of its marker.
func TestSecondReportLists(t *testing.T) {
	docs := second(t)
	markers := map[string][]string{
		"en": {"• data on climate-related movements", "– they are neither refugees", "1. Improve data on climate mobility:", "a) agree on shared definitions", "i. the Climate Mobility Scan 2025;", "iii. the disaster loss databases", "b) publish a joint sub-regional data report", "4. Review progress at a ministerial meeting"},
		"ru": {"• данные о перемещениях", "– они не являются беженцами", "1. Улучшить данные о климатической мобильности:", "а) к концу 2026 г. согласовать", "i) «Обзор климатической мобильности 2025»;", "iii) базы данных об ущербе", "б) раз в два года публиковать", "4. Рассмотреть ход выполнения"},
	}
	for lang, want := range markers {
		var lines []string
		for _, pg := range docs[lang].Pages {
			for _, ln := range strings.Split(pg.Text(), "\n") {
				lines = append(lines, normalize(ln))
			}
		}
		for _, m := range want {
			found := false
			for _, ln := range lines {
				if strings.HasPrefix(ln, m) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: no line starts with %q", lang, m)
			}
		}
		// Hanging indents: the second line of a wrapped item starts
		// where the first line's text starts, right of the marker.
		wrapped := map[string][][2]string{
			"en": {{"•", "data"}, {"•", "local authorities"}},
			"ru": {{"•", "данные"}, {"–", "они не являются"}, {"iii)", "базы"}},
		}
		for _, item := range wrapped[lang] {
			item := struct{ marker, text string }{item[0], item[1]}
			markerX, textX, nextX, ok := hanging(docs[lang], item.marker, item.text)
			if !ok {
				t.Errorf("%s: no wrapped item %q %q", lang, item.marker, item.text)
				continue
			}
			if textX <= markerX+1 || math.Abs(nextX-textX) > 0.5 {
				t.Errorf("%s: item %q: marker at %.1f, text at %.1f, next line at %.1f; want the next line at the text", lang, item.marker, markerX, textX, nextX)
			}
		}
	}
}

// hanging finds the line whose first run is marker followed by a run
// starting with text, and returns the X of the marker, of the text and of
// the first run of the next line.
func hanging(doc *pdfread.Doc, marker, text string) (markerX, textX, nextX float64, ok bool) {
	for _, pg := range doc.Pages {
		lines := runLines(pg)
		for i := 0; i+1 < len(lines); i++ {
			ln := lines[i]
			var rest []string
			for _, r := range ln[1:] {
				rest = append(rest, strings.TrimSpace(r.Text))
			}
			if len(ln) < 2 || strings.TrimSpace(ln[0].Text) != marker || !strings.HasPrefix(normalize(strings.Join(rest, " ")), text) {
				continue
			}
			return ln[0].X, ln[1].X, lines[i+1][0].X, true
		}
	}
	return 0, 0, 0, false
}

// runLines groups a page's runs into lines by baseline, top to bottom,
// each sorted by X, as Page.Text does.
func runLines(pg pdfread.Page) [][]pdfread.Run {
	var runs []pdfread.Run
	for _, r := range pg.Runs {
		if strings.TrimSpace(r.Text) != "" {
			runs = append(runs, r)
		}
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].Y < runs[j].Y })
	var lines [][]pdfread.Run
	for i := 0; i < len(runs); {
		j := i + 1
		for j < len(runs) && runs[j].Y-runs[i].Y <= 0.5 {
			j++
		}
		ln := runs[i:j]
		sort.SliceStable(ln, func(a, b int) bool { return ln[a].X < ln[b].X })
		lines = append(lines, ln)
		i = j
	}
	return lines
}

// TestSecondReportLinks: every link the text names points at the public
// page, the same in both editions, and none at "#".
func TestSecondReportLinks(t *testing.T) {
	docs := second(t)
	var want []string
	for lang, doc := range docs {
		var got []string
		for _, pg := range doc.Pages {
			for _, l := range pg.Links {
				if l.URI == "" {
					continue
				}
				if !strings.HasPrefix(l.URI, "https://") {
					t.Errorf("%s: link %q", lang, l.URI)
				}
				uri := l.URI
				if lang == "ru" && uri == "https://www.un.org/ru/climatechange" {
					uri = "https://www.un.org/en/climatechange" // the localized link
				} else if lang == "ru" && uri == "https://www.un.org/en/climatechange" {
					t.Errorf("ru links the English address of a localized link")
				}
				if len(got) == 0 || got[len(got)-1] != uri { // a link broken over lines is one
					got = append(got, uri)
				}
			}
		}
		if len(got) < 8 {
			t.Errorf("%s: %d links, want every link of the text: %v", lang, len(got), got)
		}
		if want == nil {
			want = got
		} else if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("links differ between the editions:\n%v\n%v", want, got)
		}
	}
}

// TestSecondReportFootnotes: the report's footnotes (^[…]) are kept by
// the translation, one for one in the same messages (they print at the
// foot of their pages: TestSecondReportTableAndNotes).
func TestSecondReportFootnotes(t *testing.T) {
	r, diags := sources.Load(sources.Embedded(), secondID+".toml", "sources/"+secondID+".toml")
	if r == nil {
		t.Fatal(diags)
	}
	cat, diags := locales.Load(locales.Embedded(), "locales", language.English)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	notes := 0
	for _, m := range r.Messages {
		en, err := markup.Parse(m.Text)
		if err != nil || !m.Markup {
			continue
		}
		e, ok := cat.Entry(language.Russian, m.ID)
		if !ok {
			t.Errorf("no ru message %s", m.ID)
			continue
		}
		ru, err := markup.Parse(e.Source())
		if err != nil {
			t.Errorf("ru %s: %v", m.ID, err)
			continue
		}
		if a, b := len(markup.Notes(en)), len(markup.Notes(ru)); a != b {
			t.Errorf("%s: %d footnotes in en, %d in ru", m.ID, a, b)
		}
		notes += len(markup.Notes(en))
	}
	if notes < 3 || notes > 4 {
		t.Errorf("%d footnotes, want 3 or 4", notes)
	}
}

// TestSecondReportStrict: a strict build of the whole project fails on
// the unreferenced annex alone and writes nothing; narrowed to the first
// report (as CI and releases build), it passes.
func TestSecondReportStrict(t *testing.T) {
	out := t.TempDir()
	results, diags := Run(project.Open(t.TempDir()), Options{OutDir: out, Strict: true})
	if len(results) != 0 || len(diags) != 1 || diags[0].Severity != diag.Error ||
		!regexp.MustCompile(`annex "field-visit-programme" is never referred to.*\(--strict\)`).MatchString(diags[0].Msg) {
		t.Errorf("strict build: %d PDFs, %v", len(results), diags)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("strict build wrote %d files", len(entries))
	}
	results, diags = Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Strict: true, Reports: firstReport})
	if len(diags) != 0 || len(results) != 2 {
		t.Errorf("strict build of %v: %d PDFs, %v", firstReport, len(results), diags)
	}
}

// TestSecondReportTableAndNotes reads the table and the footnotes back:
// the table's caption in each language, its header row at the top of
// every page it continues on, and each footnote's number at the foot of
// the page whose text refers to it.
func TestSecondReportTableAndNotes(t *testing.T) {
	docs := second(t)
	for lang, w := range map[string]struct{ caption, header string }{
		"en": {"Table 1. Participants by delegation", "Delegation Represented by In person Online"},
		"ru": {"Таблица 1. Участники по делегациям", "Делегация Представлена В зале Онлайн"},
	} {
		doc := docs[lang]
		pages := 0
		for pi, pg := range doc.Pages {
			text := normalize(pg.Text())
			if strings.Contains(text, w.header) {
				pages++
				if pages == 1 && !strings.Contains(text, w.caption) {
					t.Errorf("%s page %d: the table starts without its caption", lang, pi+1)
				}
			}
		}
		if pages < 2 {
			t.Errorf("%s: the table's header is on %d page(s); the table crosses a page break and repeats it", lang, pages)
		}
		notes := 0
		for pi, pg := range doc.Pages {
			for _, ln := range runLines(pg) {
				first := ln[0]
				// A tagged PDF draws a run with the space after it.
				first.Text = strings.TrimSpace(first.Text)
				// A note's first line: its number, small, below the text.
				if first.Size > 7.5 && first.Size < 8.5 && first.Text >= "1" && first.Text <= "9" && len(first.Text) == 1 {
					notes++
					mark := false
					for _, other := range runLines(pg) {
						for _, r := range other {
							if strings.TrimSpace(r.Text) == first.Text && r.Y < first.Y-20 && r.Size < 7 {
								mark = true
							}
						}
					}
					if !mark {
						t.Errorf("%s page %d: note %s has no mark on its page", lang, pi+1, first.Text)
					}
				}
			}
		}
		if notes != 4 {
			t.Errorf("%s: %d footnotes at page feet, want 4", lang, notes)
		}
	}
}
