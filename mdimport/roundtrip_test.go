package mdimport

import (
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/internal/pdfread"
	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/translate"
)

// knownDiff is something the Markdown rendering of a reference report
// cannot say, so the imported report differs from the reference there:
// the imported report file holds imported exactly once, where the
// reference has reference. Visible differences change the PDFs and are
// put right before the build; the others are put right after it, before
// the reports are compared.
type knownDiff struct {
	why                 string
	imported, reference string
	visible             bool
}

// roundTrips are the Markdown renderings of the two reference reports
// (mdimport/testdata/<id>.en.md and .ru.md) and what they cannot say.
var roundTrips = []struct {
	id    string
	known []knownDiff
}{
	{id: "central-asia-2021", known: []knownDiff{
		{why: "a heading in capitals is stored in sentence case with the words as the body writes them: \"Champion Countries initiative\" (the PDFs set headings in capitals)",
			imported: `heading = "Champion Countries initiative"`, reference: `heading = "Champion Countries Initiative"`},
		{why: "the French edition in progress: there is no French document",
			imported: "source-language = \"en\"\nlanguages = [\"en\", \"ru\"]\n", reference: "source-language = \"en\"\nlanguages = [\"en\", \"ru\"]\nin-progress = [\"fr\"]\n"},
	}},
	{id: "climate-mobility-2025", known: []knownDiff{
		{why: "a heading in capitals is stored in sentence case with the words as the body writes them: \"the Roadmap\" (the PDFs set headings in capitals)",
			imported: `heading = "Towards a regional Roadmap"`, reference: `heading = "Towards a regional roadmap"`},
		{why: "column widths from the dashes of the delimiter row give every column a width; the reference leaves the first column's automatic (the rest of the text width, the same 40 %)",
			imported: `{ header = "Delegation", width = "40%" }`, reference: `{ header = "Delegation" }`},
	}},
}

// TestRoundTrip imports the Markdown rendering of each reference report
// with its Russian translation into a new project, as the command does
// (figures beside the document, catalogs stamped), and builds its English
// and Russian editions: every page has the text of the reference PDFs',
// built from the embedded project. The report made is the reference
// report but for the IDs (section, block and annex keys, which the
// document does not hold) and the known differences listed above; the
// Russian catalog has the reference's translations.
func TestRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds four PDFs per report")
	}
	for _, c := range roundTrips {
		t.Run(c.id, func(t *testing.T) {
			en := Source{File: "testdata/" + c.id + ".en.md", Lang: "en", Data: readFile(t, "testdata/"+c.id+".en.md")}
			ru := Source{File: "testdata/" + c.id + ".ru.md", Lang: "ru", Data: readFile(t, "testdata/"+c.id+".ru.md")}
			cfg := testConfig(c.id)
			cfg.ReadFigure = func(name string) ([]byte, error) {
				return os.ReadFile(filepath.Join("..", "sources", "figures", path.Base(name)))
			}
			res, err := Import(en, []Source{ru}, cfg)
			if err != nil {
				t.Fatal(err, res.Notes)
			}
			// The one note: the annex no label refers to, which the
			// reference defines so that a build warns about it.
			for _, d := range res.Notes {
				if !strings.Contains(d.Msg, "no label refers to it") && !strings.Contains(d.Msg, "is never referred to") {
					t.Errorf("note: %s", d)
				}
			}

			report := string(res.Report)
			for _, k := range c.known {
				if n := strings.Count(report, k.imported); n != 1 {
					t.Errorf("known difference (%s): the imported report has %q %d times, want once", k.why, k.imported, n)
				}
			}
			fix := func(visible bool) {
				for _, k := range c.known {
					if k.visible == visible {
						report = strings.Replace(report, k.imported, k.reference, 1)
					}
				}
			}
			fix(true)

			// The project, as the command writes it.
			root := t.TempDir()
			proj := project.Open(root)
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(proj.CreateFile("sources/"+c.id+".toml", []byte(report)))
			for name, data := range res.Figures {
				must(proj.CreateFile("sources/"+name, data))
			}
			must(proj.CreateFile(translate.CatalogFile(c.id, language.Russian), res.Catalogs["ru"]))
			proj.Close()
			proj = project.Open(root)
			tp, ds := translate.Open(proj)
			if ds.HasErrors() {
				t.Fatal(ds)
			}
			_, err = tp.Stamp(language.Russian, slices.Sorted(func(yield func(string) bool) {
				for id := range res.Translations["ru"] {
					if !yield(id) {
						return
					}
				}
			}))
			must(err)
			proj.Close()

			// Both editions of both projects, page by page.
			langs := []string{"en", "ru"}
			got := buildPages(t, project.Open(root), c.id, langs)
			want := buildPages(t, project.Open(t.TempDir()), c.id, langs)
			for _, lang := range langs {
				g, w := got[lang], want[lang]
				if len(g) != len(w) {
					t.Errorf("%s: %d pages, the reference %d", lang, len(g), len(w))
				}
				for i := range min(len(g), len(w)) {
					if g[i] != w[i] {
						t.Errorf("%s: page %d differs:\n%s", lang, i+1, lineDiff(g[i], w[i]))
					}
				}
			}

			// Stronger: the display lists, item for item, but for the
			// names of the annexes' anchors (made of their keys).
			gotDL := displayLists(t, project.Open(root), c.id, langs)
			wantDL := displayLists(t, project.Open(t.TempDir()), c.id, langs)
			for _, lang := range langs {
				if d := displayDiff(gotDL[lang], wantDL[lang]); d != "" {
					t.Errorf("%s: display list: %s", lang, d)
				}
			}

			// The report, but for its IDs and the known differences.
			fix(false)
			imported, ds := sources.Parse("sources/"+c.id+".toml", []byte(report))
			if imported == nil || ds.HasErrors() {
				t.Fatal(ds)
			}
			ref, ds := sources.Load(sources.Embedded(), c.id+".toml", "sources/"+c.id+".toml")
			if ref == nil || ds.HasErrors() {
				t.Fatal(ds)
			}
			a, b := withoutIDs(imported.Report), withoutIDs(ref.Report)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("the imported report differs from the reference:\n%s", structDiff(a, b))
			}
			// The Russian catalog: the reference's translation of every
			// message, found by its place (the messages come in the same
			// order when the reports are the same).
			refRU := catalogMessages(t, filepath.Join("..", "locales", "ru", c.id+".ru.toml"))
			if len(imported.Messages) != len(ref.Messages) {
				t.Fatalf("%d messages, the reference %d", len(imported.Messages), len(ref.Messages))
			}
			for i, m := range ref.Messages {
				w, has := refRU[m.ID]
				g, gotIt := res.Translations["ru"][imported.Messages[i].ID]
				switch {
				case has && !gotIt:
					t.Errorf("ru: %s (%s) not translated; the reference has %q", imported.Messages[i].ID, m.ID, w)
				case has && g != w:
					t.Errorf("ru: %s = %q, the reference %s = %q", imported.Messages[i].ID, g, m.ID, w)
				case !has && gotIt:
					t.Errorf("ru: %s = %q, the reference has no translation of %s", imported.Messages[i].ID, g, m.ID)
				}
			}
		})
	}
}

