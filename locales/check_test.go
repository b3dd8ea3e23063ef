package locales

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
)

func loadTestGlossary(t *testing.T) *Glossary {
	t.Helper()
	data, err := os.ReadFile("../translate/testdata/glossary.toml")
	if err != nil {
		t.Fatal(err)
	}
	g, diags := ParseGlossary("locales/glossary.toml", data)
	if len(diags) > 0 {
		t.Fatalf("glossary: %v", diags)
	}
	return g
}

func TestChecks(t *testing.T) {
	g := loadTestGlossary(t)
	// The fonts of the tests draw Latin, Cyrillic and common punctuation,
	// not CJK.
	coverage := func(r rune) string {
		if r < 0x2E80 {
			return ""
		}
		return "Test Sans (regular)"
	}
	c := Checker{SourceLang: language.English, Coverage: coverage, Glossary: g}
	para := func(s string) Source {
		return Source{ID: "r.s.b.p1", Forms: Forms{Other: s}, Markup: true}
	}
	plain := func(s string) Source { return Source{ID: "r.s.b.name", Forms: Forms{Other: s}} }
	count := Source{ID: "annexes.count", Forms: Forms{One: "{{.Count}} annex", Other: "{{.Count}} annexes"}}
	link := "See the [regional review](https://example.org/review) of {{.Name}}."
	for _, tt := range []struct {
		name string
		src  Source
		tr   Forms
		want string // "" for no diagnostic; else "error: …" or "warning: …", a substring
	}{
		{"empty", plain("Opening remarks"), Forms{}, `error: message has no text ("other" is empty)`},

		{"placeholders kept", para(link), Forms{Other: "См. [региональный обзор](https://example.org/review) для {{.Name}}."}, ""},
		{"placeholder dropped", para(link), Forms{Other: "См. [региональный обзор](https://example.org/review)."}, "error: the translation lacks {{.Name}}"},
		{"placeholder renamed", para(link), Forms{Other: "См. [региональный обзор](https://example.org/review) для {{.Nam}}."}, "has {{.Nam}}, which the source does not"},
		{"template syntax", plain("Page {{.Page}}"), Forms{Other: "Страница {{.Page}"}, `error: form "other": "{{.Page}" opens a placeholder but does not close it with "}}"`},

		{"markup balanced", para("The *Global* report"), Forms{Other: "Отчёт *«Глобальный»*"}, ""},
		{"markup unbalanced", para("The *Global* report"), Forms{Other: "Отчёт *«Глобальный»"}, "error: italic * is not closed"},
		{"link dropped", para(link), Forms{Other: "См. региональный обзор для {{.Name}}."}, "error: the translation lacks the link https://example.org/review"},
		{"link changed", para(link), Forms{Other: "См. [обзор](https://example.org/other) для {{.Name}}."}, "has the link https://example.org/other, which the source does not"},
		{"autolink kept", para("Read it at <https://example.org/r>"), Forms{Other: "Читайте: <https://example.org/r>"}, ""},

		{"plural complete", count, Forms{One: "{{.Count}} приложение", Few: "{{.Count}} приложения", Many: "{{.Count}} приложений", Other: "{{.Count}} приложения"}, ""},
		{"plural form missing", count, Forms{One: "{{.Count}} приложение", Few: "{{.Count}} приложения", Other: "{{.Count}} приложения"}, `error: plural form "many" is missing; ru needs one, few, many, other`},
		{"plural form unused", count, Forms{One: "{{.Count}} приложение", Two: "{{.Count}} приложения", Few: "{{.Count}} приложения", Many: "{{.Count}} приложений", Other: "{{.Count}} приложения"}, `warning: plural form "two" is not used in ru`},
		{"plural for single source", plain("Annexes"), Forms{One: "Приложение", Few: "Приложения", Many: "Приложений", Other: "Приложения"}, "warning: the source has no plural forms"},

		{"characters covered", plain("Tokyo"), Forms{Other: "Токио"}, ""},
		{"character not covered", plain("Tokyo"), Forms{Other: "Токио (東京)"}, `error: character '東' (U+6771) is not in font Test Sans (regular); the ru edition cannot show it`},

		{"glossary kept", plain("Role of the Almaty Process"), Forms{Other: "Роль Алматинского процесса"}, ""},
		{"glossary stem and case", plain("the almaty process chair"), Forms{Other: "председатель АЛМАТИНСКОГО ПРОЦЕССА"}, ""},
		{"glossary missing", plain("Role of the Almaty Process"), Forms{Other: "Роль Алма-Атинского процесса"}, `warning: glossary: the source says "Almaty Process"; the ru translation should use "Алматинский процесс"`},
		{"glossary ignores e-mail", para("Write to rovienna@iom.int"), Forms{Other: "Пишите: rovienna@iom.int"}, ""},
		{"glossary ignores domains", para("See almaty-process.org/about"), Forms{Other: "См. almaty-process.org/about"}, ""},
		{"glossary ignores link targets", para("See [the page](https://example.org/almaty-process/iom)"), Forms{Other: "См. [страницу](https://example.org/almaty-process/iom)"}, ""},
		{"glossary whole words", plain("Biomass"), Forms{Other: "Биомасса"}, ""},

		{"emphasis kept", para("The *Global* report and **this**"), Forms{Other: "Отчёт *«Глобальный»* и **этот**"}, ""},
		{"emphasis dropped", para("The *Global* report"), Forms{Other: "Отчёт «Глобальный»"}, "error: the translation has 0 italic span(s), the source 1; keep the source's emphasis"},
		{"emphasis added", para("The report"), Forms{Other: "**Отчёт**"}, "error: the translation has 1 bold span(s), the source 0"},
		{"footnote kept", para("Arrivals rose.^[Data of 2024.]"), Forms{Other: "Прибытия выросли.^[Данные за 2024 год.]"}, ""},
		{"footnote dropped", para("Arrivals rose.^[Data of 2024.]"), Forms{Other: "Прибытия выросли."}, "error: the translation has 0 footnote(s), the source 1; keep every footnote of the source where it refers"},

		{"number for a placeholder", count, Forms{One: "{{.Count}} приложение", Few: "{{.Count}} приложения", Many: "5 приложений", Other: "{{.Count}} приложения"}, "error: the translation (form many) writes 5 where the source has {{.Count}}; write the placeholder"},
		{"number the source has too", plain("Page {{.Page}} of 2021"), Forms{Other: "Страница {{.Page}} из 2021"}, ""},
		{"plural forms the language does not use", count, Forms{Zero: "нет приложений", One: "{{.Count}} приложение", Two: "{{.Count}} приложения", Few: "{{.Count}} приложения", Many: "{{.Count}} приложений", Other: "{{.Count}} приложения"}, `warning: plural form "zero" is not used in ru and is ignored`},
		{"straight quotes", plain(`the "Champion Countries"`), Forms{Other: `"Страны-лидеры"`}, `warning: quotation marks " are not ru typography`},
		{"glossary alternative", para("Progress on the GCM"), Forms{Other: "Прогресс в осуществлении Глобального договора о безопасной, упорядоченной и легальной миграции"}, ""},
		{"glossary ё", plain("The Migration Multi-Partner Trust Fund"), Forms{Other: "Многопартнерский целевой фонд по миграции"}, ""},
		{"glossary ignores URLs", para("Read it at <https://publications.iom.int/r>"), Forms{Other: "Читайте: <https://publications.iom.int/r>"}, ""},

		{"guillemets", plain(`the "World Migration Report"`), Forms{Other: "«Доклад о миграции в мире»"}, ""},
		{"nested quotes", plain(`the "Report on the "Compact""`), Forms{Other: "«Доклад о „Договоре“»"}, ""},
		{"ASCII quotes", plain(`the "Champion Countries" initiative`), Forms{Other: `инициатива "Страны-лидеры"`}, `warning: quotation marks " are not ru typography; use «…» (and „…“ inside them)`},
		{"English quotes", plain(`the “Champion Countries” initiative`), Forms{Other: `инициатива “Страны-лидеры”`}, `warning: quotation marks “ ” are not ru typography`},
		{"unbalanced guillemets", plain(`the "Champion Countries" initiative`), Forms{Other: `инициатива «Страны-лидеры`}, "warning: « and » are not balanced"},

		{"link in a plain message", plain("International Organization for Migration"), Forms{Other: "[МОМ](javascript:alert(1))"}, "error: the text has inline markup, [МОМ](javascript:alert(1)), but this message is plain text: it would be printed as typed, not as a link; remove the markup"},
		{"autolink in a plain message", plain("Page {{.Page}}"), Forms{Other: "Страница {{.Page}} <https://example.org>"}, "error: the text has inline markup, <https://example.org>, but this message is plain text: it would be printed as typed, not as a link"},
		{"emphasis in a plain plural form", count, Forms{One: "{{.Count}} *приложение*", Few: "{{.Count}} приложения", Many: "{{.Count}} приложений", Other: "{{.Count}} приложения"}, "error: the text (form one) has inline markup, *приложение*, but this message is plain text: it would be printed as typed, not as italic text"},
		{"footnote in a plain message", plain("Opening remarks"), Forms{Other: "Вступительное слово^[примечание]"}, "not as a footnote"},
		{"lone asterisk in a plain message", plain("Bullet"), Forms{Other: "* маркер"}, ""},
		{"markup the plain source has too", plain("The *Champion* (as written)"), Forms{Other: "*Champion* (как написано)"}, ""},

		{"untranslated", plain("Opening remarks"), Forms{Other: "Opening remarks"}, "warning: the translation is the en text; probably not translated"},
		{"untranslated caps", plain("CLOSE OF SESSION"), Forms{Other: "CLOSE OF SESSION"}, "probably not translated"},
		{"trivial source", plain("{{.Day}} {{.Month}} {{.Year}}"), Forms{Other: "{{.Day}} {{.Month}} {{.Year}}"}, ""},
		{"acronym", plain("UNDP"), Forms{Other: "UNDP"}, ""},
		{"plural form untranslated", count, Forms{One: "{{.Count}} приложение", Few: "{{.Count}} приложения", Many: "{{.Count}} приложений", Other: "{{.Count}} annexes"}, "warning: plural form other is still the en text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := c.Check(tt.src, Translation{ID: tt.src.ID, Forms: tt.tr, File: "translate.ru.toml", Line: 7}, ru)
			if tt.want == "" {
				if len(d) > 0 {
					t.Errorf("unexpected: %v", d)
				}
				return
			}
			for _, x := range d {
				if strings.Contains(x.Severity.String()+": "+x.Msg, tt.want) {
					if x.File != "translate.ru.toml" || x.Line != 7 || x.Key != tt.src.ID {
						t.Errorf("diagnostic at %s:%d [%s]", x.File, x.Line, x.Key)
					}
					return
				}
			}
			t.Errorf("want %q, got %v", tt.want, d)
		})
	}
}

