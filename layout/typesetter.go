package layout

import (
	"math"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/hyphen"
	"github.com/reportgen/reportgen/markup"
)

// Options are the settings of a Typesetter: plain values, taken from the
// house style by whoever composes the document.
type Options struct {
	// Page is the paper and the text area.
	Page Page
	// Justify tunes the breaking of justified paragraphs.
	Justify Justification
	// Lang is the language of the text, Source the language of text shown
	// untranslated (TextStyle.Draft): each decides hyphenation and ties.
	Lang, Source language.Tag
	// Names are words never hyphenated (speakers' names), as written.
	Names []string
	// LinkColor is the colour of the text of links to URLs.
	LinkColor display.Color
	// DraftMark is the bar drawn beside each line of draft text: Offset
	// points left of the line, Width wide.
	DraftMark DraftMark
	// Notes sets footnotes.
	Notes NoteStyle
	// Protrusion hangs punctuation into the margins of justified lines.
	Protrusion Protrusion
	// Kerning measures text with the fonts' pair kerning; the display
	// list says so (display.Document.Kerning), for it to be drawn so.
	Kerning bool
	// Trace records every typeset line for Typesetter.Lines.
	Trace bool
}

// NoteStyle sets footnotes: each at the foot of the page of the line
// that refers to it, under a short rule, its lines hanging after its mark.
type NoteStyle struct {
	Text TextStyle
	// Indent is where a note's lines hang; its mark ends MarkerGap before.
	Indent, MarkerGap float64
	// Gap is the space between the text and the notes, the rule in its
	// middle; Space is put between two notes.
	Gap, Space float64
	// RuleLength is the rule's length as a fraction of the text width.
	RuleLength, RuleWidth float64
	RuleColor             display.Color
}

// Page is the paper and its text area, in points.
type Page struct {
	Width, Height                                    float64
	MarginTop, MarginBottom, MarginLeft, MarginRight float64
}

// TextWidth is the width of the text area.
func (p Page) TextWidth() float64 { return p.Width - p.MarginLeft - p.MarginRight }

// Justification tunes line breaking of justified paragraphs.
type Justification struct {
	// Stretch and Shrink of a word space, as fractions of its natural
	// width.
	Stretch, Shrink float64
	// MaxSpace is the widest word space of a justified line, as a multiple
	// of the normal space; a line that would need more is set flush left.
	MaxSpace float64
	// Tolerance is the largest badness (100·r³) a line may have before
	// the emergency pass (TeX's \tolerance).
	Tolerance float64
	// Hyphenate turns hyphenation on; HyphenPenalty is the cost of a
	// break at a hyphenation point (TeX's \hyphenpenalty).
	Hyphenate     bool
	HyphenPenalty float64
	// MaxConsecutiveHyphens limits hyphenated lines in a row (0: no limit).
	MaxConsecutiveHyphens int
	// EnglishPatterns is "gb" to hyphenate English whose tag names no
	// region ("en") with the British patterns, anything else for the
	// American ones; en-GB and en-US choose for themselves.
	EnglishPatterns string
	// HyphenationExceptions are words spelt with hyphens at the only
	// points where they may break ("re-in-te-gra-tion"; a word without
	// hyphens never breaks), in any language, as TeX's \hyphenation:
	// they override the patterns.
	HyphenationExceptions []string
	// Expand widens or narrows the glyphs of justified lines (font
	// expansion); the zero value turns it off.
	Expand Expansion
}

// Expansion is font expansion, as pdfTeX's (Hermann Zapf's hz-program,
// microtype's expansion): the glyphs of a justified line may be drawn
// wider by up to Stretch or narrower by up to Shrink of their width, so
// that a loose line needs less space stretch and a tight one less shrink.
// Line breaking counts it: a line's stretch is its spaces' stretch plus
// Stretch × the width of its words (likewise shrink), and its adjustment
// ratio r is shared by both, the glyphs expanded by r × Stretch (r ×
// Shrink when r < 0), rounded to a multiple of Step, one factor per line;
// the spaces take the rest. Only lines of justified paragraphs are
// expanded, and not a paragraph's last line, nor one set flush left as
// too loose. Step 0 (or both limits 0) turns expansion off.
type Expansion struct {
	Stretch, Shrink, Step float64
}

// on reports whether expansion is on.
func (e Expansion) on() bool { return e.Step > 0 && (e.Stretch > 0 || e.Shrink > 0) }

