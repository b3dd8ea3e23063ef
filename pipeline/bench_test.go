package pipeline

import (
	"io"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/pdfcheck/pdfchecktest"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/render"
	"github.com/reportgen/reportgen/sources"
)

// reportCPU, deferred as defer reportCPU(b)(), reports the CPU time
// (user and system, of every thread) per operation as cpu-ms/op: on a
// machine shared with other jobs, wall time measures the neighbours too.
// Nothing is reported where the CPU time cannot be read.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if d := cpuTime() - start; start > 0 && b.N > 0 {
			b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		}
	}
}

// BenchmarkReference measures building both reference PDFs, end to end
// (files written), each stage on its own, and fpdf's floor for the same
// pages. BenchmarkLong50 (perf_test.go) does the same for a long report.
func BenchmarkReference(b *testing.B) {
	pdfchecktest.Off(b)
	p := project.Open(b.TempDir())
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		out := b.TempDir()
		defer reportCPU(b)()
		for b.Loop() {
			// The first reference report, as measured before the second
			// (a fictional example) was added beside it, untagged
			// (--pdf-standard none).
			if _, diags := Run(p, Options{OutDir: out, Reports: []string{"central-asia-2021"}, PDFStandard: "none"}); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	})
	// The same, tagged (--pdf-standard ua, the default).
	b.Run("all-ua", func(b *testing.B) {
		b.ReportAllocs()
		out := b.TempDir()
		defer reportCPU(b)()
		for b.Loop() {
			if _, diags := Run(p, Options{OutDir: out, Reports: []string{"central-asia-2021"}, PDFStandard: "ua"}); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	})
	// Loading every report, every catalog and the fonts, as check and a
	// whole build do; all, narrowed to one report, loads that report and
	// its catalogs only (and shares the embedded house style and fonts,
	// loaded once per process).
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, _ := sources.LoadDir(p.Sources, "sources")
			cat, _ := locales.Load(p.Locales, "locales", language.English)
			cat.AddSource(language.English, document.SourceEntries(r[0]))
			if _, err := fonts.Load(p.Fonts, fonts.NotoSans); err != nil {
				b.Fatal(err)
			}
		}
	})
	reports, _ := sources.LoadDir(p.Sources, "sources")
	cat, _ := locales.Load(p.Locales, "locales", language.English)
	cat.AddSource(language.English, document.SourceEntries(reports[0]))
	hs, _ := LoadStyle(p, "")
	fam := hs.Family
	b.Run("resolve", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range []string{"en", "ru"} {
				document.Resolve(reports[0], cat, language.Make(l))
			}
		}
	})
	docs := map[string]*document.Document{}
	for _, l := range []string{"en", "ru"} {
		docs[l], _ = document.Resolve(reports[0], cat, language.Make(l))
	}
	b.Run("layout", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				compose.Layout(d, hs, compose.Options{})
			}
		}
	})
	pages := map[string]*display.Document{}
	for l, d := range docs {
		pages[l] = compose.Layout(d, hs, compose.Options{}).Pages
	}
	b.Run("render", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			for _, pg := range pages {
				if err := render.Write(io.Discard, pg, render.Options{Family: fam}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("render-ua", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			for _, pg := range pages {
				if err := render.Write(io.Discard, pg, render.Options{Family: fam, Tagged: true}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	// What fpdf alone needs to write the same text (see fpdfFloor).
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, pg := range pages {
				if err := fpdfFloor(io.Discard, pg, fam); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
