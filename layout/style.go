package layout

// Style is the house style: page geometry, type sizes, spacing and
// colours. All lengths are in points.
type Style struct {
	// Page size and margins of the text area.
	PageWidth, PageHeight                              float64
	MarginTop, MarginBottom, MarginLeft, MarginRight   float64
	HeaderTop, HeaderRuleGap, FooterBaselineFromBottom float64

	// Type: sizes in points, leading as a multiple of the size.
	BodySize, BodyLeading    float64
	HeaderSize, TaglineSize  float64
	FooterSize               float64
	TitleSize, TitleLeading  float64
	DateSize                 float64
	ParticipantsSize         float64
	DocTypeSize              float64
	HeadingSize              float64
	SubheadingSize           float64
	NoticeSize               float64
	AnnexItemSize            float64
	ParagraphGap, HeadingGap float64 // space before a paragraph, a heading
	HeadingAfter, BlockGap   float64 // space after a heading, before a block
	ItemIndent               float64 // indent of annex items
	MaxSpaceStretch          float64 // justified word space, in normal spaces
	MinSpaceShrink           float64
	UppercaseHeadings        bool

	// Colours.
	Brand, Text, Muted, Link, NoticeFill Color
}

// DefaultStyle is the house style of the reference report: A4, Noto Sans,
// IOM blue.
func DefaultStyle() Style {
	return Style{
		PageWidth: 595.28, PageHeight: 841.89,
		MarginTop: 92, MarginBottom: 72, MarginLeft: 68, MarginRight: 68,
		HeaderTop: 36, HeaderRuleGap: 8, FooterBaselineFromBottom: 36,

		BodySize: 10, BodyLeading: 1.4,
		HeaderSize: 9, TaglineSize: 8,
		FooterSize: 8,
		TitleSize:  20, TitleLeading: 1.2,
		DateSize:         11,
		ParticipantsSize: 10,
		DocTypeSize:      13,
		HeadingSize:      11.5,
		SubheadingSize:   10.5,
		NoticeSize:       9,
		AnnexItemSize:    9.5,
		ParagraphGap:     6, HeadingGap: 20,
		HeadingAfter: 8, BlockGap: 12,
		ItemIndent:        18,
		MaxSpaceStretch:   2.5,
		MinSpaceShrink:    0.8,
		UppercaseHeadings: true,

		Brand:      Color{0x00, 0x33, 0xa0},
		Text:       Color{0x1a, 0x1a, 0x1a},
		Muted:      Color{0x59, 0x59, 0x59},
		Link:       Color{0x00, 0x4f, 0xb3},
		NoticeFill: Color{0xe8, 0xee, 0xf8},
	}
}

// textWidth is the width of the text area.
func (s *Style) textWidth() float64 { return s.PageWidth - s.MarginLeft - s.MarginRight }
