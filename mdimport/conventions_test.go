package mdimport

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reportgen/reportgen/sources"
)

// head is the front of a document that every case below shares: a
// running header, the title, the meeting details, the participants and
// the document type.
const head = `International Organization for Migration (IOM)  
The UN Migration Agency

# A Report

28 January 2021, 08:30 – 12:00 CET

*Delegates of five countries*

## SUMMARY REPORT

`

// TestConventions imports one small document per convention and checks
// what it became.
func TestConventions(t *testing.T) {
	cases := []struct {
		name  string
		md    string
		check func(t *testing.T, r *sources.Report, res *Result)
	}{
		{"front matter", head + "## OPENING\n\nText.\n\n--- CLOSE OF SESSION ---\n", func(t *testing.T, r *sources.Report, res *Result) {
			if r.Title != "A Report" || r.Kind != "summary-report" || r.Participants != "Delegates of five countries" ||
				!r.Date.Equal(time.Date(2021, 1, 28, 0, 0, 0, 0, time.UTC)) || r.Time == nil || r.Time.Start != "08:30" || r.Time.End != "12:00" || r.Time.Zone != "CET" ||
				r.ClosingMarker != "CLOSE OF SESSION" {
				t.Errorf("report %+v", r)
			}
			if r.Sections[0].Heading != "Opening" || r.Sections[0].Blocks[0].Type != "text" {
				t.Errorf("section %+v", r.Sections[0])
			}
		}},
		{"place, range and counts", "# T\n\nTashkent, 30 September – 1 October 2025, 09:00 – 17:30 UZT (UTC+5)\n\n*Who*\n\n42 participants in person and 121 online\n\n## A\n\nText.\n", func(t *testing.T, r *sources.Report, res *Result) {
			if r.Place != "Tashkent" || !r.Date.Equal(time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)) || !r.EndDate.Equal(time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)) ||
				r.Time.Zone != "UZT (UTC+5)" || r.Attendance == nil || r.Attendance.InPerson != 42 || r.Attendance.Online != 121 {
				t.Errorf("report %+v %+v %+v", r, r.Time, r.Attendance)
			}
		}},
		{"headings in capitals", head + "## THE GCM IN KAZAKHSTAN AND BEYOND\n\nThe GCM is followed in Kazakhstan and in the region.\n\n## WORLD MIGRATION REPORT 2020\n\nThe World Migration Report 2020 is out.\n", func(t *testing.T, r *sources.Report, res *Result) {
			if h := r.Sections[0].Heading; h != "The GCM in Kazakhstan and beyond" {
				t.Errorf("heading %q", h)
			}
			if h := r.Sections[1].Heading; h != "World Migration Report 2020" {
				t.Errorf("heading %q", h)
			}
			if r.Sections[0].ID != "the-gcm-in-kazakhstan-and" {
				t.Errorf("section id %q", r.Sections[0].ID)
			}
		}},
		{"speakers, labels and moderators", head + "## OPENING\n\n" +
			"**Interactive discussion on data, moderated by Ms. Ann Lee, Adviser**\n\nMs. Lee opened the discussion.\n\n" +
			"**Ms. Renate Held, IOM Regional Director** (*Annex 1: Uzbek, Annex 1.1: English and Annex 1.2: Courtesy Translation to Russian*)\n\nShe spoke.\n\nShe spoke again.\n\n" +
			"### **Mr. Savaş Ünlü, Director General (*Annex 2: English*)**\n\nHe closed.\n\n" +
			"**Ms. Renate Held, IOM Regional Director** (*Annex 1: Uzbek, Annex 1.1: English and Annex 1.2: Courtesy Translation to Russian*)\n\nShe spoke a third time.\n\n" +
			"### Questions from the floor\n\nThere were none.\n", func(t *testing.T, r *sources.Report, res *Result) {
			b := r.Sections[0].Blocks
			want := []string{"moderator:moderator", "text:text", "speaker:held", "speaker:unlu", "speaker:held-2", "subheading:questions-from-the", "text:text-2"}
			var got []string
			for _, x := range b {
				got = append(got, x.Type+":"+x.ID)
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("blocks %v, want %v", got, want)
			}
			if b[0].Text != "Interactive discussion on data, moderated by Ms. Ann Lee, Adviser" || b[1].Paragraphs[0] != "Ms. Lee opened the discussion." {
				t.Errorf("moderator %+v %+v", b[0], b[1])
			}
			if b[2].Name != "Ms. Renate Held" || b[2].Role != "IOM Regional Director" || len(b[2].Paragraphs) != 2 || strings.Join(b[2].Annexes, ",") != "held" {
				t.Errorf("speaker %+v", b[2])
			}
			if !b[3].Heading || b[3].Name != "Mr. Savaş Ünlü" || b[3].Role != "Director General" || strings.Join(b[3].Annexes, ",") != "unlu" {
				t.Errorf("speaker as heading %+v", b[3])
			}
			if strings.Join(b[4].Annexes, ",") != "held" {
				t.Errorf("a second label of annex 1 refers to another annex: %v", b[4].Annexes)
			}
			if len(r.Annexes) != 2 {
				t.Fatalf("annexes %+v", r.Annexes)
			}
			a := r.Annexes[0]
			if len(a.Items) != 3 || a.Items[0].Languages[0] != "uz" || a.Items[0].Kind != "original" ||
				a.Items[1].Languages[0] != "en" || a.Items[1].Kind != "translation" ||
				a.Items[2].Languages[0] != "ru" || a.Items[2].Kind != "courtesy-translation" {
				t.Errorf("annex %+v", a)
			}
			// No list of annexes: no title, a warning at the label's line
			// naming the key, and one where the report defines the annex.
			notes := notesText(res.Notes)
			if a.Title != "" || !strings.Contains(notes, `r.en.md:18: warning: annex 1 (key "held") has no title`) ||
				!strings.Contains(notes, `warning: annex "held" has no title: the list of annexes shows its key instead`) {
				t.Errorf("title %q, notes\n%s", a.Title, notes)
			}
		}},
		{"list of annexes", head + "## OPENING\n\n**Ms. A Kay, Minister** (*Annex 1: Kazakh, Annex 1.1: Russian and Annex 1.2: English*)\n\nText.\n\n## ANNEXES\n\nAnnex 1. Statement of Kazakhstan\n\n- 1 Kazakh (original)\n- 1.1 Russian (original)\n- 1.2 English (translation)\n", func(t *testing.T, r *sources.Report, res *Result) {
			a := r.Annexes[0]
			if a.Title != "Statement of Kazakhstan" || a.Items[1].Kind != "original" || a.Items[2].Kind != "translation" || len(r.Sections) != 1 {
				t.Errorf("annex %+v; %d sections", a, len(r.Sections))
			}
			if len(res.Notes) != 0 {
				t.Errorf("notes\n%s", notesText(res.Notes))
			}
		}},
		{"lists", head + "## A\n\nThe participants agreed on:\n\n1. data;\n2. skills:\n   1. recognition\n   2. training:\n      - early\n3. pathways.\n\n- one\n- two\n", func(t *testing.T, r *sources.Report, res *Result) {
			b := r.Sections[0].Blocks
			if len(b) != 2 || b[0].Type != "list" || !b[0].Numbered || b[0].Paragraphs[0] != "The participants agreed on:" ||
				len(b[0].Items) != 3 || len(b[0].Items[1].Items) != 2 || b[0].Items[1].Items[1].Items[0].Text != "early" ||
				b[1].Type != "list" || b[1].Numbered || len(b[1].Paragraphs) != 0 {
				t.Errorf("blocks %+v", b)
			}
		}},
		{"inline markup", head + "## A\n\nSee [the *report*](https://example.org/a_(b)), <https://example.org/x>, <info@example.org>, [mail](mailto:a@example.org), ***both*** and **bold *in* bold**, a star \\* and [brackets\\].^[Source: [data](https://example.org/d), 2024.]\n\nNote.[^1]\n\n[^1]: A *real* footnote.\n", func(t *testing.T, r *sources.Report, res *Result) {
			p := r.Sections[0].Blocks[0].Paragraphs
			want := "See [the *report*](https://example.org/a_%28b%29), <https://example.org/x>, [info@example.org](mailto:info@example.org), [mail](mailto:a@example.org), ***both*** and **bold *in* bold**, a star \\* and \\[brackets\\].\\^\\[Source: [data](https://example.org/d), 2024.\\]"
			if p[0] != want {
				t.Errorf("got  %s\nwant %s", p[0], want)
			}
			if p[1] != "Note.^[A *real* footnote.]" {
				t.Errorf("footnote: %s", p[1])
			}
			if !strings.Contains(notesText(res.Notes), "r.en.md:14: warning: inline footnote") {
				t.Errorf("notes\n%s", notesText(res.Notes))
			}
		}},
		{"table", head + "## A\n\nTable 1. Arrivals *by* country\n\n| Country | Arrivals |\n|---|---:|\n| Kazakhstan | 12 400 |\n| Total | 20 000 |\n", func(t *testing.T, r *sources.Report, res *Result) {
			b := r.Sections[0].Blocks[0]
			if b.Type != "table" || b.Caption != "Arrivals *by* country" || len(b.Columns) != 2 || b.Columns[1].Align != "right" ||
				b.Columns[0].Header != "Country" || len(b.Rows) != 2 || b.Rows[0][1] != "12 400" || b.Columns[0].Width != "" || b.Columns[1].Width != "" {
				t.Errorf("table %+v", b)
			}
		}},
		{"table with column widths", head + "## A\n\n| Country | Office | Arrivals |\n|------|------------|------:|\n| Kazakhstan | Almaty | 12 400 |\n\nTable 1. Arrivals\n", func(t *testing.T, r *sources.Report, res *Result) {
			b := r.Sections[0].Blocks[0]
			var w []string
			for _, c := range b.Columns {
				w = append(w, c.Width)
			}
			if strings.Join(w, " ") != "25% 50% 25%" || b.Columns[2].Align != "right" || b.Caption != "Arrivals" {
				t.Errorf("table %+v", b)
			}
		}},
		{"figure", head + "## A\n\nText before.\n\n![Bar chart of arrivals by month](chart.png)\n\nFigure 1. Arrivals by month\n\nText after.\n", func(t *testing.T, r *sources.Report, res *Result) {
			b := r.Sections[0].Blocks
			if len(b) != 3 || b[1].Type != "figure" || b[1].Image != "figures/chart.png" || b[1].Alt != "Bar chart of arrivals by month" ||
				b[1].Caption != "Arrivals by month" || b[2].Type != "text" {
				t.Errorf("blocks %+v", b)
			}
			if _, ok := res.Figures["figures/chart.png"]; !ok {
				t.Errorf("figure not copied: %v", res.Figures)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := impWith(t, c.md, "")
			c.check(t, res.Loaded.Report, res)
		})
	}
}

