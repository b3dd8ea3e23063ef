package pipeline

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reportgen/reportgen/internal/pdfcheck"
	"github.com/reportgen/reportgen/internal/pdfpost"
	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/project"
)

// The reference reports in their published languages, built tagged
// (--pdf-standard ua), once per test binary.
var (
	taggedOnce sync.Once
	taggedPDFs map[string][]byte
	taggedErr  error
)

// tagged returns the tagged reference PDFs by "report.lang".
func tagged(t *testing.T) map[string][]byte {
	t.Helper()
	taggedOnce.Do(func() {
		out, err := os.MkdirTemp("", "reportgen-tagged-")
		if err != nil {
			taggedErr = err
			return
		}
		defer os.RemoveAll(out)
		empty, _ := os.MkdirTemp("", "reportgen-empty-")
		defer os.RemoveAll(empty)
		results, diags := Run(project.Open(empty), Options{OutDir: out, Langs: published, Strict: false, PDFStandard: "ua"})
		if diags.HasErrors() {
			taggedErr = diags.Err()
			return
		}
		taggedPDFs = map[string][]byte{}
		for _, r := range results {
			data, err := os.ReadFile(r.Path)
			if err != nil {
				taggedErr = err
				return
			}
			taggedPDFs[r.Report+"."+r.Lang] = data
		}
	})
	if taggedErr != nil {
		t.Fatal(taggedErr)
	}
	if len(taggedPDFs) != 4 {
		t.Fatalf("%d tagged PDFs, want both reference reports in en and ru", len(taggedPDFs))
	}
	return taggedPDFs
}

// TestTaggedStructure checks the tagged PDFs with pdfcheck (the build
// did too, as every build of the tests: see TestMain), and what is
// particular to reportgen's tagging: a Document at the root of the
// structure tree; every page's /Tabs /S; text runs
// with an ActualText only for words broken by hyphenation (the word
// without its hyphen); Notes with an ID; links in every PDF, each with
// one Link element; fpdf's ToUnicode map replaced; the fonts' names with
// a subset tag, the same in the font, its CIDFont and its descriptor.
func TestTaggedStructure(t *testing.T) {
	for name, data := range tagged(t) {
		t.Run(name, func(t *testing.T) {
			for _, p := range pdfcheck.Check(data, pdfcheck.Tagged) {
				t.Error(p)
			}
			doc, err := pdfread.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte("beginbfrange\n<0000> <FFFF> <0000>")) {
				t.Error("fpdf's ToUnicode map (one bfrange <0000> <FFFF>) is still there")
			}
			names := map[string]int{}
			for _, m := range regexp.MustCompile(`/(?:BaseFont|FontName) /([^\s/>]+)`).FindAllSubmatch(data, -1) {
				names[string(m[1])]++
			}
			if len(names) == 0 {
				t.Error("no embedded font names found")
			}
			for n, c := range names {
				if !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(n) || c != 3 {
					t.Errorf("font %s named %d times (want a subset tag, and 3: font, CIDFont, descriptor)", n, c)
				}
			}
			links, mcids := 0, 0
			for pi, pg := range doc.Pages {
				if pg.Tabs != "S" {
					t.Errorf("page %d: Tabs %q", pi+1, pg.Tabs)
				}
				links += len(pg.Links)
				mcids += len(pg.MCIDs)
				for _, r := range pg.Runs {
					if r.Actual != "" && r.Actual+"-" != r.Text {
						t.Errorf("page %d: text %q has ActualText %q", pi+1, r.Text, r.Actual)
					}
				}
			}
			if links == 0 {
				t.Error("no link annotations: the reference reports have links")
			}
			if mcids == 0 {
				t.Error("no marked content")
			}
			var walk func(e *pdfread.Elem)
			walk = func(e *pdfread.Elem) {
				if e.Type == "Note" && e.ID == "" {
					t.Errorf("Note (object %d) without ID", e.Obj)
				}
				checkKids(t, e)
				for _, k := range e.Kids {
					walk(k)
				}
			}
			if doc.Structure == nil || doc.Structure.Type != "Document" {
				t.Fatalf("structure tree root %+v, want a Document", doc.Structure)
			}
			walk(doc.Structure)
		})
	}
}

