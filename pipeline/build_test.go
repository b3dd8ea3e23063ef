package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/atomicfile"
	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/internal/projecttest"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
)

// reference builds the embedded reference report once per test binary
// into a temporary folder and returns the PDFs by language.
var referenceCache map[string][]byte

func reference(t *testing.T) map[string][]byte {
	t.Helper()
	if referenceCache != nil {
		return referenceCache
	}
	out := t.TempDir()
	p := project.Open(t.TempDir()) // an empty root: the embedded project
	results, diags := Run(p, Options{OutDir: out, Reports: firstReport, Langs: published})
	if diags.HasErrors() || len(diags) > 0 {
		t.Fatalf("build of the reference report reported:\n%v", diags)
	}
	if len(results) != 2 {
		t.Fatalf("got %d PDFs, want 2 (en, ru)", len(results))
	}
	m := map[string][]byte{}
	for _, r := range results {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		m[r.Lang] = data
	}
	referenceCache = m
	return m
}

// published are the reference report's published languages; French is in
// progress and has its own tests.
var published = []string{"en", "ru"}

// first narrows a build of the embedded project to the first reference
// report; the second (second_test.go) has tests of its own.
var firstReport = []string{"central-asia-2021"}

// referenceSource loads the embedded report and its catalogs.
func referenceSource(t *testing.T) (*sources.Loaded, *locales.Catalog) {
	t.Helper()
	r, diags := sources.Load(sources.Embedded(), "central-asia-2021.toml", "sources/central-asia-2021.toml")
	if r == nil {
		t.Fatal(diags)
	}
	cat, diags := locales.Load(locales.Embedded(), "locales", language.English)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return r, cat
}

// spaceRE matches runs of white space, no-break spaces included: the
// layout sets a no-break space (U+00A0) as a word space that never breaks.
var spaceRE = regexp.MustCompile(`[\s\x{00a0}]+`)

func normalize(s string) string { return strings.TrimSpace(spaceRE.ReplaceAllString(s, " ")) }

// straightQuotes folds the quotation marks and apostrophes that the
// layout sets for typed ASCII ones back to ASCII, to compare a PDF's text
// with its source.
var straightQuotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)

// bodyText returns the text of all pages without running header and
// footer, whitespace-normalised, with words hyphenated at line ends joined
// again as pdftotext joins them.
func bodyText(t *testing.T, doc *pdfread.Doc, header []string) string {
	t.Helper()
	var lines []string
	for _, pg := range doc.Pages {
		for _, ln := range strings.Split(pg.Text(), "\n") {
			if contains(header, ln) || footerRE.MatchString(ln) {
				continue
			}
			lines = append(lines, ln)
		}
	}
	return normalize(dehyphenate(lines))
}

// dehyphenate joins lines, removing a hyphen between a letter at the end
// of a line and a lower-case letter starting the next.
func dehyphenate(lines []string) string {
	var b strings.Builder
	for i, ln := range lines {
		if i+1 < len(lines) && hyphenEndRE.MatchString(ln) {
			if r := []rune(lines[i+1]); len(r) > 0 && unicode.IsLower(r[0]) {
				b.WriteString(strings.TrimSuffix(ln, "-"))
				continue
			}
		}
		b.WriteString(ln)
		b.WriteByte('\n')
	}
	return b.String()
}

var hyphenEndRE = regexp.MustCompile(`\pL-$`)

var paragraphOrNameRE = regexp.MustCompile(`\.(p\d+|name|text|participants|heading)$`)

var footerRE = regexp.MustCompile(`^(Page|Страница) \d+ (of|из) \d+$`)

// TestCountLimit checks that the plural forms a catalog must have cover
// every count of annexes a report may have.
func TestCountLimit(t *testing.T) {
	if locales.MaxCount != sources.MaxAnnexes {
		t.Errorf("locales.MaxCount = %d, sources.MaxAnnexes = %d", locales.MaxCount, sources.MaxAnnexes)
	}
}

