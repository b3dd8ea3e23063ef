package hyphen

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// hyphenate writes word with a "-" at each of points.
func hyphenate(word string, points []int) string {
	var b strings.Builder
	prev := 0
	for _, p := range points {
		b.WriteString(word[prev:p])
		b.WriteByte('-')
		prev = p
	}
	b.WriteString(word[prev:])
	return b.String()
}

// withMins returns a copy of h with other hyphenmins (sharing the patterns).
func withMins(h *Hyphenator, left, right int) *Hyphenator {
	c := *h
	c.leftMin, c.rightMin = left, right
	return &c
}

// The expected hyphenations below are TeX's: they were checked with LuaTeX
// 1.15.0's own hyphenation routine on the same hyph-utf8 patterns
// (testdata/texref.lua, see testdata/README.md), with \lefthyphenmin and
// \righthyphenmin as in each case's comment.
func TestPoints(t *testing.T) {
	en, gb, ru, fr := For("en"), For("en-GB"), For("ru"), For("fr")
	tests := []struct {
		name string
		h    *Hyphenator
		word string
		want string
	}{
		// English, hyphenmins 2/3.
		{"en", en, "hyphenation", "hy-phen-ation"},
		{"en", en, "migration", "mi-gra-tion"},
		{"en", en, "international", "in-ter-na-tional"},
		{"en", en, "development", "de-vel-op-ment"},
		{"en", en, "governance", "gov-er-nance"},
		{"en", en, "cooperation", "co-op-er-a-tion"},
		{"en", en, "algorithm", "al-go-rithm"},
		{"en", en, "typesetting", "type-set-ting"},
		{"en", en, "representatives", "rep-re-sen-ta-tives"},
		{"en", en, "sustainable", "sus-tain-able"},
		{"en", en, "secretariat", "sec-re-tariat"},
		{"en", en, "communication", "com-mu-ni-ca-tion"},
		{"en", en, "responsibility", "re-spon-si-bil-ity"},
		{"en", en, "Kazakhstan", "Kaza-khstan"},
		// A known bug of the patterns (hyph-en-us.tex, known_bugs), kept as TeX has it.
		{"en", en, "democrat", "de-mo-c-rat"},
		// Case does not matter.
		{"en caps", en, "Hyphenation", "Hy-phen-ation"},
		{"en caps", en, "HYPHENATION", "HY-PHEN-ATION"},
		{"en caps", en, "MiGrAtIoN", "Mi-GrA-tIoN"},
		// Knuth's exception list (\hyphenation in hyph-en-us.tex).
		{"en exception", en, "associate", "as-so-ciate"},
		{"en exception", en, "associates", "as-so-ciates"},
		{"en exception", en, "reformation", "ref-or-ma-tion"},
		{"en exception", en, "table", "ta-ble"},
		{"en exception", en, "Table", "Ta-ble"},
		{"en exception", en, "present", "present"},
		{"en exception", en, "PROJECT", "PROJECT"},
		// Too short for 2+3 letters, whatever the patterns say.
		{"en short", en, "into", "into"},
		// British English (hyph-en-gb), hyphenmins 2/3: British spellings.
		{"en-gb", gb, "anonymised", "an-onymised"},
		{"en-gb", gb, "organisation", "or-gan-isa-tion"},
		{"en-gb", gb, "Organisations", "Or-gan-isa-tions"},
		{"en-gb", gb, "programme", "pro-gramme"},
		{"en-gb", gb, "capitalise", "cap-it-al-ise"},
		{"en-gb", gb, "processes", "pro-cesses"},
		{"en-gb", gb, "recognised", "re-cog-nised"},
		{"en-gb", gb, "prioritised", "pri-or-it-ised"},
		{"en-gb", gb, "behaviour", "be-ha-viour"},
		{"en-gb", gb, "labour", "la-bour"},
		{"en-gb", gb, "centre", "centre"},
		{"en-gb", gb, "hyphenation", "hy-phen-a-tion"},
		{"en-gb", gb, "migration", "mi-gra-tion"},
		// The exception list (\hyphenation in hyph-en-gb.tex).
		{"en-gb exception", gb, "university", "uni-ver-sity"},
		{"en-gb exception", gb, "universities", "uni-ver-sit-ies"},
		{"en-gb exception", gb, "manuscript", "ma-nu-script"},
		{"en-gb exception", gb, "reciprocity", "re-ci-pro-city"},
		{"en-gb exception", gb, "however", "how-ever"},
		{"en-gb short", gb, "into", "into"},
		{"en short", en, "a", "a"},
		// Not a word of letters.
		{"en non-letter", en, "covid19", "covid19"},
		{"en non-letter", en, "co-operation", "co-operation"},
		{"en non-letter", en, "don't", "don't"},
		{"en non-letter", en, "migration,", "migration,"},
		{"en non-letter", en, "hyphen\u00adation", "hyphen\u00adation"},
		{"en non-letter", en, "migra tion", "migra tion"},
		{"en non-letter", en, "migra\xfftion", "migra\xfftion"},
		{"en non-letter", en, "", ""},

		// Russian, hyphenmins 2/2.
		{"ru", ru, "миграции", "ми-гра-ции"},
		{"ru", ru, "сотрудничества", "со-труд-ни-че-ства"},
		{"ru", ru, "государствами", "го-су-дар-ства-ми"},
		{"ru", ru, "международной", "меж-ду-на-род-ной"},
		{"ru", ru, "представителей", "пред-ста-ви-те-лей"},
		{"ru", ru, "безопасности", "без-опас-но-сти"},
		{"ru", ru, "район", "рай-он"},
		{"ru caps", ru, "Организации", "Ор-га-ни-за-ции"},
		{"ru caps", ru, "ОРГАНИЗАЦИИ", "ОР-ГА-НИ-ЗА-ЦИИ"},
		{"ru caps", ru, "Узбекистана", "Уз-бе-ки-ста-на"},
		// ё is a letter of its own in the patterns; Ё lower-cases to it.
		{"ru ё", ru, "ёлка", "ёл-ка"},
		{"ru ё", ru, "Ёлка", "Ёл-ка"},
		{"ru ё", ru, "ЁЛКА", "ЁЛ-КА"},
		{"ru ё", ru, "объединённых", "объ-еди-нён-ных"},
		{"ru ё", ru, "трёхсторонний", "трёх-сто-рон-ний"},
		{"ru ё", ru, "всё", "всё"},
		{"ru ё", ru, "ещё", "ещё"},
		// Decomposed ё and й (е/и + combining mark) hyphenate as the letters.
		{"ru decomposed", ru, "е\u0308лка", "е\u0308л-ка"},
		{"ru decomposed", ru, "Е\u0308лка", "Е\u0308л-ка"},
		{"ru decomposed", ru, "объедине\u0308нных", "объ-еди-не\u0308н-ных"},
		{"ru decomposed", ru, "раи\u0306он", "раи\u0306-он"},
		{"ru decomposed", ru, "\u0308ёлка", "\u0308ёлка"},
		{"ru decomposed", ru, "ёлка\u0308", "ёлка\u0308"},
		// Lebedev's exception list (\hyphenation in hyph-ru.tex).
		{"ru exception", ru, "бездн", "бездн"},
		{"ru exception", ru, "бизнесмен", "биз-нес-мен"},
		{"ru exception", ru, "вблизи", "вбли-зи"},
		{"ru exception", ru, "Взбаламуться", "Взба-ла-муть-ся"},
		{"ru exception", ru, "шестьдесят", "шесть-де-сят"},
		// Too short, or not a word of letters.
		{"ru short", ru, "её", "её"},
		{"ru short", ru, "мир", "мир"},
		{"ru non-letter", ru, "г-жа", "г-жа"},
		{"ru non-letter", ru, "COVID-19", "COVID-19"},
		{"ru non-letter", ru, "миграции»", "миграции»"},
		{"ru non-letter", ru, "2021", "2021"},

		// French, hyphenmins 2/2.
		{"fr", fr, "migration", "mi-gra-tion"},
		{"fr", fr, "coopération", "co-opé-ra-tion"},
		{"fr", fr, "développement", "dé-ve-lop-pe-ment"},
		{"fr caps", fr, "Organisation", "Or-ga-ni-sa-tion"},
		{"fr short", fr, "été", "été"},

		// Other hyphenmins: with 1/1 the patterns' points near the ends
		// show (LuaTeX with \lefthyphenmin=1 \righthyphenmin=1 agrees).
		{"en 1/1", withMins(en, 1, 1), "international", "in-ter-na-tion-al"},
		{"en 1/1", withMins(en, 1, 1), "development", "de-vel-op-men-t"},
		{"en 1/1", withMins(en, 1, 1), "responsibility", "re-spon-si-bil-i-ty"},
		{"en 1/1", withMins(en, 1, 1), "democrat", "de-mo-c-ra-t"},
		{"ru 1/1", withMins(ru, 1, 1), "миграции", "ми-гра-ци-и"},
		{"ru 1/1", withMins(ru, 1, 1), "Организации", "Ор-га-ни-за-ци-и"},
		{"ru 1/1", withMins(ru, 1, 1), "ещё", "е-щё"},
		{"ru 1/1", withMins(ru, 1, 1), "её", "е-ё"},
		{"en 4/4", withMins(en, 4, 4), "hyphenation", "hyphen-ation"},
		{"ru 3/2", withMins(ru, 3, 2), "государствами", "госу-дар-ства-ми"},
		{"ru 3/3", withMins(ru, 3, 3), "государствами", "госу-дар-ствами"},
		{"ru 3/4", withMins(ru, 3, 4), "ёлка", "ёлка"},
		// The minimums hold for exceptions too (as in TeX82 and pdfTeX; LuaTeX
		// applies exceptions as they stand).
		{"en exception 3/3", withMins(en, 3, 3), "associate", "asso-ciate"},
		{"ru exception 4/2", withMins(ru, 4, 2), "бизнесмен", "бизнес-мен"},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/"+tc.word, func(t *testing.T) {
			points := tc.h.Points(tc.word)
			if got := hyphenate(tc.word, points); got != tc.want {
				t.Errorf("Points(%q) = %v: %q, want %q", tc.word, points, got, tc.want)
			}
			if points != nil && len(points) == 0 {
				t.Errorf("Points(%q) = empty non-nil slice, want nil", tc.word)
			}
		})
	}
}

