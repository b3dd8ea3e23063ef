package render

import (
	"bytes"
	"image"
	_ "image/jpeg" // figures
	"image/png"
	"maps"
	"slices"

	"golang.org/x/image/draw"

	"github.com/reportgen/reportgen/display"
)

// distinctWidths returns the images of pages with no two of the same
// width in pixels. fpdf writes a document's images in the order of their
// widths, and those of equal width in the order of a map's keys, which
// changes from run to run: an image whose width another already has is
// resampled one pixel wider (drawn into the same box, the difference
// cannot be seen), so that the same inputs always give the same bytes.
func distinctWidths(images map[string]display.ImageFile) (map[string]display.ImageFile, error) {
	used := map[int]bool{}
	out := make(map[string]display.ImageFile, len(images))
	for _, name := range slices.Sorted(maps.Keys(images)) {
		im := images[name]
		cfg, _, err := image.DecodeConfig(bytes.NewReader(im.Data))
		if err != nil || !used[cfg.Width] {
			used[cfg.Width] = err == nil
			out[name] = im // a file that does not decode is the writer's to refuse
			continue
		}
		src, _, err := image.Decode(bytes.NewReader(im.Data))
		if err != nil {
			out[name] = im
			continue
		}
		w := cfg.Width + 1
		for used[w] {
			w++
		}
		used[w] = true
		dst := image.NewRGBA(image.Rect(0, 0, w, cfg.Height))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		var buf bytes.Buffer
		if err := png.Encode(&buf, dst); err != nil {
			return nil, err
		}
		out[name] = display.ImageFile{Format: "png", Data: buf.Bytes()}
	}
	return out, nil
}