// checkKids checks the kids of a structure element where PDF/UA orders
// them: a Caption is the first or last kid of a Figure or a Table; a
// Table holds rows (TR) of cells (TH, TD), its caption aside; a list item
// an optional label (Lbl) and then its body (LBody); a Figure has a
// bounding box.
func checkKids(t *testing.T, e *pdfread.Elem) {
	t.Helper()
	for i, k := range e.Kids {
		if k.Type == "Caption" && (e.Type != "Figure" && e.Type != "Table" || i != 0 && i != len(e.Kids)-1) {
			t.Errorf("Caption (object %d) is kid %d of %d of a %s (object %d): want the first or last kid of a Figure or Table", k.Obj, i+1, len(e.Kids), e.Type, e.Obj)
		}
	}
	var types []string
	for _, k := range e.Kids {
		types = append(types, k.Type)
	}
	kinds := strings.Join(types, " ")
	switch e.Type {
	case "Table":
		if !regexp.MustCompile(`^(Caption )?TR( TR)*( Caption)?$`).MatchString(kinds) || len(e.MCRs) > 0 {
			t.Errorf("Table (object %d) holds %q and %d marked-content references", e.Obj, kinds, len(e.MCRs))
		}
	case "TR":
		if !regexp.MustCompile(`^(TH|TD)( TH| TD)*$`).MatchString(kinds) {
			t.Errorf("TR (object %d) holds %q", e.Obj, kinds)
		}
	case "LI":
		if kinds != "Lbl LBody" && kinds != "LBody" {
			t.Errorf("LI (object %d) holds %q", e.Obj, kinds)
		}
	case "Figure":
		if b := e.BBox; len(b) != 4 || !(b[0] >= 0 && b[0] < b[2] && b[1] >= 0 && b[1] < b[3] && b[2] <= 1e4 && b[3] <= 1e4) {
			t.Errorf("Figure (object %d): BBox %v", e.Obj, e.BBox)
		}
	}
}

// TestTaggedLanguages builds the French draft of the reference report,
// which shows some messages untranslated, in English: the structure
// elements of that text, and only they, carry /Lang (en), one for each
// message the build warns is shown in English; each reads as a
// paragraph of the English edition.
func TestTaggedLanguages(t *testing.T) {
	out := t.TempDir()
	results, diags := Run(project.Open(t.TempDir()), Options{OutDir: out, Reports: firstReport, Langs: []string{"en", "fr"}, PDFStandard: "ua"})
	if diags.HasErrors() || len(results) != 2 {
		t.Fatalf("%d PDFs, diagnostics %v", len(results), diags)
	}
	fallbacks := 0
	for _, d := range diags {
		if strings.Contains(d.Msg, "not translated into fr") {
			fallbacks++
		}
	}
	if fallbacks == 0 {
		t.Fatal("the French draft shows no English text: the test tests nothing")
	}
	texts := map[string]map[string]string{} // by language: text of each element with a /Lang
	english := ""
	for _, r := range results {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Lang != r.Lang {
			t.Errorf("%s: catalog /Lang %q", r.Lang, doc.Lang)
		}
		seqs := sequences(doc) // the text of each marked-content sequence
		var all strings.Builder
		withLang := map[string]string{}
		var walk func(e *pdfread.Elem) string
		walk = func(e *pdfread.Elem) string {
			var b strings.Builder
			for _, o := range e.Order {
				if o >= 0 {
					b.WriteString(seqs[e.MCRs[o]])
				} else {
					b.WriteString(walk(e.Kids[-1-o]))
				}
			}
			text := strings.Join(strings.Fields(b.String()), " ")
			if e.Lang != "" {
				withLang[fmt.Sprintf("%s %d", e.Type, e.Obj)] = e.Lang + ": " + text
			}
			if e.Type == "P" {
				all.WriteString(text + "\n")
			}
			return b.String()
		}
		walk(doc.Structure)
		texts[r.Lang] = withLang
		if r.Lang == "en" {
			english = all.String()
		}
	}
	if len(texts["en"]) != 0 {
		t.Errorf("the English edition has elements with a /Lang: %v", texts["en"])
	}
	if len(texts["fr"]) != fallbacks {
		t.Errorf("%d elements of the French draft with a /Lang, want %d (the messages shown in English)", len(texts["fr"]), fallbacks)
	}
	for el, text := range texts["fr"] {
		lang, text, _ := strings.Cut(text, ": ")
		if lang != "en" || !strings.Contains(english, text) {
			t.Errorf("%s: /Lang %q, text %q (not a paragraph of the English edition)", el, lang, text)
		}
	}
}