// factor is the expansion of a line with adjustment ratio r: a multiple
// of Step within the limits.
func (e Expansion) factor(r float64) float64 {
	if !e.on() || r != r {
		return 0
	}
	x := r * e.Stretch
	if r < 0 {
		x = r * e.Shrink
	}
	// Whole steps, no more than the limits hold.
	n := math.Round(x / e.Step)
	n = min(max(n, -math.Floor(e.Shrink/e.Step+1e-9)), math.Floor(e.Stretch/e.Step+1e-9))
	if n == 0 {
		return 0 // not -0
	}
	return n * e.Step
}

// Protrusion says which characters hang into the margin at the ends of
// the lines of justified paragraphs, and by how much, as a fraction of
// each character's width (pdfTeX's \rpcode and \lpcode, in thousandths
// there): Right at a line's end (0.7 for a hyphen or a comma), Left at a
// line's start (0.5 for an opening quotation mark). Line breaking counts
// the hang, so a line holds that much more. A character never hangs
// further than the margin (and the paragraph's indent) on its side, the
// right end of a line that is not set to the full measure (a
// paragraph's last line, one too loose and set flush left) does not
// hang, and the first line of a paragraph with a Marker does not hang
// left (the marker sits there). Text that is not justified never hangs.
type Protrusion struct {
	Left, Right map[rune]float64
}

// DraftMark is the bar marking lines of untranslated text.
type DraftMark struct {
	Offset, Width float64
	Color         display.Color
}

// Paragraph is a paragraph to set: styled text and how it sits in the
// flow.
type Paragraph struct {
	Spans []markup.Span
	Style TextStyle
	// Indent and RightIndent narrow the measure from the left and right
	// edges of the text area.
	Indent, RightIndent float64
	// Marker, when not "", is drawn on the first line in the indent, its
	// right edge MarkerGap left of the text: the bullet or number of a
	// list item, whose lines then hang at Indent.
	Marker    string
	MarkerGap float64
	// SpaceBefore is put above the first line, unless it starts a page.
	SpaceBefore float64
	// Keep keeps every line with what follows (a heading). Without it,
	// only the first two and the last two lines are kept together (no
	// orphans, no widows).
	Keep bool
	// Role and Level make the paragraph's structure element.
	Role  display.Role
	Level int
	// Bookmark, when not "", is the paragraph's outline entry, at
	// BookmarkLevel (0 is the top).
	Bookmark      string
	BookmarkLevel int
	// Anchor, when not "", names a link destination at the first line.
	Anchor string
	// Lang is the language of the paragraph's text (BCP 47) when it is
	// not the document's (a title shown as written); draft text
	// (TextStyle.Draft) is in Options.Source without it. A span in
	// another language says so (markup.Span.Lang): its runs are
	// recorded in the page's Foreign.
	Lang string
}

// Box is an unbreakable unit of the flow: a line of a paragraph, or a
// group of items that must stay whole (Group). Its items are positioned
// relative to the box's top left corner at the text area's left edge.
type Box struct {
	Height float64
	// SpaceBefore is dropped when the box starts a page.
	SpaceBefore float64
	// KeepWithNext forbids a page break between this box and the next.
	KeepWithNext bool
	Items        display.Page
	// info describes a line of a paragraph, for Stats.
	info lineInfo
	// trace holds the lines of the box when tracing.
	trace []Line
	// notes are the footnotes the box refers to, each set whole: they go
	// at the foot of the box's page.
	notes []Box
	// header, when not nil, is drawn above the box when the box starts a
	// page: a table's header row over a row that continues the table.
	header *Box
}

// lineInfo describes one line of a paragraph.
type lineInfo struct {
	// para numbers the paragraphs from 1; 0 is not a paragraph line.
	para        int
	index, of   int  // the line's index in its paragraph and the paragraph's line count
	justified   bool // set by total-fit breaking (its last line included)
	spaceScale  float64
	expand      float64 // of the glyphs (see Expansion)
	spaces      int
	hyphen      bool
	overfull    bool
	loose       bool // too loose to justify: set flush left
	widthFilled float64
	// gaps are the word gaps of a justified line in em as Stats reports
	// them (see Stats.GapP95); nil for other lines.
	gaps []float64
}

