// Package fonts holds the embedded font families and answers the
// questions layout asks of a font: how wide is this text, how much closer
// is a pair of characters set (kerning), and can the font draw every
// character of it.
//
// Widths are computed exactly as fpdf computes the /W array it writes into
// the PDF (advance width scaled to 1000 units per em, rounded), so a line
// measured here is drawn at exactly the measured width. Kerning comes from
// the font's own pair adjustments (its GPOS table, see internal/gpos),
// also in 1/1000 em.
package fonts

import (
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/reportgen/reportgen/fonts/internal/gpos"
)

//go:embed *.ttf OFL.txt
var embedded embed.FS

// The default family's files again, as byte slices that Load hands out
// without copying them (fs.ReadFile of an embed.FS copies): nothing
// writes into a Font's Data (fpdf only reads a font without ShortMetrics,
// as the shipped ones are made).
var (
	//go:embed NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed NotoSans-Bold.ttf
	notoBold []byte
	//go:embed NotoSans-Italic.ttf
	notoItalic []byte
	//go:embed NotoSans-BoldItalic.ttf
	notoBoldItalic []byte

	embeddedFiles = map[string][]byte{
		"NotoSans-Regular.ttf":    notoRegular,
		"NotoSans-Bold.ttf":       notoBold,
		"NotoSans-Italic.ttf":     notoItalic,
		"NotoSans-BoldItalic.ttf": notoBoldItalic,
	}
)

// readFile is fs.ReadFile, without the copy for the embedded fonts.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	if efs, ok := fsys.(embed.FS); ok && efs == embedded {
		if data, ok := embeddedFiles[name]; ok {
			return data, nil
		}
	}
	return fs.ReadFile(fsys, name)
}

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
	// Data is the TrueType file. It is read only: for the embedded
	// fonts it is shared by every Font loaded from them.
	Data []byte
	// Ascent and Descent are in 1/1000 em, as fpdf reports them.
	Ascent, Descent int
	// ShortMetrics says that the font stores the advance widths of some
	// glyphs in the short form of its hmtx table (hhea.numberOfHMetrics
	// below maxp.numGlyphs). fpdf writes into the font bytes when it
	// embeds such a glyph, so a PDF writer must be given a copy of Data.
	ShortMetrics bool

	font *sfnt.Font
	// widths caches advance widths of the Basic Multilingual Plane in
	// 1/1000 em, plus one: 0 means not looked up yet, -1 no glyph.
	// Atomic, so a Font is safe for concurrent use.
	widths [0x10000]atomic.Int32
	bufs   sync.Pool // of *sfnt.Buffer
	upem   fixed.Int26_6

	// kern is the font's pair kerning, read on first use (kernOnce);
	// kernErr why it could not be read. glyphs caches the glyph of each
	// character of the Basic Multilingual Plane, plus one (0: not looked
	// up yet), once the font has kerning.
	kernOnce sync.Once
	kern     *gpos.Kerning
	kernErr  error
	glyphs   *[0x10000]atomic.Uint32
	// pairs caches the kerning of pairs of characters (see kernRunes).
	pairs *[pairCacheSize]atomic.Uint64
}

// pairCacheBits gives the number of entries of a Font's cache of kerned
// pairs, 4096: text uses a few hundred pairs over and over.
const (
	pairCacheBits = 12
	pairCacheSize = 1 << pairCacheBits
)

func (f *Font) buffer() *sfnt.Buffer {
	if b, ok := f.bufs.Get().(*sfnt.Buffer); ok {
		return b
	}
	return new(sfnt.Buffer)
}

// damaged is the problem of a font file the font parser cannot read.
const damaged = "not a readable TrueType font: the file is damaged or incomplete; replace it with a good copy of the font"