func TestGlossaryFile(t *testing.T) {
	g := loadTestGlossary(t)
	if len(g.Terms) != 7 || g.Severity != diag.Warning {
		t.Fatalf("%d terms, severity %v", len(g.Terms), g.Severity)
	}
	iom := g.Terms[0]
	if iom.Line != 21 || iom.Forms["en"][0] != "IOM" || iom.Forms["ru"][0] != "МОМ" {
		t.Errorf("first term: %+v", iom)
	}
	for _, tt := range []struct{ name, data, want string }{
		{"severity", "severity = \"fatal\"\n", `glossary.toml:1: error: severity must be "warning" or "error"`},
		{"unknown key", "terms = []\n", `glossary.toml:1: error: unknown key "terms"`},
		{"not a language", "[[term]]\nen = \"IOM\"\nrussian = \"МОМ\"\n", `glossary.toml:3: error: "russian" is neither note nor a language tag`},
		{"one language", "[[term]]\nen = \"IOM\"\n", "a term needs the source language and at least one translation"},
		{"not strings", "[[term]]\nen = 1\nru = \"МОМ\"\n", "en must be a string or a list of strings"},
		{"syntax", "[[term]\n", "error: expected end of table array name"},
	} {
		_, diags := ParseGlossary("glossary.toml", []byte(tt.data))
		if !strings.Contains(diagString(diags), tt.want) {
			t.Errorf("%s: want %q, got %v", tt.name, tt.want, diags)
		}
	}
	// [same]: texts a language writes as the source does are not flagged
	// as untranslated; others still are.
	same, diags := ParseGlossary("g.toml", []byte("[same]\nfr = [\"Annexes\", \"original\"]\n"))
	if len(diags) > 0 || !same.IsSame(language.French, " annexes ") || !same.IsSame(language.MustParse("fr-CA"), "Original") || same.IsSame(ru, "Annexes") {
		t.Fatalf("[same]: %+v %v", same, diags)
	}
	fr := Checker{SourceLang: language.English, Glossary: same}
	if d := fr.Check(Source{ID: "annexes.heading", Forms: Forms{Other: "Annexes"}}, Translation{Forms: Forms{Other: "Annexes"}}, language.French); len(d) > 0 {
		t.Errorf("[same] text flagged: %v", d)
	}
	if d := fr.Check(Source{ID: "x", Forms: Forms{Other: "Opening remarks"}}, Translation{Forms: Forms{Other: "Opening remarks"}}, language.French); !strings.Contains(diagString(d), "probably not translated") {
		t.Errorf("untranslated text not flagged with [same]: %v", d)
	}
	for _, bad := range []struct{ data, want string }{
		{"same = 1\n", "same must be a table"},
		{"[same]\nfrench = \"Annexes\"\n", `g.toml:2: error: [same]: "french" is not a language tag`},
		{"[same]\nfr = []\n", "[same]: fr must be a string or a list of strings, not empty"},
	} {
		if _, diags := ParseGlossary("g.toml", []byte(bad.data)); !strings.Contains(diagString(diags), bad.want) {
			t.Errorf("%q: want %q, got %v", bad.data, bad.want, diags)
		}
	}
	g2, diags := ParseGlossary("g.toml", []byte("severity = \"error\"\n[[term]]\nen = \"Almaty Process\"\nru = \"Алматинский процесс\"\n"))
	if len(diags) > 0 || g2.Severity != diag.Error {
		t.Fatalf("%v %v", g2, diags)
	}
	d := Checker{Glossary: g2}.Check(Source{ID: "x", Forms: Forms{Other: "The Almaty Process"}}, Translation{Forms: Forms{Other: "Процесс"}}, ru)
	if !d.HasErrors() {
		t.Errorf("severity error: %v", d)
	}
	// A language the term does not list is not checked.
	if d := (Checker{Glossary: g}).Check(Source{ID: "x", Forms: Forms{Other: "The Almaty Process"}}, Translation{Forms: Forms{Other: "Le processus"}}, language.French); len(d) > 0 {
		t.Errorf("fr: %v", d)
	}
}

