package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/project"
)

// foreignProject is a copy of the reference project whose first report
// shows text in another language than its editions' within their lines:
// the French original of annex 6 has its own title, shown as written
// (in French) in every edition; an item of annex 1 has a note the
// catalogs do not translate (shown in English in the Russian edition and
// the French draft); the French draft lacks the translation of the first
// speaker's role, so that her line is in French and English.
func foreignProject(t *testing.T) string {
	t.Helper()
	root := copyProject(t)
	edit := func(path, old, new string) {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("the reference project changed: %s has no %q", path, old)
		}
		os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
	}
	src := filepath.Join(root, "sources", "central-asia-2021.toml")
	edit(src, "  [[annex.item]]\n  languages = [\"fr\"]\n  kind = \"original\"\n",
		"  [[annex.item]]\n  languages = [\"fr\"]\n  kind = \"original\"\n  title = \"Le Maroc, pays champion\"\n  title-translated = false\n")
	edit(src, "  [[annex.item]]\n  languages = [\"ru\"]\n  kind = \"courtesy-translation\"\n",
		"  [[annex.item]]\n  languages = [\"ru\"]\n  kind = \"courtesy-translation\"\n  note = \"Provided by the delegation\"\n")
	edit(filepath.Join(root, "locales", "fr", "central-asia-2021.fr.toml"),
		"role = \"Directrice régionale de l’OIM pour l’Europe du Sud-Est, l’Europe orientale et l’Asie centrale\"\n", "")
	ui := filepath.Join(root, "locales", "fr", "interface.fr.toml")
	edit(ui, "ref-courtesy = \"annexe {{.Number}}\u00a0: traduction de courtoisie en {{.Languages}}\"\n", "")
	edit(ui, "kind-courtesy-translation = \"traduction de courtoisie\"\n", "")
	return root
}

// sequences returns the text of each tagged marked-content sequence of
// doc (its ActualText where it has one), by page and MCID.
func sequences(doc *pdfread.Doc) map[pdfread.MCR]string {
	seqs := map[pdfread.MCR]string{}
	for pi, pg := range doc.Pages {
		for _, run := range pg.Runs {
			if run.MCID >= 0 && !run.Artifact {
				k := pdfread.MCR{Page: pi, MCID: run.MCID}
				if run.Actual != "" {
					seqs[k] += run.Actual
				} else {
					seqs[k] += run.Text
				}
			}
		}
	}
	return seqs
}

// langElems returns, for the structure tree of a tagged PDF, each
// element with a /Lang as "Type lang: text", in reading order, the text
// of its marked content (and its kids') with spaces collapsed.
func langElems(t *testing.T, data []byte) []string {
	t.Helper()
	doc, err := pdfread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	seqs := sequences(doc)
	var out []string
	var walk func(e *pdfread.Elem) string
	walk = func(e *pdfread.Elem) string {
		var b strings.Builder
		var kids []string
		for _, o := range e.Order {
			if o >= 0 {
				b.WriteString(seqs[e.MCRs[o]])
			} else {
				n := len(out)
				b.WriteString(walk(e.Kids[-1-o]))
				kids = append(kids, out[n:]...)
				out = out[:n]
			}
		}
		if e.Lang != "" {
			out = append(out, fmt.Sprintf("%s %s: %s", e.Type, e.Lang, strings.Join(strings.Fields(b.String()), " ")))
		}
		out = append(out, kids...)
		return b.String()
	}
	walk(doc.Structure)
	return out
}

// foreignPDFs builds the foreign project's editions, tagged, by name
// (report.lang).
func foreignPDFs(t *testing.T) map[string][]byte {
	t.Helper()
	root := foreignProject(t)
	results, diags := Run(project.Open(root), Options{OutDir: filepath.Join(root, "out"), Reports: firstReport, PDFStandard: "ua"})
	if diags.HasErrors() || len(results) != 3 {
		t.Fatalf("%d PDFs, diagnostics %v", len(results), diags)
	}
	pdfs := map[string][]byte{}
	for _, r := range results {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		pdfs["foreign."+r.Lang] = data
	}
	return pdfs
}