// buildPages builds the editions langs of report id of proj into a
// temporary folder and returns each PDF's page texts.
func buildPages(t *testing.T, proj *project.Project, id string, langs []string) map[string][]string {
	t.Helper()
	defer proj.Close()
	results, diags := pipeline.Run(proj, pipeline.Options{OutDir: t.TempDir(), Reports: []string{id}, Langs: langs})
	if diags.HasErrors() || len(results) != len(langs) {
		t.Fatalf("build: %d PDFs\n%v", len(results), diags)
	}
	out := map[string][]string{}
	for _, r := range results {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, pg := range doc.Pages {
			out[r.Lang] = append(out[r.Lang], pg.Text())
		}
	}
	return out
}

// displayLists lays out the editions langs of report id of proj and
// returns their display lists.
func displayLists(t *testing.T, proj *project.Project, id string, langs []string) map[string]*display.Document {
	t.Helper()
	defer proj.Close()
	reports, diags := sources.LoadDir(proj.Sources, proj.SourcesDir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	i := slices.IndexFunc(reports, func(r *sources.Loaded) bool { return r.ID == id })
	if i < 0 {
		t.Fatalf("no report %s", id)
	}
	hs, diags := pipeline.LoadStyle(proj, reports[i].Style)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	eds, diags := pipeline.Editions(proj, reports[i], hs, langs)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out := map[string]*display.Document{}
	for _, ed := range eds {
		out[ed.Document.Lang.String()] = ed.Pages
	}
	return out
}

// displayDiff says where two display lists differ: their structure
// elements, and on each page the rectangles, images, rules, text runs
// (position, size, face, colour, text) and outline entries; links and
// anchors by place, a link's URL, and whether it goes to an anchor (whose
// name is made of an annex key).
func displayDiff(a, b *display.Document) string {
	if a == nil || b == nil {
		return "missing"
	}
	if !reflect.DeepEqual(a.Elements, b.Elements) {
		return fmt.Sprintf("%d structure elements, the reference %d, or they differ", len(a.Elements), len(b.Elements))
	}
	if len(a.Pages) != len(b.Pages) {
		return fmt.Sprintf("%d pages, the reference %d", len(a.Pages), len(b.Pages))
	}
	// Positions to a millionth of a point: a column's width given as
	// 40 % or left to take the rest of the text width (the same 40 %)
	// puts a cell 1e-13 pt apart.
	r := func(f *float64) { *f = math.Round(*f*1e6) / 1e6 }
	unname := func(p display.Page) display.Page {
		p.Texts = slices.Clone(p.Texts)
		for i := range p.Texts {
			r(&p.Texts[i].X)
			r(&p.Texts[i].Y)
		}
		p.Rects = slices.Clone(p.Rects)
		for i := range p.Rects {
			x := &p.Rects[i]
			r(&x.X)
			r(&x.Y)
			r(&x.W)
			r(&x.H)
		}
		p.Images = slices.Clone(p.Images)
		for i := range p.Images {
			x := &p.Images[i]
			r(&x.X)
			r(&x.Y)
			r(&x.W)
			r(&x.H)
		}
		p.Rules = slices.Clone(p.Rules)
		for i := range p.Rules {
			x := &p.Rules[i]
			r(&x.X1)
			r(&x.Y1)
			r(&x.X2)
			r(&x.Y2)
		}
		p.Links = slices.Clone(p.Links)
		for i := range p.Links {
			x := &p.Links[i]
			r(&x.X)
			r(&x.Y)
			r(&x.W)
			r(&x.H)
			if x.Dest != "" {
				x.Dest = "anchor"
			}
		}
		p.Anchors = slices.Clone(p.Anchors)
		for i := range p.Anchors {
			p.Anchors[i].Name = ""
			r(&p.Anchors[i].Y)
		}
		p.Bookmarks = slices.Clone(p.Bookmarks)
		for i := range p.Bookmarks {
			r(&p.Bookmarks[i].Y)
		}
		return p
	}
	for i := range a.Pages {
		pa, pb := unname(a.Pages[i]), unname(b.Pages[i])
		if !reflect.DeepEqual(pa, pb) {
			for k := range min(len(pa.Texts), len(pb.Texts)) {
				if pa.Texts[k] != pb.Texts[k] {
					return fmt.Sprintf("page %d, text run %d: %+v, the reference %+v", i+1, k+1, pa.Texts[k], pb.Texts[k])
				}
			}
			return fmt.Sprintf("page %d differs (%d text runs, %d links, %d anchors; the reference %d, %d, %d)", i+1,
				len(pa.Texts), len(pa.Links), len(pa.Anchors), len(pb.Texts), len(pb.Links), len(pb.Anchors))
		}
	}
	return ""
}

// lineDiff shows the first lines where two page texts differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  imported  %q\n  reference %q", i+1, a, b)
		}
	}
	return ""
}