var ru = language.Russian

// TestCheckPlain: a message of the source language's catalog is an
// interface message, plain text; markup in it is refused when the catalog
// is assembled, in Compare's wording, and plain text with markup
// characters that are not markup passes.
func TestCheckPlain(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"link", "[brand]\norganization = \"[site](javascript:alert(1))\"\n",
			"locales/en/interface.en.toml:2:17: error: the text has inline markup, [site](javascript:alert(1)), but this message is plain text: it would be printed as typed, not as a link; remove the markup [brand.organization]"},
		{"bold in a plural form", "[annexes.count]\none = \"{{.Count}} **annex**\"\nother = \"{{.Count}} annexes\"\n",
			"locales/en/interface.en.toml:1:1: error: the text (form one) has inline markup, **annex**, but this message is plain text: it would be printed as typed, not as bold text; remove the markup [annexes.count]"},
		{"plain", "[brand]\norganization = \"IOM * UN <migration> [2021]\"\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"en/interface.en.toml": {Data: []byte(tt.data)},
				"fr/interface.fr.toml": {Data: []byte(tt.data)}, // a translation: Compare checks it against its source
			}
			_, diags := Load(fsys, "locales", language.English)
			if got := diagString(diags); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func diagString(l diag.List) string {
	var s []string
	for _, d := range l {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}

// TestMayHoldURL holds the fast path of plainText to the expression it
// skips: whatever urlRE finds, mayHoldURL lets through.
func TestMayHoldURL(t *testing.T) {
	for _, s := range []string{
		"see iom.int today", "write to a@b.org", "https://x.org/a", "mailto:a@b.c", "www.iom.int",
		"almaty-process.org/about", "end. Next", "1.5 million", "Ёлка.рф", "plain prose, with commas; and dots.",
		"a.b", ".x", "x.", "...", "", "Доклад о миграции в мире 2020 г. (ДММ)",
	} {
		if urlRE.MatchString(s) && !mayHoldURL(s) {
			t.Errorf("%q holds a URL that mayHoldURL misses", s)
		}
	}
}
