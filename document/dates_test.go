package document_test

import (
	"testing"
	"testing/fstest"
)

// TestDateLine formats the date line of one day and of ranges within a
// month, across months and across years, with a place, a time span and a
// time zone the translation renders in words, and the participant counts
// with their plural forms.
func TestDateLine(t *testing.T) {
	head := `id = "r"
kind = "summary-report"
source-language = "en"
languages = ["en", "ru"]
title = "T"
`
	tail := `
[[section]]
id = "s"
heading = "S"
  [[section.block]]
  type = "text"
  id = "t"
  paragraphs = ["x"]
`
	ru := fstest.MapFS{"ru/r.ru.toml": {Data: []byte(`[r]
title = "Т"
place = "Ташкент"
time-zone = "по ташкентскому времени (UTC+5)"
[r.s]
heading = "С"
[r.s.t]
p1 = "х"
`)}}
	for _, tt := range []struct {
		name, meta   string
		en, ru       string
		attEn, attRu string
	}{
		{"one day", `date = 2021-01-28`, "28 January 2021", "28 января 2021 г.", "", ""},
		{"days of a month", "date = 2025-10-14\nend-date = 2025-10-15", "14–15 October 2025", "14–15 октября 2025 г.", "", ""},
		{"across months", "date = 2025-09-30\nend-date = 2025-10-01", "30 September – 1 October 2025", "30 сентября – 1 октября 2025 г.", "", ""},
		{"across years", "date = 2025-12-30\nend-date = 2026-01-02", "30 December 2025 – 2 January 2026", "30 декабря 2025 г. – 2 января 2026 г.", "", ""},
		{"place, time and zone", "date = 2025-10-14\nend-date = 2025-10-15\nplace = \"Tashkent\"\ntime = { start = \"09:00\", end = \"17:30\", zone = \"UZT (UTC+5)\" }",
			"Tashkent, 14–15 October 2025, 09:00 – 17:30 UZT (UTC+5)", "Ташкент, 14–15 октября 2025 г., 09:00–17:30 (по ташкентскому времени (UTC+5))", "", ""},
		{"attendance", "date = 2021-01-28\nattendance = { in-person = 21, online = 5 }", "28 January 2021", "28 января 2021 г.",
			"21 participants in person and 5 online", "21 участник в зале и 5 — в режиме онлайн"},
		{"online only", "date = 2021-01-28\nattendance = { online = 1 }", "28 January 2021", "28 января 2021 г.", "1 online", "1 — в режиме онлайн"},
		{"in person, few", "date = 2021-01-28\nattendance = { in-person = 24 }", "28 January 2021", "28 января 2021 г.", "24 participants in person", "24 участника в зале"},
	} {
		src := head + tt.meta + "\n" + tail
		for _, lang := range []string{"en", "ru"} {
			doc, diags := resolve(t, src, lang, ru)
			if doc == nil || diags.HasErrors() {
				t.Fatalf("%s %s: %v", tt.name, lang, diags)
			}
			want, att := tt.en, tt.attEn
			if lang == "ru" {
				want, att = tt.ru, tt.attRu
			}
			if doc.DateLine != want || doc.Attendance != att {
				t.Errorf("%s, %s:\n got %q / %q\nwant %q / %q", tt.name, lang, doc.DateLine, doc.Attendance, want, att)
			}
		}
	}
}

// TestAnnexItemRelations: an item that translates another item says so
// in the list of annexes, a title declared the same in every language is
// no message, and an item's note is translated.
func TestAnnexItemRelations(t *testing.T) {
	src := `id = "r"
kind = "summary-report"
source-language = "en"
languages = ["en", "ru"]
title = "T"
date = 2021-01-28

[[annex]]
key = "a1"
title = "Statement"
  [[annex.item]]
  languages = ["uz"]
  kind = "original"
  [[annex.item]]
  languages = ["en"]
  kind = "translation"
  title = "Ozbekiston Respublikasi bayonoti"
  title-translated = false
  [[annex.item]]
  languages = ["ru"]
  kind = "courtesy-translation"
  translates = 2
  note = "Provided by the delegation"

[[section]]
id = "s"
heading = "S"
  [[section.block]]
  type = "speaker"
  id = "b"
  name = "N"
  annexes = ["a1"]
  paragraphs = ["x"]
`
	ru := fstest.MapFS{"ru/r.ru.toml": {Data: []byte("[r]\ntitle = \"Т\"\n[r.s]\nheading = \"С\"\n[r.s.b]\nname = \"Н\"\np1 = \"х\"\n[r.annex.a1]\ntitle = \"Заявление\"\n[r.annex.a1.3]\nnote = \"Предоставлено делегацией\"\n")}}
	for _, tt := range []struct{ lang, line, title, note string }{
		{"en", "1.2 Russian (courtesy translation of 1.1)", "Ozbekiston Respublikasi bayonoti", "Provided by the delegation"},
		{"ru", "1.2 русский язык (неофициальный перевод 1.1)", "Ozbekiston Respublikasi bayonoti", "Предоставлено делегацией"},
	} {
		doc, diags := resolve(t, src, tt.lang, ru)
		if doc == nil || diags.HasErrors() {
			t.Fatalf("%s: %v", tt.lang, diags)
		}
		items := doc.Annexes[0].Items
		if items[2].Line != tt.line || items[1].Title.Text != tt.title || items[2].Note.Text != tt.note {
			t.Errorf("%s: %q / %q / %q", tt.lang, items[2].Line, items[1].Title.Text, items[2].Note.Text)
		}
	}
}
