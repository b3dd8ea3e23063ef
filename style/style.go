// Package style is the house style: page geometry, type sizes and
// leadings, spacing, rules, colours, fonts and logo, read from a TOML file.
//
// The built-in style, styles/house.toml in this folder, is embedded and
// is the default of every key: a project's style (sources/styles/<name>.toml)
// lists only what it changes. Parse reads a style file with positions for
// every error; Load also reads the logo and the fonts a style names. The
// layout engine never sees TOML: composition hands it plain values taken
// from a Style.
package style

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/tomlpos"
)

//go:embed styles
var embedded embed.FS

// Embedded returns the built-in styles: styles/house.toml and the files it
// names.
func Embedded() fs.FS { return embedded }

// BuiltIn is the name of the built-in house style.
const BuiltIn = "house"

// Style is a house style. Lengths are in points (1/72 in); leadings are
// multiples of the type size.
type Style struct {
	Page     Page          `toml:"page"`
	Header   Header        `toml:"header"`
	Type     Type          `toml:"type"`
	Spacing  Spacing       `toml:"spacing"`
	Notice   Notice        `toml:"notice"`
	List     List          `toml:"list"`
	Figure   Figure        `toml:"figure"`
	Notes    Notes         `toml:"notes"`
	Table    Table         `toml:"table"`
	Rules    Rules         `toml:"rules"`
	Justify  Justification `toml:"justification"`
	Protrude Protrusion    `toml:"protrusion"`
	Expand   Expansion     `toml:"expansion"`
	Colors   Colors        `toml:"colors"`
	Fonts    FontFiles     `toml:"fonts"`
	Logo     Logo          `toml:"logo"`
}

// Page is the paper and the text area.
type Page struct {
	// Size is "A4", "A5", "Letter", "Legal", or "custom" with CustomWidth
	// and CustomHeight; Width and Height are the paper's size it gives.
	Size          string  `toml:"size"`
	Width, Height float64 `toml:"-"`
	CustomWidth   float64 `toml:"width"`
	CustomHeight  float64 `toml:"height"`
	MarginTop     float64 `toml:"margin-top"`
	MarginBottom  float64 `toml:"margin-bottom"`
	MarginLeft    float64 `toml:"margin-left"`
	MarginRight   float64 `toml:"margin-right"`
}

// TextWidth is the width of the text area.
func (p Page) TextWidth() float64 { return p.Width - p.MarginLeft - p.MarginRight }

// TextHeight is the height of the text area.
func (p Page) TextHeight() float64 { return p.Height - p.MarginTop - p.MarginBottom }

// Header places the running header and the footer.
type Header struct {
	// Top is the baseline of the organisation line.
	Top float64 `toml:"top"`
	// LineGap is the distance from the organisation line's baseline to
	// the tagline's, in organisation type sizes.
	LineGap float64 `toml:"line-gap"`
	// RuleGap is the space between the tagline and the rule under it;
	// RuleWidth the rule's thickness.
	RuleGap   float64 `toml:"rule-gap"`
	RuleWidth float64 `toml:"rule-width"`
	// LogoGap is the space between the logo and the brand lines.
	LogoGap float64 `toml:"logo-gap"`
	// FooterBaseline is the footer's baseline, measured from the page bottom.
	FooterBaseline float64 `toml:"footer-baseline"`
}

// Type holds the type sizes (points) and leadings (multiples of the size)
// of each kind of text.
type Type struct {
	Body                float64 `toml:"body"`
	BodyLeading         float64 `toml:"body-leading"`
	Organization        float64 `toml:"organization"`
	Tagline             float64 `toml:"tagline"`
	Footer              float64 `toml:"footer"`
	Title               float64 `toml:"title"`
	TitleLeading        float64 `toml:"title-leading"`
	Date                float64 `toml:"date"`
	DateLeading         float64 `toml:"date-leading"`
	Participants        float64 `toml:"participants"`
	ParticipantsLeading float64 `toml:"participants-leading"`
	DocType             float64 `toml:"doctype"`
	DocTypeLeading      float64 `toml:"doctype-leading"`
	Heading             float64 `toml:"heading"`
	HeadingLeading      float64 `toml:"heading-leading"`
	Subheading          float64 `toml:"subheading"`
	SubheadingLeading   float64 `toml:"subheading-leading"`
	Notice              float64 `toml:"notice"`
	NoticeLeading       float64 `toml:"notice-leading"`
	AnnexItem           float64 `toml:"annex-item"`
	AnnexItemLeading    float64 `toml:"annex-item-leading"`
	// UppercaseHeadings sets section headings and the document type in
	// capitals, by the rules of the edition's language.
	UppercaseHeadings bool `toml:"uppercase-headings"`
	// Kerning sets text with the fonts' own pair kerning ("To", "Та"
	// closer), in measuring lines and in drawing them.
	Kerning bool `toml:"kerning"`
}