func TestPointsOffsets(t *testing.T) {
	tests := []struct {
		lang, word string
		want       []int
	}{
		{"en", "migration", []int{2, 5}},
		{"en", "hyphenation", []int{2, 6}},
		{"en-GB", "hyphenation", []int{2, 6, 7}},
		{"en-GB", "anonymised", []int{2}},
		{"ru", "миграции", []int{4, 10}}, // two bytes a letter
		{"ru", "ёлка", []int{4}},         // ё is two bytes
		{"ru", "е\u0308лка", []int{6}},   // е + U+0308, four bytes, then л
		{"ru", "Организации", []int{4, 8, 12, 16}},
	}
	for _, tc := range tests {
		if got := For(tc.lang).Points(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("%s Points(%q) = %v, want %v", tc.lang, tc.word, got, tc.want)
		}
	}
}

// TestTeXReference compares Points with TeX's own hyphenation of every word
// of the project's report text (testdata/tex-*.tsv, made by LuaTeX; see
// testdata/README.md).
func TestTeXReference(t *testing.T) {
	// The French translation is in progress: fewer words so far.
	for lang, least := range map[string]int{"en": 1000, "en-gb": 1000, "ru": 1000, "fr": 500} {
		t.Run(lang, func(t *testing.T) {
			h := For(lang)
			words := readReference(t, lang)
			if len(words) < least {
				t.Fatalf("only %d reference words", len(words))
			}
			bad := 0
			for _, w := range words {
				if got := hyphenate(w.word, h.Points(w.word)); got != w.tex {
					bad++
					if bad <= 20 {
						t.Errorf("%s: got %s, TeX %s", w.word, got, w.tex)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d words differ from TeX", bad, len(words))
			}
		})
	}
}

type referenceWord struct {
	word  string
	count int    // occurrences in the report text
	tex   string // TeX's hyphenation
}

// readReference reads testdata/tex-LANG.tsv.
func readReference(tb testing.TB, lang string) []referenceWord {
	tb.Helper()
	f, err := os.Open("testdata/tex-" + lang + ".tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var words []referenceWord
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			tb.Fatalf("tex-%s.tsv: bad line %q", lang, line)
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil || n < 1 {
			tb.Fatalf("tex-%s.tsv: bad count in %q", lang, line)
		}
		if strings.ReplaceAll(fields[2], "-", "") != fields[0] {
			tb.Fatalf("tex-%s.tsv: %q is not a hyphenation of %q", lang, fields[2], fields[0])
		}
		words = append(words, referenceWord{fields[0], n, fields[2]})
	}
	if err := s.Err(); err != nil {
		tb.Fatal(err)
	}
	return words
}

func TestFor(t *testing.T) {
	en, gb, ru, fr := For("en"), For("en-GB"), For("ru"), For("fr")
	if en == nil || gb == nil || ru == nil || fr == nil {
		t.Fatalf(`For("en") = %p, For("en-GB") = %p, For("ru") = %p, For("fr") = %p, want hyphenators`, en, gb, ru, fr)
	}
	if en == gb || en == ru || en == fr || gb == ru || gb == fr || ru == fr {
		t.Fatal(`two languages share a hyphenator`)
	}
	tests := []struct {
		lang string
		want *Hyphenator
	}{
		{"en", en}, {"en-US", en}, {"en_US", en}, {"EN", en}, {"En-us", en},
		{"en-AU", en}, {"en-001", en}, {"en-Latn-US", en}, {"en-oxendict", en}, {"en-GBR", en},
		{"en-GB", gb}, {"en_GB", gb}, {"en-gb", gb}, {"EN-GB", gb}, {"en-Latn-GB", gb},
		{"en-GB-oxendict", gb}, {"en-gb-x-house", gb},
		{"ru", ru}, {"ru-RU", ru}, {"ru_RU", ru}, {"RU", ru}, {"ru-Cyrl-RU", ru},
		{"fr", fr}, {"fr-FR", fr}, {"fr-CA", fr}, {"FR", fr}, {"fr-GB", fr},
		{"de", nil}, {"", nil}, {"-", nil}, {"english", nil},
		{"eng", nil}, {"r", nil}, {" en", nil}, {"de-GB", nil},
	}
	for _, tc := range tests {
		if got := For(tc.lang); got != tc.want {
			t.Errorf("For(%q) = %p, want %p", tc.lang, got, tc.want)
		}
	}
}

// TestBritishAmerican checks that en-GB and en-US hyphenate differently
// where their patterns differ (TeX's results with hyph-en-gb and
// hyph-en-us, testdata/README.md), and alike where they agree.
func TestBritishAmerican(t *testing.T) {
	tests := []struct {
		word, gb, us string
	}{
		{"anonymised", "an-onymised", "anonymised"},
		{"processes", "pro-cesses", "processes"},
		{"organisation", "or-gan-isa-tion", "or-gan-i-sa-tion"},
		{"capitalise", "cap-it-al-ise", "cap-i-talise"},
		{"recognised", "re-cog-nised", "recog-nised"},
		{"centre", "centre", "cen-tre"},
		{"manuscript", "ma-nu-script", "man-u-script"},
		{"programme", "pro-gramme", "pro-gramme"},
		{"migration", "mi-gra-tion", "mi-gra-tion"},
	}
	for _, tc := range tests {
		if got := hyphenate(tc.word, For("en-GB").Points(tc.word)); got != tc.gb {
			t.Errorf("en-GB %s: got %s, want %s", tc.word, got, tc.gb)
		}
		if got := hyphenate(tc.word, For("en-US").Points(tc.word)); got != tc.us {
			t.Errorf("en-US %s: got %s, want %s", tc.word, got, tc.us)
		}
	}
}

func TestMins(t *testing.T) {
	tests := []struct {
		lang        string
		left, right int
	}{
		{"en", 2, 3},
		{"en-gb", 2, 3},
		{"ru", 2, 2},
		{"fr", 2, 2},
	}
	for _, tc := range tests {
		h := For(tc.lang)
		if h.LeftMin() != tc.left || h.RightMin() != tc.right {
			t.Errorf("%s: LeftMin, RightMin = %d, %d, want %d, %d", tc.lang, h.LeftMin(), h.RightMin(), tc.left, tc.right)
		}
		// The values are the pattern file's own typesetting hyphenmins.
		src, err := patternFiles.ReadFile(languages[tc.lang].file)
		if err != nil {
			t.Fatal(err)
		}
		header := "% hyphenmins:\n%     typesetting:\n%         left: " + strconv.Itoa(tc.left) +
			"\n%         right: " + strconv.Itoa(tc.right) + "\n"
		if !strings.Contains(string(src), header) {
			t.Errorf("%s: the pattern file's header does not say hyphenmins %d/%d", tc.lang, tc.left, tc.right)
		}
	}
}

func TestNil(t *testing.T) {
	var h *Hyphenator
	if h.Points("hyphenation") != nil || h.LeftMin() != 0 || h.RightMin() != 0 {
		t.Error("the nil Hyphenator hyphenates")
	}
	if For("de").Points("Silbentrennung") != nil {
		t.Error(`For("de").Points hyphenates: no German patterns are shipped`)
	}
}

// TestPatternFiles checks that the embedded files are the upstream ones and
// that every pattern and exception of them was read: hyph-utf8's plain-text hyph-*.pat.txt and hyph-*.hyp.txt
// of the same release hold 4938 and 14 (en-us), 8527 and 8 (en-gb), 7021
// and 184 (ru), 1216 and
// none (fr: 1145 of hyph-fr.tex and 71 of hyph-quote-fr.tex, the same
// patterns with the typographic apostrophe, which never reaches Points:
// words are hyphenated in runs of letters).
func TestPatternFiles(t *testing.T) {
	tests := []struct {
		lang                 string
		patterns, exceptions int
		sha256               string
	}{
		{"en", 4938, 14, "f4ffcd96c5cbc886bdad23f95dcae8edc3cd3620eae62f7946eceda97c4e68f8"},
		{"en-gb", 8527, 8, "e95bb4ab350f620c41c231c4785d7bdb4f91949d3e631b30e08b3ead3c340a52"},
		{"ru", 7021, 184, "ce988fcc66e5e29d7474df5ab5b489d3f52a50ebccf570997f992d84221b922a"},
		{"fr", 1145, 0, "526cad6fe8f52fcd3caa3fcaf667cb1740cfc14bca198680e00dc343a84594de"},
	}
	for _, tc := range tests {
		src, err := patternFiles.ReadFile(languages[tc.lang].file)
		if err != nil {
			t.Fatal(err)
		}
		// The files are shipped unmodified: their SHA-256 is the one recorded
		// in patterns/LICENSE-*.txt.
		if got := fmt.Sprintf("%x", sha256.Sum256(src)); got != tc.sha256 {
			t.Errorf("%s: SHA-256 %s, want %s (the upstream file's)", tc.lang, got, tc.sha256)
		}
		h := For(tc.lang)
		if len(h.exceptions) != tc.exceptions {
			t.Errorf("%s: %d exceptions, want %d", tc.lang, len(h.exceptions), tc.exceptions)
		}
		// Patterns are unique (parse rejects duplicates), so counting the
		// entries of \patterns counts the patterns in the trie.
		var b strings.Builder
		for line := range strings.Lines(string(src)) {
			line, _, _ = strings.Cut(line, "%")
			b.WriteString(line + "\n")
		}
		_, group, _, err := texGroup(strings.TrimSpace(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(strings.Fields(group)); n != tc.patterns {
			t.Errorf("%s: %d patterns, want %d", tc.lang, n, tc.patterns)
		}
	}
}

func TestParseErrors(t *testing.T) {
	bad := []string{
		``,
		`\patterns{}`,
		`\patterns{a1b`,
		`\patterns{a1b} junk`,
		`\patterns{a1b} \patterns{c1d}`,
		`\patterns{a1b} \lccode{x}`,
		`\patterns{a1b \relax}`,
		`\patterns{a12b}`,
		`\patterns{1}`,
		`\patterns{a1b a1b}`,
		`\patterns{a.b}`,
		`\patterns{a1b} \hyphenation{-ab}`,
		`\patterns{a1b} \hyphenation{ab-}`,
		`\patterns{a1b} \hyphenation{a--b}`,
		`\patterns{a1b} \hyphenation{a1b}`,
	}
	for _, src := range bad {
		if _, err := parse(src, 2, 2); err == nil {
			t.Errorf("parse(%q) succeeded", src)
		}
	}
	if _, err := parse(`\patterns{a1b}`, 0, 2); err == nil {
		t.Error("parse with LeftMin 0 succeeded")
	}
	// A minimal, well-formed file: Liang's own example patterns.
	h, err := parse("% comment\n\\patterns{ % more\n .hy3 he2n hena4 hen5at 1na n2at 1tio 2io o2n\n}\n\\hyphenation{ta-ble}\n", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := hyphenate("hyphenation", h.Points("hyphenation")); got != "hy-phen-ation" {
		t.Errorf("Liang's example: %s", got)
	}
	if got := hyphenate("table", h.Points("table")); got != "ta-ble" {
		t.Errorf("exception: %s", got)
	}
}

// TestLoadConcurrent builds a hyphenator from fresh language entries in many
// goroutines at once; run with -race.
func TestLoadConcurrent(t *testing.T) {
	for _, base := range []string{"en", "en-gb", "ru", "fr"} {
		l := &language{file: languages[base].file, leftMin: languages[base].leftMin, rightMin: languages[base].rightMin}
		got := make([]*Hyphenator, 8)
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() { got[i] = l.hyphenator() })
		}
		wg.Wait()
		for _, h := range got {
			if h == nil || h != got[0] {
				t.Fatalf("%s: goroutines got different hyphenators", base)
			}
		}
		if !reflect.DeepEqual(got[0], For(base)) {
			t.Errorf("%s: fresh load differs from For", base)
		}
	}
}

// TestConcurrentUse hyphenates the reference words from many goroutines at
// once and compares with the sequential results; run with -race.
func TestConcurrentUse(t *testing.T) {
	type job struct {
		lang, word string
		want       []int
	}
	var jobs []job
	for _, lang := range []string{"en", "en-gb", "ru", "fr"} {
		for _, w := range readReference(t, lang) {
			jobs = append(jobs, job{lang, w.word, For(lang).Points(w.word)})
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range jobs {
				j := jobs[(i+g*len(jobs)/8)%len(jobs)]
				if got := For(j.lang).Points(j.word); !slices.Equal(got, j.want) {
					select {
					case errs <- j.word:
					default:
					}
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for w := range errs {
		t.Errorf("concurrent Points(%q) differs", w)
	}
}

func BenchmarkPoints(b *testing.B) {
	for _, lang := range []string{"en", "en-gb", "ru", "fr"} {
		b.Run(lang, func(b *testing.B) {
			h := For(lang)
			// The running text of the report: each word as often as it occurs.
			var words []string
			for _, w := range readReference(b, lang) {
				for range w.count {
					words = append(words, w.word)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for _, w := range words {
					h.Points(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
			b.ReportMetric(float64(len(words)), "words/op")
		})
	}
}

func FuzzPoints(f *testing.F) {
	for _, s := range []string{
		"hyphenation", "Организации", "ёлка", "е\u0308лка", "раи\u0306он", "\u0308", "и\u0306\u0306",
		"co-operation", "covid19", "", "a", "\xff\xfe", "mi\xffgration", "ǅemal", "İstanbul",
		"ΑΒΓΔΕΖΗΘ", "超长的单词", strings.Repeat("ab", 100), strings.Repeat("ё", 70),
	} {
		f.Add(s)
	}
	hs := []*Hyphenator{For("en"), For("en-GB"), For("ru"), withMins(For("en"), 1, 1), withMins(For("ru"), 1, 1)}
	f.Fuzz(func(t *testing.T, word string) {
		// The rune boundaries of word, and how many letters precede each.
		lettersBefore := map[int]int{}
		letters := 0
		for i, r := range word {
			lettersBefore[i] = letters
			if unicode.IsLetter(r) {
				letters++
			}
		}
		for _, h := range hs {
			points := h.Points(word)
			if points != nil && len(points) == 0 {
				t.Fatalf("Points(%q) = empty non-nil slice", word)
			}
			if len(points) > 0 && !utf8.ValidString(word) {
				t.Fatalf("Points(%q) = %v for invalid UTF-8", word, points)
			}
			prev := 0
			for _, p := range points {
				if p <= prev || p >= len(word) {
					t.Fatalf("Points(%q) = %v: not increasing inside the word", word, points)
				}
				prev = p
				k, ok := lettersBefore[p]
				if !ok {
					t.Fatalf("Points(%q) = %v: %d is not on a rune boundary", word, points, p)
				}
				if r, _ := utf8.DecodeRuneInString(word[p:]); !unicode.IsLetter(r) {
					t.Fatalf("Points(%q) = %v: %d is not before a letter", word, points, p)
				}
				if k < h.LeftMin() || letters-k < h.RightMin() {
					t.Fatalf("Points(%q) = %v: %d breaks LeftMin %d/RightMin %d", word, points, p, h.LeftMin(), h.RightMin())
				}
			}
		}
	})
}