// TestNoBreakAfterTies checks what a reader sees at line ends: no line
// ends with an initial, an abbreviated title, "Annex"/«Приложение» or a
// sign before its number, or (in Russian) a one-letter preposition; none
// starts with the "г." of a year or with a spaced dash (the closing
// marker "— CLOSE OF SESSION —" aside); no number in digit groups
// ("140 000") is broken.
func TestNoBreakAfterTies(t *testing.T) {
	pdfs := reference(t)
	badEnd := map[string]*regexp.Regexp{
		"en": regexp.MustCompile(`(^|\s)(\p{Lu}\.)+$|(^|\s)(Mr|Mrs|Ms|Dr)\.$|(^|\s)\(?(Annex|№|§)$`),
		"ru": regexp.MustCompile(`(^|\s)(\p{Lu}\.)+$|(^|\s)[Гг]-(н|жа|на|жи)$|(^|\s)\pL$|(^|\s)\(?([Пп]риложени[еяию]|№|§)$`),
	}
	badStart := regexp.MustCompile(`^гг?\.|^[—–-] `)
	groupEnd, groupStart := regexp.MustCompile(`(^|[^\d.,])\d{1,3}$`), regexp.MustCompile(`^\d{3}(\D|$)`)
	for _, lang := range []string{"en", "ru"} {
		doc, err := pdfread.Read(pdfs[lang])
		if err != nil {
			t.Fatal(err)
		}
		lines := 0
		for pi, pg := range doc.Pages {
			text := strings.Split(pg.Text(), "\n")
			for i, ln := range text {
				lines++
				if i+1 < len(text) && badEnd[lang].MatchString(ln) {
					t.Errorf("%s page %d: line ends with a word tied to the next: %q / %q", lang, pi+1, ln, text[i+1])
				}
				if badStart.MatchString(ln) && !strings.HasSuffix(ln, " —") {
					t.Errorf("%s page %d: line starts with the abbreviation of a year or a dash: %q", lang, pi+1, ln)
				}
				if i+1 < len(text) && groupEnd.MatchString(ln) && groupStart.MatchString(text[i+1]) {
					t.Errorf("%s page %d: a number in digit groups broken: %q / %q", lang, pi+1, ln, text[i+1])
				}
			}
		}
		if lines < 200 {
			t.Errorf("%s: %d lines read back; the check saw too little", lang, lines)
		}
	}
}

func TestReferenceTextReadsBack(t *testing.T) {
	pdfs := reference(t)
	r, cat := referenceSource(t)
	for _, lang := range []string{"en", "ru"} {
		t.Run(lang, func(t *testing.T) {
			doc, err := pdfread.Read(pdfs[lang])
			if err != nil {
				t.Fatal(err)
			}
			tag := language.Make(lang)
			text := func(id string) string {
				if lang == "en" {
					m, ok := r.Message(id)
					if !ok {
						t.Fatalf("no source message %s", id)
					}
					return m.Text
				}
				e, ok := cat.Entry(tag, id)
				if !ok {
					t.Fatalf("no %s message %s", lang, id)
				}
				return e.Source()
			}
			header := []string{text2(t, cat, tag, "brand.organization"), text2(t, cat, tag, "brand.tagline")}
			body := bodyText(t, doc, header)
			// Typed apostrophes come back typographic, and only so.
			if lang == "en" {
				if !strings.Contains(body, "IOM’s commitment") || strings.Contains(body, "'") {
					t.Errorf("en: the apostrophes are not all ’")
				}
			}
			body = straightQuotes.Replace(body)

			// Every paragraph and speaker name, in reading order.
			pos := 0
			for _, m := range r.Messages {
				if !paragraphOrNameRE.MatchString(m.ID) {
					continue
				}
				s := text(m.ID)
				if spans, err := markup.Parse(s); err == nil {
					s = markup.Plain(spans)
				}
				s = straightQuotes.Replace(normalize(s))
				switch {
				case strings.HasSuffix(m.ID, ".name"):
					s = capitalizeFirst(s)
				case strings.HasSuffix(m.ID, ".heading"):
					s = cases.Upper(tag).String(s)
				}
				i := strings.Index(body[pos:], s)
				if i < 0 {
					t.Errorf("%s: text of %s not found after offset %d:\n%q", lang, m.ID, pos, s)
					continue
				}
				if testing.Verbose() {
					t.Logf("%s at %d", m.ID, pos+i)
				}
				pos += i + len(s)
			}
			// The Russian body is Cyrillic.
			if lang == "ru" {
				letters, cyr := 0, 0
				for _, c := range body {
					if unicode.IsLetter(c) {
						letters++
						if unicode.Is(unicode.Cyrillic, c) {
							cyr++
						}
					}
				}
				if float64(cyr) < 0.9*float64(letters) {
					t.Errorf("only %d of %d letters are Cyrillic", cyr, letters)
				}
			}
		})
	}
}

func capitalizeFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

func text2(t *testing.T, cat *locales.Catalog, tag language.Tag, id string) string {
	t.Helper()
	s, err := cat.Localizer(tag).Text(id, nil)
	if err != nil {
		t.Fatalf("%s %s: %v", tag, id, err)
	}
	return s
}

func TestReferenceAnnexLabels(t *testing.T) {
	pdfs := reference(t)
	want := map[string][]string{
		"en": {
			"(Annex 1: English and Annex 1.1: Courtesy Translation to Russian)",
			"(Annex 2: English and Annex 2.1: Courtesy Translation to Russian)",
			"(Annex 3: English)",
			"(Annex 4: English and Russian, Annex 4.1: English and Russian)",
			"(Annex 5: English and Annex 5.1: English)",
			"(Annex 6: French, Annex 6.1: English and Annex 6.2: Courtesy Translation to Russian)",
			"(Annex 7: English)",
			"The report has 7 annexes",
		},
		"ru": {
			"(приложение 1: английский язык и приложение 1.1: неофициальный перевод на русский язык)",
			"(приложение 3: английский язык)",
			"(приложение 4: английский и русский языки, приложение 4.1: английский и русский языки)",
			"(приложение 6: французский язык, приложение 6.1: английский язык и приложение 6.2: неофициальный перевод на русский язык)",
			"К отчёту прилагается 7 приложений",
			"Настоящий документ является неофициальным переводом",
			"28 января 2021 г., 08:30–12:00 (CET)",
		},
	}
	for lang, labels := range want {
		doc, err := pdfread.Read(pdfs[lang])
		if err != nil {
			t.Fatal(err)
		}
		body := bodyText(t, doc, nil)
		for _, l := range labels {
			if !strings.Contains(body, l) {
				t.Errorf("%s: %q not found", lang, l)
			}
		}
	}
}

func TestReferencePages(t *testing.T) {
	pdfs := reference(t)
	brand := map[string][2]string{
		"en": {"International Organization for Migration (IOM)", "The UN Migration Agency"},
		"ru": {"Международная организация по миграции (МОМ)", "Агентство ООН по миграции"},
	}
	footer := map[string]string{"en": "Page %d of %d", "ru": "Страница %d из %d"}
	for lang, data := range pdfs {
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		n := len(doc.Pages)
		if n < 5 {
			t.Errorf("%s: only %d pages", lang, n)
		}
		for i, pg := range doc.Pages {
			lines := strings.Split(pg.Text(), "\n")
			if len(lines) < 3 || lines[0] != brand[lang][0] || lines[1] != brand[lang][1] {
				t.Errorf("%s page %d: header is %q", lang, i+1, lines[:min(2, len(lines))])
			}
			if got, want := lines[len(lines)-1], fmt.Sprintf(footer[lang], i+1, n); got != want {
				t.Errorf("%s page %d: footer %q, want %q", lang, i+1, got, want)
			}
		}
	}
}

