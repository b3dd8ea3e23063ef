package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/internal/pdfread"
)

// TestLocalizedLinks declares a Russian address for a link of the
// reference report: the Russian translation may use it (and the Russian
// PDF then links it, the English one the source's), but no other address,
// and not the address declared for another language.
func TestLocalizedLinks(t *testing.T) {
	const (
		en = "https://migrationnetwork.un.org/regional-reviews"
		ru = "https://migrationnetwork.un.org/ru/regional-reviews"
		fr = "https://migrationnetwork.un.org/fr/regional-reviews"
	)
	declare := func(root string) {
		edit(t, root, report, "\n[[annex]]", "\n[links.\""+en+"\"]\nru = \""+ru+"\"\nfr = \""+fr+"\"\n\n[[annex]]")
	}
	uris := func(t *testing.T, pdf string) []string {
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, pg := range doc.Pages {
			for _, l := range pg.Links {
				if l.URI != "" {
					out = append(out, l.URI)
				}
			}
		}
		return out
	}

	t.Run("the declared address", func(t *testing.T) {
		root := copyRepo(t)
		declare(root)
		edit(t, root, ruCat, "("+en+")", "("+ru+")")
		out := filepath.Join(root, "release")
		runOK(t, exitOK, "build", "--strict", "--root", root, "-o", out)
		ruLinks, enLinks := uris(t, filepath.Join(out, "central-asia-2021.ru.pdf")), uris(t, filepath.Join(out, "central-asia-2021.en.pdf"))
		if !slices.Contains(ruLinks, ru) || slices.Contains(ruLinks, en) {
			t.Errorf("Russian PDF links %v", ruLinks)
		}
		if !slices.Contains(enLinks, en) || slices.Contains(enLinks, ru) {
			t.Errorf("English PDF links %v", enLinks)
		}
	})
	for _, tt := range []struct{ name, address string }{
		{"an undeclared address", "https://example.org/review"},
		{"another language's address", fr},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := copyRepo(t)
			declare(root)
			edit(t, root, ruCat, "("+en+")", "("+tt.address+")")
			_, stderr := runOK(t, exitFail, "build", "--strict", "--root", root, "-o", filepath.Join(root, "release"))
			if want := "the translation lacks the link " + en + " and has the link " + tt.address + ", which the source does not"; !strings.Contains(stderr, want) {
				t.Errorf("no %q in:\n%s", want, stderr)
			}
		})
	}
	t.Run("a declaration for a language the report lacks", func(t *testing.T) {
		root := copyRepo(t)
		edit(t, root, report, "\n[[annex]]", "\n[links.\""+en+"\"]\nde = \"https://migrationnetwork.un.org/de\"\n\n[[annex]]")
		_, stderr := runOK(t, exitFail, "check", "--root", root)
		if want := `error: "de" is not a language the report is translated into (fr, ru)`; !strings.Contains(stderr, want) {
			t.Errorf("no %q in:\n%s", want, stderr)
		}
	})
}

// TestReportWording gives one report its own Russian wording of an
// interface message: the Russian edition shows it, the English one and
// other reports keep the interface's, and a mistyped ID is reported as a
// message no source has.
func TestReportWording(t *testing.T) {
	root := copyRepo(t)
	edit(t, root, ruCat, "[central-asia-2021]\n", "[central-asia-2021.interface.doctype]\nsummary-report = \"Краткий отчет\"\n\n[central-asia-2021]\n")
	out := filepath.Join(root, "release")
	runOK(t, exitOK, "build", "--strict", "--root", root, "-o", out)
	text := func(lang string) string {
		data, err := os.ReadFile(filepath.Join(out, "central-asia-2021."+lang+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		return doc.Pages[0].Text()
	}
	if ru := text("ru"); !strings.Contains(ru, "КРАТКИЙ ОТЧЕТ") || strings.Contains(ru, "КРАТКИЙ ОТЧЁТ") {
		t.Errorf("the Russian edition does not use the report's wording:\n%s", ru)
	}
	if en := text("en"); !strings.Contains(en, "SUMMARY REPORT") {
		t.Errorf("the English edition lost its doctype:\n%s", en)
	}

	edit(t, root, ruCat, "[central-asia-2021.interface.doctype]", "[central-asia-2021.interface.doctyp]")
	_, stderr := runOK(t, exitOK, "check", "--root", root)
	if want := `warning: no report and no en catalog has this message`; !strings.Contains(stderr, want) || !strings.Contains(stderr, "[central-asia-2021.interface.doctyp.summary-report]") {
		t.Errorf("a mistyped wording ID is not reported:\n%s", stderr)
	}
}
