package style

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"strings"
)

// Limits of a logo image, read from its header before it is decoded: a
// small PNG file can declare an image of gigabytes. A document draws at
// most the one logo of its house style, so these bound its pixels too.
const (
	MaxFileSize    = 16 << 20 // bytes in a style file or a logo file
	MaxImageSide   = 8192     // pixels across or down
	MaxImagePixels = 16 << 20 // pixels in all (16.8 million: 64 MiB decoded)
)

// checkPNG checks that data is a PNG image the PDF writer can embed, within
// the limits, whose pixel data agrees with its header. It returns the
// image's size, or what is wrong in the user's terms.
func checkPNG(data []byte) (width, height int, problem string) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != "png" || len(data) < 29 {
		return 0, 0, "is not a PNG image"
	}
	if cfg.Width > MaxImageSide || cfg.Height > MaxImageSide || cfg.Width*cfg.Height > MaxImagePixels {
		return 0, 0, fmt.Sprintf("is %d × %d pixels; a logo may have at most %d pixels a side and %d in all", cfg.Width, cfg.Height, MaxImageSide, MaxImagePixels)
	}
	// The header (IHDR) is the first chunk: DecodeConfig checked it.
	depth, interlace := data[24], data[28]
	if depth > 8 {
		return 0, 0, fmt.Sprintf("has %d bits per channel; save it with 8", depth)
	}
	if interlace != 0 {
		return 0, 0, "is interlaced; save it without interlacing"
	}
	// Decode it whole (bounded by the limits above): pixel data that does
	// not match the header is found here, not in the PDF writer.
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "pixel data") {
			return 0, 0, "is damaged: its pixel data does not match its size"
		}
		return 0, 0, "is damaged: " + strings.TrimPrefix(err.Error(), "png: ")
	}
	return cfg.Width, cfg.Height, ""
}