// impWith is imp with a figure chart.png beside the document.
func impWith(t *testing.T, enDoc, ruDoc string) *Result {
	t.Helper()
	var trs []Source
	if ruDoc != "" {
		trs = append(trs, Source{File: "r.ru.md", Lang: "ru", Data: []byte(ruDoc)})
	}
	cfg := testConfig("r")
	cfg.ReadFigure = func(name string) ([]byte, error) {
		img := image.NewGray(image.Rect(0, 0, 4, 3))
		img.Set(1, 1, color.White)
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			return nil, err
		}
		if name != "chart.png" {
			return nil, errNotFound
		}
		return b.Bytes(), nil
	}
	res, err := Import(Source{File: "r.en.md", Lang: "en", Data: []byte(enDoc)}, trs, cfg)
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, notesText(res.Notes), res.Report)
	}
	return res
}

type notFound struct{}

func (notFound) Error() string { return "file does not exist" }

var errNotFound = notFound{}

// TestUnmapped: what a report cannot hold is left out and listed with
// the Markdown file's line.
func TestUnmapped(t *testing.T) {
	md := "Draft 3, do not circulate\n\n" + // 1
		head + // 3 … 13
		"## A\n\n" + // 14
		"Text with a [relative link](other.md) and `code`.\n\n" + // 16
		"```\nsome code\n```\n\n" + // 18
		"<div>html</div>\n\n" + // 22
		"![Missing picture](missing.png)\n\n" + // 24
		"Text with ![an inline image](chart.png) inside.\n\n" + // 26
		"> A quotation.\n\n" + // 28
		"---\n" // 30
	res := impWith(t, md, "")
	got := notesText(res.Notes)
	for _, want := range []string{
		"r.en.md:1: warning: paragraph before the # title left out",
		`r.en.md:16: warning: link to "other.md" dropped, its text kept`,
		"r.en.md:16: warning: code span set as ordinary text",
		"r.en.md:18: warning: code block left out",
		"r.en.md:22: warning: HTML block left out",
		`r.en.md:24: warning: figure "missing.png" left out`,
		"r.en.md:26: warning: image inside a paragraph left out",
		"r.en.md:28: warning: block quote read as ordinary paragraphs",
		"r.en.md:30: warning: horizontal rule left out",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no note %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "International Organization") {
		t.Errorf("the running header was noted:\n%s", got)
	}
	p := res.Loaded.Report.Sections[0].Blocks[0].Paragraphs
	if p[0] != "Text with a relative link and code." {
		t.Errorf("paragraph %q", p[0])
	}
}

