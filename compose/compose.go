// Package compose sets a report edition in a house style: it decides
// which blocks a report is made of, in which order, with which type,
// spacing and structural role, and hands them to the layout engine as
// paragraphs and boxes; it draws the running header and footer of every
// page.
//
//	document.Document ─┐
//	                   ├─ Layout ─▶ layout.Typesetter ─▶ display.Document
//	style.House ───────┘
//
// The engine (package layout) knows text, not reports: a new kind of
// block is an addition here, plus at most one new engine primitive.
package compose

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/cases"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/style"
)

// LogoName is the name of the logo image in the display list.
const LogoName = "logo"

// Options direct a layout.
type Options struct {
	// Trace records every typeset line in Result.Lines, for golden files
	// and debugging.
	Trace bool
}

// Result is a laid-out edition.
type Result struct {
	// Pages is the display list.
	Pages *display.Document
	// Stats measures its typography.
	Stats layout.Stats
	// Lines are the typeset lines when Options.Trace is set.
	Lines []layout.Line
}

// Layout sets doc in the house style h. h's fonts must cover every
// character of doc (check it first): a character without a glyph
// measures zero.
func Layout(doc *document.Document, h *style.House, opt Options) *Result {
	st := h.Style
	t := layout.New(h.Family, layout.Options{
		Page: layout.Page{Width: st.Page.Width, Height: st.Page.Height,
			MarginTop: st.Page.MarginTop, MarginBottom: st.Page.MarginBottom, MarginLeft: st.Page.MarginLeft, MarginRight: st.Page.MarginRight},
		Justify: layout.Justification{Stretch: st.Justify.Stretch, Shrink: st.Justify.Shrink, MaxSpace: st.Justify.MaxSpace,
			Tolerance: st.Justify.Tolerance, Hyphenate: st.Justify.Hyphenate, HyphenPenalty: st.Justify.HyphenPenalty,
			MaxConsecutiveHyphens: st.Justify.MaxConsecutiveHyphens, EnglishPatterns: st.Justify.EnglishPatterns,
			HyphenationExceptions: st.Justify.HyphenationExceptions,
			Expand:                layout.Expansion{Stretch: st.Expand.Stretch, Shrink: st.Expand.Shrink, Step: st.Expand.Step}},
		Lang: doc.Lang, Source: doc.Source,
		Names:     doc.Names,
		LinkColor: color(st.Colors.Link),
		DraftMark: layout.DraftMark{Offset: st.Spacing.DraftMark, Width: st.Rules.DraftMark, Color: color(st.Colors.Draft)},
		Notes: layout.NoteStyle{
			Text:   layout.TextStyle{Size: st.Notes.Size, Leading: st.Notes.Leading, Color: color(st.Colors.Text), Align: layout.Justify},
			Indent: st.Notes.Indent, MarkerGap: st.Notes.MarkerGap, Gap: st.Notes.Gap, Space: st.Notes.Space,
			RuleLength: st.Notes.RuleLength, RuleWidth: st.Notes.RuleWidth, RuleColor: color(st.Colors.Muted),
		},
		Protrusion: protrusion(st.Protrude),
		Kerning:    st.Type.Kerning,
		Trace:      opt.Trace,
	})
	c := &composer{st: &st, t: t, upper: cases.Upper(doc.Lang), source: doc.Source.String()}
	c.report(doc)
	pages := t.Paginate(c.pageFurniture(doc, h.Logo))
	pages.Meta = display.Meta{Title: doc.Meta.Title, Author: doc.Meta.Author, Subject: doc.Meta.Subject,
		Creator: doc.Meta.Creator, Keywords: doc.Meta.Keywords, Lang: doc.Lang.String()}
	if h.Logo != nil || len(doc.Images) > 0 {
		pages.Images = map[string]display.ImageFile{}
	}
	if h.Logo != nil {
		pages.Images[LogoName] = display.ImageFile{Format: "png", Data: h.Logo.Data}
	}
	for name, im := range doc.Images {
		pages.Images[name] = display.ImageFile{Format: im.Format, Data: im.Data}
	}
	return &Result{Pages: pages, Stats: t.Stats(), Lines: t.Lines()}
}