// TestTaggedReproducible builds the tagged PDFs twice: the same bytes
// (the trailer /ID is derived from the content).
func TestTaggedReproducible(t *testing.T) {
	first := tagged(t)
	out := t.TempDir()
	results, diags := Run(project.Open(t.TempDir()), Options{OutDir: out, Reports: firstReport, Langs: published, PDFStandard: "ua"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, r := range results {
		data, _ := os.ReadFile(r.Path)
		if !bytes.Equal(data, first[r.Report+"."+r.Lang]) {
			t.Errorf("%s.%s: a second tagged build differs", r.Report, r.Lang)
		}
	}
}

// TestTaggedExternal reads the tagged PDFs (and the foreign project's,
// whose lines hold Spans in another language) back with qpdf and poppler:
// qpdf --check is clean, pdfinfo sees a tagged PDF, and the text of the
// structure tree (pdfinfo -struct-text) is, word for word and in order,
// what pdftotext reads from the page without its artifacts (running
// header, footer, a table's repeated header row). Like TestExternal it
// runs when REPORTGEN_EXTERNAL=1, and then fails when a tool is missing.
func TestTaggedExternal(t *testing.T) {
	external(t, "external cross-checks need poppler-utils and qpdf; .ci/run runs them with REPORTGEN_EXTERNAL=1", "pdftotext", "pdfinfo", "qpdf")
	dir := t.TempDir()
	// The reference reports, and the foreign project's editions, whose
	// lines hold Spans in another language.
	pdfs := maps.Clone(tagged(t))
	maps.Copy(pdfs, foreignPDFs(t))
	for name, data := range pdfs {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".pdf")
			os.WriteFile(path, data, 0o644)
			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
			info, err := exec.Command("pdfinfo", path).Output()
			if err != nil || !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
				t.Errorf("pdfinfo does not see a tagged PDF: %v\n%s", err, info)
			}
			st, err := exec.Command("pdfinfo", "-struct-text", path).Output()
			if err != nil {
				t.Fatalf("pdfinfo -struct-text: %v", err)
			}
			text, notes := structText(string(st))
			structWords := strings.Fields(text)
			plain, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			doc, err := pdfread.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			body, err := withoutArtifacts(string(plain), doc, notes)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := strings.Join(structWords, " "), strings.Join(body, " "); a != b {
				i := 0
				for i < len(structWords) && i < len(body) && structWords[i] == body[i] {
					i++
				}
				t.Errorf("structure text and pdftotext's body differ at word %d:\nstructure: %s\npdftotext: %s", i,
					strings.Join(structWords[i:min(i+20, len(structWords))], " "), strings.Join(body[i:min(i+20, len(body))], " "))
			}
		})
	}
}

// preflightJars are the jars Apache PDFBox Preflight needs, as Debian
// installs them (libpdfbox2-java, libactivation-java, libjaxb-api-java).
var preflightJars = []string{"preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar", "commons-logging.jar", "javax.activation.jar", "jaxb-api.jar"}