const ruHead = `Международная организация по миграции (МОМ)  
Агентство ООН по миграции

# Отчёт

28 января 2021 г., 08:30 – 12:00 по центральноевропейскому времени

*Делегаты пяти стран*

## КРАТКИЙ ОТЧЁТ

`

// TestTranslation pairs a translation block by block; a block whose
// structure differs is left untranslated and reported with both lines.
func TestTranslation(t *testing.T) {
	en := head +
		"## OPENING REMARKS\n\n" +
		"**Ms. Renate Held, IOM Regional Director** (*Annex 1: English*)\n\n" +
		"First.\n\n" +
		"Second.\n\n" +
		"**Mr. Jonathan Prentice, Head of the Secretariat**\n\n" +
		"Third.\n\n" +
		"- item one\n- item two\n\n" +
		"--- CLOSE OF SESSION ---\n\n" +
		"## ANNEXES\n\nAnnex 1. Opening remarks\n"
	ru := ruHead +
		"## ВСТУПИТЕЛЬНОЕ СЛОВО\n\n" +
		"**г-жа Ренате Хельд, региональный директор МОМ** (*Приложение 1: английский язык*)\n\n" +
		"Первый.\n\n" +
		"**г-н Джонатан Прентис**\n\n" +
		"Третий.\n\n" +
		"- пункт один\n- пункт два\n\n" +
		"--- ЗАКРЫТИЕ ЗАСЕДАНИЯ ---\n\n" +
		"## ПРИЛОЖЕНИЯ\n\nПриложение 1. Вступительное слово\n"
	res := impWith(t, en, ru)
	msgs := flattenCatalog(t, res.Catalogs["ru"])
	want := map[string]string{
		"r.title":                   "Отчёт",
		"r.participants":            "Делегаты пяти стран",
		"r.time-zone":               "по центральноевропейскому времени",
		"r.closing-marker":          "ЗАКРЫТИЕ ЗАСЕДАНИЯ",
		"r.annex.held.title":        "Вступительное слово",
		"r.opening-remarks.heading": "Вступительное слово",
		"r.opening-remarks.list.i1": "пункт один",
		"r.opening-remarks.list.i2": "пункт два",
	}
	for id, w := range want {
		if msgs[id] != w {
			t.Errorf("%s = %q, want %q", id, msgs[id], w)
		}
	}
	for _, id := range []string{"r.opening-remarks.held.p1", "r.opening-remarks.held.name", "r.opening-remarks.prentice.name", "r.opening-remarks.prentice.p1"} {
		if _, ok := msgs[id]; ok {
			t.Errorf("%s translated from a block that differs", id)
		}
	}
	got := notesText(res.Notes)
	for _, w := range []string{
		"r.ru.md:14: warning: structure differs from the English: 2 paragraphs in the English, 1 in the translation; block left untranslated (r.en.md:14)",
		"r.ru.md:18: warning: speaker line without a role (\"Name, role\"); block left untranslated (r.en.md:20)",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("no note %q in\n%s", w, got)
		}
	}
}