func TestReferenceOutlineLinksAndInfo(t *testing.T) {
	pdfs := reference(t)
	wantOutline := map[string][]string{
		"en": {"Fostering Sub-Regional Cooperation on Migration in Central Asia", "OPENING REMARKS", "WORLD MIGRATION REPORT 2020", "ROUNDTABLE ONE", "MIGRATION MULTI-PARTNER TRUST FUND", "ROUNDTABLE TWO", "CHAMPION COUNTRIES INITIATIVE", "WAY FORWARD AND CLOSING REMARKS", "ANNEXES"},
		"ru": {"Содействие субрегиональному сотрудничеству в области миграции в Центральной Азии", "ВСТУПИТЕЛЬНОЕ СЛОВО", "ДОКЛАД О МИГРАЦИИ В МИРЕ 2020", "КРУГЛЫЙ СТОЛ 1", "МНОГОПАРТНЁРСКИЙ ЦЕЛЕВОЙ ФОНД ПО МИГРАЦИИ", "КРУГЛЫЙ СТОЛ 2", "ИНИЦИАТИВА «СТРАНЫ-ЛИДЕРЫ»", "ДАЛЬНЕЙШИЕ ШАГИ И ЗАКЛЮЧИТЕЛЬНОЕ СЛОВО", "ПРИЛОЖЕНИЯ"},
	}
	for lang, data := range pdfs {
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		var top []string
		for _, b := range doc.Outline {
			if b.Level == 0 {
				top = append(top, b.Title)
			}
			if b.Page < 1 || b.Page > len(doc.Pages) {
				t.Errorf("%s: bookmark %q points at page %d", lang, b.Title, b.Page)
			}
		}
		if strings.Join(top, "|") != strings.Join(wantOutline[lang], "|") {
			t.Errorf("%s outline:\n got %q\nwant %q", lang, top, wantOutline[lang])
		}
		// Links: the five content links and the WMR URL, and one internal
		// link per annex reference, pointing at the annex list's page.
		ext := map[string]bool{}
		internal := 0
		for _, pg := range doc.Pages {
			for _, l := range pg.Links {
				if l.URI != "" {
					ext[l.URI] = true
				} else if l.DestPage == len(doc.Pages) || l.DestPage == len(doc.Pages)-1 {
					internal++
				} else {
					t.Errorf("%s: internal link to page %d, not to the annex list", lang, l.DestPage)
				}
			}
		}
		for _, u := range []string{
			"https://migrationnetwork.un.org/champion-countries",
			"https://migrationnetwork.un.org/mptf",
			"https://publications.iom.int/books/world-migration-report-2020",
		} {
			if !ext[u] {
				t.Errorf("%s: no link to %s", lang, u)
			}
		}
		if internal < 13 { // 13 annex items are referred to
			t.Errorf("%s: %d internal links, want at least 13", lang, internal)
		}
		if doc.Lang != lang {
			t.Errorf("lang = %q, want %q", doc.Lang, lang)
		}
		if doc.Info["Title"] != wantOutline[lang][0] || doc.Info["Creator"] != "reportgen" || doc.Info["Author"] == "" || doc.Info["Subject"] == "" {
			t.Errorf("%s: info %v", lang, doc.Info)
		}
	}
}

func TestReferenceValidates(t *testing.T) {
	for lang, data := range reference(t) {
		if err := pdfread.ValidateRelaxed(data); err != nil {
			t.Errorf("%s: pdfcpu: %v", lang, err)
		}
	}
}

// TestReproducible builds twice, in different folders and orders, and
// compares bytes.
func TestReproducible(t *testing.T) {
	first := reference(t)
	out := t.TempDir()
	results, diags := Run(project.Open(t.TempDir()), Options{OutDir: out, Reports: firstReport, Langs: []string{"ru", "en"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, r := range results {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, first[r.Lang]) {
			t.Errorf("%s: second build differs from the first", r.Lang)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	results, _ = Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Reports: firstReport, Langs: []string{"en"}})
	data, _ := os.ReadFile(results[0].Path)
	if bytes.Equal(data, first["en"]) {
		t.Error("SOURCE_DATE_EPOCH did not change the PDF dates")
	}
	if !bytes.Contains(data, []byte("D:20231114221320")) {
		t.Error("SOURCE_DATE_EPOCH=1700000000 is not the creation date")
	}
}

// TestKilledBuildLeavesNoTemp: a temporary file left by a killed build is
// removed by the next build; the temporary files of a build at work and
// the user's own files are not.
func TestKilledBuildLeavesNoTemp(t *testing.T) {
	out := t.TempDir()
	killed := ".central-asia-2021.en.pdf.reportgen-999999999-123.tmp" // no such process
	old := time.Now().Add(-2 * atomicfile.StaleDead)
	keep := []string{
		".notes.tmp",
		".central-asia-2021.en.123.tmp",
		fmt.Sprintf(".central-asia-2021.ru.pdf.reportgen-%d-456.tmp", os.Getpid()), // at work
		".central-asia-2021.fr.pdf.reportgen-999999999-789.tmp",                    // too new to tell
	}
	for _, name := range append([]string{killed}, keep...) {
		os.WriteFile(filepath.Join(out, name), []byte("partial"), 0o644)
		if name != keep[len(keep)-1] {
			os.Chtimes(filepath.Join(out, name), old, old)
		}
	}
	if _, diags := Run(project.Open(t.TempDir()), Options{OutDir: out, Langs: []string{"en"}}); diags.HasErrors() {
		t.Fatal(diags)
	}
	var tmps []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			tmps = append(tmps, e.Name())
		}
	}
	slices.Sort(keep)
	if !slices.Equal(tmps, keep) {
		t.Errorf("temporary files after the build:\n got %q\nwant %q", tmps, keep)
	}
}

func TestWriteFileAtomicKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	if err := WriteFileAtomic(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// A destination that cannot be replaced: a non-empty folder.
	bad := filepath.Join(dir, "b.pdf")
	os.MkdirAll(filepath.Join(bad, "x"), 0o755)
	if err := WriteFileAtomic(bad, []byte("new")); err == nil {
		t.Fatal("want an error writing over a folder")
	}
	data, _ := os.ReadFile(path)
	if string(data) != "old" {
		t.Errorf("a.pdf = %q", data)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// TestFailedBuildWritesNothing breaks a copy of the project and checks
// that the build fails with a positioned error and writes no PDF.
func TestFailedBuildWritesNothing(t *testing.T) {
	root := copyProject(t)
	report := filepath.Join(root, "sources", "central-asia-2021.toml")
	data, _ := os.ReadFile(report)
	data = bytes.Replace(data, []byte(`annexes = ["held-remarks"]`), []byte(`annexes = ["held-remark"]`), 1)
	os.WriteFile(report, data, 0o644)
	out := filepath.Join(root, "output")
	_, diags := Run(project.Open(root), Options{OutDir: out, Langs: published})
	if !diags.HasErrors() {
		t.Fatal("want an error")
	}
	got := diags.Err().Error()
	if !regexp.MustCompile(`^sources/central-asia-2021.toml:\d+:\d+: error: unknown annex "held-remark"`).MatchString(got) {
		t.Errorf("diagnostic = %q", got)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("output has %d files after a failed build", len(entries))
	}
}

// TestMissingGlyphFailsBuild puts a character the font lacks into a
// translation.
func TestMissingGlyphFailsBuild(t *testing.T) {
	root := copyProject(t)
	cat := filepath.Join(root, "locales", "ru", "central-asia-2021.ru.toml")
	data, _ := os.ReadFile(cat)
	data = bytes.Replace(data, []byte(`heading = "Вступительное слово"`), []byte(`heading = "Вступительное слово ☃"`), 1)
	os.WriteFile(cat, data, 0o644)
	_, diags := Run(project.Open(root), Options{OutDir: filepath.Join(root, "output"), Langs: []string{"ru"}})
	got := diags.Err()
	if got == nil || !strings.Contains(got.Error(), `character '☃' (U+2603) is not in font NotoSans`) || !strings.Contains(got.Error(), "[central-asia-2021.opening.heading]") || !strings.Contains(got.Error(), "locales/ru/central-asia-2021.ru.toml:") {
		t.Errorf("diagnostics = %v", got)
	}
}

// copyProject copies the repository's sources, locales and fonts into a
// temporary project folder.
func copyProject(t *testing.T) string { return projecttest.Copy(t, "..") }

// external skips t, saying why, unless REPORTGEN_EXTERNAL=1 (.ci/run
// sets it); with the variable set, it fails t when one of tools is not
// installed.
func external(t *testing.T, why string, tools ...string) {
	t.Helper()
	if os.Getenv("REPORTGEN_EXTERNAL") != "1" {
		t.Skip(why)
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: %v", tool, err)
		}
	}
}

// TestExternal cross-checks the PDFs with poppler and qpdf. It needs those
// tools and runs when REPORTGEN_EXTERNAL=1 (.ci/run installs them and sets
// it); with the variable set, a missing tool fails the test.
func TestExternal(t *testing.T) {
	external(t, "external cross-checks need poppler-utils and qpdf; .ci/run runs them with REPORTGEN_EXTERNAL=1", "pdftotext", "qpdf", "pdffonts")
	dir := t.TempDir()
	r, cat := referenceSource(t)
	for lang, data := range reference(t) {
		path := filepath.Join(dir, lang+".pdf")
		os.WriteFile(path, data, 0o644)
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf --check: %v\n%s", lang, err, out)
		}
		out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := normalize(string(out))
		// In reading order, pdftotext joins words hyphenated at line ends:
		// every paragraph must come back whole.
		plain, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		var kept []string
		for _, ln := range strings.Split(string(plain), "\n") {
			if !footerRE.MatchString(strings.TrimSpace(ln)) && !strings.Contains(ln, "International Organization for Migration (IOM)") && ln != "The UN Migration Agency" && !strings.Contains(ln, "Международная организация по миграции (МОМ)") && ln != "Агентство ООН по миграции" {
				kept = append(kept, ln)
			}
		}
		body := normalize(strings.Join(kept, "\n"))
		// pdftotext gives the typographic apostrophes and quotation
		// marks the layout set for typed ones.
		if lang == "en" && (!strings.Contains(body, "IOM’s commitment") || strings.Contains(body, "'")) {
			t.Errorf("en: pdftotext does not give the typed apostrophes as ’")
		}
		body = straightQuotes.Replace(body)
		for _, m := range r.Messages {
			if !regexp.MustCompile(`\.p\d+$`).MatchString(m.ID) {
				continue
			}
			src := m.Text
			if lang == "ru" {
				e, _ := cat.Entry(language.Russian, m.ID)
				src = e.Source()
			}
			spans, _ := markup.Parse(src)
			if p := straightQuotes.Replace(normalize(markup.Plain(spans))); !strings.Contains(body, p) {
				t.Errorf("%s: pdftotext does not give back %s whole:\n%s", lang, m.ID, p)
			}
		}
		for _, want := range map[string][]string{
			"en": {"OPENING REMARKS", "no one will be safe until everyone is safe.", "Mr. Savaş Ünlü", "Ms. Gülbahar Arslan Elnasharty", "Page 1 of"},
			"ru": {"ВСТУПИТЕЛЬНОЕ СЛОВО", "Г-жа Ренате Хельд", "Г-н Саваш Юнлю", "Страница 1 из", "приложение 6.2: неофициальный перевод на русский язык"},
		}[lang] {
			if !strings.Contains(text, want) {
				t.Errorf("%s: pdftotext output lacks %q", lang, want)
			}
		}
		// Every font is embedded (fpdf subsets them, without the subset
		// tag in the name, so pdffonts shows sub=no).
		fontsOut, err := exec.Command("pdffonts", path).Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		rows := strings.Split(strings.TrimSpace(string(fontsOut)), "\n")[2:]
		if len(rows) != 4 {
			t.Errorf("%s: %d fonts, want the 4 faces of Noto Sans:\n%s", lang, len(rows), fontsOut)
		}
		for _, row := range rows {
			if f := strings.Fields(row); len(f) < 5 || f[len(f)-5] != "yes" || !strings.Contains(f[0], "notosans") {
				t.Errorf("%s: font not embedded: %s", lang, row)
			}
		}
	}
}