// composer holds what composing one edition needs.
type composer struct {
	st    *style.Style
	t     *layout.Typesetter
	upper cases.Caser
	// notes counts the footnotes set so far: they are numbered through
	// the document.
	notes int
	// source is the report's source language (BCP 47).
	source string
}

// langOf is the language of a text that falls back to the source
// language, for layout.Paragraph.Lang; "" for one that does not.
func (c *composer) langOf(fallback bool) string {
	if fallback {
		return c.source
	}
	return ""
}

func color(c style.Color) display.Color { return display.Color(c) }

// protrusion gives the characters of each kind in the house style's
// [protrusion] the kind's value: those that hang at a line's end and at
// its start. “ closes a Russian or German inner quotation („…“) and
// opens an English one, so it hangs at either end.
func protrusion(p style.Protrusion) layout.Protrusion {
	right := map[rune]float64{}
	for _, k := range []struct {
		chars string
		v     float64
	}{
		{"-\u2010\u2011", p.Hyphen}, {"–", p.EnDash}, {"—", p.EmDash}, {",", p.Comma}, {".", p.FullStop},
		{":", p.Colon}, {";", p.Semicolon}, {"”’»“›", p.ClosingQuote},
	} {
		for _, r := range k.chars {
			if k.v > 0 {
				right[r] = k.v
			}
		}
	}
	left := map[rune]float64{}
	for _, r := range "“‘«„‹" {
		if p.OpeningQuote > 0 {
			left[r] = p.OpeningQuote
		}
	}
	return layout.Protrusion{Left: left, Right: right}
}

func plainSpans(s string) []markup.Span { return []markup.Span{{Text: s}} }

// withFace returns a copy of spans with style st added to each.
func withFace(spans []markup.Span, st markup.Style) []markup.Span {
	out := slices.Clone(spans)
	for i := range out {
		out[i].Style |= st
	}
	return out
}

// set sets a paragraph, numbering its footnotes; its boxes are valid
// until the next call.
func (c *composer) set(p layout.Paragraph) []layout.Box {
	p.Spans = c.numberNotes(p.Spans)
	return c.t.Set(p)
}

// numberNotes returns spans with their footnotes' marks numbered on from
// the last; the document's spans stay as they are.
func (c *composer) numberNotes(spans []markup.Span) []markup.Span {
	if !slices.ContainsFunc(spans, func(sp markup.Span) bool { return sp.Note != nil }) {
		return spans
	}
	spans = slices.Clone(spans)
	for i := range spans {
		if spans[i].Note != nil {
			c.notes++
			spans[i].Text = strconv.Itoa(c.notes)
		}
	}
	return spans
}

