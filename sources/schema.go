package sources

import (
	"fmt"
	"time"
)

// This file is the report schema: the Go types a report TOML file decodes
// into. Every key a report may contain is a field here, with its TOML name
// and its meaning; a key that is not here is an error.
//
// Message IDs. Every translatable string has a message ID, derived from its
// place in the report so that authors never type one:
//
//	<id>.title                          Report.Title
//	<id>.place                          Report.Place
//	<id>.time-zone                      Report.Time.Zone
//	<id>.participants                   Report.Participants
//	<id>.closing-marker                 Report.ClosingMarker
//	<id>.annex.<key>.title              Annex.Title
//	<id>.annex.<key>.<n>.title          Item.Title of the n-th item (1-based)
//	<id>.annex.<key>.<n>.note           Item.Note of the n-th item
//	<id>.<section>.heading              Section.Heading
//	<id>.<section>.<block>.name         Block.Name (speaker)
//	<id>.<section>.<block>.role         Block.Role (speaker)
//	<id>.<section>.<block>.text         Block.Text (moderator line, sub-heading)
//	<id>.<section>.<block>.p<n>         Block.Paragraphs[n-1] (1-based)
//	<id>.<section>.<block>.i<n>         Block.Items[n-1].Text (a list item)
//	<id>.<section>.<block>.i<n>-<m>     Block.Items[n-1].Items[m-1].Text, and so on
//	<id>.<section>.<block>.alt          Block.Alt (figure)
//	<id>.<section>.<block>.caption      Block.Caption (figure, table)
//	<id>.<section>.<block>.h<n>         Block.Columns[n-1].Header (table)
//	<id>.<section>.<block>.r<i>c<n>     Block.Rows[i-1][n-1] (table), when it has a letter
//
// Section and block IDs are stable keys chosen by the author, so moving a
// block or a section keeps its translations. Adding a paragraph in the
// middle of a block renumbers the paragraphs after it; give such a
// paragraph its own text block when that matters (reportgen import
// --update moves the translations of renumbered paragraphs with them).

// Report is one report file.
type Report struct {
	// ID names the report: output files are <id>.<lang>.pdf and every message
	// ID of the report starts with it. Lower-case letters, digits and "-".
	ID string `toml:"id"`
	// Kind is the document type, shown under the title block, e.g.
	// "summary-report". Its display name is the catalog message
	// doctype.<kind>.
	Kind string `toml:"kind"`
	// SourceLanguage is the language the report's text is written in
	// (BCP 47, e.g. "en"). The edition in this language is authoritative.
	SourceLanguage string `toml:"source-language"`
	// Style names the house style, a file styles/<style>.toml beside the
	// report; "" means "house".
	Style string `toml:"style"`
	// Languages lists the published editions, source language included: a
	// strict build fails on any untranslated message in them.
	Languages []string `toml:"languages"`
	// InProgress lists languages whose translation is under way: a default
	// build makes draft PDFs of them, with untranslated text marked; a
	// strict build leaves them out unless asked for by name, and then
	// fails, listing what is missing.
	InProgress []string `toml:"in-progress"`
	// Title is the report title.
	Title string `toml:"title"`
	// Date is the day of the event (a TOML local date, e.g. 2021-01-28),
	// or its first day when EndDate is set.
	Date time.Time `toml:"date"`
	// EndDate is the last day of an event of several days, after Date.
	EndDate time.Time `toml:"end-date"`
	// Place is where the event took place, e.g. "Tashkent"; it opens the
	// date line.
	Place string `toml:"place"`
	// Time is the optional time span of the event (of each day).
	Time *TimeSpan `toml:"time"`
	// Attendance optionally counts the participants.
	Attendance *Attendance `toml:"attendance"`
	// Participants is the italic line under the date: who took part.
	Participants string `toml:"participants"`
	// ClosingMarker is the optional closing marker, shown centred after the
	// last section between dashes, e.g. "CLOSE OF SESSION".
	ClosingMarker string `toml:"closing-marker"`
	// Links declares localized links: by the address the source text
	// links to, the address a translation into a language may use
	// instead (the same page in that language), and no other:
	//
	//	[links."https://www.un.org/en/outcome.pdf"]
	//	ru = "https://www.un.org/ru/outcome.pdf"
	Links map[string]map[string]string `toml:"links"`
	// Annexes is the annex register. Annex numbers are not written here:
	// they follow the order in which the report first refers to each annex.
	Annexes []Annex `toml:"annex"`
	// Sections are the report's sections, in reading order.
	Sections []Section `toml:"section"`
}