func TestManifestAndSums(t *testing.T) {
	out := t.TempDir()
	results, diags := Run(project.Open(t.TempDir()), Options{OutDir: out, Reports: firstReport, Langs: published})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var m Manifest
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.PDFs) != 2 || m.PDFs[0].File != "central-asia-2021.en.pdf" || m.PDFs[1].Language != "ru" {
		t.Fatalf("manifest %+v", m)
	}
	sums, _ := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	for _, e := range m.PDFs {
		pdf, _ := os.ReadFile(filepath.Join(out, e.File))
		if e.SHA256 != sha256Hex(pdf) || e.Bytes != len(pdf) || e.Pages < 5 {
			t.Errorf("%s: entry %+v does not describe the file", e.File, e)
		}
		if !strings.Contains(string(sums), e.SHA256+"  "+e.File+"\n") {
			t.Errorf("SHA256SUMS lacks %s", e.File)
		}
		if e.Coverage != 1 || e.Translated != e.Messages || e.Messages < 80 {
			t.Errorf("%s: coverage %v (%d of %d)", e.File, e.Coverage, e.Translated, e.Messages)
		}
	}
	_ = results
}

// TestParallelEqualsSerial builds with one worker and with four, in
// different shard orders, and compares bytes.
func TestParallelEqualsSerial(t *testing.T) {
	serial, diags := Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Workers: 1, Reports: firstReport, Langs: published})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	parallel, _ := Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Workers: 4, Reports: firstReport, Langs: published})
	var sharded []Result
	for i := 1; i >= 0; i-- { // shards in reverse order
		rs, _ := Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Shard: i, Shards: 2, Reports: firstReport, Langs: published})
		if len(rs) != 1 {
			t.Fatalf("shard %d/2 built %d editions, want 1", i+1, len(rs))
		}
		sharded = append(sharded, rs...)
	}
	byLang := func(rs []Result) map[string]string {
		m := map[string]string{}
		for _, r := range rs {
			m[r.Lang] = r.SHA256
		}
		return m
	}
	s, p, sh := byLang(serial), byLang(parallel), byLang(sharded)
	for _, l := range []string{"en", "ru"} {
		if s[l] == "" || s[l] != p[l] || s[l] != sh[l] {
			t.Errorf("%s: serial %s, parallel %s, sharded %s", l, s[l], p[l], sh[l])
		}
	}
}