// Parse parses a TrueType font. OpenType/CFF fonts and collections are
// refused because the PDF writer cannot embed them.
func Parse(name string, data []byte) (*Font, error) {
	fail := func(format string, args ...any) (*Font, error) {
		return nil, &FileError{Name: name, Err: fmt.Errorf(format, args...)}
	}
	if len(data) < 12 {
		return fail("not a TrueType font (file too short)")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return fail("OpenType/CFF fonts are not supported; use a TrueType (.ttf) font")
	case "ttcf":
		return fail("font collections (.ttc) are not supported; use a single TrueType (.ttf) font")
	default:
		return fail("not a TrueType font")
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return fail("%s", damaged)
	}
	// The PDF writer reads these tables itself, and trusts them.
	if head := table(data, "head"); len(head) < 54 {
		return fail("not a readable TrueType font: its head table is missing or damaged; replace the file with a good copy of the font")
	} else if loca := int16(binary.BigEndian.Uint16(head[50:])); loca != 0 && loca != 1 {
		return fail("not a readable TrueType font: its head table is damaged (indexToLocFormat is %d, not 0 or 1); replace the file with a good copy of the font", loca)
	}
	if os2 := table(data, "OS/2"); len(os2) >= 10 {
		// OS/2 fsType: 2 is "restricted licence embedding", and bits 8
		// and 9 forbid subsetting or allow bitmaps only.
		if t := binary.BigEndian.Uint16(os2[8:]); t&0xF == 2 || t&0x300 != 0 {
			return fail("the font's licence does not allow embedding it in a PDF (OS/2 fsType 0x%04X)", t)
		}
	}
	ft := &Font{Name: name, Data: data, font: f, ShortMetrics: true}
	if hhea, maxp := table(data, "hhea"), table(data, "maxp"); len(hhea) >= 36 && len(maxp) >= 6 {
		ft.ShortMetrics = binary.BigEndian.Uint16(hhea[34:]) < binary.BigEndian.Uint16(maxp[4:])
	}
	ft.upem = fixed.Int26_6(f.UnitsPerEm()) << 6
	var buf sfnt.Buffer
	m, err := f.Metrics(&buf, ft.upem, font.HintingNone)
	if err != nil {
		return fail("%s", damaged)
	}
	scale := 1000 / float64(f.UnitsPerEm())
	ft.Ascent = int(float64(m.Ascent.Round()) * scale)
	ft.Descent = -int(float64(m.Descent.Round()) * scale)
	return ft, nil
}

// table returns the bytes of a TrueType table, or nil.
func table(data []byte, tag string) []byte {
	if len(data) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil
		}
		if string(data[rec:rec+4]) != tag {
			continue
		}
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		length := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || length < 0 || off+length > len(data) || off+length < off {
			return nil
		}
		return data[off : off+length]
	}
	return nil
}