// A Typesetter sets paragraphs into boxes and pages boxes into a display
// list. It knows text, not documents: what the paragraphs are, in which
// order and style, is decided by its caller.
type Typesetter struct {
	opt Options
	m   measurer
	// boxes is the flow, in order.
	boxes boxList
	// ascent and descent of the regular face, in em.
	ascent, descent float64
	// hy decides hyphenation; nil when the language has no patterns.
	// hySource does for draft text (the source language's).
	hy, hySource *hyphenation
	// ties and tiesSource tie words, in the text's language and in the
	// source language.
	ties, tiesSource *tieRules
	// quotes and quotesSource set straight quotes, in the text's language
	// and in the source language.
	quotes, quotesSource *quoteRules
	// paras counts paragraphs, to number them in lineInfo.
	paras int
	// gaps holds the lineInfo.gaps of every line, one after the other.
	gaps []float64
	// elems are the structure elements made so far.
	elems []display.Element
	// lang and sourceLang are Options.Lang and Options.Source as BCP 47
	// tags.
	lang, sourceLang string
	// hyphenated holds the Items.Hyphenated of every line box.
	hyphenated []int32
	// ranges are the boxes of each page, once paginated.
	ranges [][2]int
	// sc is working memory reused from paragraph to paragraph; noteSc
	// for the footnotes of a paragraph, set while its lines are in sc;
	// cellSc for the cells of a table row.
	sc, noteSc, cellSc *scratch
}

// New returns a Typesetter measuring with the font family fam. fam must
// cover every character it is given (check it first): a character without
// a glyph measures zero.
func New(fam *fonts.Family, opt Options) *Typesetter {
	reg := fam.Face(fonts.Regular)
	t := &Typesetter{
		opt:     opt,
		m:       measurer{fam: fam, kern: opt.Kerning},
		ascent:  float64(reg.Ascent) / 1000,
		descent: float64(reg.Descent) / 1000,
		elems:   []display.Element{{Role: display.Decoration}},
		sc:      new(scratch),
		noteSc:  new(scratch),
		cellSc:  new(scratch),
	}
	t.lang, t.sourceLang = opt.Lang.String(), opt.Source.String()
	t.ties, t.tiesSource = tieRulesFor(opt.Lang), tieRulesFor(opt.Source)
	t.quotes, t.quotesSource = quoteRulesFor(opt.Lang), quoteRulesFor(opt.Source)
	keep := nameWords(opt.Names)
	exceptions := hyphenationExceptions(opt.Justify.HyphenationExceptions)
	if h := hyphen.For(hyphenLang(opt.Lang, opt.Justify.EnglishPatterns)); h != nil {
		t.hy = &hyphenation{h: h, keep: keep, exceptions: exceptions}
	}
	t.hySource = t.hy
	if opt.Source != opt.Lang {
		t.hySource = nil
		if h := hyphen.For(hyphenLang(opt.Source, opt.Justify.EnglishPatterns)); h != nil {
			t.hySource = &hyphenation{h: h, keep: keep, exceptions: exceptions}
		}
	}
	return t
}

// hyphenLang is the language tag whose patterns hyphenate text in lang:
// "en-GB" for English without a region when english is "gb", lang itself
// otherwise.
func hyphenLang(lang language.Tag, english string) string {
	if base, _, region := lang.Raw(); english == "gb" && base.String() == "en" && region.String() == "ZZ" {
		return "en-GB"
	}
	return lang.String()
}

// TextWidth is the width of the text area.
func (t *Typesetter) TextWidth() float64 { return t.opt.Page.TextWidth() }

// Width measures text in a face at a size.
func (t *Typesetter) Width(face fonts.Face, text string, size float64) float64 {
	return t.m.width(face, text, size)
}

// Element adds a structure element and returns its index, for items a
// caller draws itself (a running header, a rule).
func (t *Typesetter) Element(role display.Role, level int) display.Elem {
	t.elems = append(t.elems, display.Element{Role: role, Level: level})
	return display.Elem(len(t.elems) - 1)
}

// SetAlt sets the text alternative of structure element e (a figure).
func (t *Typesetter) SetAlt(e display.Elem, alt string) { t.elems[e].Alt = alt }

// SetLang sets the language (BCP 47) of structure element e's text, or
// of its text alternative, when it is not the document's.
func (t *Typesetter) SetLang(e display.Elem, lang string) {
	if lang != t.lang {
		t.elems[e].Lang = lang
	}
}

// lineInfo measures a laid-out line.
func (t *Typesetter) lineInfo(ln line, width, size float64, i, n int) lineInfo {
	li := lineInfo{para: t.paras, index: i, of: n, justified: ln.justified, hyphen: ln.hyphen, spaceScale: 1}
	natural, spaces := 0.0, 0.0
	for k, w := range ln.words {
		natural += w.w
		if k < len(ln.words)-1 {
			spaces += w.space
			li.spaces++
		}
	}
	grow := 1.0
	if ln.justified {
		li.spaceScale, li.expand, li.loose = lineSetting(ln, width, t.opt.Justify)
		grow = 1 + li.expand
	}
	li.widthFilled = natural*grow + spaces*li.spaceScale
	hang := ln.left * grow
	if !li.loose {
		hang += ln.right * grow
	}
	li.overfull = li.widthFilled-hang > width+0.01
	if ln.justified && !li.loose && li.spaces > 0 {
		// The em of a word gap as poppler's word boxes give it: the
		// box height (ascent + descent) ÷ 1.2.
		em := size * (t.ascent - t.descent) / 1.2
		if !(em > 0) {
			em = size
		}
		start := len(t.gaps)
		for _, w := range ln.words[:len(ln.words)-1] {
			t.gaps = append(t.gaps, w.space*li.spaceScale/em)
		}
		li.gaps = t.gaps[start:len(t.gaps):len(t.gaps)]
	}
	return li
}