// Spacing holds vertical spaces (points), each put before a block and
// dropped when the block starts a page, and indents.
type Spacing struct {
	Paragraph    float64 `toml:"paragraph"`     // before a paragraph
	Heading      float64 `toml:"heading"`       // before a section heading
	HeadingAfter float64 `toml:"heading-after"` // after a section heading
	Subheading   float64 `toml:"subheading"`    // before a sub-heading (at least Block)
	Block        float64 `toml:"block"`         // before a speaker or moderator line
	Date         float64 `toml:"date"`          // before the date line of the title block
	Participants float64 `toml:"participants"`  // before the participants line
	Attendance   float64 `toml:"attendance"`    // before the participant counts
	DocType      float64 `toml:"doctype"`       // before the document type
	TitleRule    float64 `toml:"title-rule"`    // between the title block and the rule under it
	Notice       float64 `toml:"notice"`        // before the courtesy-translation notice
	Closing      float64 `toml:"closing"`       // before the closing marker
	AnnexEntry   float64 `toml:"annex-entry"`   // before an annex in the list of annexes
	AnnexItem    float64 `toml:"annex-item"`    // before each item of an annex
	ItemIndent   float64 `toml:"item-indent"`   // indent of annex items
	// DraftMark is how far left of the text the bar marking untranslated
	// text is drawn.
	DraftMark float64 `toml:"draft-mark"`
}

// Notice is the box of the courtesy-translation notice.
type Notice struct {
	// Padding is the space between the box's edges and its text.
	Padding float64 `toml:"padding"`
	// BarWidth is the brand-coloured bar along its left edge.
	BarWidth float64 `toml:"bar-width"`
}

// List places the items of bulleted and numbered lists.
type List struct {
	// Indent is how far each level of items is indented from the one
	// around it: the items' lines hang there, the marker sits in it.
	Indent float64 `toml:"indent"`
	// MarkerGap is the space between a marker's right edge and its text.
	MarkerGap float64 `toml:"marker-gap"`
	// Space is put before a list, ItemSpace before each further item.
	Space     float64 `toml:"space"`
	ItemSpace float64 `toml:"item-space"`
}

// Figure places pictures and their captions.
type Figure struct {
	// Width is the widest a picture is drawn, as a fraction of the text
	// width; MaxHeight the tallest, as a fraction of the text height. A
	// picture keeps its proportions and is centred.
	Width     float64 `toml:"width"`
	MaxHeight float64 `toml:"max-height"`
	// Space is put before a figure; CaptionGap between the picture and
	// its caption.
	Space      float64 `toml:"space"`
	CaptionGap float64 `toml:"caption-gap"`
	// Caption and CaptionLeading are the caption's type size and leading.
	Caption        float64 `toml:"caption"`
	CaptionLeading float64 `toml:"caption-leading"`
}

// Notes sets footnotes at the foot of the page.
type Notes struct {
	// Size and Leading are the notes' type size and leading.
	Size    float64 `toml:"size"`
	Leading float64 `toml:"leading"`
	// Indent is where a note's lines hang; its number ends MarkerGap
	// before.
	Indent    float64 `toml:"indent"`
	MarkerGap float64 `toml:"marker-gap"`
	// Gap is the space between the text and the notes (the rule in its
	// middle); Space is put between two notes.
	Gap   float64 `toml:"gap"`
	Space float64 `toml:"space"`
	// RuleLength is the rule's length as a fraction of the text width.
	RuleLength float64 `toml:"rule-length"`
	RuleWidth  float64 `toml:"rule-width"`
}

