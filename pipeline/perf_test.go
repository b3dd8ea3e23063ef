package pipeline

// Performance benchmarks: each stage for the ×50 long report, the floor of
// what fpdf alone needs to write the same pages, our total as a ratio of
// it, and time per page at ×50 and ×200. None of them asserts a time; see
// "Performance" in README.md for the figures and the commands.

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/longreport"
	"github.com/reportgen/reportgen/internal/pdfcheck/pdfchecktest"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/render"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

// longProject is the reference report repeated n times as a project.
func longProject(tb testing.TB, n int) *project.Project {
	tb.Helper()
	src, loc, err := longreport.Generate(n)
	if err != nil {
		tb.Fatal(err)
	}
	p := project.Open(tb.TempDir())
	p.Sources, p.Locales, p.Embedded = src, loc, false
	return p
}

// fixture is a project's report laid out in each of its languages.
type fixture struct {
	p      *project.Project
	report *sources.Loaded
	hs     *style.House
	cat    *locales.Catalog
	langs  []string
	docs   map[string]*document.Document
	pages  map[string]*display.Document
}

func newFixture(tb testing.TB, p *project.Project) *fixture {
	tb.Helper()
	reports, diags := sources.LoadDir(p.Sources, p.SourcesDir)
	if diags.HasErrors() || len(reports) == 0 {
		tb.Fatal(diags)
	}
	r := reports[0]
	hs, diags := LoadStyle(p, r.Style)
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	fx := &fixture{p: p, report: r, hs: hs, cat: catalog(tb, p, r),
		docs: map[string]*document.Document{}, pages: map[string]*display.Document{}}
	eds, diags := Editions(p, r, hs, r.Languages)
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	for _, ed := range eds {
		l := ed.Document.Lang.String()
		fx.langs = append(fx.langs, l)
		fx.docs[l], fx.pages[l] = ed.Document, ed.Pages
	}
	return fx
}

// catalog loads p's catalogs with r's source messages.
func catalog(tb testing.TB, p *project.Project, r *sources.Loaded) *locales.Catalog {
	tb.Helper()
	src := r.SourceTag
	cat, diags := locales.Load(p.Locales, p.LocalesDir, src)
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	if err := cat.AddSource(src, document.SourceEntries(r)); err != nil {
		tb.Fatal(err)
	}
	return cat
}

func (fx *fixture) renderOptions() render.Options {
	return render.Options{Family: fx.hs.Family}
}

// stages benchmarks load, resolve, layout and render of fx, one language
// per sub-benchmark.
func (fx *fixture) stages(b *testing.B) {
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			reports, _ := sources.LoadDir(fx.p.Sources, fx.p.SourcesDir)
			catalog(b, fx.p, reports[0])
			if _, diags := LoadStyle(fx.p, reports[0].Style); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	})
	for _, l := range fx.langs {
		b.Run("resolve/"+l, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				document.Resolve(fx.report, fx.cat, language.Make(l))
			}
		})
		b.Run("layout/"+l, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				compose.Layout(fx.docs[l], fx.hs, compose.Options{})
			}
			b.ReportMetric(float64(len(fx.pages[l].Pages)), "pages")
		})
		b.Run("render/"+l, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := render.Write(io.Discard, fx.pages[l], fx.renderOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("floor/"+l, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := fpdfFloor(io.Discard, fx.pages[l], fx.hs.Family); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLong50 measures each stage of the ×50 long report (about 330
// pages a language).
func BenchmarkLong50(b *testing.B) {
	pdfchecktest.Off(b)
	newFixture(b, longProject(b, 50)).stages(b)
}

// fpdfFloor is what fpdf alone needs to write the text of pages: the same
// faces of the same fonts, the same pages, runs and positions, with
// compression, and nothing else (no document information, outline, links,
// rules or images). Only the faces the text uses are loaded.
func fpdfFloor(w io.Writer, pages *display.Document, fam *fonts.Family) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pages.Width, Ht: pages.Height}})
	pdf.SetAutoPageBreak(false, 0)
	var used [4]bool
	for _, pg := range pages.Pages {
		for _, t := range pg.Texts {
			used[t.Face&3] = true
		}
	}
	for f, u := range used {
		if u {
			pdf.AddUTF8FontFromBytes(fam.Name, fonts.Face(f).Style(), fam.Face(fonts.Face(f)).Data)
		}
	}
	for _, pg := range pages.Pages {
		pdf.AddPage()
		face, size := fonts.Face(255), -1.0
		var color display.Color
		for i, t := range pg.Texts {
			if t.Face != face || t.Size != size {
				pdf.SetFont(fam.Name, t.Face.Style(), t.Size)
				face, size = t.Face, t.Size
			}
			if i == 0 || t.Color != color {
				pdf.SetTextColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
				color = t.Color
			}
			pdf.Text(t.X, t.Y, t.Text)
		}
	}
	return pdf.Output(w)
}

