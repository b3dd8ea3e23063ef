package sources

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // figures
	_ "image/png"  // figures
	"io/fs"
	"path"
	"strings"

	"github.com/reportgen/reportgen/diag"
)

// Limits on a figure's picture, checked before it is decoded: a small
// file can hold an image that decodes into gigabytes.
const (
	MaxImageFile   = 16 << 20   // bytes in an image file
	MaxImageSide   = 10_000     // pixels along either side
	MaxImagePixels = 25_000_000 // pixels in all (100 MB decoded)
)

// Figure is the picture of a figure block, read and checked.
type Figure struct {
	// Path is the file's path relative to the report's folder.
	Path string
	// Format is "png" or "jpeg".
	Format string
	Data   []byte
	// Width and Height are the picture's size in pixels.
	Width, Height int
}

// figure checks a figure block's fields and records its texts.
func (v *validator) figure(bp, prefix string, b Block) {
	switch p := b.Image; {
	case p == "":
		v.errorf(bp, b.ID, "figure has no image; give image = \"figures/<file>.png\" (PNG or JPEG, beside the report)")
	case path.IsAbs(p) || strings.Contains(p, `\`) || !fs.ValidPath(p) || strings.Contains(p, ".."):
		v.errorf(bp+".image", b.ID, "image %q must be a path inside the report's folder, with / and without \"..\"", p)
	default:
		switch strings.ToLower(path.Ext(p)) {
		case ".png", ".jpg", ".jpeg":
		default:
			v.errorf(bp+".image", b.ID, "image %q must be a PNG or JPEG file (.png, .jpg, .jpeg)", p)
		}
	}
	if strings.TrimSpace(b.Alt) == "" {
		v.errorf(bp, b.ID, "figure has no alt text; give alt = \"…\": what the picture shows, for readers who cannot see it")
	} else {
		v.text(bp+".alt", prefix+".alt", b.Alt, false)
	}
	if b.Caption != "" {
		v.text(bp+".caption", prefix+".caption", b.Caption, true)
	}
}

// loadFigures reads the pictures of the report's figure blocks from dir
// of fsys (the report's folder) into l.Figures. Each is checked before it
// is decoded (file size, format, dimensions) and then decoded once whole,
// so that the PDF writer never sees a broken file.
func (l *Loaded) loadFigures(fsys fs.FS, dir string, diags *diag.List) {
	for si, s := range l.Sections {
		for bi, b := range s.Blocks {
			if b.Type != BlockFigure || b.Image == "" {
				continue
			}
			if _, done := l.Figures[b.Image]; done {
				continue
			}
			where := fmt.Sprintf("section[%d].block[%d].image", si, bi)
			line, col := l.Pos(where)
			fail := func(format string, args ...any) {
				diags.Errorf(l.File, line, col, b.ID, format, args...)
			}
			name := path.Join(dir, b.Image)
			st, err := fs.Stat(fsys, name)
			if err != nil {
				fail("image %s: %v", b.Image, unwrapPathError(err))
				continue
			}
			if st.Size() > MaxImageFile {
				fail("image %s is %d bytes; the limit is %d", b.Image, st.Size(), MaxImageFile)
				continue
			}
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				fail("image %s: %v", b.Image, unwrapPathError(err))
				continue
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil || (format != "png" && format != "jpeg") {
				fail("image %s is not a PNG or JPEG image", b.Image)
				continue
			}
			if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide || cfg.Width*cfg.Height > MaxImagePixels {
				fail("image %s is %d × %d pixels; the limits are %d pixels a side and %d in all", b.Image, cfg.Width, cfg.Height, MaxImageSide, MaxImagePixels)
				continue
			}
			// The PDF writer embeds a PNG's data as it is: 8 bits per
			// channel at most, not interlaced (the header, IHDR, is the
			// first chunk: DecodeConfig read it).
			if format == "png" && len(data) >= 29 {
				if depth := data[24]; depth > 8 {
					fail("image %s has %d bits per channel; save it with 8", b.Image, depth)
					continue
				}
				if data[28] != 0 {
					fail("image %s is interlaced; save it without interlacing", b.Image)
					continue
				}
			}
			if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
				fail("image %s is damaged: %v", b.Image, err)
				continue
			}
			if l.Figures == nil {
				l.Figures = map[string]*Figure{}
			}
			l.Figures[b.Image] = &Figure{Path: b.Image, Format: format, Data: data, Width: cfg.Width, Height: cfg.Height}
		}
	}
}