// TimeSpan is the time of day an event ran, in a named zone.
type TimeSpan struct {
	// Start and End are "HH:MM" (24-hour clock).
	Start string `toml:"start"`
	End   string `toml:"end"`
	// Zone names the time zone after the span, e.g. "CET" or
	// "UZT (UTC+5)"; a translation may render it in words.
	Zone string `toml:"zone"`
}

// Attendance counts who took part, in the room and online; either may be
// left out (0).
type Attendance struct {
	InPerson int `toml:"in-person"`
	Online   int `toml:"online"`
}

// Annex is one numbered annex: a group of documents (items) about one
// contribution, numbered N, N.1, N.2 … in item order.
type Annex struct {
	// Key is how the report refers to the annex (Block.Annexes).
	Key string `toml:"key"`
	// Title describes the annex in the list of annexes. An annex without
	// one loads with a warning (so a draft builds and --strict fails), and
	// the list of annexes shows its key instead; it then has no message.
	Title string `toml:"title"`
	// Items are the documents of the annex; the first is numbered N, the
	// next N.1, N.2 and so on.
	Items []Item `toml:"item"`
}

// Item is one document of an annex.
type Item struct {
	// Languages are the languages the document is written in (BCP 47).
	Languages []string `toml:"languages"`
	// Kind is original, translation or courtesy-translation.
	Kind string `toml:"kind"`
	// Title is an optional title of this document, when it differs from the
	// annex title.
	Title string `toml:"title"`
	// URL is an optional http(s) address where the document is published.
	URL string `toml:"url"`
	// Translates, for a translation or courtesy translation, is the
	// number (from 1) of the item of the same annex it is a translation
	// of, when that is not the first: the list of annexes then says
	// "courtesy translation of 10.2".
	Translates int `toml:"translates"`
	// TitleTranslated = false shows Title as written in every language (a
	// document's own title, a name): it is then no message.
	TitleTranslated *bool `toml:"title-translated"`
	// TitleLanguage is the language (BCP 47) of a title shown as written
	// (TitleTranslated = false), which tagged PDFs mark as such where
	// it differs from an edition's. Without it, an item in one language
	// has its title in that language, and one in several in the report's
	// source language.
	TitleLanguage string `toml:"title-language"`
	// Note is an optional remark on the item, shown after it in the list
	// of annexes ("Russian text provided by the delegation").
	Note string `toml:"note"`
}

// TitleIsMessage reports whether the item's title is translated.
func (it Item) TitleIsMessage() bool { return it.TitleTranslated == nil || *it.TitleTranslated }

// The kinds of annex item.
const (
	KindOriginal            = "original"
	KindTranslation         = "translation"
	KindCourtesyTranslation = "courtesy-translation"
)

// Section is a headed part of the report.
type Section struct {
	// ID is the section's stable key, unique in the report.
	ID string `toml:"id"`
	// Heading is the section heading, written in sentence case; the house
	// style may set it in capitals.
	Heading string `toml:"heading"`
	// Blocks are the section's contents, in reading order.
	Blocks []Block `toml:"block"`
}