// BenchmarkFloorRatio runs, for the reference report (both languages)
// and the ×50 report, our whole pipeline in this process (load sources,
// catalogs, style and fonts, then resolve, check, lay out and render each
// language to memory, serially) and fpdf's floor for the same pages, and
// reports both and their ratio.
func BenchmarkFloorRatio(b *testing.B) {
	pdfchecktest.Off(b)
	for _, c := range []struct {
		name string
		p    func(testing.TB) *project.Project
	}{
		{"reference", func(tb testing.TB) *project.Project { return project.Open(tb.TempDir()) }},
		{"x50", func(tb testing.TB) *project.Project { return longProject(tb, 50) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			p := c.p(b)
			fx := newFixture(b, p)
			var total, floor time.Duration
			for b.Loop() {
				t0 := time.Now()
				pipeline(b, p)
				t1 := time.Now()
				for _, l := range fx.langs {
					if err := fpdfFloor(io.Discard, fx.pages[l], fx.hs.Family); err != nil {
						b.Fatal(err)
					}
				}
				total += t1.Sub(t0)
				floor += time.Since(t1)
			}
			n := float64(b.N)
			b.ReportMetric(float64(total.Nanoseconds())/n, "total-ns/op")
			b.ReportMetric(float64(floor.Nanoseconds())/n, "floor-ns/op")
			b.ReportMetric(float64(total)/float64(floor), "total/floor")
		})
	}
}

// pipeline builds the published editions of p's first report into
// memory, serially.
func pipeline(tb testing.TB, p *project.Project) {
	reports, diags := sources.LoadDir(p.Sources, p.SourcesDir)
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	r := reports[0]
	hs, diags := LoadStyle(p, r.Style)
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	eds, diags := Editions(p, r, hs, r.Languages)
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	for _, ed := range eds {
		if err := render.Write(io.Discard, ed.Pages, ed.renderOptions()); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkPerPage loads the catalogs, resolves, lays out and renders
// every language of the long report at ×50 and ×200, and reports the time
// per page: it should not grow with the length of the report.
func BenchmarkPerPage(b *testing.B) {
	pdfchecktest.Off(b)
	for _, n := range []int{50, 200} {
		b.Run("x"+strconv.Itoa(n), func(b *testing.B) {
			p := longProject(b, n)
			reports, _ := sources.LoadDir(p.Sources, p.SourcesDir)
			r := reports[0]
			hs, _ := LoadStyle(p, r.Style)
			pages := 0
			for b.Loop() {
				pages = 0
				eds, diags := Editions(p, r, hs, r.Languages)
				if diags.HasErrors() {
					b.Fatal(diags)
				}
				for _, ed := range eds {
					if err := render.Write(io.Discard, ed.Pages, ed.renderOptions()); err != nil {
						b.Fatal(err)
					}
					pages += len(ed.Pages.Pages)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// files reads every file of fsys.
func files(tb testing.TB, fsys fs.FS) map[string][]byte {
	tb.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		out[name] = data
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestWriteLongReport writes the long report as a project folder, for
// timing the command on it:
//
//	REPORTGEN_LONG_DIR=/tmp/long50 REPORTGEN_LONG_N=50 go test ./build -run WriteLongReport
//	reportgen build --root /tmp/long50 --lang en
//
// It does nothing unless REPORTGEN_LONG_DIR is set.
func TestWriteLongReport(t *testing.T) {
	dir := os.Getenv("REPORTGEN_LONG_DIR")
	if dir == "" {
		t.Skip("set REPORTGEN_LONG_DIR (and REPORTGEN_LONG_N, default 50) to write the long report")
	}
	n := 50
	if s := os.Getenv("REPORTGEN_LONG_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("REPORTGEN_LONG_N=%q is not a positive number", s)
		}
	}
	src, loc, err := longreport.Generate(n)
	if err != nil {
		t.Fatal(err)
	}
	for folder, fsys := range map[string]map[string][]byte{"sources": files(t, src), "locales": files(t, loc)} {
		for name, data := range fsys {
			path := filepath.Join(dir, folder, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
