// Package document is the resolved form of one edition of a report: every
// string localized into the edition's language and parsed into styled
// spans, annexes numbered, annex labels composed, dates formatted.
//
// It is the hand-over point of the pipeline:
//
//	sources (report TOML) ─┐
//	                       ├─ Resolve ─▶ Document ─▶ compose ─▶ layout ─▶ render ─▶ PDF
//	locales (catalogs) ────┘
//
// A Document carries its text already localized, and the one piece that
// depends on the page count (Footer) as a function, so composition reads
// this package alone, never a catalog or a report file.
package document

import (
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/markup"
)

// Document is one language edition of a report.
type Document struct {
	// ReportID is the report's ID.
	ReportID string
	// Lang is the edition's language; Source the report's source language.
	Lang, Source language.Tag
	// Meta is the PDF's document information.
	Meta Meta
	// Brand is the running header.
	Brand Brand
	// Title block.
	Title Text
	// DateLine is the place, date or dates and time of the event.
	DateLine string
	// Attendance counts the participants, or is "".
	Attendance   string
	Participants Paragraph
	DocType      string
	// Notice, when not empty, is the courtesy-translation notice shown on
	// the first page.
	Notice string
	// Sections in reading order.
	Sections []Section
	// ClosingMarker is the text of the closing marker, or "".
	ClosingMarker Text
	// Annexes is the list of annexes in number order, with its heading
	// and introduction.
	Annexes        []Annex
	AnnexesHeading string
	AnnexesIntro   string
	// Messages counts the messages the edition uses, Translated those
	// found in its language (all of them in the source language).
	Messages, Translated int
	// Images are the files of the figures' pictures, by Figure.Image.
	Images map[string]ImageFile
	// Names are the speakers' names as shown; layout does not hyphenate
	// their words.
	Names []string
	// Footer returns the footer of page n of total ("Page 3 of 12").
	Footer func(n, total int) string
}

// Meta is the document information written into the PDF.
type Meta struct {
	Title, Author, Subject, Creator, Keywords string
}

// Brand is the organisation shown in the running header of every page.
type Brand struct {
	Organization, Tagline string
}

// Text is a plain string with the message ID it comes from.
type Text struct {
	ID   string
	Text string
	// Fallback says the text is the source language's: the message is not
	// translated (or its translation is stale). Draft PDFs mark it.
	Fallback bool
	// Lang is the text's language (BCP 47) when it is not the edition's,
	// "" otherwise: the source language's for a fallback, an annex
	// item's own for its title shown as written.
	Lang string
}

// Paragraph is text with inline styles and links, and the message ID it
// comes from ("" for generated text).
type Paragraph struct {
	ID    string
	Spans []markup.Span
	// Fallback says some of the text is the source language's.
	Fallback bool
}

// Section is a headed part of the report.
type Section struct {
	ID      string
	Heading Text
	Blocks  []Block
}

// BlockKind says how a block is set.
type BlockKind uint8

// The kinds of block.
const (
	// Speaker: a bold speaker line (name, role) followed by an italic annex
	// label, then paragraphs.
	Speaker BlockKind = iota
	// SpeakerHeading: a speaker line set as a sub-heading.
	SpeakerHeading
	// Moderator: a bold line introducing a discussion.
	Moderator
	// Plain: paragraphs only.
	Plain
	// Subheading: a sub-heading inside a section.
	Subheading
	// List: lead-in paragraphs, then list items.
	List
	// FigureBlock: a picture with its numbered caption.
	FigureBlock
	// TableBlock: a table with its numbered caption.
	TableBlock
)

// Block is one unit of a section.
type Block struct {
	Kind BlockKind
	// Lead is the speaker line, moderator line or sub-heading, with its
	// styles (bold name and role, italic annex label with links); empty
	// for Plain blocks.
	Lead Paragraph
	// Outline is the plain text of Lead for the PDF outline, or "" when
	// the block has no outline entry.
	Outline string
	// Paragraphs are the body paragraphs (a list's lead-in).
	Paragraphs []Paragraph
	// Items are a list's items.
	Items []ListItem
	// Figure is a figure block's picture and caption.
	Figure *Figure
	// Table is a table block's table.
	Table *Table
}

// Table is a numbered table.
type Table struct {
	// Number counts the report's tables from 1, in reading order.
	Number int
	// Caption is the numbered label ("Table 1.", in bold) and the caption.
	Caption Paragraph
	Columns []TableColumn
	// Rows hold a cell per column.
	Rows [][]Paragraph
}