// report adds the blocks of a report, in reading order.
func (c *composer) report(doc *document.Document) {
	st := c.st
	c.titleBlock(doc)
	if doc.Notice != "" {
		c.t.Add(c.notice(doc.Notice))
	}
	body := layout.TextStyle{Size: st.Type.Body, Leading: st.Type.BodyLeading, Color: color(st.Colors.Text), Align: layout.Justify}
	lead := layout.TextStyle{Size: st.Type.Body, Leading: st.Type.BodyLeading, Color: color(st.Colors.Text), Align: layout.Left}
	for _, sec := range doc.Sections {
		c.heading(sec.Heading.Text, sec.Heading.Fallback)
		for bi, blk := range sec.Blocks {
			gap := st.Spacing.Block
			switch {
			case bi == 0:
				gap = 0
			case leadOnly(sec.Blocks[bi-1]) && !isLead(blk):
				// A lead line whose text is the next block (a moderator
				// line before the moderator's words) is followed by the
				// space that follows a speaker line: its text's.
				gap = st.Spacing.Paragraph
			}
			switch blk.Kind {
			case document.Speaker, document.Moderator:
				lt := lead
				lt.Draft = blk.Lead.Fallback
				c.t.Add(c.set(layout.Paragraph{Spans: blk.Lead.Spans, Style: lt, SpaceBefore: gap, Keep: true, Role: display.Paragraph})...)
			case document.SpeakerHeading, document.Subheading:
				ts := layout.TextStyle{Size: st.Type.Subheading, Leading: st.Type.SubheadingLeading, Face: fonts.Bold,
					Color: color(st.Colors.Brand), Align: layout.Left, Draft: blk.Lead.Fallback}
				c.t.Add(c.set(layout.Paragraph{Spans: blk.Lead.Spans, Style: ts, SpaceBefore: max(gap, st.Spacing.Subheading), Keep: true,
					Role: display.Heading, Level: 2, Bookmark: blk.Outline, BookmarkLevel: 1})...)
			}
			for pi, p := range blk.Paragraphs {
				g := st.Spacing.Paragraph
				if pi == 0 && (blk.Kind == document.Plain || blk.Kind == document.List) {
					g = gap
				}
				bt := body
				bt.Draft = p.Fallback
				ls := c.set(layout.Paragraph{Spans: p.Spans, Style: bt, SpaceBefore: g, Role: display.Paragraph})
				// A list's lead-in, or a paragraph ending in ":" before a
				// list, is never left alone at the bottom of a page.
				last := pi == len(blk.Paragraphs)-1
				if last && len(blk.Items) > 0 || last && leadsIn(p) && bi+1 < len(sec.Blocks) && sec.Blocks[bi+1].Kind == document.List {
					ls[len(ls)-1].KeepWithNext = true
				}
				c.t.Add(ls...)
			}
			if blk.Figure != nil {
				c.figure(blk.Figure, max(gap, st.Figure.Space))
			}
			if blk.Table != nil {
				c.table(blk.Table, max(gap, st.Table.Space))
			}
			if len(blk.Items) > 0 {
				space := st.List.Space
				if len(blk.Paragraphs) == 0 {
					space = max(gap, space)
				}
				c.list(blk.Items, 1, space, body)
			}
		}
	}
	if doc.ClosingMarker.Text != "" {
		ts := layout.TextStyle{Size: st.Type.Body, Leading: st.Type.BodyLeading, Face: fonts.Bold, Color: color(st.Colors.Text), Align: layout.Center}
		c.t.Add(c.set(layout.Paragraph{Spans: plainSpans("— " + doc.ClosingMarker.Text + " —"), Style: ts, SpaceBefore: st.Spacing.Closing, Role: display.Paragraph})...)
	}
	c.annexes(doc)
}

// leadOnly reports whether a block is a lead line (speaker, moderator,
// sub-heading) without text of its own.
func leadOnly(b document.Block) bool {
	return isLead(b) && len(b.Paragraphs) == 0 && b.Figure == nil && b.Table == nil && len(b.Items) == 0
}

func isLead(b document.Block) bool {
	switch b.Kind {
	case document.Speaker, document.Moderator, document.SpeakerHeading, document.Subheading:
		return true
	}
	return false
}

// list adds the items of a list at depth (from 1), their lines hanging
// at the depth's indent, each with its marker; space is put before the
// first item.
func (c *composer) list(items []document.ListItem, depth int, space float64, ts layout.TextStyle) {
	st := c.st
	for i, it := range items {
		g := st.List.ItemSpace
		if i == 0 {
			g = space
		}
		its := ts
		its.Draft = it.Text.Fallback
		ls := c.set(layout.Paragraph{Spans: it.Text.Spans, Style: its, SpaceBefore: g, Role: display.ListItem, Level: depth,
			Indent: float64(depth) * st.List.Indent, Marker: it.Marker, MarkerGap: st.List.MarkerGap})
		if len(it.Items) > 0 {
			ls[len(ls)-1].KeepWithNext = true // an item stays with its own items
		}
		c.t.Add(ls...)
		if len(it.Items) > 0 {
			c.list(it.Items, depth+1, st.List.ItemSpace, ts)
		}
	}
}