// TestAlign: blocks are paired only where the pairing is certain.
func TestAlign(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want string
	}{
		{"s s t", "s s t", "0 1 2"},
		{"s t l", "s l", "0 - 1"},
		{"s s t", "s t", "- - 1"}, // which speaker is missing is not known
		{"t s l f", "t s x l f", "0 1 3 4"},
	} {
		got := align(strings.Fields(c.a), strings.Fields(c.b))
		var s []string
		for _, j := range got {
			if j < 0 {
				s = append(s, "-")
			} else {
				s = append(s, string(rune('0'+j)))
			}
		}
		if strings.Join(s, " ") != c.want {
			t.Errorf("align(%q, %q) = %v, want %s", c.a, c.b, s, c.want)
		}
	}
}

// TestTranslationDiffers: where one block of a translation differs in
// structure from the English (a missing paragraph, an extra list item, a
// speaker line without a role), the import says so with both files'
// lines and leaves exactly that block untranslated; the blocks around it
// are paired as before, never shifted.
func TestTranslationDiffers(t *testing.T) {
	const enBody = "## OPENING REMARKS\n\n" + // line 12
		"**Ms. Renate Held, IOM Regional Director**\n\n" + // 14
		"First.\n\n" + // 16
		"Second.\n\n" + // 18
		"Third.\n\n" + // 20
		"**Mr. Jonathan Prentice, Head of the Secretariat**\n\n" + // 22
		"Fourth.\n\n" + // 24
		"The priorities:\n\n" + // 26
		"- item one\n- item two\n\n" + // 28
		"Closing words.\n" // 31
	ruParts := []string{
		"## ВСТУПИТЕЛЬНОЕ СЛОВО\n\n",
		"**г-жа Ренате Хельд, региональный директор МОМ**\n\n",
		"Первый.\n\n", "Второй.\n\n", "Третий.\n\n",
		"**г-н Джонатан Прентис, глава секретариата**\n\n",
		"Четвёртый.\n\n",
		"Приоритеты:\n\n",
		"- пункт один\n- пункт два\n\n",
		"Заключительные слова.\n",
	}
	all := []string{
		"r.opening-remarks.held.name", "r.opening-remarks.held.role", "r.opening-remarks.held.p1", "r.opening-remarks.held.p2", "r.opening-remarks.held.p3",
		"r.opening-remarks.prentice.name", "r.opening-remarks.prentice.role", "r.opening-remarks.prentice.p1",
		"r.opening-remarks.list.p1", "r.opening-remarks.list.i1", "r.opening-remarks.list.i2",
		"r.opening-remarks.text.p1",
	}
	for _, c := range []struct {
		name string
		edit func(p []string) // changes the Russian parts
		// untranslated: the messages of the block left untranslated.
		untranslated []string
		note         string
	}{
		{name: "as the English", edit: func([]string) {}},
		{name: "missing paragraph", edit: func(p []string) { p[3] = "" },
			untranslated: []string{"r.opening-remarks.held.name", "r.opening-remarks.held.role", "r.opening-remarks.held.p1", "r.opening-remarks.held.p2", "r.opening-remarks.held.p3"},
			note:         "r.ru.md:14: warning: structure differs from the English: 3 paragraphs in the English, 2 in the translation; block left untranslated (r.en.md:14)"},
		{name: "extra list item", edit: func(p []string) { p[8] = "- пункт один\n- пункт два\n- пункт три\n\n" },
			untranslated: []string{"r.opening-remarks.list.p1", "r.opening-remarks.list.i1", "r.opening-remarks.list.i2"},
			note:         "r.ru.md:26: warning: structure differs from the English: list items differ (2 in the English, 3 in the translation, nested lists included); block left untranslated (r.en.md:26)"},
		{name: "speaker line without a role", edit: func(p []string) { p[5] = "**г-н Джонатан Прентис**\n\n" },
			untranslated: []string{"r.opening-remarks.prentice.name", "r.opening-remarks.prentice.role", "r.opening-remarks.prentice.p1"},
			note:         "r.ru.md:22: warning: speaker line without a role (\"Name, role\"); block left untranslated (r.en.md:22)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			parts := slices.Clone(ruParts)
			c.edit(parts)
			res := impWith(t, head+enBody, ruHead+strings.Join(parts, ""))
			msgs := flattenCatalog(t, res.Catalogs["ru"])
			for _, id := range all {
				_, has := msgs[id]
				if want := !slices.Contains(c.untranslated, id); has != want {
					t.Errorf("%s translated: %v, want %v (%q)", id, has, want, msgs[id])
				}
			}
			// The blocks around are paired with their own translations.
			for id, w := range map[string]string{"r.opening-remarks.text.p1": "Заключительные слова.", "r.opening-remarks.prentice.p1": "Четвёртый."} {
				if _, has := msgs[id]; has && msgs[id] != w {
					t.Errorf("%s = %q, want %q", id, msgs[id], w)
				}
			}
			var notes []string
			for _, d := range res.Notes {
				if strings.HasPrefix(d.File, "r.ru.md") {
					notes = append(notes, d.String())
				}
			}
			switch {
			case c.note == "" && len(notes) > 0:
				t.Errorf("notes of the translation: %q", notes)
			case c.note != "" && (len(notes) != 1 || notes[0] != c.note):
				t.Errorf("notes of the translation: %q, want one %q", notes, c.note)
			}
		})
	}
}

