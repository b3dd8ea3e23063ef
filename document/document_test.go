package document_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
)

// report returns a small report whose blocks refer to the given annex keys
// in order, with n annexes defined (a1 … an).
func report(t *testing.T, n int, refs ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`id = "r"
kind = "summary-report"
source-language = "en"
languages = ["en", "ru", "kk"]
title = "T"
date = 2021-01-28
`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "[[annex]]\nkey = \"a%d\"\ntitle = \"Annex title %d\"\n", i, i)
		b.WriteString("  [[annex.item]]\n  languages = [\"fr\"]\n  kind = \"original\"\n")
		b.WriteString("  [[annex.item]]\n  languages = [\"en\"]\n  kind = \"translation\"\n")
		b.WriteString("  [[annex.item]]\n  languages = [\"ru\"]\n  kind = \"courtesy-translation\"\n")
	}
	b.WriteString("[[section]]\nid = \"s\"\nheading = \"S\"\n")
	for i, ref := range refs {
		fmt.Fprintf(&b, "  [[section.block]]\n  type = \"speaker\"\n  id = \"b%d\"\n  name = \"N%d\"\n  annexes = [%s]\n  paragraphs = [\"Text [link](https://example.org/%d).\"]\n", i, i, ref, i)
	}
	return b.String()
}

