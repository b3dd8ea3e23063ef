package layout

import (
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/tomlpos"
)

// Style is the house style: page geometry, type sizes, spacing, colours,
// fonts and logo. It is read from a TOML file (see ParseStyle); every key
// left out keeps its DefaultStyle value. Lengths are in points (1/72 in).
type Style struct {
	Page    PageStyle    `toml:"page"`
	Header  HeaderStyle  `toml:"header"`
	Type    TypeStyle    `toml:"type"`
	Spacing SpacingStyle `toml:"spacing"`
	Justify JustifyStyle `toml:"justification"`
	Colors  Colors       `toml:"colors"`
	Fonts   FontFiles    `toml:"fonts"`
	Logo    Logo         `toml:"logo"`
}

// PageStyle is the paper and the text area.
type PageStyle struct {
	// Size is "A4", "Letter", or "custom" with Width and Height.
	Size          string  `toml:"size"`
	Width, Height float64 `toml:"-"`
	CustomWidth   float64 `toml:"width"`
	CustomHeight  float64 `toml:"height"`
	MarginTop     float64 `toml:"margin-top"`
	MarginBottom  float64 `toml:"margin-bottom"`
	MarginLeft    float64 `toml:"margin-left"`
	MarginRight   float64 `toml:"margin-right"`
}

// HeaderStyle places the running header and the footer.
type HeaderStyle struct {
	// Top is the baseline of the organisation line.
	Top float64 `toml:"top"`
	// RuleGap is the space between the tagline and the rule under it.
	RuleGap float64 `toml:"rule-gap"`
	// FooterBaseline is the footer's baseline, measured from the page bottom.
	FooterBaseline float64 `toml:"footer-baseline"`
}

// TypeStyle holds the type sizes (points) and leadings (multiples of the
// size).
type TypeStyle struct {
	Body              float64 `toml:"body"`
	BodyLeading       float64 `toml:"body-leading"`
	Organization      float64 `toml:"organization"`
	Tagline           float64 `toml:"tagline"`
	Footer            float64 `toml:"footer"`
	Title             float64 `toml:"title"`
	TitleLeading      float64 `toml:"title-leading"`
	Date              float64 `toml:"date"`
	Participants      float64 `toml:"participants"`
	DocType           float64 `toml:"doctype"`
	Heading           float64 `toml:"heading"`
	Subheading        float64 `toml:"subheading"`
	Notice            float64 `toml:"notice"`
	AnnexItem         float64 `toml:"annex-item"`
	UppercaseHeadings bool    `toml:"uppercase-headings"`
}

// SpacingStyle holds vertical spaces (points).
type SpacingStyle struct {
	Paragraph    float64 `toml:"paragraph"`     // before a paragraph
	Heading      float64 `toml:"heading"`       // before a section heading
	HeadingAfter float64 `toml:"heading-after"` // after a section heading
	Block        float64 `toml:"block"`         // before a speaker or moderator line
	ItemIndent   float64 `toml:"item-indent"`   // indent of annex items
}

// JustifyStyle tunes line breaking of justified paragraphs.
type JustifyStyle struct {
	// Stretch and Shrink of a word space, as fractions of its natural
	// width (TeX's Computer Modern: 1/2 and 1/3).
	Stretch float64 `toml:"space-stretch"`
	Shrink  float64 `toml:"space-shrink"`
	// MaxSpace is the widest word space of a justified line, as a multiple
	// of the normal space. A line that would need more (a long URL that
	// cannot be broken follows it) is set flush left with normal spaces.
	MaxSpace float64 `toml:"max-space"`
	// Tolerance is the largest badness (100·r³) a line may have before
	// looser fallbacks are tried (TeX's \tolerance).
	Tolerance float64 `toml:"tolerance"`
	// Hyphenate turns hyphenation on.
	Hyphenate bool `toml:"hyphenate"`
	// HyphenPenalty is the cost of breaking at a hyphenation point (TeX's
	// \hyphenpenalty).
	HyphenPenalty float64 `toml:"hyphen-penalty"`
	// MaxConsecutiveHyphens limits hyphenated lines in a row.
	MaxConsecutiveHyphens int `toml:"max-consecutive-hyphens"`
}