// figure adds a picture, centred and as wide as the house style allows
// within its height limit, kept with its caption below.
func (c *composer) figure(f *document.Figure, space float64) {
	st := c.st
	w := st.Figure.Width * c.t.TextWidth()
	var h float64
	if f.Width > 0 && f.Height > 0 {
		h = w * float64(f.Height) / float64(f.Width)
		if maxH := st.Figure.MaxHeight * st.Page.TextHeight(); h > maxH {
			w, h = w*maxH/h, maxH
		}
	}
	elem := c.t.Element(display.Figure, 0)
	c.t.SetAlt(elem, f.Alt.Text)
	if f.Alt.Lang != "" {
		c.t.SetLang(elem, f.Alt.Lang) // an alternative shown in the source language
	}
	pic := layout.Box{Height: h, SpaceBefore: space, KeepWithNext: true}
	if h > 0 {
		pic.Items.Images = []display.Image{{X: (c.t.TextWidth() - w) / 2, Y: 0, W: w, H: h, Name: f.Image, Elem: elem}}
	}
	c.t.Add(pic)
	ts := layout.TextStyle{Size: st.Figure.Caption, Leading: st.Figure.CaptionLeading, Color: color(st.Colors.Text), Align: layout.Left, Draft: f.Caption.Fallback}
	c.t.Add(c.set(layout.Paragraph{Spans: f.Caption.Spans, Style: ts, SpaceBefore: st.Figure.CaptionGap, Keep: false, Role: display.Caption})...)
}

// table adds a table under its caption, which keeps with it; the header
// row is repeated on every page the table continues on.
func (c *composer) table(tb *document.Table, space float64) {
	st := c.st
	ts := layout.TextStyle{Size: st.Table.Size, Leading: st.Table.Leading, Color: color(st.Colors.Text), Align: layout.Left}
	caption := ts
	caption.Size, caption.Leading, caption.Draft = st.Figure.Caption, st.Figure.CaptionLeading, tb.Caption.Fallback
	ls := c.set(layout.Paragraph{Spans: tb.Caption.Spans, Style: caption, SpaceBefore: space, Keep: true, Role: display.Caption})
	c.t.Add(ls...)
	lt := layout.Table{Style: ts, HeaderStyle: ts, Padding: st.Table.Padding, RuleWidth: st.Table.RuleWidth,
		HeaderRuleWidth: st.Table.HeaderRuleWidth, RuleColor: color(st.Colors.Muted), SpaceBefore: st.Table.CaptionGap}
	lt.HeaderStyle.Face = fonts.Bold
	for _, col := range tb.Columns {
		align := layout.Left
		switch col.Align {
		case "right":
			align = layout.Right
		case "center":
			align = layout.Center
		}
		lt.Columns = append(lt.Columns, layout.Column{Points: col.Points, Fraction: col.Fraction, Align: align})
		lt.Header = append(lt.Header, layout.Cell{Spans: c.numberNotes(col.Header.Spans), Draft: col.Header.Fallback})
	}
	for _, row := range tb.Rows {
		cells := make([]layout.Cell, len(row))
		for i, p := range row {
			cells[i] = layout.Cell{Spans: c.numberNotes(p.Spans), Draft: p.Fallback}
		}
		lt.Rows = append(lt.Rows, cells)
	}
	c.t.Add(c.t.SetTable(lt)...)
}

// leadsIn reports whether a paragraph ends with a colon: it introduces
// what follows.
func leadsIn(p document.Paragraph) bool {
	text := strings.TrimRight(markup.Plain(p.Spans), " \u00a0")
	return strings.HasSuffix(text, ":")
}