// Table sets tables.
type Table struct {
	// Size and Leading are the cells' type size and leading.
	Size    float64 `toml:"size"`
	Leading float64 `toml:"leading"`
	// Padding is the space between a cell's edges and its text.
	Padding float64 `toml:"padding"`
	// RuleWidth is the rule under each row, HeaderRuleWidth the one under
	// the header row.
	RuleWidth       float64 `toml:"rule-width"`
	HeaderRuleWidth float64 `toml:"header-rule-width"`
	// Space is put before a table (its caption); CaptionGap between the
	// caption and the table.
	Space      float64 `toml:"space"`
	CaptionGap float64 `toml:"caption-gap"`
}

// Rules are the thicknesses of rules and marks.
type Rules struct {
	Title     float64 `toml:"title"`      // under the title block
	DraftMark float64 `toml:"draft-mark"` // the bar beside untranslated text
}

// Justification tunes line breaking of justified paragraphs.
type Justification struct {
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
	// MaxConsecutiveHyphens limits hyphenated lines in a row (0: no limit).
	MaxConsecutiveHyphens int `toml:"max-consecutive-hyphens"`
	// EnglishPatterns chooses the hyphenation patterns of English text
	// whose language tag names no region (plain "en"): "gb" for British
	// spelling (hyph-en-gb), "us" for American (hyph-en-us). A tag with a
	// region decides for itself: en-GB is always British, every other
	// region American.
	EnglishPatterns string `toml:"english-patterns"`
	// HyphenationExceptions are words the patterns break badly, spelt
	// with hyphens at the only points where they may break
	// ("re-in-te-gra-tion"; a word without hyphens never breaks), in any
	// language: TeX's \hyphenation.
	HyphenationExceptions []string `toml:"hyphenation-exceptions"`
}

// Protrusion hangs punctuation into the margins of justified lines, as
// pdfTeX's microtype does, so that the text's edges look straight: each
// value is how much of the character's width hangs (0 none, 1 all of it).
// Only lines of justified paragraphs hang (ragged, centred text and table
// cells do not), and at the right end only lines set to the full measure:
// not a paragraph's last line nor one set flush left as too loose. Line
// breaking sees it: such a line holds that much more.
type Protrusion struct {
	// At a line's end: the hyphen (the one added at a hyphenation point
	// too), dashes, the comma, full stop, colon and semicolon.
	Hyphen    float64 `toml:"hyphen"`
	EnDash    float64 `toml:"en-dash"`
	EmDash    float64 `toml:"em-dash"`
	Comma     float64 `toml:"comma"`
	FullStop  float64 `toml:"full-stop"`
	Colon     float64 `toml:"colon"`
	Semicolon float64 `toml:"semicolon"`
	// ClosingQuote is for ” ’ » › and the “ that closes a German or
	// Russian inner quotation („…“) at a line's end; OpeningQuote for
	// “ ‘ « „ ‹ at a line's start.
	ClosingQuote float64 `toml:"closing-quote"`
	OpeningQuote float64 `toml:"opening-quote"`
}

// Expansion is font expansion, as pdfTeX's microtype does it (Hermann
// Zapf's hz-program): the glyphs of a justified line may be drawn wider
// or narrower by a little, so that a loose line needs less space stretch
// and a tight one less shrink. Line breaking counts it as stretch and
// shrink of the words; one factor per line, a multiple of Step. Headings,
// table cells, ragged text and paragraphs' last lines are never expanded.
type Expansion struct {
	// Stretch and Shrink are the most the glyphs widen and narrow, as
	// fractions of their width (microtype's default: 0.02 each).
	Stretch float64 `toml:"stretch"`
	Shrink  float64 `toml:"shrink"`
	// Step is the quantum of expansion (0 turns expansion off).
	Step float64 `toml:"step"`
}

// Color is an RGB colour, written "#rrggbb".
type Color struct{ R, G, B uint8 }

// Colors are the house colours.
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
}

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

// builtIn is the built-in style, parsed once.
var builtIn = func() Style {
	data, err := embedded.ReadFile("styles/" + BuiltIn + ".toml")
	if err != nil {
		panic(err) // the embedded file is part of the binary
	}
	st, diags := parseOver(Style{}, "style/styles/house.toml", data)
	if diags.HasErrors() {
		panic(diags.Err()) // a test parses it: never reached in a release
	}
	return st
}()

