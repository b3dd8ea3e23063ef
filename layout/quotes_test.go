package layout

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/markup"
)

func TestQuotes(t *testing.T) {
	en, ru, fr := language.English, language.Russian, language.French
	for _, tt := range []struct {
		lang      language.Tag
		in, want  string
		link, out string // a second span, a link, and what it becomes
	}{
		{lang: en, in: `IOM's commitment and migrants' access`, want: "IOM’s commitment and migrants’ access"},
		{lang: en, in: `the "Champion Countries" initiative`, want: "the “Champion Countries” initiative"},
		{lang: en, in: `"a 'safe' route"`, want: "“a ‘safe’ route”"},
		{lang: en, in: `"He said "yes" to it" then`, want: "“He said ‘yes’ to it” then"},
		{lang: en, in: `(the "Network")`, want: "(the “Network”)"},
		{lang: en, in: `'90s`, want: "‘90s"}, // an elision at a word's start is not told from a quote
		{lang: ru, in: `доклад "О миграции" и "Обзор "Сети""`, want: "доклад «О миграции» и «Обзор „Сети“»"},
		{lang: ru, in: `О'Брайен`, want: "О’Брайен"},
		{lang: ru, in: "уже «готово»", want: "уже «готово»"},
		{lang: fr, in: `le "Réseau" et l'OIM`, want: "le «\u202fRéseau\u202f» et l’OIM"},
		{lang: fr, in: `le " Réseau " et "un "petit" pas"`, want: "le «\u202fRéseau\u202f» et «\u202fun “petit” pas\u202f»"},
		{lang: language.German, in: `"so"`, want: `"so"`}, // a language without rules
		// Across spans, and in a link's text but not in an address.
		{lang: en, in: `see "`, want: "see “", link: `the Network's groups"`, out: "the Network’s groups”"},
		{lang: en, in: `at `, want: "at ", link: `https://example.org/it's`, out: `https://example.org/it's`},
	} {
		spans := []markup.Span{{Text: tt.in}}
		if tt.link != "" {
			spans = append(spans, markup.Span{Text: tt.link, URL: "https://example.org/x"})
		}
		got := quoteRulesFor(tt.lang).apply(spans)
		if got[0].Text != tt.want || tt.link != "" && got[1].Text != tt.out {
			t.Errorf("%v %q: got %q", tt.lang, tt.in, got)
		}
		if spans[0].Text != tt.in {
			t.Errorf("%v %q: the caller's spans were changed", tt.lang, tt.in)
		}
	}
}