// titleBlock adds the title, date line, participants line and document
// type as one unbreakable group, with a rule under it.
func (c *composer) titleBlock(doc *document.Document) {
	st := c.st
	brand := color(st.Colors.Brand)
	var title []layout.Box
	title = append(title, c.set(layout.Paragraph{Spans: plainSpans(doc.Title.Text), Keep: true, Role: display.Title, Lang: c.langOf(doc.Title.Fallback),
		Style:    layout.TextStyle{Size: st.Type.Title, Leading: st.Type.TitleLeading, Face: fonts.Bold, Color: brand, Align: layout.Left},
		Bookmark: doc.Title.Text})...)
	title = append(title, c.set(layout.Paragraph{Spans: plainSpans(doc.DateLine), SpaceBefore: st.Spacing.Date, Keep: true, Role: display.Paragraph,
		Style: layout.TextStyle{Size: st.Type.Date, Leading: st.Type.DateLeading, Color: color(st.Colors.Text), Align: layout.Left}})...)
	if len(doc.Participants.Spans) > 0 {
		title = append(title, c.set(layout.Paragraph{Spans: doc.Participants.Spans, SpaceBefore: st.Spacing.Participants, Keep: true, Role: display.Paragraph,
			Style: layout.TextStyle{Size: st.Type.Participants, Leading: st.Type.ParticipantsLeading, Face: fonts.Italic, Color: color(st.Colors.Muted), Align: layout.Left}})...)
	}
	if doc.Attendance != "" {
		title = append(title, c.set(layout.Paragraph{Spans: plainSpans(doc.Attendance), SpaceBefore: st.Spacing.Attendance, Keep: true, Role: display.Paragraph,
			Style: layout.TextStyle{Size: st.Type.Participants, Leading: st.Type.ParticipantsLeading, Color: color(st.Colors.Muted), Align: layout.Left}})...)
	}
	docType := doc.DocType
	if st.Type.UppercaseHeadings {
		docType = c.upper.String(docType)
	}
	title = append(title, c.set(layout.Paragraph{Spans: plainSpans(docType), SpaceBefore: st.Spacing.DocType, Keep: true, Role: display.Paragraph,
		Style: layout.TextStyle{Size: st.Type.DocType, Leading: st.Type.DocTypeLeading, Face: fonts.Bold, Color: brand, Align: layout.Left}})...)
	tb := layout.Group(title)
	y := tb.Height + st.Spacing.TitleRule
	tb.Items.Rules = append(tb.Items.Rules, display.Rule{X1: 0, Y1: y, X2: c.t.TextWidth(), Y2: y, Width: st.Rules.Title, Color: brand})
	tb.Height += st.Spacing.TitleRule
	tb.KeepWithNext = false
	c.t.Add(tb)
}

// heading adds a section heading that keeps with what follows.
func (c *composer) heading(text string, draft bool) {
	st := c.st
	if st.Type.UppercaseHeadings {
		text = c.upper.String(text)
	}
	ls := c.set(layout.Paragraph{Spans: plainSpans(text), SpaceBefore: st.Spacing.Heading, Keep: true, Role: display.Heading, Level: 1,
		Style:    layout.TextStyle{Size: st.Type.Heading, Leading: st.Type.HeadingLeading, Face: fonts.Bold, Color: color(st.Colors.Brand), Align: layout.Left, Draft: draft},
		Bookmark: text})
	ls[len(ls)-1].Height += st.Spacing.HeadingAfter
	c.t.Add(ls...)
}

