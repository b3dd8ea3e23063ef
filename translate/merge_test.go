package translate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/locales"
)

const (
	miniRU    = "locales/ru/mini.ru.toml"
	miniRUSrc = "locales/ru/mini.ru.sources"
	ifaceRU   = "locales/ru/interface.ru.toml"
)

// stamped returns a copy of the test project whose ru translations all
// have their source hashes recorded.
func stamped(t *testing.T) string {
	t.Helper()
	dir := copyProject(t)
	if _, err := open(t, dir).Stamp(ru, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

// changedLines returns the lines of b that differ from a, for two texts
// with the same number of lines (else it fails).
func changedLines(t *testing.T, a, b string) []string {
	t.Helper()
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(al) != len(bl) {
		t.Fatalf("line count changed from %d to %d:\n%s", len(al), len(bl), b)
	}
	var out []string
	for i := range al {
		if al[i] != bl[i] {
			out = append(out, bl[i])
		}
	}
	return out
}

// writeTranslation writes a translate file into dir and returns its path.
func writeTranslation(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkCatalogsLoad fails unless every catalog of dir loads cleanly with
// the build's loader (go-i18n and BurntSushi/toml underneath).
func checkCatalogsLoad(t *testing.T, dir string) {
	t.Helper()
	_, diags := locales.Load(os.DirFS(filepath.Join(dir, "locales")), "locales", language.English)
	if len(diags) > 0 {
		t.Errorf("catalogs do not load cleanly: %v", diags)
	}
}

// The whole cycle: an English paragraph changes, status shows it stale,
// extract lists it with the old translation, the translator's file is
// merged, status is clean and the catalog diff is the changed line plus
// its hash line.
func TestCycle(t *testing.T) {
	dir := stamped(t)
	// Translate the one missing message first, so the cycle ends clean.
	edit(t, dir, miniRU, "heading = \"Заключительное слово\"\n", "heading = \"Заключительное слово\"\n\n[mini.closing.summary]\np1 = \"Модератор закрыл заседание.\"\n")
	if _, err := open(t, dir).Stamp(ru, nil); err != nil {
		t.Fatal(err)
	}
	if s := statusOf(t, open(t, dir), "mini"); !s.Clean() || s.Translated != 9 {
		t.Fatalf("not clean before the change: %+v", s)
	}
	catBefore, sideBefore := read(t, dir, miniRU), read(t, dir, miniRUSrc)

	edit(t, dir, "sources/mini.toml", "She stressed the role of the *Almaty Process*.", "She stressed the key role of the *Almaty Process* in the region.")
	p := open(t, dir)
	s := statusOf(t, p, "mini")
	if s.Stale != 1 || s.Translated != 8 || len(s.Entries) != 1 || s.Entries[0].ID != "mini.opening.held.p2" || s.Entries[0].State != Stale {
		t.Fatalf("after the change: %+v", s)
	}
	if e := s.Entries[0]; e.File != miniRU || e.Line != 15 || e.Translation != "Она подчеркнула роль *Алматинского процесса*." {
		t.Errorf("stale entry: %+v", e)
	}

	data, n, err := p.Extract(ru)
	if err != nil || n != 1 {
		t.Fatalf("Extract: %d, %v", n, err)
	}
	text := string(data)
	for _, want := range []string{
		`# previous translation: "Она подчеркнула роль *Алматинского процесса*."`,
		SourceHashComment + locales.Hash(mustSource(t, p, "mini.opening.held.p2")),
		`["mini.opening.held.p2"]`,
		`other = "She stressed the key role of the *Almaty Process* in the region."`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("translate file lacks %q:\n%s", want, text)
		}
	}
	// It is a valid go-i18n file whose hash is goi18n's.
	mf, err := i18n.ParseMessageFileBytes(data, TranslateFile(ru), map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil || len(mf.Messages) != 1 || mf.Tag != ru {
		t.Fatalf("go-i18n: %v %v", mf, err)
	}
	if m := mf.Messages[0]; m.ID != "mini.opening.held.p2" || m.Hash != locales.GoI18nHash(mustSource(t, p, m.ID)) {
		t.Errorf("go-i18n message: %+v", m)
	}

	fixed := strings.Replace(text, `other = "She stressed the key role of the *Almaty Process* in the region."`,
		`other = "Она подчеркнула ключевую роль *Алматинского процесса* в регионе."`, 1)
	file := writeTranslation(t, dir, TranslateFile(ru), fixed)
	res, err := p.Merge([]string{file}, p.Checker(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Merged, []string{"mini.opening.held.p2"}) || len(res.Refused) > 0 || len(res.Diags) > 0 {
		t.Fatalf("Merge: %+v", res)
	}
	if !slices.Equal(res.Files, []string{miniRU, miniRUSrc}) {
		t.Errorf("files written: %v", res.Files)
	}
	if s := statusOf(t, open(t, dir), "mini"); !s.Clean() || s.Translated != 9 {
		t.Errorf("after merge: %+v", s)
	}
	if got := changedLines(t, catBefore, read(t, dir, miniRU)); !slices.Equal(got, []string{`p2 = "Она подчеркнула ключевую роль *Алматинского процесса* в регионе."`}) {
		t.Errorf("catalog diff: %q", got)
	}
	if got := changedLines(t, sideBefore, read(t, dir, miniRUSrc)); len(got) != 1 || !strings.HasPrefix(got[0], `"mini.opening.held.p2" = "sha256-`) {
		t.Errorf("sidecar diff: %q", got)
	}
	checkCatalogsLoad(t, dir)

	// Merging the same file again changes nothing.
	res, err = open(t, dir).Merge([]string{file}, p.Checker(nil))
	if err != nil || len(res.Merged) != 0 || len(res.Files) != 0 || !slices.Equal(res.Unchanged, []string{"mini.opening.held.p2"}) {
		t.Errorf("second merge: %+v, %v", res, err)
	}
}

func mustSource(t *testing.T, p *Project, id string) locales.Source {
	t.Helper()
	s, ok := p.Source(id)
	if !ok {
		t.Fatalf("no source %s", id)
	}
	return s
}

// Merge refuses translations that fail a check, lists them with file,
// line and ID, and leaves their catalog entries alone; the good ones of
// the same file are merged.
func TestMergeRefuses(t *testing.T) {
	dir := stamped(t)
	edit(t, dir, "sources/mini.toml", "Ms. Held welcomed delegates", "Ms. Held warmly welcomed delegates")
	edit(t, dir, "locales/en/interface.en.toml", `footer = "Page {{.Page}} of {{.Pages}}"`, `footer = "Page {{.Page}} of {{.Pages}} pages"`)
	p := open(t, dir)
	before := read(t, dir, miniRU)
	ifaceBefore := read(t, dir, ifaceRU)
	file := writeTranslation(t, dir, "translate.ru.toml", `# A translator's file.

["mini.opening.held.p1"]
other = "Г-жа Хельд тепло приветствовала делегатов и представила региональный обзор ГДМ."

["page.footer"]
other = "Страница {{.Page}} из {{.Pages}} стр."

["mini.closing.summary.p1"]
other = "Модератор закрыл заседание."
`)
	res, err := p.Merge([]string{file}, p.Checker(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Refused, []string{"mini.opening.held.p1"}) {
		t.Errorf("refused %v", res.Refused)
	}
	if !slices.Equal(res.Merged, []string{"mini.closing.summary.p1", "page.footer"}) {
		t.Errorf("merged %v", res.Merged)
	}
	errs := errorsOf(res.Diags)
	if len(errs) != 1 || errs[0].String() != file+":3: error: the translation lacks the link https://migrationnetwork.un.org/regional-reviews; keep every link of the source [mini.opening.held.p1]" {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	after := read(t, dir, miniRU)
	if !strings.Contains(after, "p1 = \"Г-жа Хельд приветствовала делегатов и представила [региональный обзор ГДМ]") {
		t.Errorf("refused translation was written:\n%s", after)
	}
	if after == before || read(t, dir, ifaceRU) == ifaceBefore {
		t.Error("the good translations were not written")
	}

	// A dropped placeholder is refused too.
	file = writeTranslation(t, dir, "translate.ru.toml", "[\"page.footer\"]\nother = \"Страница {{.Page}}\"\n")
	res, err = open(t, dir).Merge([]string{file}, p.Checker(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Refused, []string{"page.footer"}) || !strings.Contains(diagString(res.Diags), file+":1: error: the translation lacks {{.Pages}}") {
		t.Errorf("placeholder: %+v", res)
	}

	// Markup in a plain interface message is refused, in the wording of
	// build and check.
	file = writeTranslation(t, dir, "translate.ru.toml", "[\"page.footer\"]\nother = \"[Страница](javascript:alert(1)) {{.Page}} из {{.Pages}}\"\n")
	res, err = open(t, dir).Merge([]string{file}, p.Checker(nil))
	if err != nil {
		t.Fatal(err)
	}
	if want := file + ":1: error: the text has inline markup, [Страница](javascript:alert(1)), but this message is plain text: it would be printed as typed, not as a link; remove the markup [page.footer]"; !slices.Equal(res.Refused, []string{"page.footer"}) || diagString(errorsOf(res.Diags)) != want {
		t.Errorf("markup in a plain message: refused %v\n%s\nwant %s", res.Refused, diagString(res.Diags), want)
	}
	checkCatalogsLoad(t, dir)
}

// A change of a plural form only ("one") makes the message stale, which
// go-i18n's hash would miss; extract offers every form Russian needs.
func TestPluralOnlyChangeIsStale(t *testing.T) {
	dir := stamped(t)
	edit(t, dir, "locales/en/interface.en.toml", `one = "The report has {{.Count}} annex."`, `one = "The report has one annex."`)
	p := open(t, dir)
	s := statusOf(t, p, "interface")
	if s.Stale != 1 || s.Entries[0].ID != "annexes.count" {
		t.Fatalf("interface: %+v", s)
	}
	data, n, err := p.Extract(ru, "interface")
	if err != nil || n != 1 {
		t.Fatalf("Extract: %d %v", n, err)
	}
	for _, want := range []string{
		`# previous translation, one: "К отчёту прилагается {{.Count}} приложение."`,
		`one = "The report has one annex."`,
		`few = "The report has {{.Count}} annexes."`,
		`many = "The report has {{.Count}} annexes."`,
		`other = "The report has {{.Count}} annexes."`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("translate file lacks %q:\n%s", want, data)
		}
	}
	// Translating the one form only, in a file that lost its comments:
	// the go-i18n hash still matches, so the current hash is recorded.
	file := writeTranslation(t, dir, "translate.ru.toml", `["annexes.count"]
hash = "`+locales.GoI18nHash(mustSource(t, p, "annexes.count"))+`"
one = "К отчёту прилагается одно приложение."
few = "К отчёту прилагаются {{.Count}} приложения."
many = "К отчёту прилагается {{.Count}} приложений."
other = "К отчёту прилагается {{.Count}} приложения."
`)
	before := read(t, dir, ifaceRU)
	res, err := p.Merge([]string{file}, p.Checker(nil))
	if err != nil || len(res.Merged) != 1 || len(res.Diags) > 0 {
		t.Fatalf("Merge: %+v %v", res, err)
	}
	if got := changedLines(t, before, read(t, dir, ifaceRU)); !slices.Equal(got, []string{`one = "К отчёту прилагается одно приложение."`}) {
		t.Errorf("diff: %q", got)
	}
	if s := statusOf(t, open(t, dir), "interface"); !s.Clean() || s.Translated != 3 {
		t.Errorf("after merge: %+v", s)
	}
}

// New messages go after their neighbours in source order: a paragraph
// into its block's table, a new block and a missing one into new tables
// after the table of the message before them.
func TestMergeNewMessages(t *testing.T) {
	dir := stamped(t)
	edit(t, dir, "sources/mini.toml", `    "She stressed the role of the *Almaty Process*.",
  ]
`, `    "She stressed the role of the *Almaty Process*.",
    "She thanked the organisers.",
  ]

  [[section.block]]
  type = "moderator"
  id = "chair"
  text = "The chair opened the discussion."
`)
	p := open(t, dir)
	if s := statusOf(t, p, "mini"); s.Missing != 3 {
		t.Fatalf("%+v", s)
	}
	data, n, err := p.Extract(ru)
	if err != nil || n != 3 {
		t.Fatalf("Extract: %d %v", n, err)
	}
	tf := string(data)
	for en, ru := range map[string]string{
		"She thanked the organisers.":       "Она поблагодарила организаторов.",
		"The chair opened the discussion.":  "Председатель открыл обсуждение.",
		"The moderator closed the meeting.": "Модератор закрыл заседание.",
	} {
		tf = strings.Replace(tf, `other = "`+en+`"`, `other = "`+ru+`"`, 1)
	}
	file := writeTranslation(t, dir, "translate.ru.toml", tf)
	res, err := p.Merge([]string{file}, p.Checker(nil))
	if err != nil || len(res.Merged) != 3 || len(res.Diags) > 0 {
		t.Fatalf("Merge: %+v %v", res, err)
	}
	want := `[mini.opening.held]
name = "г-жа Ренате Хельд"
role = "региональный директор МОМ" # as in the annex list
p1 = "Г-жа Хельд приветствовала делегатов и представила [региональный обзор ГДМ](https://migrationnetwork.un.org/regional-reviews)."
# p2 is translated as a whole sentence.
p2 = "Она подчеркнула роль *Алматинского процесса*."
p3 = "Она поблагодарила организаторов."

[mini.opening.chair]
text = "Председатель открыл обсуждение."

[mini.closing]
heading = "Заключительное слово"

[mini.closing.summary]
p1 = "Модератор закрыл заседание."
`
	if got := read(t, dir, miniRU); !strings.HasSuffix(got, want) {
		t.Errorf("catalog:\n%s\nwant it to end with:\n%s", got, want)
	}
	checkCatalogsLoad(t, dir)
	p = open(t, dir)
	if s := statusOf(t, p, "mini"); !s.Clean() || s.Translated != 11 {
		t.Errorf("after merge: %+v", s)
	}
	// The sidecar follows the catalog's order.
	side := read(t, dir, miniRUSrc)
	var ids []string
	for _, l := range strings.Split(side, "\n") {
		if strings.HasPrefix(l, `"`) {
			ids = append(ids, strings.Trim(strings.SplitN(l, " = ", 2)[0], `"`))
		}
	}
	wantIDs := []string{"mini.title", "mini.participants", "mini.opening.heading", "mini.opening.held.name", "mini.opening.held.role",
		"mini.opening.held.p1", "mini.opening.held.p2", "mini.opening.held.p3", "mini.opening.chair.text", "mini.closing.heading", "mini.closing.summary.p1"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("sidecar order %v", ids)
	}
}

// A file extracted before the source changed again is merged with a
// warning and stays stale; Stamp with IDs accepts a translation as current.
func TestMergeOutdatedAndStamp(t *testing.T) {
	dir := stamped(t)
	edit(t, dir, "sources/mini.toml", "Closing remarks", "Closing words")
	data, _, err := open(t, dir).Extract(ru)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "sources/mini.toml", "Closing words", "Concluding remarks")
	tf := strings.Replace(string(data), `other = "Closing words"`, `other = "Заключительные слова"`, 1)
	file := writeTranslation(t, dir, "translate.ru.toml", tf)
	p := open(t, dir)
	res, err := p.Merge([]string{file}, p.Checker(nil))
	if err != nil || !slices.Equal(res.Merged, []string{"mini.closing.heading"}) {
		t.Fatalf("Merge: %+v %v", res, err)
	}
	if !strings.Contains(diagString(res.Diags), "warning: the en text changed after this file was extracted") {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	p = open(t, dir)
	if s := statusOf(t, p, "mini"); s.Stale != 1 {
		t.Errorf("want it stale: %+v", s)
	}
	if _, err := p.Stamp(ru, []string{"mini.nothing"}); err == nil {
		t.Error("Stamp of an unknown ID succeeded")
	}
	if ids, err := p.Stamp(ru, []string{"mini.closing.heading"}); err != nil || len(ids) != 1 {
		t.Fatalf("Stamp: %v %v", ids, err)
	}
	if s := statusOf(t, open(t, dir), "mini"); s.Stale != 0 {
		t.Errorf("after Stamp: %+v", s)
	}
}

// Entries still in the source language are skipped, unknown IDs warned
// about, and a new language gets a new catalog file.
func TestMergeSkipsAndNewFile(t *testing.T) {
	dir := copyProject(t)
	p := open(t, dir)
	file := writeTranslation(t, dir, "translate.uk.toml", `["mini.title"]
other = "Cooperation on Migration in Central Asia"

["mini.unknown"]
other = "Щось"

["mini.opening.heading"]
other = ""

["mini.closing.heading"]
other = "Заключне слово"
`)
	res, err := p.Merge([]string{file}, p.Checker(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Skipped, []string{"mini.title", "mini.unknown", "mini.opening.heading"}) || !slices.Equal(res.Merged, []string{"mini.closing.heading"}) {
		t.Errorf("%+v", res)
	}
	if !strings.Contains(diagString(res.Diags), `translate.uk.toml:4: warning: no report or source catalog has this message; skipped [mini.unknown]`) {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	want := "# mini messages in Ukrainian (uk), written by reportgen i18n merge.\n\n[mini.closing]\nheading = \"Заключне слово\"\n"
	if got := read(t, dir, "locales/uk/mini.uk.toml"); got != want {
		t.Errorf("new file:\n%s\nwant:\n%s", got, want)
	}
	checkCatalogsLoad(t, dir)
	if _, err := p.Merge([]string{writeTranslation(t, dir, "translate.en.toml", "a = \"b\"\n")}, p.Checker(nil)); err == nil {
		t.Error("merging a source-language file succeeded")
	}
	if _, err := p.Merge([]string{writeTranslation(t, dir, "translate.toml", "a = \"b\"\n")}, p.Checker(nil)); err == nil {
		t.Error("merging a file without a language succeeded")
	}
}

func TestSidecar(t *testing.T) {
	if got := locales.SidecarFile("locales/ru/central-asia-2021.ru.toml"); got != "locales/ru/central-asia-2021.ru.sources" {
		t.Errorf("SidecarFile = %s", got)
	}
	data := locales.FormatSidecar("locales/ru/x.ru.toml", language.English, []string{"x.b", "x.a"}, map[string]string{"x.a": "sha256-1", "x.b": "sha256-2", "x.c": "sha256-3"})
	h, diags := locales.ParseSidecar("x.ru.sources", data)
	if len(diags) > 0 || len(h) != 3 || h["x.a"] != "sha256-1" {
		t.Fatalf("%v %v\n%s", h, diags, data)
	}
	if !strings.Contains(string(data), "\"x.b\" = \"sha256-2\"\n\"x.a\" = \"sha256-1\"\n\"x.c\" = \"sha256-3\"\n") {
		t.Errorf("order:\n%s", data)
	}
	if _, diags := locales.ParseSidecar("x.ru.sources", []byte("\"x.a\" = 1\n")); len(diags) != 1 {
		t.Errorf("a number: %v", diags)
	}
}