// baselineIn returns the baseline of text of the given size centred in a
// line box of height lh.
func (t *Typesetter) baselineIn(lh, size float64) float64 {
	return lh/2 + (t.ascent-t.descent)/2*size
}

// Set breaks a paragraph into line boxes, valid until the next call of
// Set (they are in the typesetter's working memory: add or copy them).
// The first box gets the paragraph's space before, bookmark and anchor.
//
// A span with a Note is a footnote reference: its Text is the mark drawn
// in the line, raised, and its Note is set as a footnote that goes to the
// foot of the page of that line.
func (t *Typesetter) Set(p Paragraph) []Box { return t.set(p, t.sc) }

// set is Set with working memory sc.
func (t *Typesetter) set(p Paragraph, sc *scratch) []Box {
	ts := p.Style
	width := t.opt.Page.TextWidth() - p.Indent - p.RightIndent
	sc.pieces, sc.shy = sc.pieces[:0], sc.shy[:0]
	if ts.Draft {
		p.Spans = t.quotesSource.apply(p.Spans)
	} else {
		p.Spans = t.quotes.apply(p.Spans)
	}
	ws := t.m.words(p.Spans, ts, sc)
	if ts.Draft {
		t.tiesSource.apply(ws)
	} else {
		t.ties.apply(ws)
	}
	var lines []line
	if ts.Align == Justify || ts.Ragged {
		hy := t.hy
		if ts.Draft {
			hy = t.hySource // the source language's text, its patterns
		}
		var hg hang
		if ts.Align == Justify {
			pg := t.opt.Page
			hg = hang{Protrusion: t.opt.Protrusion, maxLeft: pg.MarginLeft + p.Indent, maxRight: pg.MarginRight + p.RightIndent,
				notFirst: p.Marker != ""}
		}
		lines = t.m.justify(ws, width, ts, t.opt.Justify, hy, hg, sc)
		if ts.Align != Justify {
			for i := range lines {
				lines[i].justified = false // set with natural spaces
			}
		}
	} else {
		lines = t.m.breakLines(ws, width, ts.Size, 1)
	}
	elem := t.Element(p.Role, p.Level)
	if el := &t.elems[elem]; p.Lang != "" && p.Lang != t.lang {
		el.Lang = p.Lang
	} else if ts.Draft && t.opt.Source != t.opt.Lang {
		el.Lang = t.sourceLang
	}
	// The language of the element's text, and whether a span says its
	// own differs.
	elLang := t.elems[elem].Lang
	if elLang == "" {
		elLang = t.lang
	}
	foreign := slices.ContainsFunc(p.Spans, func(sp markup.Span) bool { return sp.Lang != "" && sp.Lang != elLang })
	if p.Marker != "" && len(lines) > 0 {
		t.elems[elem].Marker = true
	}
	hasNotes := slices.ContainsFunc(p.Spans, func(sp markup.Span) bool { return sp.Note != nil })
	lh := ts.Size * ts.Leading
	out := sc.boxes[:0] // valid until the next paragraph
	t.paras++
	for i, ln := range lines {
		b := Box{Height: lh}
		b.info = t.lineInfo(ln, width, ts.Size, i, len(lines))
		if i == 0 {
			b.SpaceBefore = p.SpaceBefore
		}
		texts, links := placeLine(ln, p.Indent, width, t.baselineIn(lh, ts.Size), ts.Size, 0, lh, ts, t.opt.Justify, t.opt.LinkColor, elem)
		b.Items.Texts, b.Items.Links = texts, links
		if foreign {
			b.Items.Foreign = foreignRuns(ln, elLang)
		}
		if ln.hyphen && len(texts) > 0 {
			// One index, in memory shared by the boxes (each its own
			// element of it, which appending never overwrites).
			t.hyphenated = append(t.hyphenated, int32(len(texts)-1))
			n := len(t.hyphenated)
			b.Items.Hyphenated = t.hyphenated[n-1 : n : n]
		}
		if i == 0 && p.Marker != "" {
			face := ts.Face
			x := p.Indent - p.MarkerGap - t.m.width(face, p.Marker, ts.Size)
			marker := display.Text{X: x, Y: t.baselineIn(lh, ts.Size), Face: face, Size: ts.Size, Color: ts.Color, Text: p.Marker, Elem: elem}
			// Read before the item's text: the line's items follow it.
			items := display.Page{Texts: []display.Text{marker}}
			items.Shift(&b.Items, 0, 0)
			b.Items = items
		}
		if ts.Draft {
			dm := t.opt.DraftMark
			b.Items.Rects = append(b.Items.Rects, display.Rect{X: -dm.Offset, Y: 0, W: dm.Width, H: lh, Color: dm.Color})
		}
		if t.opt.Trace {
			tl := traceLine(ln, b.info, p.Role, ts.Draft)
			if i == 0 && p.Marker != "" {
				tl.Text = p.Marker + " " + tl.Text
			}
			b.trace = []Line{tl}
		}
		n := len(lines)
		// No orphan (i == 0), no widow (i == n-2), and no word hyphenated
		// across a page break (TeX's \brokenpenalty, infinite here).
		b.KeepWithNext = p.Keep || (i == 0 && n >= 2) || i == n-2 || ln.hyphen
		if hasNotes {
			b.notes = t.lineNotes(ln, p.Spans)
		}
		out = append(out, b)
	}
	if len(out) > 0 {
		if p.Bookmark != "" {
			out[0].Items.Bookmarks = append(out[0].Items.Bookmarks, display.Bookmark{Title: outlineTitle(p.Bookmark), Level: p.BookmarkLevel})
		}
		if p.Anchor != "" {
			out[0].Items.Anchors = append(out[0].Items.Anchors, display.Anchor{Name: p.Anchor})
		}
	}
	sc.boxes = out
	return out
}