// notice is the courtesy-translation notice: text in a tinted box with a
// bar at its left.
func (c *composer) notice(text string) layout.Box {
	st := c.st
	pad := st.Notice.Padding
	ts := layout.TextStyle{Size: st.Type.Notice, Leading: st.Type.NoticeLeading, Face: fonts.Italic, Color: color(st.Colors.Text), Align: layout.Left}
	g := layout.Group(c.set(layout.Paragraph{Spans: plainSpans(text), Style: ts, Indent: pad, RightIndent: pad, Keep: true, Role: display.Paragraph}))
	var b layout.Box
	h := g.Height + 2*pad
	b.Items.Rects = append(b.Items.Rects, display.Rect{X: 0, Y: 0, W: c.t.TextWidth(), H: h, Color: color(st.Colors.Notice)})
	b.Items.Rules = append(b.Items.Rules, display.Rule{X1: 0, Y1: 0, X2: 0, Y2: h, Width: st.Notice.BarWidth, Color: color(st.Colors.Brand)})
	b.Items.Shift(&g.Items, 0, pad)
	b.Height = h
	b.SpaceBefore = st.Spacing.Notice
	return b
}

// annexes adds the list of annexes.
func (c *composer) annexes(doc *document.Document) {
	if len(doc.Annexes) == 0 {
		return
	}
	st := c.st
	c.heading(doc.AnnexesHeading, false)
	c.t.Add(c.set(layout.Paragraph{Spans: plainSpans(doc.AnnexesIntro), Keep: true, Role: display.Paragraph,
		Style: layout.TextStyle{Size: st.Type.Body, Leading: st.Type.BodyLeading, Face: fonts.Italic, Color: color(st.Colors.Muted), Align: layout.Left}})...)
	entry := layout.TextStyle{Size: st.Type.Body, Leading: st.Type.BodyLeading, Color: color(st.Colors.Text), Align: layout.Left}
	item := layout.TextStyle{Size: st.Type.AnnexItem, Leading: st.Type.AnnexItemLeading, Color: color(st.Colors.Text), Align: layout.Left}
	for _, a := range doc.Annexes {
		spans := []markup.Span{{Text: a.Label + ". ", Style: markup.Bold}}
		if a.LabelSpans != nil {
			// Part of the label in the source language.
			spans = withFace(a.LabelSpans, markup.Bold)
			spans[len(spans)-1].Text += ". "
		}
		spans = append(spans, markup.Span{Text: a.Title.Text, Style: markup.Bold, Lang: a.Title.Lang})
		c.t.Add(c.set(layout.Paragraph{Spans: spans, Style: entry, SpaceBefore: st.Spacing.AnnexEntry, Keep: true, Role: display.Heading, Level: 2,
			Anchor: a.Anchor, Bookmark: a.Label + ". " + a.Title.Text, BookmarkLevel: 1})...)
		for i, it := range a.Items {
			sp := []markup.Span{{Text: it.Line}}
			if it.LineSpans != nil {
				sp = slices.Clone(it.LineSpans) // part in the source language
			}
			switch {
			case it.Title.Text != "" && it.Title.Lang != "":
				// The same words as one span: the title is a word of
				// its own.
				sp = append(sp, markup.Span{Text: ": "}, markup.Span{Text: it.Title.Text, Lang: it.Title.Lang})
			case it.Title.Text != "":
				sp = append(sp, markup.Span{Text: ": " + it.Title.Text})
			}
			if it.URL != "" {
				sp = append(sp, markup.Span{Text: " "}, markup.Span{Text: it.URL, URL: it.URL})
			}
			if it.Note.Text != "" {
				sp = append(sp, markup.Span{Text: " — "}, markup.Span{Text: it.Note.Text, Style: markup.Italic, Lang: it.Note.Lang})
			}
			ib := c.set(layout.Paragraph{Spans: sp, Style: item, Indent: st.Spacing.ItemIndent, SpaceBefore: st.Spacing.AnnexItem, Role: display.ListItem})
			if i < len(a.Items)-1 {
				ib[len(ib)-1].KeepWithNext = true
			}
			c.t.Add(ib...)
		}
	}
}