// FileError is a problem with one font file.
type FileError struct {
	// Name is the file, relative to the fonts folder.
	Name string
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// Has reports whether the font has a glyph for r. Spaces and control
// characters that are never drawn count as present.
func (f *Font) Has(r rune) bool {
	if r == '\n' || r == '\t' {
		return true
	}
	if r >= 0 && r < 0x10000 {
		w := f.widths[r].Load()
		if w == 0 {
			// Look the glyph up once: Advance caches -1 exactly when
			// there is none.
			f.Advance(r)
			w = f.widths[r].Load()
		}
		return w != -1
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

// kerning returns the font's pair kerning, nil if it has none.
func (f *Font) kerning() *gpos.Kerning {
	f.kernOnce.Do(func() {
		data := table(f.Data, "GPOS")
		if len(data) == 0 {
			return
		}
		maxp := table(f.Data, "maxp")
		if len(maxp) < 6 {
			f.kernErr = &FileError{Name: f.Name, Err: errors.New("its kerning cannot be read: the maxp table is missing or damaged")}
			return
		}
		k, err := gpos.Parse(data, int(binary.BigEndian.Uint16(maxp[4:])))
		if err != nil {
			f.kernErr = &FileError{Name: f.Name, Err: fmt.Errorf("its kerning (GPOS table) cannot be read, so the text is set without: %w", err)}
			return
		}
		if k.Pairs() > 0 {
			f.glyphs = new([0x10000]atomic.Uint32)
			f.pairs = new([pairCacheSize]atomic.Uint64)
			f.kern = k
		}
	})
	return f.kern
}

// Kerning returns how many pairs of glyphs the font kerns, and why its
// kerning could not be read if it could not (the text is then set
// without).
func (f *Font) Kerning() (pairs int, err error) {
	k := f.kerning()
	return k.Pairs(), f.kernErr
}

// glyph returns the glyph of r, 0 for none. Only called once kerning
// has returned non-nil.
func (f *Font) glyph(r rune) uint16 {
	if r >= 0 && r < 0x10000 && f.glyphs != nil {
		if g := f.glyphs[r].Load(); g != 0 {
			return uint16(g - 1)
		}
	}
	buf := f.buffer()
	defer f.bufs.Put(buf)
	g, err := f.font.GlyphIndex(buf, r)
	if err != nil {
		g = 0
	}
	if r >= 0 && r < 0x10000 && f.glyphs != nil {
		f.glyphs[r].Store(uint32(g) + 1)
	}
	return uint16(g)
}

// kernGlyphs returns the kerning of glyphs a and b in 1/1000 em.
func (f *Font) kernGlyphs(a, b uint16) int {
	if a == 0 || b == 0 {
		return 0
	}
	v := f.kern.Kern(a, b)
	if v == 0 {
		return 0
	}
	if upem := f.font.UnitsPerEm(); upem != 1000 {
		return int(math.Round(float64(v) * 1000 / float64(upem)))
	}
	return v
}

// Kern returns how much closer (negative) or further apart b is set after
// a than their advance widths say, in 1/1000 em: the font's pair kerning.
func (f *Font) Kern(a, b rune) int {
	if f.kerning() == nil {
		return 0
	}
	return f.kernRunes(a, b)
}

// kernRunes is Kern once the font has kerning, through a cache: a
// direct-mapped table of entries that hold both characters (21 bits
// each), a bit that says the entry is set, and the kerning (16 bits).
func (f *Font) kernRunes(a, b rune) int {
	if uint32(a) >= 1<<21 || uint32(b) >= 1<<21 {
		return f.kernGlyphs(f.glyph(a), f.glyph(b))
	}
	key := 1<<42 | uint64(a)<<21 | uint64(b)
	h := (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> (32 - pairCacheBits)
	if e := f.pairs[h].Load(); e>>16 == key {
		return int(int16(e))
	}
	v := f.kernGlyphs(f.glyph(a), f.glyph(b))
	if v == int(int16(v)) {
		f.pairs[h].Store(key<<16 | uint64(uint16(int16(v))))
	}
	return v
}

// KernedWidth returns the width of s in 1/1000 em with the font's pair
// kerning: Width plus the kerning of each pair of adjacent characters.
func (f *Font) KernedWidth(s string) int {
	if f.kerning() == nil {
		return f.Width(s)
	}
	w := 0
	prev := rune(-1)
	for _, r := range s {
		w += f.Advance(r)
		if prev >= 0 {
			w += f.kernRunes(prev, r)
		}
		prev = r
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

// Covers reports whether every face of the family can draw r (characters
// that are not drawn, such as spaces, count as covered).
func (fam *Family) Covers(r rune) bool {
	if !IsDrawn(r) {
		return true
	}
	for _, f := range fam.Faces {
		if !f.Has(r) {
			return false
		}
	}
	return true
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
		data, err := readFile(fsys, name)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &FileError{Name: name, Err: fmt.Errorf("%s face of %s: %w", Face(i), files.Name, err)}
		}
		f, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		fam.Faces[i] = f
	}
	return fam, nil
}

// IsDrawn reports whether r needs a glyph at all: spaces and format
// characters such as the soft hyphen are not drawn as themselves.
func IsDrawn(r rune) bool {
	return !unicode.IsControl(r) && r != '\u00ad'
}

// CheckGlyphs loads the outline of glyph 0 and of every character of s
// that the font has, and returns a *FileError for the first that cannot be
// read. The PDF writer embeds exactly these glyphs and trusts their data;
// checking only them keeps a damaged font from crashing it at a cost of
// microseconds per glyph.
func (f *Font) CheckGlyphs(s string) error {
	buf := f.buffer()
	defer f.bufs.Put(buf)
	check := func(g sfnt.GlyphIndex, what string) error {
		if _, err := f.font.LoadGlyph(buf, g, f.upem, nil); err != nil {
			return &FileError{Name: f.Name, Err: fmt.Errorf("not a readable TrueType font: the outline of glyph %d%s is damaged; replace the file with a good copy of the font", g, what)}
		}
		return nil
	}
	if err := check(0, ""); err != nil {
		return err
	}
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] {
			continue
		}
		seen[r] = true
		g, err := f.font.GlyphIndex(buf, r)
		if err != nil || g == 0 {
			continue
		}
		if err := check(g, fmt.Sprintf(" for %q", r)); err != nil {
			return err
		}
	}
	return nil
}