// lineNotes sets the footnotes whose marks are in line ln of a paragraph
// of spans, each as one box.
func (t *Typesetter) lineNotes(ln line, spans []markup.Span) []Box {
	var notes []Box
	for _, w := range ln.words {
		for _, pc := range w.pieces {
			if pc.note == 0 {
				continue
			}
			k := 0
			for _, sp := range spans {
				if sp.Note == nil {
					continue
				}
				if k++; k == pc.note {
					ns := t.opt.Notes
					ls := t.set(Paragraph{Spans: sp.Note, Style: ns.Text, Indent: ns.Indent, Marker: sp.Text, MarkerGap: ns.MarkerGap, Keep: true, Role: display.Note}, t.noteSc)
					notes = append(notes, Group(ls))
				}
			}
		}
	}
	return notes
}

// Add appends boxes to the flow.
func (t *Typesetter) Add(bs ...Box) { t.boxes.add(bs...) }

// Group merges boxes into one unbreakable box, each placed below the one
// before it with its space before. The group keeps with what follows when
// its last box does.
func Group(bs []Box) Box {
	var g Box
	if len(bs) == 0 {
		return g
	}
	g.SpaceBefore = bs[0].SpaceBefore
	y := 0.0
	for i, b := range bs {
		if i > 0 {
			y += b.SpaceBefore
		}
		g.Items.Shift(&b.Items, 0, y)
		g.trace = append(g.trace, b.trace...)
		g.notes = append(g.notes, b.notes...)
		y += b.Height
	}
	g.Height = y
	g.KeepWithNext = bs[len(bs)-1].KeepWithNext
	return g
}

// boxList is a list of boxes kept in chunks, so that adding one never
// moves those before it: a long report has tens of thousands.
type boxList struct {
	chunks [][]Box
	n      int
}

// boxChunk is the number of boxes in a chunk.
const boxChunk = 256

// listOf returns a list of the boxes bs.
func listOf(bs []Box) *boxList {
	l := new(boxList)
	l.add(bs...)
	return l
}

func (l *boxList) add(bs ...Box) {
	for _, b := range bs {
		if l.n%boxChunk == 0 {
			l.chunks = append(l.chunks, make([]Box, 0, boxChunk))
		}
		c := &l.chunks[len(l.chunks)-1]
		*c = append(*c, b)
		l.n++
	}
}

// at returns box i.
func (l *boxList) at(i int) *Box { return &l.chunks[i/boxChunk][i%boxChunk] }

// len returns the number of boxes.
func (l *boxList) len() int { return l.n }

// outlineTitle is text as an outline entry shows it: without soft
// hyphens, which mark hyphenation points on the page only.
func outlineTitle(text string) string {
	return strings.ReplaceAll(text, softHyphen, "")
}