// Default returns the built-in house style, every key set.
func Default() Style { return builtIn }

// pageSizes are the named paper sizes, in points.
var pageSizes = map[string][2]float64{
	"a4":     {595.28, 841.89},
	"letter": {612, 792},
	"a5":     {419.53, 595.28},
	"legal":  {612, 1008},
}

// Parse reads a house style file over the built-in style; file is the
// name shown in diagnostics. Unknown keys, wrong types and impossible
// values are errors with their positions.
func Parse(file string, data []byte) (Style, diag.List) {
	return parseOver(Default(), file, data)
}

// parseOver reads a house style file over st.
func parseOver(st Style, file string, data []byte) (Style, diag.List) {
	var diags diag.List
	// A house style has a few dozen keys, none deeper than two parts: the
	// limits keep a hostile one from exhausting the TOML decoder.
	if p, msg := tomlpos.Limits(data, 32, 32, 10000); msg != "" {
		diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
		return st, diags
	}
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
		if !(v >= lo && v <= hi) { // NaN too
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
	if st.Page.TextWidth() < 100 || st.Page.TextHeight() < 100 {
		diags.Errorf(file, 1, 1, "", "the margins leave a text area of %.0f × %.0f pt; at least 100 × 100 pt is needed", st.Page.TextWidth(), st.Page.TextHeight())
	}
	type ranged struct {
		path   string
		v      float64
		lo, hi float64
	}
	t, sp := st.Type, st.Spacing
	for _, r := range []ranged{
		{"type.body", t.Body, 4, 72}, {"type.title", t.Title, 4, 72}, {"type.heading", t.Heading, 4, 72}, {"type.subheading", t.Subheading, 4, 72},
		{"type.organization", t.Organization, 4, 72}, {"type.tagline", t.Tagline, 4, 72}, {"type.footer", t.Footer, 4, 72}, {"type.date", t.Date, 4, 72},
		{"type.participants", t.Participants, 4, 72}, {"type.doctype", t.DocType, 4, 72}, {"type.notice", t.Notice, 4, 72}, {"type.annex-item", t.AnnexItem, 4, 72},
		{"type.body-leading", t.BodyLeading, 1, 3}, {"type.title-leading", t.TitleLeading, 1, 3}, {"type.date-leading", t.DateLeading, 1, 3},
		{"type.participants-leading", t.ParticipantsLeading, 1, 3}, {"type.doctype-leading", t.DocTypeLeading, 1, 3}, {"type.heading-leading", t.HeadingLeading, 1, 3},
		{"type.subheading-leading", t.SubheadingLeading, 1, 3}, {"type.notice-leading", t.NoticeLeading, 1, 3}, {"type.annex-item-leading", t.AnnexItemLeading, 1, 3},
		{"spacing.paragraph", sp.Paragraph, 0, 144}, {"spacing.heading", sp.Heading, 0, 144}, {"spacing.heading-after", sp.HeadingAfter, 0, 144},
		{"spacing.subheading", sp.Subheading, 0, 144}, {"spacing.block", sp.Block, 0, 144}, {"spacing.date", sp.Date, 0, 144},
		{"spacing.participants", sp.Participants, 0, 144}, {"spacing.attendance", sp.Attendance, 0, 144}, {"spacing.doctype", sp.DocType, 0, 144}, {"spacing.title-rule", sp.TitleRule, 0, 144},
		{"spacing.notice", sp.Notice, 0, 144}, {"spacing.closing", sp.Closing, 0, 144}, {"spacing.annex-entry", sp.AnnexEntry, 0, 144},
		{"spacing.annex-item", sp.AnnexItem, 0, 144}, {"spacing.item-indent", sp.ItemIndent, 0, st.Page.TextWidth() / 2},
		{"spacing.draft-mark", sp.DraftMark, 0, st.Page.MarginLeft},
		{"header.top", st.Header.Top, 0, st.Page.Height / 3}, {"header.line-gap", st.Header.LineGap, 1, 3}, {"header.rule-gap", st.Header.RuleGap, 0, 144},
		{"header.rule-width", st.Header.RuleWidth, 0, 10}, {"header.logo-gap", st.Header.LogoGap, 0, 144}, {"header.footer-baseline", st.Header.FooterBaseline, 0, st.Page.Height / 3},
		{"notice.padding", st.Notice.Padding, 0, 72}, {"notice.bar-width", st.Notice.BarWidth, 0, 72},
		{"list.indent", st.List.Indent, 4, st.Page.TextWidth() / 6}, {"list.marker-gap", st.List.MarkerGap, 0, 36},
		{"list.space", st.List.Space, 0, 144}, {"list.item-space", st.List.ItemSpace, 0, 144},
		{"figure.width", st.Figure.Width, 0.1, 1}, {"figure.max-height", st.Figure.MaxHeight, 0.1, 0.9},
		{"figure.space", st.Figure.Space, 0, 144}, {"figure.caption-gap", st.Figure.CaptionGap, 0, 72},
		{"figure.caption", st.Figure.Caption, 4, 72}, {"figure.caption-leading", st.Figure.CaptionLeading, 1, 3},
		{"notes.size", st.Notes.Size, 4, 72}, {"notes.leading", st.Notes.Leading, 1, 3}, {"notes.indent", st.Notes.Indent, 0, 72},
		{"notes.marker-gap", st.Notes.MarkerGap, 0, 36}, {"notes.gap", st.Notes.Gap, 0, 72}, {"notes.space", st.Notes.Space, 0, 72},
		{"notes.rule-length", st.Notes.RuleLength, 0, 1}, {"notes.rule-width", st.Notes.RuleWidth, 0, 10},
		{"table.size", st.Table.Size, 4, 72}, {"table.leading", st.Table.Leading, 1, 3}, {"table.padding", st.Table.Padding, 0, 36},
		{"table.rule-width", st.Table.RuleWidth, 0, 10}, {"table.header-rule-width", st.Table.HeaderRuleWidth, 0, 10},
		{"table.space", st.Table.Space, 0, 144}, {"table.caption-gap", st.Table.CaptionGap, 0, 72},
		{"rules.title", st.Rules.Title, 0, 10}, {"rules.draft-mark", st.Rules.DraftMark, 0, 72},
		{"justification.space-stretch", st.Justify.Stretch, 0, 5}, {"justification.space-shrink", st.Justify.Shrink, 0, 0.9},
		{"justification.max-space", st.Justify.MaxSpace, 1, 10}, {"justification.tolerance", st.Justify.Tolerance, 1, 10000},
		{"protrusion.hyphen", st.Protrude.Hyphen, 0, 1}, {"protrusion.en-dash", st.Protrude.EnDash, 0, 1}, {"protrusion.em-dash", st.Protrude.EmDash, 0, 1},
		{"protrusion.comma", st.Protrude.Comma, 0, 1}, {"protrusion.full-stop", st.Protrude.FullStop, 0, 1}, {"protrusion.colon", st.Protrude.Colon, 0, 1},
		{"protrusion.semicolon", st.Protrude.Semicolon, 0, 1}, {"protrusion.closing-quote", st.Protrude.ClosingQuote, 0, 1},
		{"protrusion.opening-quote", st.Protrude.OpeningQuote, 0, 1},
		{"expansion.stretch", st.Expand.Stretch, 0, 0.1}, {"expansion.shrink", st.Expand.Shrink, 0, 0.1},
		{"expansion.step", st.Expand.Step, 0, 0.1},
	} {
		check(r.path, r.v, r.lo, r.hi)
	}
	if ep := st.Justify.EnglishPatterns; ep != "gb" && ep != "us" {
		p := pos("justification.english-patterns")
		diags.Errorf(file, p.Line, p.Col, "", "english-patterns = %q is not \"gb\" (British) or \"us\" (American)", ep)
	}
	for _, w := range st.Justify.HyphenationExceptions {
		if !hyphenatedWord(w) {
			p := pos("justification.hyphenation-exceptions")
			diags.Errorf(file, p.Line, p.Col, "", "hyphenation exception %q is not a word of letters with hyphens between them (\"re-in-te-gra-tion\")", w)
		}
	}
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

// hyphenatedWord reports whether w is letters with single hyphens
// between them, as a hyphenation exception is written.
func hyphenatedWord(w string) bool {
	if w == "" {
		return false
	}
	for _, part := range strings.Split(w, "-") {
		if part == "" {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}