// TestStrictFailsOnMissingTranslation removes one Russian paragraph: a
// draft build warns and falls back, a strict build fails and writes no
// PDF of the report.
func TestStrictFailsOnMissingTranslation(t *testing.T) {
	root := copyProject(t)
	cat := filepath.Join(root, "locales", "ru", "central-asia-2021.ru.toml")
	data, _ := os.ReadFile(cat)
	lines := strings.Split(string(data), "\n")
	for i, ln := range lines {
		if strings.HasPrefix(ln, "p2 = ") {
			lines = append(lines[:i], lines[i+1:]...)
			break
		}
	}
	os.WriteFile(cat, []byte(strings.Join(lines, "\n")), 0o644)

	out := filepath.Join(root, "draft")
	results, diags := Run(project.Open(root), Options{OutDir: out, Langs: published})
	if diags.HasErrors() || len(results) != 2 {
		t.Fatalf("draft build: %v", diags)
	}
	if len(diags) != 1 || diags[0].Severity != diag.Warning || !strings.Contains(diags[0].Msg, "not translated into ru") {
		t.Errorf("draft diagnostics %v", diags)
	}
	out = filepath.Join(root, "strict")
	results, diags = Run(project.Open(root), Options{OutDir: out, Strict: true})
	if !diags.HasErrors() || len(results) != 0 {
		t.Fatalf("strict build: %d results, %v", len(results), diags)
	}
	if got := diags.Err().Error(); !strings.Contains(got, "error: not translated into ru; the en text is used (--strict)") {
		t.Errorf("strict diagnostics %s", got)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("strict build wrote %d files", len(entries))
	}
}

// TestLanguageInProgress: a default build makes a French draft with
// marked fall-backs and warnings; a strict build leaves French out, and
// fails when French is asked for by name, listing what is missing.
func TestLanguageInProgress(t *testing.T) {
	results, diags := Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Reports: firstReport})
	if diags.HasErrors() || len(results) != 3 {
		t.Fatalf("default build: %d PDFs, %v", len(results), diags.Err())
	}
	missing := 0
	for _, d := range diags {
		if d.Severity == diag.Warning && strings.Contains(d.Msg, "not translated into fr") {
			missing++
		}
	}
	if missing < 20 || missing != len(diags) {
		t.Errorf("%d fr warnings of %d diagnostics", missing, len(diags))
	}
	fr := results[2]
	if fr.Lang != "fr" || fr.Translated >= fr.Messages {
		t.Errorf("fr result %+v", fr)
	}
	data, _ := os.ReadFile(fr.Path)
	doc, err := pdfread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Pages[0].Text(), "Page 1 sur") {
		t.Errorf("French footer missing")
	}

	results, diags = Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Strict: true, Reports: firstReport})
	if diags.HasErrors() || len(results) != 2 {
		t.Errorf("strict build: %d PDFs, %v", len(results), diags.Err())
	}
	out := t.TempDir()
	results, diags = Run(project.Open(t.TempDir()), Options{OutDir: out, Strict: true, Reports: firstReport, Langs: []string{"fr"}})
	if !diags.HasErrors() || len(results) != 0 {
		t.Fatalf("strict fr build: %d PDFs, %v", len(results), diags)
	}
	if n := strings.Count(diags.Err().Error(), "not translated into fr"); n != missing {
		t.Errorf("strict fr build lists %d missing messages, want %d", n, missing)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("strict fr build wrote %d files", len(entries))
	}
}

// TestReproducibleWithFigures builds the second reference report, whose
// two figures have the same width, several times: the PDFs are
// byte-identical each time.
func TestReproducibleWithFigures(t *testing.T) {
	sums := map[string]string{}
	for i := range 4 {
		results, diags := Run(project.Open(t.TempDir()), Options{OutDir: t.TempDir(), Reports: []string{"climate-mobility-2025"}, Workers: 1 + i%2})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		for _, r := range results {
			if prev, ok := sums[r.Lang]; ok && prev != r.SHA256 {
				t.Errorf("%s: build %d differs from the first", r.Lang, i+1)
			}
			sums[r.Lang] = r.SHA256
		}
	}
	if len(sums) != 2 {
		t.Errorf("built %v", sums)
	}
}