// TestTranslationConventions: what a translation says that the report
// file, not its catalog, holds or that is generated: a link to a page in
// its own language (a localized link), the titles of annex items in the
// list of annexes, and its participant counts in its own words.
func TestTranslationConventions(t *testing.T) {
	const annexes = "## ANNEXES\n\nAnnex 1. Opening remarks\n\n- 1 English (original)\n- 1.1 English (original): Data tables\n- 1.2 Turkmen (courtesy translation of 1.1): Summary\n"
	const ruAnnexes = "## ПРИЛОЖЕНИЯ\n\nПриложение 1. Вступительное слово\n\n- 1 английский язык (оригинал)\n- 1.1 английский язык (оригинал): Таблицы данных\n- 1.2 туркменский язык (неофициальный перевод 1.1): Резюме\n"
	const speaker = "## OPENING REMARKS\n\n**Ms. Renate Held, IOM Regional Director** (*Annex 1: English and Annex 1.1: English and Annex 1.2: Courtesy Translation to Turkmen*)\n\n"
	const ruSpeaker = "## ВСТУПИТЕЛЬНОЕ СЛОВО\n\n**г-жа Ренате Хельд, региональный директор МОМ**\n\n"
	for _, c := range []struct {
		name   string
		en, ru string
		notes  []string
		check  func(t *testing.T, r *sources.Report, msgs map[string]string, res *Result)
	}{
		{name: "localized link",
			en: speaker + "See [the climate pages](https://www.un.org/en/climatechange) and [the Network](https://migrationnetwork.un.org/).\n\n" + annexes,
			ru: ruSpeaker + "См. [страницы о климате](https://www.un.org/ru/climatechange) и [Сеть](https://migrationnetwork.un.org/).\n\n" + ruAnnexes,
			check: func(t *testing.T, r *sources.Report, msgs map[string]string, res *Result) {
				want := map[string]map[string]string{"https://www.un.org/en/climatechange": {"ru": "https://www.un.org/ru/climatechange"}}
				if !reflect.DeepEqual(r.Links, want) {
					t.Errorf("links %v, want %v", r.Links, want)
				}
				if !strings.Contains(string(res.Report), "[links.\"https://www.un.org/en/climatechange\"]\nru = \"https://www.un.org/ru/climatechange\"\n") {
					t.Errorf("report:\n%s", res.Report)
				}
			}},
		{name: "two addresses for one",
			en:    speaker + "See [the climate pages](https://www.un.org/en/climatechange).\n\nAgain [the pages](https://www.un.org/en/climatechange).\n\n" + annexes,
			ru:    ruSpeaker + "См. [страницы](https://www.un.org/ru/climatechange).\n\nСнова [страницы](https://www.un.org/fr/climatechange).\n\n" + ruAnnexes,
			notes: []string{`sources/r.toml:47:5: warning: r.ru.md: the ru translation links https://www.un.org/fr/climatechange here where the English links https://www.un.org/en/climatechange, and https://www.un.org/ru/climatechange elsewhere; https://www.un.org/ru/climatechange is declared [r.opening-remarks.held.p2]`},
			check: func(t *testing.T, r *sources.Report, msgs map[string]string, res *Result) {
				want := map[string]map[string]string{"https://www.un.org/en/climatechange": {"ru": "https://www.un.org/ru/climatechange"}}
				if !reflect.DeepEqual(r.Links, want) {
					t.Errorf("links %v, want %v", r.Links, want)
				}
			}},
		{name: "the same links",
			en: speaker + "See [the Network](https://migrationnetwork.un.org/).\n\n" + annexes,
			ru: ruSpeaker + "См. [Сеть](https://migrationnetwork.un.org/).\n\n" + ruAnnexes,
			check: func(t *testing.T, r *sources.Report, msgs map[string]string, res *Result) {
				if len(r.Links) != 0 {
					t.Errorf("links %v", r.Links)
				}
			}},
		{name: "annex item titles",
			en: speaker + "Text.\n\n" + annexes,
			ru: ruSpeaker + "Текст.\n\n" + ruAnnexes,
			check: func(t *testing.T, r *sources.Report, msgs map[string]string, res *Result) {
				its := r.Annexes[0].Items
				if len(its) != 3 || its[0].Title != "" || its[1].Title != "Data tables" || its[2].Title != "Summary" || its[2].Translates != 2 || its[2].Kind != "courtesy-translation" {
					t.Errorf("items %+v", its)
				}
				if msgs["r.annex.held.2.title"] != "Таблицы данных" || msgs["r.annex.held.3.title"] != "Резюме" || msgs["r.annex.held.title"] != "Вступительное слово" {
					t.Errorf("catalog %v", msgs)
				}
			}},
		{name: "participant counts in the translation's words",
			en: strings.Replace(head, "## SUMMARY", "42 participants in person and 121 online\n\n## SUMMARY", 1) + speaker + "Text.\n\n" + annexes,
			ru: strings.Replace(ruHead, "## КРАТКИЙ", "42 участника в зале и 121 — в режиме онлайн\n\n## КРАТКИЙ", 1) + ruSpeaker + "Текст.\n\n" + ruAnnexes,
			check: func(t *testing.T, r *sources.Report, msgs map[string]string, res *Result) {
				if r.Attendance == nil || r.Attendance.InPerson != 42 || r.Attendance.Online != 121 {
					t.Errorf("attendance %+v", r.Attendance)
				}
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			en, ru := c.en, c.ru
			if !strings.HasPrefix(en, "International") {
				en, ru = head+en, ruHead+ru
			}
			res := impWith(t, en, ru)
			var notes []string
			for _, d := range res.Notes {
				notes = append(notes, d.String())
			}
			if !slices.Equal(notes, c.notes) {
				t.Errorf("notes %q, want %q", notes, c.notes)
			}
			c.check(t, res.Loaded.Report, flattenCatalog(t, res.Catalogs["ru"]), res)
		})
	}
}
