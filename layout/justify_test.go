package layout

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/hyphen"
	"github.com/reportgen/reportgen/markup"
)

func TestHyphenationPoints(t *testing.T) {
	en := &hyphenation{h: hyphen.For("en"), keep: nameWords([]string{"H.E. Erkin Mukhitdinov", "Ms. Renate Held"})}
	noNames := &hyphenation{h: hyphen.For("en")}
	except := hyphenationExceptions([]string{"re-in-te-gra-tion", "im-mi-grant", "Mukhitdinov", "при-ло-же-ние"})
	gbEx := &hyphenation{h: hyphen.For("en-GB"), keep: en.keep, exceptions: except}
	gb := &hyphenation{h: hyphen.For("en-GB")}
	ruEx := &hyphenation{h: hyphen.For("ru"), exceptions: except}
	for _, tt := range []struct {
		hy   *hyphenation
		text string
		want []int
	}{
		{en, "development", []int{2, 5, 7}},    // de-vel-op-ment
		{en, "(development),", []int{3, 6, 8}}, // punctuation kept out of the letters
		{en, "sub-regional", []int{6}},         // sub-re-gional: each part on its own, never at the hyphen
		{en, "GCM", nil},                       // capitals
		{en, "COVID-19", nil},                  //
		{en, "M-MPTF", nil},                    //
		{en, "Mukhitdinov", nil},               // a speaker's name
		{noNames, "Mukhitdinov", []int{6, 8}},  // Mukhit-di-nov when it is no name
		{&hyphenation{h: hyphen.For("ru")}, "сотрудничества", []int{4, 12, 16, 20}}, // со-труд-ни-че-ства (byte offsets)
		// The house's exceptions override the patterns, in any case of
		// the word; a word written without hyphens never breaks.
		{gb, "reintegration", []int{2, 4, 7, 9}},                                    // the British patterns alone: re-in-teg-ration
		{gbEx, "reintegration", []int{2, 4, 6, 9}},                                  // re-in-te-gra-tion
		{gbEx, "Reintegration,", []int{2, 4, 6, 9}},                                 // capitalised, with punctuation
		{gbEx, "immigrant", []int{2, 4}},                                            // im-mi-grant
		{gbEx, "immigrants", []int{2, 5}},                                           // not an exception: the patterns' im-mig-rants
		{gbEx, "Mukhitdinov", nil},                                                  // a name stays whole
		{&hyphenation{h: hyphen.For("en"), exceptions: except}, "mukhitdinov", nil}, // without hyphens: never broken
		{ruEx, "приложение", []int{6, 10, 14}},                                      // при-ло-же-ние (byte offsets)
	} {
		if got := tt.hy.points(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("points(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestHyphenLang checks which patterns hyphenate an edition's language:
// plain English follows the style's choice, a tag with a region its own.
func TestHyphenLang(t *testing.T) {
	gb, us := hyphen.For("en-GB"), hyphen.For("en-US")
	for _, tt := range []struct {
		lang, english string
		want          *hyphen.Hyphenator
	}{
		{"en", "gb", gb},
		{"en", "us", us},
		{"en", "", us},
		{"en-GB", "us", gb},
		{"en-US", "gb", us},
		{"en-AU", "gb", us},
		{"en-Latn", "gb", gb},
		{"ru", "gb", hyphen.For("ru")},
		{"fr", "gb", hyphen.For("fr")},
	} {
		if got := hyphen.For(hyphenLang(language.MustParse(tt.lang), tt.english)); got != tt.want {
			t.Errorf("%s with english-patterns %q: got %p, want %p", tt.lang, tt.english, got, tt.want)
		}
	}
	// What the reference reports show: "anonymised" has a break only with
	// the British patterns.
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	for english, want := range map[string][]int{"gb": {2}, "us": nil} {
		ts := New(fam, Options{Lang: language.English, Source: language.English, Justify: Justification{EnglishPatterns: english}})
		if got := ts.hy.points("anonymised"); !slices.Equal(got, want) {
			t.Errorf("en, english-patterns %q: points(anonymised) = %v, want %v", english, got, want)
		}
	}
}

// TestTies checks that a no-break space (U+00A0) keeps its words on one
// line, in justified and in ragged paragraphs, and that a tied group
// wider than the line is broken rather than set across the margin.
func TestTies(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{fam: fam}
	st := testStyle()
	ts := TextStyle{Size: 10, Leading: 1.4}
	// Lines of the text set at width, as strings (words joined by a space).
	set := func(text string, width float64, justify bool) []string {
		sc := new(scratch)
		ws := m.words([]markup.Span{{Text: text}}, ts, sc)
		var lines []line
		if justify {
			lines = m.justify(ws, width, ts, st.Justify, nil, hang{}, sc)
		} else {
			lines = m.breakLines(ws, width, 10, 1)
		}
		var out []string
		for _, ln := range lines {
			var words []string
			for _, w := range ln.words {
				words = append(words, wordText(w))
			}
			out = append(out, strings.Join(words, " "))
		}
		return out
	}
	text := "the first biennial report of the Secretary-General (December 2020\u00a0г.) and the first review"
	for _, justify := range []bool{true, false} {
		// Every width at which the plain text would break between
		// "2020" and "г.)" must keep them together.
		broke := 0
		for width := 60.0; width <= 300; width += 2 {
			plain := set(strings.ReplaceAll(text, "\u00a0", " "), width, justify)
			if !splits(plain, "2020", "г.)") {
				continue
			}
			broke++
			if got := set(text, width, justify); splits(got, "2020", "г.)") {
				t.Errorf("justify=%v width %g: tied words broken apart: %q", justify, width, got)
			}
		}
		if broke == 0 {
			t.Errorf("justify=%v: no width breaks the plain text at the tie; the test checks nothing", justify)
		}
		// A tied group wider than the line is broken, never overfull.
		long := "aaaa\u00a0bbbb\u00a0cccc\u00a0dddd\u00a0eeee\u00a0ffff\u00a0gggg\u00a0hhhh"
		for _, ln := range set(long, 60, justify) {
			if w := float64(fam.Face(fonts.Regular).Width(ln)) * ts.Size / 1000; w > 60+0.01 {
				t.Errorf("justify=%v: line %q is %.1f pt wide in a 60 pt measure", justify, ln, w)
			}
		}
	}
	// The no-break space is not drawn: it is the space between two words.
	sc := new(scratch)
	ws := m.words([]markup.Span{{Text: "Mr.\u00a0Prentice \u00a0said"}}, ts, sc)
	if len(ws) != 3 || !ws[0].tied || !ws[1].tied || ws[2].tied || wordText(ws[1]) != "Prentice" {
		t.Errorf("words of %q: %+v", "Mr.\u00a0Prentice \u00a0said", ws)
	}
}

// TestTiesReadBack sets Russian text with the language's ties at every
// measure and reads the lines back: no line starts with a dash, and no
// line breaks inside "140 000", "Приложение 10" or "№ 5", although the
// untied text breaks at each of them at some measure.
func TestTiesReadBack(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{fam: fam}
	st := testStyle()
	ts := TextStyle{Size: 10, Leading: 1.4}
	ru := tieRulesFor(language.Russian)
	set := func(text string, width float64, tie bool) []string {
		sc := new(scratch)
		ws := m.words([]markup.Span{{Text: text}}, ts, sc)
		if tie {
			ru.apply(ws)
		}
		var out []string
		for _, ln := range m.justify(ws, width, ts, st.Justify, nil, hang{}, sc) {
			var words []string
			for _, w := range ln.words {
				words = append(words, wordText(w))
			}
			out = append(out, strings.Join(words, " "))
		}
		return out
	}
	text := "Участники выразили поддержку этой инициативе, — рамочную основу сотрудничества одобрили все страны, " +
		"а около 140 000 мигрантов вернулись домой (Приложение 10 и приложение 4.1) по программе № 5 за этот год"
	pairs := [][2]string{{"инициативе,", "—"}, {"140", "000"}, {"Приложение", "10"}, {"приложение", "4.1)"}, {"№", "5"}}
	broke := map[string]bool{}
	for width := 100.0; width <= 400; width++ { // wider than every tied group
		plain, tied := set(text, width, false), set(text, width, true)
		for _, p := range pairs {
			if splits(plain, p[0], p[1]) {
				broke[p[0]] = true
			}
			if splits(tied, p[0], p[1]) {
				t.Errorf("width %g: %q / %q broken apart: %q", width, p[0], p[1], tied)
			}
		}
		for _, ln := range tied {
			if strings.HasPrefix(ln, "—") {
				t.Errorf("width %g: line starts with a dash: %q", width, ln)
			}
		}
	}
	for _, p := range pairs {
		if !broke[p[0]] {
			t.Errorf("no measure breaks the untied text between %q and %q; the test checks nothing there", p[0], p[1])
		}
	}
}

// splits reports whether a line ends with a and the next starts with b.
func splits(lines []string, a, b string) bool {
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasSuffix(lines[i], a) && strings.HasPrefix(lines[i+1], b) {
			return true
		}
	}
	return false
}

func TestTieRules(t *testing.T) {
	en, ru, fr := tieRulesFor(language.English), tieRulesFor(language.Russian), tieRulesFor(language.French)
	for _, tt := range []struct {
		rules *tieRules
		a, b  string
		want  bool
	}{
		{en, "H.E.", "Erkin", true}, // initials before a name
		{en, "E.", "Mukhitdinov", true},
		{en, "Mr.", "Abidine", true}, // titles
		{en, "Ms.", "Held", true},
		{en, "DR.", "Marie", true}, // in any case
		{en, "No.", "5", true},
		{en, "A.", "report", false}, // an initial before a lower-case word
		{en, "GCM.", "The", false},  // an acronym ending a sentence
		{en, "a", "report", false},  // one-letter words tie in Russian only
		{en, "2020", "г.", false},
		{ru, "Е.", "П.", true},
		{ru, "П.", "Эркин", true},
		{ru, "г-жа", "Ренате", true},
		{ru, "Г-н", "Прентис", true},
		{ru, "2020", "г.", true}, // a year and its abbreviation
		{ru, "2020", "г.);", true},
		{ru, "2021", "года", false},
		{ru, "15", "%", true},
		{ru, "в", "регионе", true}, // one-letter prepositions and conjunctions
		{ru, "и", "Узбекистана", true},
		{ru, "—", "рамочную", false}, // a dash is no letter
		{ru, "на", "пандемию", false},
		{fr, "Mme", "Held", true},
		{fr, "M.", "Prentice", true},
		{fr, "me", "dit", false},
		// No line starts with a spaced dash, in any language.
		{ru, "инициативе,", "—", true},
		{fr, "migrations", "—", true},
		{en, "Azerbaijan's", "–", true},
		{ru, "—", "рамочную", false},
		{ru, "миграции", "—в", false}, // not a dash alone
		// Digit groups.
		{ru, "140", "000", true},
		{ru, "1", "500", true},
		{fr, "(12", "400)", true},
		{en, "2020", "000", false}, // four digits: not a group
		{ru, "2,5", "000", false},  // a decimal
		{ru, "140", "0000", false},
		{ru, "15", "20", false},
		// A reference word or sign and its number.
		{en, "Annex", "10", true},
		{en, "(Annex", "4.1:", true},
		{en, "annex", "the", false},
		{ru, "Приложение", "10", true},
		{ru, "(приложение", "1.1)", true},
		{ru, "приложения", "3", true},
		{ru, "Приложение", "к", false},
		{fr, "Annexe", "2", true},
		{en, "§", "3", true},
		{fr, "§", "3", true},
		{ru, "№", "5", true},
		{en, "№", "5", true},
		// A day and its month.
		{en, "31", "January", true},
		{en, "(31", "January)", true},
		{en, "1", "October,", true},
		{en, "2026", "January", false}, // a year
		{en, "31", "participants", false},
		{ru, "18", "декабря", true},
		{ru, "–1", "октября", true},
		{ru, "18", "Декабря", true},
		{fr, "1er", "octobre", true},
		{fr, "31", "janvier", true},
		{en, "31", "janvier", false}, // another language's month
	} {
		if got := tt.rules.ties(tt.a, tt.b); got != tt.want {
			t.Errorf("ties(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzParagraph sets arbitrary text, with no-break spaces, long words and
// any characters, at any measure, justified and ragged, with each
// language's ties and hyphenation, and checks that no line is wider than
// the measure and that the lines hold the text's characters in order.
func FuzzParagraph(f *testing.F) {
	f.Add("the first biennial report of the Secretary-General (December 2020\u00a0г.) and the first review", uint8(30), true, uint8(1))
	f.Add("Mr. Abidine and H.E. Erkin Mukhitdinov thanked Ms. Held", uint8(10), false, uint8(0))
	f.Add("в регионе и в мире\u00a0\u00a0с\u00a0\u00a0 https://example.org/"+strings.Repeat("segment/", 20), uint8(0), true, uint8(1))
	f.Add("« le Réseau » : Mme Held ; M. Prentice !", uint8(5), true, uint8(2))
	f.Add("\u00adMukhit\u00ad\u00addinov\u00ad devel\u00adopment \u00ad \u00adx", uint8(0), true, uint8(0))
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		f.Fatal(err)
	}
	m := measurer{fam: fam}
	st := testStyle()
	langs := []language.Tag{language.English, language.Russian, language.French}
	f.Fuzz(func(t *testing.T, text string, w uint8, justify bool, li uint8) {
		lang := langs[int(li)%len(langs)]
		width := 40 + float64(w)*2 // 40 to 550 pt
		ts := TextStyle{Size: 10, Leading: 1.4, Align: Left}
		if justify {
			ts.Align = Justify
		}
		sc := new(scratch)
		// Two spans, the second bold, to mix faces inside words.
		cut := len(text) / 2
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		spans := []markup.Span{{Text: text[:cut]}, {Text: text[cut:], Style: markup.Bold}}
		ws := m.words(spans, ts, sc)
		tieRulesFor(lang).apply(ws)
		var lines []line
		hy := &hyphenation{h: hyphen.For(lang.String())}
		if justify {
			lines = m.justify(ws, width, ts, st.Justify, hy, hang{}, sc)
		} else {
			lines = m.breakLines(ws, width, 10, 1)
		}
		var got strings.Builder
		for i, ln := range lines {
			texts, _ := placeLine(ln, 0, width, 10, ts.Size, 0, 14, ts, st.Justify, display.Color{}, 0)
			for _, tx := range texts {
				right := tx.X + m.width(tx.Face, tx.Text, ts.Size)
				if right > width+0.01 && utf8.RuneCountInString(tx.Text) > 1 {
					t.Fatalf("line %d: %q ends at %.2f, past the %.0f pt measure", i, tx.Text, right, width)
				}
			}
			for j, tx := range texts {
				s := tx.Text
				if ln.hyphen && j == len(texts)-1 {
					s = strings.TrimSuffix(s, "-") // the hyphen added at the break
				}
				got.WriteString(s)
			}
		}
		want := strings.Map(func(r rune) rune {
			if isSpace(r) || r == '\u00a0' || r == '\u00ad' {
				return -1
			}
			return r
		}, validText(text))
		if got.String() != want {
			t.Fatalf("lines hold %q, want %q", got.String(), want)
		}
	})
}

// TestSoftHyphens checks that a soft hyphen (U+00AD) is not drawn, marks
// the only points where its word may be hyphenated, and gives the hyphen
// of a line that breaks there.
func TestSoftHyphens(t *testing.T) {
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{fam: fam}
	ts := TextStyle{Size: 10, Leading: 1.4, Align: Justify}
	sc := new(scratch)
	ws := m.words([]markup.Span{{Text: "Erkin \u00adMukhit\u00ad\u00addinov\u00ad "}, {Text: "devel\u00adopment", Style: markup.Italic}}, ts, sc)
	if len(ws) != 3 || wordText(ws[1]) != "Mukhitdinov" || !slices.Equal(ws[1].shy, []int{6}) || wordText(ws[2]) != "development" || !slices.Equal(ws[2].shy, []int{5}) {
		t.Fatalf("words: %+v", ws)
	}
	if w := m.width(fonts.Regular, "Mukhitdinov", 10); math.Abs(ws[1].w-w) > 1e-9 {
		t.Errorf("Mukhitdinov measures %.2f with its soft hyphens, %.2f without", ws[1].w, w)
	}
	// In a measure that cannot hold "development" whole, it breaks at the
	// author's point only, although the patterns know de-vel-op-ment.
	hy := &hyphenation{h: hyphen.For("en")}
	var ends []string
	// Measures that hold "development" but not "our development".
	lo, hi := m.width(fonts.Regular, "development", 10), m.width(fonts.Regular, "our development", 10)
	for width := lo + 1; width < hi; width += 2 {
		sc := new(scratch)
		ws := m.words([]markup.Span{{Text: "our devel\u00adopment"}}, ts, sc)
		for _, ln := range m.justify(ws, width, ts, testStyle().Justify, hy, hang{}, sc) {
			if ln.hyphen {
				ends = append(ends, wordText(ln.words[len(ln.words)-1]))
			}
		}
	}
	if len(ends) == 0 {
		t.Fatal("no line breaks at the soft hyphen")
	}
	for _, e := range ends {
		if e != "devel-" {
			t.Errorf("line ends with %q, want devel-", e)
		}
	}
}

// TestIsAddress checks which words of a link are kept whole: an address
// shown as its text (or a piece of one cut to fit the line), not the
// words of its prose text nor those of a link inside the document.
func TestIsAddress(t *testing.T) {
	for _, c := range []struct {
		text, url string
		want      bool
	}{
		{"https://example.org/reports", "https://example.org/reports", true},
		{"www.example.org", "https://www.example.org", true},
		{"info@example.org", "mailto:info@example.org", true},
		{"example.org/internationalization", "https://example.org/internationalization", true},
		{"internationalization-", "https://example.org/internationalization-and-more", true}, // a piece of a long address
		{"Environmental", "https://environmentalmigration.iom.int/", false},
		{"организаций", "https://example.org/x", false},
		{"Annex", DestPrefix + "annex-4", false},
		{"plain", "", false},
	} {
		w := word{pieces: []piece{{text: c.text, url: c.url}}}
		if got := isAddress(w); got != c.want {
			t.Errorf("isAddress(%q linking to %q) = %v, want %v", c.text, c.url, got, c.want)
		}
	}
}