func resolve(t *testing.T, src string, lang string, catalogs fstest.MapFS) (*document.Document, diag.List) {
	t.Helper()
	r, diags := sources.Parse("r.toml", []byte(src))
	if r == nil {
		t.Fatalf("report: %v", diags)
	}
	fsys := fstest.MapFS{}
	for _, l := range []string{"en", "ru"} {
		data, err := locales.Embedded().(interface {
			ReadFile(string) ([]byte, error)
		}).ReadFile(l + "/interface." + l + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		fsys[l+"/interface."+l+".toml"] = &fstest.MapFile{Data: data}
	}
	for k, v := range catalogs {
		fsys[k] = v
	}
	cat, diags := locales.Load(fsys, "locales", language.English)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if err := cat.AddSource(language.English, document.SourceEntries(r)); err != nil {
		t.Fatal(err)
	}
	return document.Resolve(r, cat, language.Make(lang))
}

// label returns the annex label of a block with its no-break spaces
// shown as spaces; TestAnnexLabelTies checks where they are.
func label(b document.Block) string {
	s := markup.Plain(b.Lead.Spans)
	if i := strings.Index(s, " ("); i >= 0 {
		return strings.ReplaceAll(s[i+1:], "\u00a0", " ")
	}
	return ""
}

// TestAnnexLabelTies checks that a label never breaks between "Annex"
// and its number, in the text and in the list of annexes, and that
// references to items of several languages are told apart by commas.
func TestAnnexLabelTies(t *testing.T) {
	src := strings.Replace(report(t, 2, `"a1"`, `"a2"`), `languages = ["fr"]`, `languages = ["fr", "en"]`, 1)
	for _, tt := range []struct{ lang, label, entry string }{
		{"en", "(Annex\u00a01: French and English, Annex\u00a01.1: English, Annex\u00a01.2: Courtesy Translation to Russian)", "Annex\u00a01"},
		{"ru", "(приложение\u00a01: французский и английский языки, приложение\u00a01.1: английский язык, приложение\u00a01.2: неофициальный перевод на русский язык)", "Приложение\u00a01"},
	} {
		doc, diags := resolve(t, src, tt.lang, nil)
		if doc == nil {
			t.Fatal(diags)
		}
		s := markup.Plain(doc.Sections[0].Blocks[0].Lead.Spans)
		if got := s[strings.Index(s, " (")+1:]; got != tt.label {
			t.Errorf("%s label\n got %q\nwant %q", tt.lang, got, tt.label)
		}
		if got := doc.Annexes[0].Label; got != tt.entry {
			t.Errorf("%s entry %q, want %q", tt.lang, got, tt.entry)
		}
		// Items of one language each keep the language's "and".
		if s := label(doc.Sections[0].Blocks[1]); !strings.Contains(s, " and ") && !strings.Contains(s, " и ") {
			t.Errorf("%s: %q lost its conjunction", tt.lang, s)
		}
	}
}

func TestAnnexNumbersFollowFirstReference(t *testing.T) {
	src := report(t, 3, `"a3"`, `"a1", "a3"`, `"a2"`)
	doc, diags := resolve(t, src, "en", nil)
	if doc == nil {
		t.Fatal(diags)
	}
	blocks := doc.Sections[0].Blocks
	want := []string{
		"(Annex 1: French, Annex 1.1: English and Annex 1.2: Courtesy Translation to Russian)",
		"(Annex 2: French, Annex 2.1: English, Annex 2.2: Courtesy Translation to Russian, Annex 1: French, Annex 1.1: English and Annex 1.2: Courtesy Translation to Russian)",
		"(Annex 3: French, Annex 3.1: English and Annex 3.2: Courtesy Translation to Russian)",
	}
	for i, w := range want {
		if got := label(blocks[i]); got != w {
			t.Errorf("block %d label\n got %q\nwant %q", i, got, w)
		}
	}
	var order []string
	for _, a := range doc.Annexes {
		order = append(order, fmt.Sprintf("%d:%s", a.Number, a.Key))
	}
	if got := strings.Join(order, " "); got != "1:a3 2:a1 3:a2" {
		t.Errorf("annex list order %s", got)
	}
	// Every reference links to its annex's entry.
	for _, sp := range blocks[1].Lead.Spans {
		if sp.Style&markup.Italic != 0 && strings.HasPrefix(sp.Text, "Annex 2") && sp.URL != "#annex-a1" {
			t.Errorf("%q links to %q", sp.Text, sp.URL)
		}
	}
}

func TestRussianLabelsAndPlurals(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{
		{1, "К отчёту прилагается 1 приложение;"},
		{3, "К отчёту прилагаются 3 приложения;"},
		{5, "К отчёту прилагается 5 приложений;"},
		{21, "К отчёту прилагается 21 приложение;"},
		{22, "К отчёту прилагаются 22 приложения;"},
	} {
		refs := make([]string, tt.n)
		for i := range refs {
			refs[i] = fmt.Sprintf(`"a%d"`, i+1)
		}
		doc, diags := resolve(t, report(t, tt.n, refs...), "ru", nil)
		if doc == nil {
			t.Fatal(diags)
		}
		if !strings.HasPrefix(doc.AnnexesIntro, tt.want) {
			t.Errorf("%d annexes: %q", tt.n, doc.AnnexesIntro)
		}
		if tt.n == 1 {
			if got, want := label(doc.Sections[0].Blocks[0]), "(приложение 1: французский язык, приложение 1.1: английский язык и приложение 1.2: неофициальный перевод на русский язык)"; got != want {
				t.Errorf("label\n got %q\nwant %q", got, want)
			}
		}
	}
}

// TestRussianLanguageNames checks the noun after a list of language names
// in a Russian label: «язык» after one name, «языки» after two or more,
// whatever plural form the count takes (2–4 few, 5–20 many).
func TestRussianLanguageNames(t *testing.T) {
	all := []string{"fr", "en", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "uk", "be", "kk", "ky", "tg", "uz", "tk", "az", "hy", "ka"}
	for _, tt := range []struct {
		n    int
		want string
	}{
		{1, "(приложение 1: французский язык,"},
		{2, "(приложение 1: французский и английский языки,"},
		{5, "(приложение 1: французский, английский, немецкий, испанский и итальянский языки,"},
		{11, " и украинский языки,"},
		{20, " и грузинский языки,"},
	} {
		langs := `"` + strings.Join(all[:tt.n], `", "`) + `"`
		src := strings.Replace(report(t, 1, `"a1"`), `languages = ["fr"]`, "languages = ["+langs+"]", 1)
		doc, diags := resolve(t, src, "ru", nil)
		if doc == nil {
			t.Fatal(diags)
		}
		if got := label(doc.Sections[0].Blocks[0]); !strings.Contains(got, tt.want) {
			t.Errorf("%d languages: %q lacks %q", tt.n, got, tt.want)
		}
	}
}

func TestMissingTranslationFallsBackWithWarning(t *testing.T) {
	src := report(t, 1, `"a1"`)
	cat := fstest.MapFS{"ru/r.ru.toml": {Data: []byte("[r]\ntitle = \"Т\"\n")}}
	doc, diags := resolve(t, src, "ru", cat)
	if doc == nil {
		t.Fatal(diags)
	}
	if doc.Title.Text != "Т" {
		t.Errorf("title %q", doc.Title.Text)
	}
	if got := doc.Sections[0].Heading.Text; got != "S" {
		t.Errorf("untranslated heading %q, want the English", got)
	}
	found := false
	for _, d := range diags {
		if d.Severity == diag.Warning && d.Key == "r.s.heading" && strings.Contains(d.Msg, "not translated into ru") && d.File == "r.toml" && d.Line > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("no positioned warning for r.s.heading in %v", diags)
	}
}

// TestRelatedLanguageIsNotUsed: go-i18n's matcher would answer a Kazakh
// request from the Russian catalog; an edition must fall back to the
// source language instead.
func TestRelatedLanguageIsNotUsed(t *testing.T) {
	src := report(t, 1, `"a1"`)
	cat := fstest.MapFS{"ru/r.ru.toml": {Data: []byte("[r]\ntitle = \"Т\"\n")}}
	doc, _ := resolve(t, src, "kk", cat)
	if doc == nil || doc.Title.Text != "T" || doc.Brand.Organization != "International Organization for Migration (IOM)" {
		t.Errorf("kk edition took text from another language: %+v", doc)
	}
}

// TestTranslationLinks: a translation whose markup does not parse, or
// that links where no link may go, does not resolve. (Links and
// placeholders the source lacks are locales.Checker's, run by a build
// before resolution.)
func TestTranslationLinks(t *testing.T) {
	src := report(t, 1, `"a1"`)
	for _, tt := range []struct {
		p1, msg string
	}{
		{"Текст [ссылка](https://example.org/0", "link target is not closed"},
		{"Текст *курсив [ссылка](https://example.org/0).", "italic * is not closed"},
		{"Текст [ссылка](javascript:alert(1)).", `scheme "javascript" is not allowed`},
	} {
		cat := fstest.MapFS{"ru/r.ru.toml": {Data: []byte("[r.s.b0]\np1 = \"" + tt.p1 + "\"\n")}}
		doc, diags := resolve(t, src, "ru", cat)
		if doc != nil {
			t.Errorf("%q: resolved without error", tt.p1)
			continue
		}
		err := diags.Err().Error()
		if !strings.Contains(err, tt.msg) || !strings.Contains(err, "locales/ru/r.ru.toml:2:7: error:") || !strings.Contains(err, "[r.s.b0.p1]") {
			t.Errorf("%q:\n got %s\nwant %q at locales/ru/r.ru.toml:2:7 (the translation's text)", tt.p1, err, tt.msg)
		}
	}
}

// FuzzAnnexLabel composes annex labels from arbitrary registers: language
// tags, kinds, item counts and reference orders. It must never panic, and
// a resolved label names every item's number.
func FuzzAnnexLabel(f *testing.F) {
	f.Add("fr,en,ru", "original,translation,courtesy-translation", uint8(2), uint8(3), "ru")
	f.Add("kk", "courtesy-translation", uint8(1), uint8(1), "en")
	f.Add("zz-Latn-XX,und", "original", uint8(5), uint8(9), "kk")
	f.Fuzz(func(t *testing.T, langs, kinds string, annexes, items uint8, edition string) {
		n := int(annexes%6) + 1
		m := int(items%5) + 1
		ls := strings.Split(langs, ",")
		ks := strings.Split(kinds, ",")
		var b strings.Builder
		b.WriteString("id = \"r\"\nkind = \"summary-report\"\nsource-language = \"en\"\nlanguages = [\"en\"]\ntitle = \"T\"\ndate = 2021-01-28\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "[[annex]]\nkey = \"a%d\"\ntitle = \"A\"\n", i)
			for j := 0; j < m; j++ {
				fmt.Fprintf(&b, "  [[annex.item]]\n  languages = [%q]\n  kind = %q\n", ls[(i+j)%len(ls)], ks[(i*j)%len(ks)])
			}
		}
		b.WriteString("[[section]]\nid = \"s\"\nheading = \"S\"\n")
		for i := n; i >= 1; i-- {
			fmt.Fprintf(&b, "  [[section.block]]\n  type = \"speaker\"\n  id = \"b%d\"\n  name = \"N\"\n  annexes = [\"a%d\"]\n  paragraphs = [\"P\"]\n", i, i)
		}
		r, _ := sources.Parse("r.toml", []byte(b.String()))
		if r == nil {
			return // invalid tags or kinds are rejected by the loader
		}
		cat, _ := locales.Load(locales.Embedded(), "locales", language.English)
		cat.AddSource(language.English, document.SourceEntries(r))
		tag, err := language.Parse(edition)
		if err != nil {
			return
		}
		doc, _ := document.Resolve(r, cat, tag)
		if doc == nil {
			return
		}
		if len(doc.Annexes) != n {
			t.Fatalf("%d annexes listed, want %d", len(doc.Annexes), n)
		}
		for _, blk := range doc.Sections[0].Blocks {
			l := markup.Plain(blk.Lead.Spans)
			for j := 1; j < m; j++ {
				if !strings.Contains(l, fmt.Sprintf(".%d", j)) {
					t.Fatalf("label %q lacks item %d", l, j)
				}
			}
		}
	})
}

// TestLongLabelJoinsEveryItem checks the list joining of a label with more
// items than the start and end patterns take: the middle pattern is
// applied once per item, in order (built in one pass, not by nesting).
func TestLongLabelJoinsEveryItem(t *testing.T) {
	doc, diags := resolve(t, report(t, 3, `"a1", "a2", "a3"`), "en", nil)
	if doc == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	var refs []string
	for n := 1; n <= 3; n++ {
		refs = append(refs, fmt.Sprintf("Annex %d: French", n), fmt.Sprintf("Annex %d.1: English", n), fmt.Sprintf("Annex %d.2: Courtesy Translation to Russian", n))
	}
	want := "(" + strings.Join(refs[:8], ", ") + " and " + refs[8] + ")"
	if got := label(doc.Sections[0].Blocks[0]); got != want {
		t.Errorf("label\n got %q\nwant %q", got, want)
	}
}