// withoutIDs returns a copy of r without the IDs a document does not
// hold: section and block IDs and annex keys (a block's annexes become
// the annexes' places in the register).
func withoutIDs(r *sources.Report) sources.Report {
	c := *r
	place := map[string]string{}
	c.Annexes = slices.Clone(r.Annexes)
	for i := range c.Annexes {
		place[c.Annexes[i].Key] = fmt.Sprint("annex ", i+1)
		c.Annexes[i].Key = ""
	}
	c.Sections = slices.Clone(r.Sections)
	for i := range c.Sections {
		s := &c.Sections[i]
		s.ID = ""
		s.Blocks = slices.Clone(s.Blocks)
		for k := range s.Blocks {
			b := &s.Blocks[k]
			b.ID = ""
			b.Annexes = slices.Clone(b.Annexes)
			for j, key := range b.Annexes {
				b.Annexes[j] = place[key]
			}
		}
	}
	return c
}

// structDiff lists the top-level fields, sections, blocks and annexes in
// which two reports differ.
func structDiff(a, b sources.Report) string {
	var out []string
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		name := va.Type().Field(i).Name
		if name == "Sections" || name == "Annexes" {
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s: %+v, the reference %+v", name, va.Field(i).Interface(), vb.Field(i).Interface()))
		}
	}
	for i := range max(len(a.Annexes), len(b.Annexes)) {
		if i >= len(a.Annexes) || i >= len(b.Annexes) || !reflect.DeepEqual(a.Annexes[i], b.Annexes[i]) {
			out = append(out, fmt.Sprintf("annex %d: %+v, the reference %+v", i+1, at(a.Annexes, i), at(b.Annexes, i)))
		}
	}
	for i := range max(len(a.Sections), len(b.Sections)) {
		if i >= len(a.Sections) || i >= len(b.Sections) {
			out = append(out, fmt.Sprintf("section %d: only in one report", i+1))
			continue
		}
		sa, sb := a.Sections[i], b.Sections[i]
		if sa.Heading != sb.Heading {
			out = append(out, fmt.Sprintf("section %d: heading %q, the reference %q", i+1, sa.Heading, sb.Heading))
		}
		for k := range max(len(sa.Blocks), len(sb.Blocks)) {
			if k >= len(sa.Blocks) || k >= len(sb.Blocks) || !reflect.DeepEqual(sa.Blocks[k], sb.Blocks[k]) {
				out = append(out, fmt.Sprintf("section %d block %d: %+v\n  the reference %+v", i+1, k+1, at(sa.Blocks, k), at(sb.Blocks, k)))
			}
		}
	}
	return strings.Join(out, "\n")
}

func at[T any](l []T, i int) any {
	if i < len(l) {
		return l[i]
	}
	return nil
}

// catalogMessages reads a catalog file's messages by ID.
func catalogMessages(t *testing.T, name string) map[string]string {
	t.Helper()
	return flattenCatalog(t, readFile(t, name))
}