// TestTaggedForeignRuns builds the foreign project tagged: a Span with
// the right /Lang is around exactly each piece of text in another
// language than its element's, in that element: the French draft's
// speaker line, whose role is shown in English, is a P in English with
// her name and the French parts of the annex label as French Spans (a
// link starting in French read inside one); a reference composed from a
// message that falls back is an English Span in a French line, the
// language's name in it a French Span inside its Link. The reference
// reports' tagged PDFs have no Span.
func TestTaggedForeignRuns(t *testing.T) {
	const (
		title = "Span fr: Le Maroc, pays champion"
		note  = "Span en: Provided by the delegation"
		kind  = "Span en: courtesy translation"
	)
	ref := func(n string) []string {
		return []string{"Span en: Annex " + n + ": Courtesy Translation to russe", "Span fr: russe"}
	}
	fr := []string{
		// The speaker line, in English (the role), with a Span of her
		// name and a label whose second reference (a link) is in
		// English but for the language's name.
		"P en: Mme Renate Held, IOM Regional Director for South Eastern Europe, Eastern Europe and Central Asia (annexe 1 : anglais et Annex 1.1: Courtesy Translation to russe)",
		"Span fr: Mme Renate Held,", "Span fr: (annexe 1 : anglais et", "Span fr: russe", "Span fr: )",
	}
	// The labels of the other speakers with a courtesy translation: a
	// link in English in a French line.
	fr = append(fr, ref("2.1")...)
	fr = append(fr, ref("6.2")...)
	fr = append(fr, kind, note, kind, kind) // the list of annexes
	want := map[string][]string{
		"en": {title},
		"ru": {note, title},
		"fr": fr,
	}
	for name, data := range foreignPDFs(t) {
		lang := strings.TrimPrefix(name, "foreign.")
		var got []string
		for _, s := range langElems(t, data) {
			// The French draft's paragraphs shown in English are
			// TestTaggedLanguages's; the speaker line is the one
			// with Spans.
			if strings.HasPrefix(s, "Span ") || strings.HasPrefix(s, "P en: Mme Renate Held") {
				got = append(got, s)
			}
		}
		if !slices.Equal(got, want[lang]) {
			t.Errorf("%s: elements with a /Lang\n%s\nwant\n%s", lang, strings.Join(got, "\n"), strings.Join(want[lang], "\n"))
		}
	}
	// A figure whose alternative text falls back is a Figure in the
	// source language, its caption, read inside it, in the edition's.
	root := copyProject(t)
	// The second report, which copyProject leaves out.
	os.MkdirAll(filepath.Join(root, "sources", "figures"), 0o755)
	for _, f := range []string{"sources/climate-mobility-2025.toml", "sources/figures/households-moved.png", "sources/figures/seasonal-departures.png",
		"locales/ru/climate-mobility-2025.ru.toml", "locales/ru/climate-mobility-2025.ru.sources"} {
		data, err := os.ReadFile(filepath.Join("..", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(root, f), data, 0o644)
	}
	ru := filepath.Join(root, "locales", "ru", "climate-mobility-2025.ru.toml")
	data, _ := os.ReadFile(ru)
	alt := regexp.MustCompile(`(?m)^alt = "Столбчатая.*\n`)
	if !alt.Match(data) {
		t.Fatal("the reference project changed: no alt text of the first figure in Russian")
	}
	os.WriteFile(ru, alt.ReplaceAll(data, nil), 0o644)
	results, diags := Run(project.Open(root), Options{OutDir: filepath.Join(root, "out"), Reports: []string{"climate-mobility-2025"}, Langs: []string{"ru"}, PDFStandard: "ua"})
	if diags.HasErrors() || len(results) != 1 {
		t.Fatalf("%d PDFs, diagnostics %v", len(results), diags)
	}
	data, err := os.ReadFile(results[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	var figs []string
	for _, s := range langElems(t, data) {
		if strings.HasPrefix(s, "Figure ") || strings.HasPrefix(s, "Caption ") {
			figs = append(figs, s[:strings.Index(s, ":")])
		}
	}
	if want := []string{"Figure en", "Caption ru"}; !slices.Equal(figs, want) {
		t.Errorf("figure elements with a /Lang %v, want %v", figs, want)
	}

	for name, data := range tagged(t) {
		for _, s := range langElems(t, data) {
			if strings.HasPrefix(s, "Span ") {
				t.Errorf("%s: %s", name, s)
			}
		}
	}
}