// TestTaggedPreflight validates the PDF/A-1b variant of the tagged PDFs
// (pdfpost.PDFA1b: Preflight validates PDF/A-1b only) with Apache PDFBox
// Preflight, which must call each a valid PDF/A-1b file; the variant
// passes pdfcheck too. Like TestTaggedExternal it runs when
// REPORTGEN_EXTERNAL=1, and then fails when Java or a jar is missing
// (REPORTGEN_JAVA_DIR names the jars' directory, /usr/share/java
// otherwise).
func TestTaggedPreflight(t *testing.T) {
	external(t, "Preflight needs Java and Apache PDFBox; .ci/run runs it with REPORTGEN_EXTERNAL=1", "java")
	jarDir := os.Getenv("REPORTGEN_JAVA_DIR")
	if jarDir == "" {
		jarDir = "/usr/share/java"
	}
	var cp []string
	for _, j := range preflightJars {
		p := filepath.Join(jarDir, j)
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("Preflight needs %s: %v", j, err)
		}
		cp = append(cp, p)
	}
	dir := t.TempDir()
	for name, data := range tagged(t) {
		t.Run(name, func(t *testing.T) {
			v, err := pdfpost.PDFA1b(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pdfcheck.Check(v, pdfcheck.Tagged) {
				t.Errorf("variant: %s", p)
			}
			path := filepath.Join(dir, name+".pdf")
			if err := os.WriteFile(path, v, 0o644); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			out, err := exec.Command("java", "-cp", strings.Join(cp, string(os.PathListSeparator)), "org.apache.pdfbox.preflight.Validator_A1b", path).CombinedOutput()
			t.Logf("Preflight: %.1f s", time.Since(start).Seconds())
			if err != nil || !bytes.Contains(out, []byte("is a valid PDF/A-1b file")) {
				t.Errorf("Preflight (PDF/A-1b variant): %v\n%s", err, out)
			}
		})
	}
}

// structText is the text of pdfinfo -struct-text output: its quoted
// pieces in order, and apart the texts of its Note elements (footnotes,
// set at the foot of their page, which a paragraph or table running on
// to the next page may enclose in pdftotext's reading) and table cells
// (pdftotext reads a row's right-aligned numbers before its labels, and
// with -layout interleaves the lines of a row's cells). poppler (22.12)
// ignores /ActualText there, so a piece ending in a hyphen, followed by
// the next piece (the rest of a word broken by hyphenation, carrying an
// ActualText without the hyphen) is joined to it, as pdftotext does.
// Pieces of one block element, or of inline elements (Links) in it, are
// joined as they are: the renderer ends a piece with a space where a
// word ends (a link's text may end inside a word: "(" "Annex 1" ")").
func structText(out string) (body string, apart []string) {
	note, noteIndent := false, 0
	glue := false
	for _, raw := range strings.Split(out, "\n") {
		ln := strings.TrimSpace(raw)
		indent := len(raw) - len(strings.TrimLeft(raw, " "))
		if note && indent <= noteIndent {
			note = false
		}
		if f := strings.Fields(ln); len(f) > 0 && (f[0] == "Note" || f[0] == "TD" || f[0] == "TH" || f[0] == "TH:") {
			note, noteIndent = true, indent
			apart = append(apart, "")
			glue = false
			continue
		}
		if len(ln) < 2 || ln[0] != '"' || ln[len(ln)-1] != '"' {
			if !strings.HasSuffix(ln, "(inline)") && !strings.HasPrefix(ln, "Object ") {
				glue = false
			}
			continue
		}
		piece := ln[1 : len(ln)-1]
		if note {
			apart[len(apart)-1] = appendPiece(apart[len(apart)-1], piece, glue)
		} else {
			body = appendPiece(body, piece, glue)
		}
		glue = true
	}
	return body, apart
}

// appendPiece appends a piece of marked content to s: joined when s ends
// in a word broken by hyphenation, or when glue is set and s does not
// end in a space; else after a space.
func appendPiece(s, piece string, glue bool) string {
	if strings.HasSuffix(s, "-") && len(s) > 1 && s[len(s)-2] != ' ' {
		return strings.TrimSuffix(s, "-") + piece
	}
	if glue && !strings.HasSuffix(s, " ") {
		return s + piece
	}
	return s + " " + piece
}

