package sources

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"strings"
	"testing"
	"testing/fstest"
)

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
  image = "figures/chart.png"
  alt = "A chart"
  caption = "Arrivals by *month*"
`

// pngHeader returns the signature and IHDR chunk of a w × h PNG, with no
// image data: enough for DecodeConfig, not for decoding.
func pngHeader(w, h uint32) []byte { return pngIHDR(w, h, 8, 2, 0) }

// pngIHDR is pngHeader with the given bit depth, colour type and
// interlace method.
func pngIHDR(w, h uint32, depth, colorType, interlace byte) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9], ihdr[12] = depth, colorType, interlace
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// TestFigures loads a report whose figure's picture is fine, missing,
// not an image, too large to decode or damaged, and checks the diagnostic
// of each, at the image key, before anything is decoded whole.
func TestFigures(t *testing.T) {
	for _, tt := range []struct {
		name  string
		image []byte // nil: no file
		want  string
	}{
		{"fine", ScaffoldFigure(), ""},
		{"missing", nil, `sources/rep.toml:15:3: error: image figures/chart.png: file does not exist [f1]`},
		{"not an image", []byte("GIF89a…"), `sources/rep.toml:15:3: error: image figures/chart.png is not a PNG or JPEG image [f1]`},
		{"a pixel bomb", pngHeader(20000, 20000), `sources/rep.toml:15:3: error: image figures/chart.png is 20000 × 20000 pixels; the limits are 10000 pixels a side and 25000000 in all [f1]`},
		{"too many pixels", pngHeader(9000, 9000), `sources/rep.toml:15:3: error: image figures/chart.png is 9000 × 9000 pixels; the limits are 10000 pixels a side and 25000000 in all [f1]`},
		{"interlaced", pngIHDR(100, 100, 8, 2, 1), `sources/rep.toml:15:3: error: image figures/chart.png is interlaced; save it without interlacing [f1]`},
		{"16 bits per channel", pngIHDR(100, 100, 16, 6, 0), `sources/rep.toml:15:3: error: image figures/chart.png has 16 bits per channel; save it with 8 [f1]`},
		{"header without data", pngHeader(100, 100), `sources/rep.toml:15:3: error: image figures/chart.png is damaged: unexpected EOF [f1]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"rep.toml": {Data: []byte(figureReport)}}
			if tt.image != nil {
				fsys["figures/chart.png"] = &fstest.MapFile{Data: tt.image}
			}
			l, diags := Load(fsys, "rep.toml", "sources/rep.toml")
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if s := strings.Join(got, "\n"); s != tt.want {
				t.Fatalf("got %q\nwant %q", s, tt.want)
			}
			if tt.want == "" {
				f := l.Figures["figures/chart.png"]
				if f == nil || f.Format != "png" || f.Width != 600 || f.Height != 300 {
					t.Errorf("figure %+v", f)
				}
				if m, ok := l.Message("rep.s1.f1.alt"); !ok || m.Text != "A chart" {
					t.Errorf("alt message %+v", m)
				}
			} else if l != nil {
				t.Error("a report with a bad figure loaded")
			}
		})
	}
}

// TestFigureFields checks the figure block's own errors.
func TestFigureFields(t *testing.T) {
	for _, tt := range []struct{ old, new, want string }{
		{`  alt = "A chart"` + "\n", "", `r.toml:12:3: error: figure has no alt text; give alt = "…": what the picture shows, for readers who cannot see it [f1]`},
		{`"figures/chart.png"`, `"../chart.png"`, `r.toml:15:3: error: image "../chart.png" must be a path inside the report's folder, with / and without ".." [f1]`},
		{`"figures/chart.png"`, `"figures/chart.gif"`, `r.toml:15:3: error: image "figures/chart.gif" must be a PNG or JPEG file (.png, .jpg, .jpeg) [f1]`},
		{`  image = "figures/chart.png"` + "\n", "", `r.toml:12:3: error: figure has no image; give image = "figures/<file>.png" (PNG or JPEG, beside the report) [f1]`},
	} {
		_, diags := Parse("r.toml", []byte(strings.Replace(figureReport, tt.old, tt.new, 1)))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if s := strings.Join(got, "\n"); s != tt.want {
			t.Errorf("%s → %s:\n got %q\nwant %q", tt.old, tt.new, s, tt.want)
		}
	}
}

const tableReport = `id = "rep"
kind = "summary-report"
source-language = "en"
languages = ["en"]
title = "A report"
date = 2021-01-28

[[section]]
id = "s1"
heading = "Section one"

  [[section.block]]
  type = "table"
  id = "t1"
  caption = "Arrivals"
  columns = [
    { header = "Country" },
    { header = "Arrivals", width = "20%", align = "right" },
  ]
  rows = [
    ["Kazakhstan", "12 400"],
    ["Uzbekistan", "–"],
  ]
`

// TestTables checks a table's messages (cells with letters only) and
// its errors, each at its place.
func TestTables(t *testing.T) {
	l, diags := Parse("r.toml", []byte(tableReport))
	if l == nil || len(diags) > 0 {
		t.Fatal(diags)
	}
	var ids []string
	for _, m := range l.Messages {
		ids = append(ids, m.ID)
	}
	if got, want := strings.Join(ids, " "), "rep.title rep.s1.heading rep.s1.t1.caption rep.s1.t1.h1 rep.s1.t1.h2 rep.s1.t1.r1c1 rep.s1.t1.r2c1"; got != want {
		t.Errorf("messages %s, want %s", got, want)
	}
	for _, tt := range []struct{ old, new, want string }{
		{`["Uzbekistan", "–"]`, `["Uzbekistan"]`, `r.toml:22:5: error: row 2 has 1 cells; the table has 2 columns [t1]`},
		{`width = "20%"`, `width = "wide"`, `r.toml:18:28: error: width "wide" must be auto, a percentage (30%) or points (120pt) [t1]`},
		{`width = "20%"`, `width = "120%"`, `r.toml:18:28: error: width "120%" must be a percentage of the text width from 1% to 100% [t1]`},
		{`align = "right"`, `align = "justify"`, `r.toml:18:43: error: align "justify" is not left, right or center [t1]`},
		{`{ header = "Country" }`, `{ header = "Country", width = "90%" }`, `r.toml:16:3: error: the columns' percentages add up to 110%, more than the text width [t1]`},
		{`"12 400"`, `"*12 400"`, `r.toml:21:21: error: italic * is not closed [t1]`},
		{`{ header = "Country" }`, `{ headr = "Country" }`, `r.toml:17:7: error: unknown key "headr" (section[1].block[1].columns[1].headr); did you mean "header"?`},
	} {
		_, diags := Parse("r.toml", []byte(strings.Replace(tableReport, tt.old, tt.new, 1)))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if s := strings.Join(got, "\n"); s != tt.want {
			t.Errorf("%s → %s:\n got %q\nwant %q", tt.old, tt.new, s, tt.want)
		}
	}
}