// Colors are the house colours, written "#rrggbb".
type Colors struct {
	Brand  Color `toml:"brand"`
	Text   Color `toml:"text"`
	Muted  Color `toml:"muted"`
	Link   Color `toml:"link"`
	Notice Color `toml:"notice-fill"`
	// Draft marks, in the margin, text shown in the source language
	// because it is not translated.
	Draft Color `toml:"draft-mark"`
}

// FontFiles names the four faces of the text family, files in the
// project's fonts/ folder.
type FontFiles struct {
	Family     string `toml:"family"`
	Regular    string `toml:"regular"`
	Bold       string `toml:"bold"`
	Italic     string `toml:"italic"`
	BoldItalic string `toml:"bold-italic"`
}

// Logo is the brand mark drawn at the left of the running header.
type Logo struct {
	// File is a PNG file, relative to the style file's folder; "" for none.
	File string `toml:"file"`
	// Height is the drawn height in points; the width follows the image.
	Height float64 `toml:"height"`
	// PixelWidth and PixelHeight are the image's size, set by whoever reads
	// the file; the logo is drawn only when both are known.
	PixelWidth, PixelHeight int `toml:"-"`
}

// LogoName is the name of the logo image in the display list.
const LogoName = "logo"

// UnmarshalText reads "#rrggbb".
func (c *Color) UnmarshalText(b []byte) error {
	s := string(b)
	if len(s) != 7 || s[0] != '#' {
		return fmt.Errorf("colour %q must be written #rrggbb", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return fmt.Errorf("colour %q must be written #rrggbb", s)
	}
	*c = Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}
	return nil
}

// DefaultStyle is the built-in house style: A4, Noto Sans, IOM blue.
func DefaultStyle() Style {
	return Style{
		Page: PageStyle{Size: "A4", Width: 595.28, Height: 841.89,
			MarginTop: 92, MarginBottom: 72, MarginLeft: 68, MarginRight: 68},
		Header: HeaderStyle{Top: 36, RuleGap: 8, FooterBaseline: 36},
		Type: TypeStyle{Body: 10, BodyLeading: 1.4, Organization: 9, Tagline: 8, Footer: 8,
			Title: 20, TitleLeading: 1.2, Date: 11, Participants: 10, DocType: 13,
			Heading: 11.5, Subheading: 10.5, Notice: 9, AnnexItem: 9.5, UppercaseHeadings: true},
		Spacing: SpacingStyle{Paragraph: 6, Heading: 20, HeadingAfter: 8, Block: 12, ItemIndent: 18},
		Justify: JustifyStyle{Stretch: 0.5, Shrink: 1.0 / 3, MaxSpace: 3, Tolerance: 200, Hyphenate: true,
			HyphenPenalty: 50, MaxConsecutiveHyphens: 2},
		Colors: Colors{
			Brand:  Color{0x00, 0x33, 0xa0},
			Text:   Color{0x1a, 0x1a, 0x1a},
			Muted:  Color{0x59, 0x59, 0x59},
			Link:   Color{0x00, 0x4f, 0xb3},
			Notice: Color{0xe8, 0xee, 0xf8},
			Draft:  Color{0xe6, 0x95, 0x00},
		},
		Fonts: FontFiles{Family: "NotoSans", Regular: "NotoSans-Regular.ttf", Bold: "NotoSans-Bold.ttf",
			Italic: "NotoSans-Italic.ttf", BoldItalic: "NotoSans-BoldItalic.ttf"},
	}
}

// pageSizes are the named paper sizes, in points.
var pageSizes = map[string][2]float64{
	"a4":     {595.28, 841.89},
	"letter": {612, 792},
	"a5":     {419.53, 595.28},
	"legal":  {612, 1008},
}