// Block is one unit of a section. Its Type says which fields apply.
type Block struct {
	// Type is one of:
	//   speaker     name, role, optional annexes, paragraphs (and heading = true
	//               to show the speaker line as a sub-heading)
	//   moderator   text: a bold line introducing a discussion
	//   text        paragraphs without a speaker line
	//   subheading  text: a sub-heading inside the section
	//   list        optional lead-in paragraphs, then items (numbered = true
	//               for a numbered list)
	//   figure      image, alt (required) and an optional caption; numbered
	//               "Figure 1" in the order of the report
	//   table       columns (header, width, align), rows of cells and an
	//               optional caption; numbered "Table 1"
	Type string `toml:"type"`
	// ID is the block's stable key, unique in its section.
	ID string `toml:"id"`
	// Name is the speaker's name with honorific, e.g. "Ms. Renate Held".
	Name string `toml:"name"`
	// Role is the speaker's function and organisation.
	Role string `toml:"role"`
	// Heading shows a speaker line as a sub-heading.
	Heading bool `toml:"heading"`
	// Annexes are keys of the annexes holding the speaker's statement.
	Annexes []string `toml:"annexes"`
	// Text is the text of a moderator line or sub-heading.
	Text string `toml:"text"`
	// Paragraphs are the body paragraphs, with inline markup; in a list
	// block, the lead-in before the items ("The priorities are:").
	Paragraphs []string `toml:"paragraphs"`
	// Items are the items of a list block, each a string with inline
	// markup or a table { text = "…", items = [ … ] } holding a nested
	// list, to MaxListDepth levels.
	Items []ListItem `toml:"items"`
	// Numbered numbers the items of a list block (1., a), i.) instead of
	// marking them with bullets; nested lists follow it.
	Numbered bool `toml:"numbered"`
	// Image is a figure's picture: a PNG or JPEG file, its path relative
	// to the report's folder ("figures/arrivals.png").
	Image string `toml:"image"`
	// Alt is a figure's text alternative: what the picture shows, for
	// readers who cannot see it (screen readers, text extraction).
	// Required, and translated like any other text.
	Alt string `toml:"alt"`
	// Caption is a figure's or table's caption, with inline markup, after
	// its number.
	Caption string `toml:"caption"`
	// Columns are a table's columns, in order.
	Columns []TableColumn `toml:"columns"`
	// Rows are a table's rows: a cell per column each, text with inline
	// markup. A cell without a letter ("12 400", "–") is the same in every
	// language and is not a message.
	Rows [][]string `toml:"rows"`
}

// TableColumn is a table column: its header cell, width and alignment.
type TableColumn struct {
	// Header is the column's header cell, repeated with the header row on
	// every page the table continues on.
	Header string `toml:"header"`
	// Width is "auto" (or left out: a share of the width the other
	// columns leave, by the length of the cells' text), a percentage of
	// the text width ("30%") or a length in points ("120pt").
	Width string `toml:"width"`
	// Align is "left" (the default) or "right" (numbers) or "center".
	Align string `toml:"align"`
}

// Limits of a table.
const (
	MaxTableColumns = 12
	MaxTableRows    = 2000
)

// ListItem is one item of a list: text with inline markup and, optionally,
// a nested list. In TOML it is a string, or an inline table with the keys
// text and items:
//
//	items = [
//	  "Protect the rights of migrants",
//	  { text = "Strengthen data:", items = ["labour statistics", "remittances"] },
//	]
type ListItem struct {
	Text  string     `toml:"text"`
	Items []ListItem `toml:"items"`
}

// MaxListDepth is how deeply lists may nest.
const MaxListDepth = 3

// UnmarshalTOML reads a list item written as a string or as a table. The
// types inside were checked before decoding (see Parse).
func (li *ListItem) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case string:
		li.Text = x
	case map[string]any:
		li.Text, _ = x["text"].(string)
		var items []any
		switch a := x["items"].(type) {
		case []any:
			items = a
		case []map[string]any:
			for _, m := range a {
				items = append(items, m)
			}
		}
		for _, e := range items {
			var c ListItem
			if err := c.UnmarshalTOML(e); err != nil {
				return err
			}
			li.Items = append(li.Items, c)
		}
	default:
		return fmt.Errorf("a list item must be a string or a table, not %T", v)
	}
	return nil
}

// The block types.
const (
	BlockSpeaker    = "speaker"
	BlockModerator  = "moderator"
	BlockText       = "text"
	BlockSubheading = "subheading"
	BlockList       = "list"
	BlockFigure     = "figure"
	BlockTable      = "table"
)

// Editions returns the languages a build makes: the published ones, then
// the ones in progress.
func (r *Report) Editions() []string {
	return append(append([]string(nil), r.Languages...), r.InProgress...)
}

// Published reports whether lang is a published edition.
func (r *Report) Published(lang string) bool {
	for _, l := range r.Languages {
		if l == lang {
			return true
		}
	}
	return false
}
