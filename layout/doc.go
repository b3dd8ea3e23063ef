// Package layout is the typesetting engine: it sets paragraphs of styled
// text into lines and lines into pages, and gives a display list
// (package display). It knows text, not documents: what the paragraphs
// are, in which order, style and structural role, is decided by its
// caller (package compose for reports), which hands it plain values.
//
// The engine works in steps, a file each:
//
//	words.go       spans → words (pieces in one face, soft hyphens, no-break
//	               spaces); ragged lines filled greedily; a line's words placed,
//	               a justified line's expanded (lineSetting)
//	ties.go        spaces tied by the language's rules (initials, 2020 г.,
//	               Annex 10, 140 000, before a spaced dash, в …)
//	quotes.go      typed " and ' set as the language's quotation marks
//	               and apostrophe (“ ” ’, « » „ “, « » with narrow spaces)
//	justify.go     justified paragraphs: boxes, glue and penalties broken by
//	               Knuth–Plass (internal/totalfit), hyphenation points from
//	               package hyphen, punctuation hanging into the margins
//	               (protrusion) seen by the breaker, the words' glyphs
//	               stretching and shrinking by font expansion
//	typesetter.go  Typesetter.Set: a paragraph → line boxes, kept together
//	               against widows and orphans, list markers in the indent,
//	               footnote marks raised and their notes set; Group; Add
//	table.go       Typesetter.SetTable: column widths, cells set ragged with
//	               hyphenation, one box a row, the header to repeat
//	paginate.go    the flow → pages: kept boxes move together, footnotes at
//	               the foot of their page, a table's header over a row that
//	               starts a page, page furniture from the caller's decorate
//	               function
//	stats.go       typographic measures (word spaces, hyphens, widows)
//	trace.go       the typeset lines, one per line, for golden files
//
// Units are PDF points; a box's items are placed relative to its top left
// corner at the text area's left edge, a page's relative to the paper.
package layout