// withoutArtifacts removes from pdftotext's words, page by page
// (pdftotext ends each page with a form feed), the words of the texts
// drawn as artifacts, each at its first match in order, and the texts
// read apart (notes, table cells), each found whole, in order.
func withoutArtifacts(plain string, doc *pdfread.Doc, notes []string) ([]string, error) {
	pages := strings.Split(plain, "\f")
	apart := map[int][]string{}
	var walk func(e *pdfread.Elem)
	walk = func(e *pdfread.Elem) {
		switch e.Type {
		case "Note", "TD", "TH":
			txt, pg := "", -1
			var collect func(e *pdfread.Elem)
			collect = func(e *pdfread.Elem) {
				for _, o := range e.Order {
					if o < 0 {
						collect(e.Kids[-1-o])
						continue
					}
					m := e.MCRs[o]
					if pg < 0 {
						pg = m.Page
					}
					piece := ""
					for _, r := range doc.Pages[m.Page].Runs {
						if r.MCID == m.MCID && !r.Artifact {
							piece += r.Text
						}
					}
					txt = appendPiece(txt, piece, false)
				}
			}
			collect(e)
			if pg >= 0 {
				apart[pg] = append(apart[pg], txt)
			}
			if len(notes) > 0 {
				notes = notes[1:]
			}
			return
		}
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(doc.Structure)
	if len(notes) > 0 {
		return nil, fmt.Errorf("pdfinfo -struct-text shows %d more notes and cells than the structure tree", len(notes))
	}
	var out []string
	for pi, pg := range doc.Pages {
		if pi >= len(pages) {
			return nil, fmt.Errorf("pdftotext gave %d pages, the PDF has %d", len(pages), len(doc.Pages))
		}
		words := strings.Fields(pages[pi])
		// Artifact lines: consecutive artifact runs on one baseline,
		// each removed where its words first come together.
		var lines [][]string
		lastY := -1.0
		for i, r := range pg.Runs {
			if !r.Artifact {
				continue
			}
			if i == 0 || !pg.Runs[i-1].Artifact || r.Y != lastY {
				lines = append(lines, nil)
			}
			lastY = r.Y
			lines[len(lines)-1] = append(lines[len(lines)-1], strings.Fields(r.Text)...)
		}
		keep := make([]bool, len(words))
		for i := range keep {
			keep[i] = true
		}
		// Texts read apart (table cells, notes), on the page they are
		// drawn on.
		for _, txt := range apart[pi] {
			if !remove(words, keep, strings.Join(strings.Fields(txt), "")) {
				return nil, fmt.Errorf("page %d: %q not found in pdftotext's text", pi+1, txt)
			}
		}
		for _, ln := range lines {
			if len(ln) == 0 {
				continue
			}
			if !remove(words, keep, strings.Join(ln, "")) {
				return nil, fmt.Errorf("page %d: artifact %q not found in pdftotext's text", pi+1, strings.Join(ln, " "))
			}
		}
		for i, w := range words {
			if keep[i] {
				out = append(out, w)
			}
		}
	}
	return out, nil
}

// remove clears keep for the first run of kept words that spell joined
// (compared without spaces: pdftotext may join or split runs
// differently); false when there is none.
func remove(words []string, keep []bool, joined string) bool {
	if joined == "" {
		return true
	}
	for k := range words {
		acc := ""
		for m := k; m < len(words) && keep[m] && len(acc) < len(joined); m++ {
			acc += words[m]
			if acc == joined {
				for x := k; x <= m; x++ {
					keep[x] = false
				}
				return true
			}
		}
	}
	return false
}

// TestTaggedMetadata checks the document information of the tagged PDFs
// beyond what pdfcheck checks (XMP that agrees with the Info dictionary,
// dates with a time zone, the pdfuaid extension schema): a Title, the
// PDF/A-2a and PDF/UA-1 identification, and one sRGB output intent.
func TestTaggedMetadata(t *testing.T) {
	for name, data := range tagged(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := pdfread.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			x, err := pdfcheck.XMP(doc.XMP)
			if err != nil {
				t.Fatalf("XMP: %v", err)
			}
			if doc.Info["Title"] == "" {
				t.Error("no Title in the Info dictionary")
			}
			for prop, want := range map[string]string{"pdfaid:part": "2", "pdfaid:conformance": "A", "pdfuaid:part": "1", "dc:language": doc.Lang} {
				if !slices.Equal(x[prop], []string{want}) {
					t.Errorf("XMP %s %q, want %q", prop, x[prop], want)
				}
			}
			if oi := doc.OutputIntents; len(oi) != 1 || oi[0].S != "GTS_PDFA1" || oi[0].N != 3 || !strings.HasPrefix(oi[0].Identifier, "sRGB") {
				t.Errorf("output intents %+v, want one sRGB GTS_PDFA1", oi)
			}
		})
	}
}
