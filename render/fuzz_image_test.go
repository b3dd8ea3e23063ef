package render

import (
	"bytes"
	"image"
	"image/jpeg"
	"io"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

// figureReport is a report of one figure, whose picture the fuzzer writes.
const figureReport = `id = "rep"
kind = "summary-report"
source-language = "en"
languages = ["en"]
title = "A report"
date = 2021-01-28

[[section]]
id = "s1"
heading = "Section one"

  [[section.block]]
  type = "figure"
  id = "f1"
  image = "figures/chart.img"
  alt = "A chart"
`

// FuzzImage feeds arbitrary bytes to the two image checks, as a house
// style's logo (style.Load) and as a figure's picture (sources.Load, the
// figure named .png, then .jpg): never a panic, and a picture either check
// accepts is one the PDF writer embeds without an error. Seeded with the
// repository's pictures.
func FuzzImage(f *testing.F) {
	logo, err := fs.ReadFile(style.Embedded(), "styles/mark.png")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(logo)
	for _, name := range []string{"../sources/figures/households-moved.png", "../sources/figures/seasonal-departures.png"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		if img, _, err := image.Decode(bytes.NewReader(data)); err == nil {
			var j bytes.Buffer
			if err := jpeg.Encode(&j, img, &jpeg.Options{Quality: 50}); err != nil {
				f.Fatal(err)
			}
			f.Add(j.Bytes())
		}
	}
	f.Add(sources.ScaffoldFigure())
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	houseStyle, err := fs.ReadFile(style.Embedded(), "styles/house.toml")
	if err != nil {
		f.Fatal(err)
	}
	fam, err := fonts.Load(fonts.Embedded(), fonts.NotoSans)
	if err != nil {
		f.Fatal(err)
	}
	embed := func(t *testing.T, what, format string, data []byte) {
		pages := &display.Document{Width: 300, Height: 200, Meta: display.Meta{Date: date},
			Images: map[string]display.ImageFile{"im": {Format: format, Data: data}},
			Pages:  []display.Page{{Images: []display.Image{{X: 10, Y: 10, W: 50, H: 50, Name: "im"}}}}}
		if err := Write(io.Discard, pages, Options{Family: fam}); err != nil {
			t.Fatalf("%s accepted, but the PDF writer refuses it: %v", what, err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		h, _ := style.Load(style.Folders{
			Sources:    fstest.MapFS{"styles/house.toml": {Data: houseStyle}, "styles/mark.png": {Data: data}},
			SourcesDir: "sources",
			Fonts:      fonts.Embedded(),
			FontsDir:   "fonts",
		}, "")
		if h != nil && h.Logo != nil {
			embed(t, "logo", "png", data)
		}
		for _, ext := range []string{"png", "jpg"} {
			report := bytes.Replace([]byte(figureReport), []byte("chart.img"), []byte("chart."+ext), 1)
			l, _ := sources.Load(fstest.MapFS{"rep.toml": {Data: report}, "figures/chart." + ext: {Data: data}}, "rep.toml", "sources/rep.toml")
			if l == nil {
				continue
			}
			fig := l.Figures["figures/chart."+ext]
			if fig == nil {
				t.Fatal("the report loads without its figure")
			}
			embed(t, "figure", fig.Format, fig.Data)
		}
	})
}
