// Package fonts holds the embedded font families and answers the two
// questions layout asks of a font: how wide is this text, and can the font
// draw every character of it.
//
// Widths are computed exactly as fpdf computes the /W array it writes into
// the PDF (advance width scaled to 1000 units per em, rounded), so a line
// measured here is drawn at exactly the measured width.
package fonts

import (
	"embed"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

//go:embed *.ttf OFL.txt
var embedded embed.FS

// Embedded returns the font folder built into the binary.
func Embedded() fs.FS { return embedded }

// Face identifies one of the four faces of a family.
type Face uint8

// The faces of a family.
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
)

// FaceOf returns the face for the given bold and italic flags.
func FaceOf(bold, italic bool) Face {
	f := Regular
	if bold {
		f |= Bold
	}
	if italic {
		f |= Italic
	}
	return f
}

// Style returns the fpdf style string of the face: "", "B", "I" or "BI".
func (f Face) Style() string { return [...]string{"", "B", "I", "BI"}[f&3] }

func (f Face) String() string { return [...]string{"regular", "bold", "italic", "bold italic"}[f&3] }

// Font is one parsed TrueType face: its bytes (for the PDF writer), its
// advance widths and its character coverage.
type Font struct {
	// Name is the file the face was read from, for messages.
	Name string
	// Data is the TrueType file.
	Data []byte
	// Ascent and Descent are in 1/1000 em, as fpdf reports them.
	Ascent, Descent int

	font *sfnt.Font
	// widths caches advance widths of the Basic Multilingual Plane in
	// 1/1000 em, plus one: 0 means not looked up yet, -1 no glyph.
	// Atomic, so a Font is safe for concurrent use.
	widths [0x10000]atomic.Int32
	bufs   sync.Pool // of *sfnt.Buffer
	upem   fixed.Int26_6
}

func (f *Font) buffer() *sfnt.Buffer {
	if b, ok := f.bufs.Get().(*sfnt.Buffer); ok {
		return b
	}
	return new(sfnt.Buffer)
}

// Parse parses a TrueType font. OpenType/CFF fonts and collections are
// refused because the PDF writer cannot embed them.
func Parse(name string, data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("%s: not a TrueType font (file too short)", name)
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, fmt.Errorf("%s: OpenType/CFF fonts are not supported; use a TrueType (.ttf) font", name)
	case "ttcf":
		return nil, fmt.Errorf("%s: font collections (.ttc) are not supported; use a single TrueType (.ttf) font", name)
	default:
		return nil, fmt.Errorf("%s: not a TrueType font", name)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	ft := &Font{Name: name, Data: data, font: f}
	ft.upem = fixed.Int26_6(f.UnitsPerEm()) << 6
	var buf sfnt.Buffer
	m, err := f.Metrics(&buf, ft.upem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	scale := 1000 / float64(f.UnitsPerEm())
	ft.Ascent = int(float64(m.Ascent.Round()) * scale)
	ft.Descent = -int(float64(m.Descent.Round()) * scale)
	return ft, nil
}

// Has reports whether the font has a glyph for r. Spaces and control
// characters that are never drawn count as present.
func (f *Font) Has(r rune) bool {
	if r == '\n' || r == '\t' {
		return true
	}
	if r >= 0 && r < 0x10000 {
		if w := f.widths[r].Load(); w != 0 {
			return w != -1
		}
	}
	buf := f.buffer()
	defer f.bufs.Put(buf)
	g, err := f.font.GlyphIndex(buf, r)
	return err == nil && g != 0
}

// Missing returns the characters of s that the font cannot draw, each once,
// in order of first appearance.
func (f *Font) Missing(s string) []rune {
	var miss []rune
	for _, r := range s {
		if !f.Has(r) && !containsRune(miss, r) {
			miss = append(miss, r)
		}
	}
	return miss
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// Advance returns the advance width of r in 1/1000 em, rounded as fpdf
// rounds it. A character without a glyph measures 0 (coverage is checked
// before layout, so it never reaches here in a successful build).
func (f *Font) Advance(r rune) int {
	bmp := r >= 0 && r < 0x10000
	if bmp {
		if w := f.widths[r].Load(); w > 0 {
			return int(w) - 1
		} else if w == -1 {
			return 0
		}
	}
	buf := f.buffer()
	defer f.bufs.Put(buf)
	w, cached := 0, int32(-1)
	if g, err := f.font.GlyphIndex(buf, r); err == nil && g != 0 {
		if adv, err := f.font.GlyphAdvance(buf, g, f.upem, font.HintingNone); err == nil {
			w = int(math.Round(float64(adv) / 64 * 1000 / float64(f.font.UnitsPerEm())))
		}
		cached = int32(w) + 1
	}
	if bmp {
		f.widths[r].Store(cached)
	}
	return w
}

// Width returns the width of s in 1/1000 em.
func (f *Font) Width(s string) int {
	w := 0
	for _, r := range s {
		w += f.Advance(r)
	}
	return w
}

// Family is a set of four faces used together.
type Family struct {
	// Name is the family name given to the PDF writer.
	Name  string
	Faces [4]*Font
}

// Face returns the font for face f.
func (fam *Family) Face(f Face) *Font { return fam.Faces[f&3] }

// Check returns the characters of s that face f cannot draw.
func (fam *Family) Check(f Face, s string) []rune {
	return fam.Face(f).Missing(s)
}

// FamilyFiles names the four files of a family, in Face order.
type FamilyFiles struct {
	Name                            string
	Regular, Bold, Italic, BoldItal string
}

// NotoSans is the default family shipped in this folder.
var NotoSans = FamilyFiles{
	Name:     "NotoSans",
	Regular:  "NotoSans-Regular.ttf",
	Bold:     "NotoSans-Bold.ttf",
	Italic:   "NotoSans-Italic.ttf",
	BoldItal: "NotoSans-BoldItalic.ttf",
}

// Load reads and parses the four faces of a family from fsys.
func Load(fsys fs.FS, files FamilyFiles) (*Family, error) {
	fam := &Family{Name: files.Name}
	for i, name := range []string{files.Regular, files.Bold, files.Italic, files.BoldItal} {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("font %s (%s): %w", files.Name, Face(i), err)
		}
		f, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		fam.Faces[i] = f
	}
	return fam, nil
}

// Dir returns the fonts folder of a project root if it holds the default
// family, else the embedded fonts.
func Dir(root string) fs.FS {
	if root != "" {
		dir := filepath.Join(root, "fonts")
		if _, err := os.Stat(filepath.Join(dir, NotoSans.Regular)); err == nil {
			return os.DirFS(dir)
		}
	}
	return embedded
}

// IsDrawn reports whether r needs a glyph at all: spaces and format
// characters such as the soft hyphen are not drawn as themselves.
func IsDrawn(r rune) bool {
	return !unicode.IsControl(r) && r != '\u00ad'
}