// ParseStyle reads a house style file over DefaultStyle; file is the name
// shown in diagnostics. Unknown keys, wrong types and impossible values
// are errors with their positions.
func ParseStyle(file string, data []byte) (Style, diag.List) {
	var diags diag.List
	st := DefaultStyle()
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&st)
	if err != nil {
		p, msg := tomlpos.DecodeError(data, err)
		diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
		return st, diags
	}
	ix := tomlpos.Build(data)
	pos := func(path string) tomlpos.Pos {
		if p, ok := ix.Pos(path); ok {
			return p
		}
		return tomlpos.Pos{Line: 1, Col: 1}
	}
	for _, k := range md.Undecoded() {
		p := pos(k.String())
		diags.Errorf(file, p.Line, p.Col, "", "unknown key %q in the house style", k.String())
	}
	size := strings.ToLower(st.Page.Size)
	if wh, ok := pageSizes[size]; ok {
		st.Page.Width, st.Page.Height = wh[0], wh[1]
	} else if size == "custom" {
		st.Page.Width, st.Page.Height = st.Page.CustomWidth, st.Page.CustomHeight
	} else {
		p := pos("page.size")
		diags.Errorf(file, p.Line, p.Col, "", "page size %q is not A4, A5, Letter, Legal or custom", st.Page.Size)
	}
	check := func(path string, v, lo, hi float64) {
		if v < lo || v > hi {
			p := pos(path)
			diags.Errorf(file, p.Line, p.Col, "", "%s = %g is outside %g…%g", path, v, lo, hi)
		}
	}
	check("page.width", st.Page.Width, 144, 5000)
	check("page.height", st.Page.Height, 144, 5000)
	for _, m := range []struct {
		path string
		v    float64
	}{{"page.margin-top", st.Page.MarginTop}, {"page.margin-bottom", st.Page.MarginBottom}, {"page.margin-left", st.Page.MarginLeft}, {"page.margin-right", st.Page.MarginRight}} {
		check(m.path, m.v, 0, st.Page.Height/3)
	}
	if st.textWidth() < 100 || st.Page.Height-st.Page.MarginTop-st.Page.MarginBottom < 100 {
		diags.Errorf(file, 1, 1, "", "the margins leave a text area of %.0f × %.0f pt; at least 100 × 100 pt is needed", st.textWidth(), st.Page.Height-st.Page.MarginTop-st.Page.MarginBottom)
	}
	for _, s := range []struct {
		path string
		v    float64
	}{{"type.body", st.Type.Body}, {"type.title", st.Type.Title}, {"type.heading", st.Type.Heading}, {"type.subheading", st.Type.Subheading},
		{"type.organization", st.Type.Organization}, {"type.tagline", st.Type.Tagline}, {"type.footer", st.Type.Footer}, {"type.date", st.Type.Date},
		{"type.participants", st.Type.Participants}, {"type.doctype", st.Type.DocType}, {"type.notice", st.Type.Notice}, {"type.annex-item", st.Type.AnnexItem}} {
		check(s.path, s.v, 4, 72)
	}
	check("type.body-leading", st.Type.BodyLeading, 1, 3)
	check("type.title-leading", st.Type.TitleLeading, 1, 3)
	check("justification.space-stretch", st.Justify.Stretch, 0, 5)
	check("justification.space-shrink", st.Justify.Shrink, 0, 0.9)
	check("justification.max-space", st.Justify.MaxSpace, 1, 10)
	check("justification.tolerance", st.Justify.Tolerance, 1, 10000)
	if st.Justify.MaxConsecutiveHyphens < 0 {
		p := pos("justification.max-consecutive-hyphens")
		diags.Errorf(file, p.Line, p.Col, "", "max-consecutive-hyphens must be 0 (no limit) or more")
	}
	if st.Logo.File != "" {
		check("logo.height", st.Logo.Height, 4, 144)
	}
	for _, f := range []struct{ key, name string }{{"fonts.regular", st.Fonts.Regular}, {"fonts.bold", st.Fonts.Bold}, {"fonts.italic", st.Fonts.Italic}, {"fonts.bold-italic", st.Fonts.BoldItalic}} {
		if !fs.ValidPath(f.name) || strings.Contains(f.name, "/") {
			p := pos(f.key)
			diags.Errorf(file, p.Line, p.Col, "", "font file %q must be a file name in the fonts folder, without a folder or \"..\"", f.name)
		}
	}
	return st, diags
}

// textWidth is the width of the text area.
func (s *Style) textWidth() float64 { return s.Page.Width - s.Page.MarginLeft - s.Page.MarginRight }
