//go:build ignore

// gen draws the two figures of the fictional example report
// sources/climate-mobility-2025.toml. Its data are invented, like
// everything else in that report. Run it from the repository root:
//
//	go run sources/figures/gen.go
//
// The charts carry numbers and ISO 3166 country codes only, so one picture
// serves every language: what the axes mean is in the translated caption
// and alt text. Labels are set in the embedded Noto Sans; the pictures are
// paletted PNGs, so they stay small and the same bytes come out every run.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"math"
	"os"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

var (
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink   = color.RGBA{0x40, 0x40, 0x40, 0xff}
	grid  = color.RGBA{0xd9, 0xd9, 0xd9, 0xff}
	blue  = color.RGBA{0x00, 0x33, 0xa0, 0xff} // the house style's brand blue
	band  = color.RGBA{0xe6, 0xec, 0xf7, 0xff} // years of drought in Figure 2
)

// palette holds the colours above and the shades their anti-aliased edges
// need; every pixel is mapped to the nearest entry.
func palette() color.Palette {
	p := color.Palette{white, band}
	for _, c := range []color.RGBA{ink, grid, blue} {
		for i := 1; i <= 6; i++ {
			a := uint8(255 * i / 6)
			blend := func(x uint8) uint8 { return uint8((int(x)*int(a) + 255*(255-int(a))) / 255) }
			p = append(p, color.RGBA{blend(c.R), blend(c.G), blend(c.B), 0xff})
		}
	}
	return p
}

const (
	width, height = 1200, 560
	left, right   = 110, 40
	top, bottom   = 40, 80
)

type canvas struct {
	img  *image.RGBA
	face font.Face
}

func newCanvas() *canvas {
	data, err := os.ReadFile("fonts/NotoSans-Regular.ttf")
	if err != nil {
		log.Fatal(err, " (run from the repository root)")
	}
	f, err := opentype.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 26, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		log.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.Draw(img, img.Bounds(), image.NewUniform(white), image.Point{}, draw.Src)
	return &canvas{img: img, face: face}
}

func (c *canvas) rect(x0, y0, x1, y1 int, col color.Color) {
	draw.Draw(c.img, image.Rect(x0, y0, x1, y1), image.NewUniform(col), image.Point{}, draw.Src)
}

// text draws s with its reference point at x, y; align is 0 (left), 1
// (centre) or 2 (right).
func (c *canvas) text(s string, x, y, align int) {
	d := &font.Drawer{Dst: c.img, Src: image.NewUniform(ink), Face: c.face}
	w := d.MeasureString(s).Round()
	d.Dot = fixed.P(x-align*w/2, y)
	d.DrawString(s)
}

// axes draws the horizontal grid lines and value labels of a value axis
// from 0 to max in steps of step.
func (c *canvas) axes(max, step int, y func(float64) int) {
	for v := 0; v <= max; v += step {
		yy := y(float64(v))
		col := grid
		if v == 0 {
			col = ink
		}
		c.rect(left, yy-1, width-right, yy+1, col)
		c.text(strconv.Itoa(v), left-16, yy+9, 2)
	}
}

func (c *canvas) save(name string) {
	p := image.NewPaletted(c.img.Bounds(), palette())
	draw.Draw(p, p.Bounds(), c.img, image.Point{}, draw.Src)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, p); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d bytes\n", name, buf.Len())
}

// households: Figure 1, share of surveyed households (%) with a member who
// moved because of drought, heat or floods, by country (invented).
func households() {
	c := newCanvas()
	data := []struct {
		code string
		v    float64
	}{{"KAZ", 9}, {"KGZ", 17}, {"TJK", 22}, {"TKM", 8}, {"UZB", 14}}
	const max = 25
	y := func(v float64) int { return height - bottom - int(v/max*float64(height-top-bottom)) }
	c.axes(max, 5, y)
	slot := (width - left - right) / len(data)
	for i, d := range data {
		x := left + i*slot + slot/2
		c.rect(x-55, y(d.v), x+55, y(0)-1, blue)
		c.text(strconv.Itoa(int(d.v)), x, y(d.v)-12, 1)
		c.text(d.code, x, height-bottom+40, 1)
	}
	c.save("sources/figures/households-moved.png")
}

// departures: Figure 2, seasonal labour departures from three pilot
// districts, in thousands, 2018–2024 (invented), with the years of
// drought marked.
func departures() {
	c := newCanvas()
	years := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}
	vals := []float64{32, 33, 18, 37, 44, 42, 49}
	drought := map[int]bool{2021: true, 2023: true}
	const max = 60
	y := func(v float64) int { return height - bottom - int(v/max*float64(height-top-bottom)) }
	slot := float64(width-left-right) / float64(len(years))
	x := func(i int) float64 { return float64(left) + slot*(float64(i)+0.5) }
	for i, yr := range years {
		if drought[yr] {
			c.rect(int(x(i)-slot/2)+2, top, int(x(i)+slot/2)-2, y(0), band)
		}
	}
	c.axes(max, 10, y)
	// The line, 6 px wide, and a dot at each year, each shape rasterized
	// on its own (overlapping paths of one rasterizer cancel out).
	fill := func(path func(r *vector.Rasterizer)) {
		r := vector.NewRasterizer(width, height)
		path(r)
		r.Draw(c.img, c.img.Bounds(), image.NewUniform(blue), image.Point{})
	}
	for i := 0; i+1 < len(vals); i++ {
		x0, y0 := float32(x(i)), float32(y(vals[i]))
		x1, y1 := float32(x(i+1)), float32(y(vals[i+1]))
		dx, dy := x1-x0, y1-y0
		n := 3 / float32(math.Hypot(float64(dx), float64(dy)))
		nx, ny := -dy*n, dx*n
		fill(func(r *vector.Rasterizer) {
			r.MoveTo(x0+nx, y0+ny)
			r.LineTo(x1+nx, y1+ny)
			r.LineTo(x1-nx, y1-ny)
			r.LineTo(x0-nx, y0-ny)
			r.ClosePath()
		})
	}
	for i, v := range vals {
		fill(func(r *vector.Rasterizer) { circle(r, float32(x(i)), float32(y(v)), 10) })
		ly := y(v) - 24
		if i > 0 && i+1 < len(vals) && v < vals[i-1] && v < vals[i+1] {
			ly = y(v) + 48 // a dip: the label goes under the point
		}
		c.text(strconv.Itoa(int(v)), int(x(i)), ly, 1)
		c.text(strconv.Itoa(years[i]), int(x(i)), height-bottom+40, 1)
	}
	c.save("sources/figures/seasonal-departures.png")
}

func circle(r *vector.Rasterizer, cx, cy, rad float32) {
	const k = 0.5523 // cubic Bézier approximation of a quarter circle
	r.MoveTo(cx+rad, cy)
	r.CubeTo(cx+rad, cy+k*rad, cx+k*rad, cy+rad, cx, cy+rad)
	r.CubeTo(cx-k*rad, cy+rad, cx-rad, cy+k*rad, cx-rad, cy)
	r.CubeTo(cx-rad, cy-k*rad, cx-k*rad, cy-rad, cx, cy-rad)
	r.CubeTo(cx+k*rad, cy-rad, cx+rad, cy-k*rad, cx+rad, cy)
	r.ClosePath()
}

func main() {
	households()
	departures()
}