// TableColumn is a table column.
type TableColumn struct {
	Header Paragraph
	// Points or Fraction (of the text width) fix the column's width;
	// both 0 is automatic.
	Points, Fraction float64
	// Align is "left", "right" or "center".
	Align string
}

// Figure is a numbered picture with its text alternative and caption.
type Figure struct {
	// Number counts the report's figures from 1, in reading order.
	Number int
	// Image names the picture in Images.
	Image string
	// Width and Height are the picture's size in pixels.
	Width, Height int
	// Alt says what the picture shows, for readers who cannot see it.
	Alt Text
	// Caption is the numbered label ("Figure 1.", in bold) and the caption.
	Caption Paragraph
}

// ImageFile is a picture's file.
type ImageFile struct {
	// Format is "png" or "jpeg".
	Format string
	Data   []byte
}

// ListItem is an item of a list, with its marker in the edition's
// language ("•", "2.", "б)") and its own items.
type ListItem struct {
	Marker string
	Text   Paragraph
	Items  []ListItem
}

// Annex is a numbered annex as listed at the end of the report.
type Annex struct {
	Number int
	Key    string
	// Anchor is the link destination of the annex's entry; references in
	// the text link to "#"+Anchor.
	Anchor string
	// Label is "Annex 6" in the edition's language; LabelSpans, when not
	// nil, is Label as spans, the parts in the source language (a message
	// that falls back) with its Lang.
	Label      string
	LabelSpans []markup.Span
	Title      Text
	Items      []AnnexItem
}

// AnnexItem is one document of an annex.
type AnnexItem struct {
	// Number is "6", "6.1", "6.2" …
	Number string
	// Line describes the item: number, languages and kind; LineSpans,
	// when not nil, is Line as spans, the parts in the source language (a
	// message that falls back) with its Lang.
	Line      string
	LineSpans []markup.Span
	Title     Text
	URL       string
	// Note is a remark on the item, or "".
	Note Text
}

// AnchorPrefix starts every internal link destination in a Document: a
// span linking to "#annex-6" links to the anchor "annex-6" (the layout
// engine's DestPrefix, which a test holds equal).
const AnchorPrefix = "#"

// Walk calls fn for every string of the document that is drawn, with the
// message ID it comes from ("" for generated text such as page footers).
func (d *Document) Walk(fn func(id, text string)) {
	var spans func(id string, sps []markup.Span)
	spans = func(id string, sps []markup.Span) {
		for _, sp := range sps {
			fn(id, sp.Text)
			spans(id, sp.Note) // a footnote's text
		}
	}
	para := func(p Paragraph) { spans(p.ID, p.Spans) }
	fn("brand.organization", d.Brand.Organization)
	fn("brand.tagline", d.Brand.Tagline)
	fn(d.Title.ID, d.Title.Text)
	fn("date.with-time", d.DateLine)
	fn("attendance", d.Attendance)
	para(d.Participants)
	fn("doctype", d.DocType)
	fn("notice.courtesy", d.Notice)
	var items func([]ListItem)
	items = func(its []ListItem) {
		for _, it := range its {
			fn("marker", it.Marker)
			para(it.Text)
			items(it.Items)
		}
	}
	for _, s := range d.Sections {
		fn(s.Heading.ID, s.Heading.Text)
		for _, b := range s.Blocks {
			para(b.Lead)
			for _, p := range b.Paragraphs {
				para(p)
			}
			items(b.Items)
			if f := b.Figure; f != nil {
				fn(f.Alt.ID, f.Alt.Text)
				para(f.Caption)
			}
			if tb := b.Table; tb != nil {
				para(tb.Caption)
				for _, c := range tb.Columns {
					para(c.Header)
				}
				for _, r := range tb.Rows {
					for _, c := range r {
						para(c)
					}
				}
			}
		}
	}
	fn(d.ClosingMarker.ID, "— "+d.ClosingMarker.Text+" —")
	fn("annexes.heading", d.AnnexesHeading)
	fn("annexes.count", d.AnnexesIntro)
	for _, a := range d.Annexes {
		fn("annexes.entry", a.Label)
		fn(a.Title.ID, a.Title.Text)
		for _, it := range a.Items {
			fn("annexes.item", it.Line)
			fn(it.Title.ID, it.Title.Text)
			fn(it.Note.ID, it.Note.Text)
			fn("", it.URL)
		}
	}
	if d.Footer != nil {
		fn("page.footer", d.Footer(1234567890, 1234567890))
	}
}
