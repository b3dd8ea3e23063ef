package sources

import (
	"bytes"
	"embed"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
)

//go:embed report.schema.json
var schemaFS embed.FS

// JSONSchema returns the JSON Schema of a report file, for editors with TOML
// schema support (Taplo, Even Better TOML).
func JSONSchema() []byte {
	data, _ := schemaFS.ReadFile("report.schema.json")
	return data
}

// Scaffold returns a new report with every block kind shown once, ready
// to build, and the catalog stub of each language in translations. The
// report refers to the JSON Schema beside it.
func Scaffold(id string, translations []string) (report []byte, catalogs map[string][]byte) {
	var inProgress []string
	for _, l := range translations {
		inProgress = append(inProgress, fmt.Sprintf("%q", l))
	}
	translation := "fr"
	if len(translations) > 0 {
		translation = translations[0]
	}
	r := strings.NewReplacer("{{ID}}", id, "{{IN_PROGRESS}}", strings.Join(inProgress, ", "), "{{TRANSLATION}}", translation).Replace(scaffold)
	catalogs = map[string][]byte{}
	for _, l := range translations {
		catalogs[l] = []byte(fmt.Sprintf(`# %[2]s translation of sources/%[1]s.toml.
# Message IDs: <report>.<section>.<block>.<field>, e.g.
#
# [%[1]s.opening.speaker-one]
# name = "…"
# p1 = "…"
#
# Run "reportgen i18n extract --lang %[2]s" for a file of everything to translate.
`, id, l))
	}
	return []byte(r), catalogs
}

const scaffold = `#:schema ./report.schema.json
# A new report. Every key is explained in sources/schema.go; editors with TOML
# schema support (Taplo, Even Better TOML) complete and check this file from
# report.schema.json.

id = "{{ID}}"
kind = "summary-report"          # document type: catalog message doctype.<kind>
source-language = "en"
languages = ["en"]               # published editions
in-progress = [{{IN_PROGRESS}}]  # translations under way: draft PDFs only
title = "Title of the report"
date = 2026-01-01
# end-date = 2026-01-02                          # the last day, for an event of several days
place = "Geneva"                                 # opens the date line; translatable
time = { start = "09:00", end = "12:00", zone = "CET" }   # the zone is translatable
# attendance = { in-person = 40, online = 120 }  # participant counts, shown under the participants line
participants = "Who took part: an italic line under the date."
closing-marker = "CLOSE OF SESSION"

# A page the text links to that exists in a translation's language: that
# translation may link it instead (and no other address).
# [links."https://www.iom.int/"]
# fr = "https://www.iom.int/fr"

# Annexes are numbered in the order the report first refers to them.
[[annex]]
key = "opening-statement"
title = "Opening statement"

  [[annex.item]]                   # numbered 1
  languages = ["en"]
  kind = "original"                # original | translation | courtesy-translation

  # An item may also have: title = "…" (its own title; title-translated = false
  # shows it as written in every language), url = "https://…", note = "…" (a
  # remark after it in the list of annexes), and, for a translation of an item
  # other than the first, translates = <that item's number in this annex, from 1>.
  [[annex.item]]                   # numbered 1.1
  languages = ["{{TRANSLATION}}"]
  kind = "courtesy-translation"

[[section]]
id = "opening"
heading = "Opening remarks"

  # A speaker: bold name and role, italic annex label, then paragraphs.
  [[section.block]]
  type = "speaker"
  id = "speaker-one"
  name = "Ms. First Speaker"
  role = "Title, Organization"
  annexes = ["opening-statement"]
  paragraphs = [
    "Body text with *italic*, **bold** and [a link](https://www.iom.int).",
    "A second paragraph, with a footnote.^[A footnote, written where it refers: numbered through the report and set at the foot of the page.]",
  ]

[[section]]
id = "discussion"
heading = "Discussion"

  # A moderator line: bold, introduces a discussion.
  [[section.block]]
  type = "moderator"
  id = "moderator"
  text = "Interactive discussion, moderated by Mr. Moderator"

  # Paragraphs without a speaker line.
  [[section.block]]
  type = "text"
  id = "summary"
  paragraphs = ["The moderator opened the discussion."]

  # A list: an optional lead-in, then items; an item is a string, or
  # { text = "…", items = [ … ] } with a nested list (3 levels at most).
  # numbered = true numbers the items instead of marking them with bullets.
  [[section.block]]
  type = "list"
  id = "priorities"
  paragraphs = ["The participants agreed on three priorities:"]
  items = [
    "data on migration, shared across borders;",
    { text = "skills and jobs:", items = ["recognition of qualifications", "pre-departure training"] },
    "safe and regular pathways.",
  ]

  # A figure: a PNG or JPEG picture beside the report, numbered "Figure 1."
  # before its caption. alt says what it shows, for readers who cannot see it.
  [[section.block]]
  type = "figure"
  id = "chart"
  image = "figures/example-chart.png"
  alt = "Bar chart: five bars rising from about 120 to 230, highest in the fourth."
  caption = "An example chart; replace it with your own."

  # A table: columns (header; width auto, "30%" or "120pt"; align right for
  # numbers), rows of cells, a caption after its number "Table 1.". The header
  # row is repeated on every page the table continues on. A cell without a
  # letter ("1 250") is the same in every language and is not translated.
  [[section.block]]
  type = "table"
  id = "by-country"
  caption = "Participants by country"
  columns = [
    { header = "Country" },
    { header = "In person", width = "20%", align = "right" },
    { header = "Online", width = "20%", align = "right" },
  ]
  rows = [
    ["Kazakhstan", "12", "30"],
    ["Kyrgyzstan", "9", "21"],
    ["Uzbekistan", "15", "44"],
  ]

  # A sub-heading inside the section.
  [[section.block]]
  type = "subheading"
  id = "conclusions"
  text = "Conclusions"

  # A speaker shown as a sub-heading.
  [[section.block]]
  type = "speaker"
  id = "speaker-two"
  heading = true
  name = "Mr. Second Speaker"
  role = "Title, Organization"
  paragraphs = ["Closing words."]
`

// ScaffoldFigureFile is where the scaffold's figure points.
const ScaffoldFigureFile = "figures/example-chart.png"

// ScaffoldFigure draws the picture of the scaffold's figure: a bar chart
// of five bars, to be replaced by the report's own.
func ScaffoldFigure() []byte {
	const w, h = 600, 300
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{
		color.RGBA{0xff, 0xff, 0xff, 0xff}, // background
		color.RGBA{0x00, 0x33, 0xa0, 0xff}, // bars
		color.RGBA{0x59, 0x59, 0x59, 0xff}, // axis
	})
	for x := 40; x < w-20; x++ {
		img.SetColorIndex(x, h-30, 2)
	}
	for y := 20; y <= h-30; y++ {
		img.SetColorIndex(40, y, 2)
	}
	for i, v := range []int{120, 180, 150, 230, 200} {
		x0 := 70 + i*100
		for x := x0; x < x0+60; x++ {
			for y := h - 31 - v; y < h-30; y++ {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // encoding into memory does not fail
	}
	return buf.Bytes()
}
