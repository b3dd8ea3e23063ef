package sources

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
)

// baseReport is the smallest report that uses every kind of block, an
// annex and a time span. It loads without diagnostics; the bad-input cases
// below are edits of it, so their line numbers refer to these lines.
const baseReport = `id = "rep"
kind = "summary-report"
source-language = "en"
languages = ["en", "ru"]
title = "A report"
date = 2021-01-28
time = { start = "08:30", end = "12:00", zone = "CET" }
participants = "Delegates of *many* states"

[[annex]]
key = "a1"
title = "Annex one"

  [[annex.item]]
  languages = ["en"]
  kind = "original"

[[section]]
id = "s1"
heading = "Section one"

  [[section.block]]
  type = "speaker"
  id = "b1"
  name = "Ms. A"
  annexes = ["a1"]
  paragraphs = ["Para one.", "Para *two*."]

  [[section.block]]
  type = "moderator"
  id = "m1"
  text = "Discussion led by **B**"

  [[section.block]]
  type = "text"
  id = "t1"
  paragraphs = ["Plain text."]
`

// A second section (lines 39-46 when appended to baseReport).
const extraSection = `
[[section]]
id = "s1"
heading = "Again"

  [[section.block]]
  type = "text"
  id = "x"
  paragraphs = ["X."]
`

// A second annex, inserted before the first [[section]] (lines 18-24).
const extraAnnex = `[[annex]]
key = "a1"
title = "Again"

  [[annex.item]]
  languages = ["en"]
  kind = "original"

[[section]]`

type loadCase struct {
	name string
	// edits are old, new pairs applied to baseReport in turn; each old must
	// occur exactly once.
	edits []string
	// add is appended to the edited document.
	add string
	// prefix is prepended to the edited document.
	prefix string
	want   []string
}

var loadCases = []loadCase{
	// TOML syntax and encoding.
	{
		name:  "syntax: unterminated string",
		edits: []string{`title = "A report"`, `title = "A report`},
		want:  []string{`r.toml:5:18: error: strings cannot contain newlines`},
	},
	{
		// BurntSushi counts this column in bytes and starts the span at the
		// blank before x.
		name:  "syntax: column counted in runes",
		edits: []string{`title = "A report"`, `title = "Ünlü" x`},
		want:  []string{`r.toml:5:16: error: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead`},
	},
	{
		// BurntSushi puts this error at the end of the line before.
		name:  "syntax: key defined twice",
		edits: []string{"participants = \"Delegates of *many* states\"\n", "participants = \"Delegates of *many* states\"\ntitle = \"Again\"\n"},
		want:  []string{`r.toml:9:1: error: key title is defined twice (first at line 5)`},
	},
	{
		name:  "syntax: table header expected",
		edits: []string{"[[section]]\n", "[[section]\n"},
		want:  []string{`r.toml:18:10: error: expected end of table array name delimiter ']', but got '\n' instead`},
	},
	{
		name:  "invalid UTF-8",
		edits: []string{`title = "A report"`, "title = \"A r\xffeport\""},
		want:  []string{`r.toml:5:13: error: invalid UTF-8`},
	},
	{
		name:   "invalid UTF-8 after a byte order mark",
		prefix: "\xef\xbb\xbf",
		edits:  []string{`id = "rep"`, "id = \"r\xc3p\""},
		want:   []string{`r.toml:1:8: error: invalid UTF-8`},
	},

	// Unknown keys.
	{
		name:  "unknown key at top level",
		edits: []string{`title = "A report"`, `titel = "A report"`},
		want: []string{
			`r.toml:5:1: error: unknown key "titel"; did you mean "title"?`,
		},
	},
	{
		name:  "unknown key in [[section]]",
		edits: []string{`heading = "Section one"`, "heading = \"Section one\"\nheadng = \"x\""},
		want:  []string{`r.toml:21:1: error: unknown key "headng" (section[1].headng); did you mean "heading"?`},
	},
	{
		name:  "unknown key in [[section.block]], in two blocks",
		edits: []string{`  name = "Ms. A"`, "  name = \"Ms. A\"\n  rol = \"x\"", `  id = "t1"`, "  id = \"t1\"\n  rol = \"y\""},
		want: []string{
			`r.toml:26:3: error: unknown key "rol" (section[1].block[1].rol); did you mean "role"?`,
			`r.toml:38:3: error: unknown key "rol" (section[1].block[3].rol); did you mean "role"?`,
		},
	},
	{
		name:  "unknown key in [[annex.item]]",
		edits: []string{`  kind = "original"`, "  kind = \"original\"\n  urls = \"https://example.org\""},
		want:  []string{`r.toml:17:3: error: unknown key "urls" (annex[1].item[1].urls); did you mean "url"?`},
	},
	{
		name:  "unknown key in the time table",
		edits: []string{`zone = "CET"`, `zon = "CET"`},
		want:  []string{`r.toml:7:42: error: unknown key "zon" (time.zon); did you mean "zone"?`},
	},
	{
		name: "unknown table: its keys are not reported again",
		add:  "\n[extra]\na = 1\nb = 2\n",
		want: []string{`r.toml:39:1: error: unknown key "extra"`},
	},
	{
		name:  "unknown array of tables: its keys are not reported again",
		edits: []string{`heading = "Section one"`, "heading = \"Section one\"\nnotes = [{a = 1}, {a = 2}]"},
		want:  []string{`r.toml:21:1: error: unknown key "notes" (section[1].notes)`},
	},
	{
		name:  "unknown key with a long array is reported once",
		edits: []string{`title = "A report"`, "title = \"A report\"\nnums = [" + strings.Repeat("1, ", 150) + "1]"},
		want:  []string{`r.toml:6:1: error: unknown key "nums"`},
	},
	{
		name:  "unknown quoted key",
		edits: []string{`title = "A report"`, "title = \"A report\"\n\"a.b\" = 1"},
		want:  []string{`r.toml:6:1: error: unknown key "a.b"`},
	},

	// Wrong types.
	{
		name:  "string where an array is expected",
		edits: []string{`languages = ["en", "ru"]`, `languages = "en"`},
		want:  []string{`r.toml:4:1: error: languages must be an array of strings, not a string`},
	},
	{
		// BurntSushi names the line of the last block with paragraphs.
		name:  "wrong type in the first of several blocks",
		edits: []string{`paragraphs = ["Para one.", "Para *two*."]`, `paragraphs = "Para one."`},
		want:  []string{`r.toml:27:3: error: paragraphs must be an array of strings, not a string`},
	},
	{
		name:  "wrong type of an array element",
		edits: []string{`  languages = ["en"]`, `  languages = ["en", 2]`},
		want:  []string{`r.toml:15:22: error: element 2 of languages must be a string, not an integer`},
	},
	{
		name:  "array where a string is expected",
		edits: []string{`  name = "Ms. A"`, `  name = ["Ms. A"]`},
		want:  []string{`r.toml:25:3: error: name must be a string, not an array`},
	},
	{
		name:  "date written as a string",
		edits: []string{`date = 2021-01-28`, `date = "2021-01-28"`},
		want:  []string{`r.toml:6:1: error: date must be a date such as 2021-01-28, not a string`},
	},
	{
		name:  "time written as a string",
		edits: []string{`time = { start = "08:30", end = "12:00", zone = "CET" }`, `time = "08:30"`},
		want:  []string{`r.toml:7:1: error: time must be a table, not a string`},
	},
	{
		name:  "[section] instead of [[section]]",
		edits: []string{"[[section]]", "[section]"},
		want:  []string{`r.toml:18:1: error: section must be an array of tables, not a table`},
	},
	{
		name:  "several wrong types are all reported",
		edits: []string{`id = "s1"`, `id = 1`, `heading = "Section one"`, `heading = true`, `  id = "t1"`, `  id = ["t1"]`},
		want: []string{
			`r.toml:19:1: error: id must be a string, not an integer`,
			`r.toml:20:1: error: heading must be a string, not a boolean`,
			`r.toml:36:3: error: id must be a string, not an array`,
		},
	},

	// Required fields.
	{
		name:  "missing id",
		edits: []string{"id = \"rep\"\n", ""},
		want:  []string{`r.toml:1:1: error: report id is missing`},
	},
	{
		name:  "missing kind",
		edits: []string{"kind = \"summary-report\"\n", ""},
		want:  []string{`r.toml:1:1: error: kind is missing (the document type, e.g. "summary-report")`},
	},
	{
		name:  "empty kind",
		edits: []string{`kind = "summary-report"`, `kind = ""`},
		want:  []string{`r.toml:2:1: error: kind is missing (the document type, e.g. "summary-report")`},
	},
	{
		name:  "missing title",
		edits: []string{"title = \"A report\"\n", ""},
		want:  []string{`r.toml:1:1: error: title is missing or empty [rep.title]`},
	},
	{
		name:  "missing date",
		edits: []string{"date = 2021-01-28\n", ""},
		want:  []string{`r.toml:1:1: error: date is missing (the day of the event, e.g. date = 2021-01-28)`},
	},
	{
		name:  "missing source-language",
		edits: []string{"source-language = \"en\"\n", ""},
		want:  []string{`r.toml:1:1: error: source-language is missing (the language the report is written in, e.g. "en")`},
	},
	{
		name:  "missing languages",
		edits: []string{"languages = [\"en\", \"ru\"]\n", ""},
		want:  []string{`r.toml:1:1: error: languages is missing (the editions to build, e.g. ["en", "ru"])`},
	},
	{
		name:  "empty languages",
		edits: []string{`languages = ["en", "ru"]`, `languages = []`},
		want:  []string{`r.toml:4:1: error: languages is missing (the editions to build, e.g. ["en", "ru"])`},
	},

	// Languages.
	{
		name:  "languages without the source language",
		edits: []string{`languages = ["en", "ru"]`, `languages = ["ru"]`},
		want:  []string{`r.toml:4:1: error: languages must include the source language "en"`},
	},
	{
		name:  "duplicated language",
		edits: []string{`languages = ["en", "ru"]`, `languages = ["en", "ru", "en"]`},
		want:  []string{`r.toml:4:26: error: language "en" is listed twice`},
	},
	{
		name:  "bad language tag",
		edits: []string{`languages = ["en", "ru"]`, `languages = ["en", "english!"]`},
		want:  []string{`r.toml:4:20: error: "english!" is not a BCP 47 language tag`},
	},
	{
		name:  "bad source language tag",
		edits: []string{`source-language = "en"`, `source-language = "e_n"`},
		want: []string{
			`r.toml:3:1: error: source-language "e_n" is not a BCP 47 language tag`,
			`r.toml:4:1: error: languages must include the source language "e_n"`,
		},
	},
	{
		name:  "bad language tag of an annex item",
		edits: []string{`  languages = ["en"]`, `  languages = ["en", "x!"]`},
		want:  []string{`r.toml:15:22: error: "x!" is not a BCP 47 language tag [a1]`},
	},
	{
		name:  "bad title-language of an annex item",
		edits: []string{"  kind = \"original\"\n", "  kind = \"original\"\n  title = \"Déclaration\"\n  title-translated = false\n  title-language = \"x!\"\n"},
		want:  []string{`r.toml:19:3: error: "x!" is not a BCP 47 language tag [a1]`},
	},
	{
		name:  "title-language of a translated title",
		edits: []string{"  kind = \"original\"\n", "  kind = \"original\"\n  title = \"Statement\"\n  title-language = \"fr\"\n"},
		want:  []string{`r.toml:18:3: error: title-language applies to a title shown as written (title-translated = false) [a1]`},
	},

	// Date and time.
	{
		name:  "date with a time",
		edits: []string{`date = 2021-01-28`, `date = 2021-01-28T08:30:00`},
		want:  []string{`r.toml:6:1: error: date must be a local date such as 2021-01-28, without time or offset`},
	},
	{
		name:  "date with a time at midnight and an offset",
		edits: []string{`date = 2021-01-28`, `date = 2021-01-28T00:00:00Z`},
		want:  []string{`r.toml:6:1: error: date must be a local date such as 2021-01-28, without time or offset`},
	},
	{
		name:  "time of day instead of a date",
		edits: []string{`date = 2021-01-28`, `date = 00:00:00`},
		want:  []string{`r.toml:6:1: error: date must be a local date such as 2021-01-28, without time or offset`},
	},
	{
		name:  "bad start time 8:30",
		edits: []string{`"08:30"`, `"8:30"`},
		want:  []string{`r.toml:7:10: error: time.start "8:30" must be HH:MM`},
	},
	{
		name:  "bad end time 24:00",
		edits: []string{`"12:00"`, `"24:00"`},
		want:  []string{`r.toml:7:27: error: time.end "24:00" must be HH:MM`},
	},

	// IDs.
	{
		name: "duplicate section id",
		add:  extraSection,
		want: []string{
			`r.toml:40:1: error: section id "s1" is used twice (first at line 19) [s1]`,
		},
	},
	{
		name:  "duplicate block id in a section",
		edits: []string{`id = "t1"`, `id = "b1"`},
		want: []string{
			`r.toml:36:3: error: block id "b1" is used twice in section "s1" (first at line 24) [b1]`,
		},
	},
	{
		name:  "same block id in two sections is fine",
		edits: []string{`id = "t1"`, `id = "x"`},
		add:   strings.Replace(extraSection, `id = "s1"`, `id = "s2"`, 1),
		want:  nil,
	},
	{
		name:  "bad block id characters",
		edits: []string{`id = "t1"`, `id = "T_1"`},
		want:  []string{`r.toml:36:3: error: block id "T_1" must be lower-case letters, digits and "-" [T_1]`},
	},
	{
		name:  "bad section id characters",
		edits: []string{`id = "s1"`, `id = "s.1"`},
		want:  []string{`r.toml:19:1: error: section id "s.1" must be lower-case letters, digits and "-" [s.1]`},
	},
	{
		name:  "missing block id",
		edits: []string{"  id = \"t1\"\n", ""},
		want:  []string{`r.toml:34:3: error: block id is missing`},
	},
	{
		name:  "reserved block id",
		edits: []string{`id = "t1"`, `id = "heading"`},
		want:  []string{`r.toml:36:3: error: block id "heading" is a reserved word; choose another [heading]`},
	},
	{
		name:  "reserved section id",
		edits: []string{`id = "s1"`, `id = "annex"`},
		want:  []string{`r.toml:19:1: error: section id "annex" is a reserved word; choose another [annex]`},
	},
	{
		name:  "report id shadowing interface messages",
		edits: []string{`id = "rep"`, `id = "brand"`},
		want:  []string{`r.toml:1:1: error: report id "brand" is the name of a group of interface messages; choose another [brand]`},
	},
	{
		name:  "bad report id",
		edits: []string{`id = "rep"`, `id = "Rep"`},
		want:  []string{`r.toml:1:1: error: report id "Rep" must be lower-case letters, digits and "-" [Rep]`},
	},

	// Meeting details.
	{
		name:  "end date before the date",
		edits: []string{"date = 2021-01-28\n", "date = 2021-01-28\nend-date = 2021-01-27\n"},
		want:  []string{`r.toml:7:1: error: end-date 2021-01-27 is not after date 2021-01-28; leave it out for an event of one day`},
	},
	{
		name:  "end date with a time",
		edits: []string{"date = 2021-01-28\n", "date = 2021-01-28\nend-date = 2021-01-29T10:00:00\n"},
		want:  []string{`r.toml:7:1: error: end-date must be a local date such as 2021-01-29, without time or offset`},
	},
	{
		name:  "time ending before it starts",
		edits: []string{`end = "12:00"`, `end = "08:00"`},
		want:  []string{`r.toml:7:27: error: time.end 08:00 is not after time.start 08:30`},
	},
	{
		name:  "negative attendance",
		edits: []string{"date = 2021-01-28\n", "date = 2021-01-28\nattendance = { in-person = -3, online = 5 }\n"},
		want:  []string{`r.toml:7:16: error: attendance.in-person = -3 is outside 0…100000`},
	},
	{
		name:  "attendance of no one",
		edits: []string{"date = 2021-01-28\n", "date = 2021-01-28\nattendance = {}\n"},
		want:  []string{`r.toml:7:1: error: attendance counts no one; give in-person, online or both, or leave it out`},
	},
	{
		name:  "attendance as text",
		edits: []string{"date = 2021-01-28\n", "date = 2021-01-28\nattendance = { online = \"many\" }\n"},
		want:  []string{`r.toml:7:16: error: online must be a whole number, not a string`},
	},
	{
		name:  "misspelt place",
		edits: []string{"date = 2021-01-28\n", "date = 2021-01-28\nplce = \"Tashkent\"\n"},
		want:  []string{`r.toml:7:1: error: unknown key "plce"; did you mean "place"?`},
	},

	// Lists.
	{
		name:  "list without items",
		edits: []string{`type = "text"`, `type = "list"`},
		want:  []string{`r.toml:34:3: error: list block has no items [t1]`},
	},
	{
		name:  "items on a text block",
		edits: []string{`paragraphs = ["Plain text."]`, `paragraphs = ["Plain text."]` + "\n  items = [\"a\"]"},
		want:  []string{`r.toml:38:3: error: items does not apply to a text block [t1]`},
	},
	{
		name:  "list item of a wrong type",
		edits: []string{`type = "text"`, `type = "list"`, `paragraphs = ["Plain text."]`, `items = ["a", 3]`},
		want:  []string{`r.toml:37:17: error: element 2 of items must be a string or a table { text = …, items = […] }, not an integer`},
	},
	{
		name:  "list item with an unknown key",
		edits: []string{`type = "text"`, `type = "list"`, `paragraphs = ["Plain text."]`, `items = [{ text = "a", itms = ["b"] }]`},
		want:  []string{`r.toml:37:26: error: unknown key "itms" in a list item; an item has text and items`},
	},
	{
		name:  "list nested too deep",
		edits: []string{`type = "text"`, `type = "list"`, `paragraphs = ["Plain text."]`, `items = [{ text = "1", items = [{ text = "2", items = [{ text = "3", items = ["4"] }] }] }]`},
		want:  []string{`r.toml:37:72: error: lists nest at most 3 levels deep [t1]`},
	},
	{
		name:  "list item with bad markup",
		edits: []string{`type = "text"`, `type = "list"`, `paragraphs = ["Plain text."]`, `items = ["fine", "*open"]`},
		want:  []string{`r.toml:37:21: error: italic * is not closed [rep.s1.t1.i2]`},
	},

	// Blocks.
	{
		name:  "unknown block type",
		edits: []string{`type = "text"`, `type = "quote"`},
		want:  []string{`r.toml:35:3: error: block type "quote" is not one of speaker, moderator, text, subheading, list, figure, table [t1]`},
	},
	{
		name:  "missing block type",
		edits: []string{"  type = \"text\"\n", ""},
		want:  []string{`r.toml:34:3: error: block type is missing (speaker, moderator, text, subheading, list, figure or table) [t1]`},
	},
	{
		name:  "text on a speaker",
		edits: []string{`  name = "Ms. A"`, "  name = \"Ms. A\"\n  text = \"Hello\""},
		want:  []string{`r.toml:26:3: error: text does not apply to a speaker block [b1]`},
	},
	{
		name:  "paragraphs and heading on a moderator",
		edits: []string{`  text = "Discussion led by **B**"`, "  text = \"Discussion led by **B**\"\n  heading = true\n  paragraphs = [\"x\"]"},
		want: []string{
			`r.toml:33:3: error: heading does not apply to a moderator block [m1]`,
			`r.toml:34:3: error: paragraphs does not apply to a moderator block [m1]`,
		},
	},
	{
		name:  "speaker without name",
		edits: []string{"  name = \"Ms. A\"\n", ""},
		want:  []string{`r.toml:22:3: error: speaker name is missing or empty [rep.s1.b1.name]`},
	},
	{
		name:  "text block without paragraphs",
		edits: []string{"  paragraphs = [\"Plain text.\"]\n", ""},
		want:  []string{`r.toml:34:3: error: text block has no paragraphs [t1]`},
	},
	{
		name:  "moderator without text",
		edits: []string{"  text = \"Discussion led by **B**\"\n", ""},
		want:  []string{`r.toml:29:3: error: moderator text is missing or empty [rep.s1.m1.text]`},
	},
	{
		name:  "empty paragraph",
		edits: []string{`["Para one.", "Para *two*."]`, `["Para one.", " "]`},
		want:  []string{`r.toml:27:30: error: paragraph is missing or empty [rep.s1.b1.p2]`},
	},

	// Annexes.
	{
		name:  "unknown annex reference",
		edits: []string{`annexes = ["a1"]`, `annexes = ["a1", "a2"]`},
		want:  []string{`r.toml:26:20: error: unknown annex "a2"; did you mean "a1"? [a2]`},
	},
	{
		name:  "duplicate annex key",
		edits: []string{"[[section]]", extraAnnex},
		want: []string{
			`r.toml:19:1: error: annex key "a1" is defined twice (first at line 11) [a1]`,
		},
	},
	{
		name:  "reserved annex key",
		edits: []string{`key = "a1"`, `key = "title"`},
		want: []string{
			`r.toml:11:1: error: annex key "title" is a reserved word; choose another [title]`,
			`r.toml:26:14: error: unknown annex "a1": no [[annex]] has this key; define it, or refer to one of the report's annexes [a1]`,
			`r.toml:11:1: warning: annex "title" is never referred to, so it gets no number and is not listed [title]`,
		},
	},
	{
		name:  "annex without items",
		edits: []string{"  [[annex.item]]\n  languages = [\"en\"]\n  kind = \"original\"\n", ""},
		want:  []string{`r.toml:10:1: error: annex "a1" has no items; add at least one [[annex.item]] with its languages [a1]`},
	},
	{
		name:  "bad item kind",
		edits: []string{`kind = "original"`, `kind = "copy"`},
		want:  []string{`r.toml:16:3: error: annex item kind "copy" is not one of original, translation, courtesy-translation [a1]`},
	},
	{
		name:  "missing item kind",
		edits: []string{"  kind = \"original\"\n", ""},
		want:  []string{`r.toml:14:3: error: annex item kind is missing (original, translation or courtesy-translation) [a1]`},
	},
	{
		name:  "item without languages",
		edits: []string{"  languages = [\"en\"]\n", ""},
		want:  []string{`r.toml:14:3: error: annex item has no languages [a1]`},
	},
	{
		name:  "item with an ftp URL",
		edits: []string{`  kind = "original"`, "  kind = \"original\"\n  url = \"ftp://example.org/a.pdf\""},
		want:  []string{`r.toml:17:3: error: link "ftp://example.org/a.pdf": scheme "ftp" is not allowed (only http, https and mailto) [a1]`},
	},
	{
		name:  "annex without a title",
		edits: []string{"title = \"Annex one\"\n", ""},
		want:  []string{`r.toml:10:1: warning: annex "a1" has no title: the list of annexes shows its key instead; add title = "…" [a1]`},
	},
	{
		name:  "annex with an empty title",
		edits: []string{"title = \"Annex one\"\n", "title = \"\"\n"},
		want:  []string{`r.toml:10:1: warning: annex "a1" has no title: the list of annexes shows its key instead; add title = "…" [a1]`},
	},
	{
		name:  "annex with a blank title",
		edits: []string{"title = \"Annex one\"\n", "title = \" \"\n"},
		want:  []string{`r.toml:12:1: error: annex title is missing or empty [rep.annex.a1.title]`},
	},
	{
		name:  "annex never referenced",
		edits: []string{"  annexes = [\"a1\"]\n", ""},
		want:  []string{`r.toml:11:1: warning: annex "a1" is never referred to, so it gets no number and is not listed [a1]`},
	},
	{
		name:  "no sections",
		edits: []string{baseReport[strings.Index(baseReport, "[[section]]"):], ""},
		want: []string{
			`r.toml:1:1: error: the report has no [[section]]`,
			`r.toml:11:1: warning: annex "a1" is never referred to, so it gets no number and is not listed [a1]`,
		},
	},

	// Markup and links.
	{
		name:  "unbalanced markup in a paragraph",
		edits: []string{`"Para *two*."`, `"Para *two."`},
		want:  []string{`r.toml:27:36: error: italic * is not closed [rep.s1.b1.p2]`},
	},
	{
		name:  "unbalanced markup in a key = value string",
		edits: []string{`"Discussion led by **B**"`, `"Discussion led by **B"`},
		want:  []string{`r.toml:32:29: error: bold ** is not closed [rep.s1.m1.text]`},
	},
	{
		name:  "unbalanced markup after escapes",
		edits: []string{`"Para *two*."`, `"Say \"hi\" \u00e9 *two."`},
		want:  []string{`r.toml:27:49: error: italic * is not closed [rep.s1.b1.p2]`},
	},
	{
		name:  "unbalanced markup in a multi-line string",
		edits: []string{`"Para *two*."`, "\"\"\"\nLine one \\\n   and\nthen *two.\"\"\""},
		want:  []string{`r.toml:30:6: error: italic * is not closed [rep.s1.b1.p2]`},
	},
	{
		name:  "unbalanced markup in a literal string after a quoted key",
		edits: []string{`text = "Discussion led by **B**"`, `"text"   =   'C:\dir [x'`},
		want:  []string{`r.toml:32:24: error: [ starts a link, but no ](url) follows; write \[ for a literal bracket [rep.s1.m1.text]`},
	},
	{
		name:  "unbalanced markup in participants",
		edits: []string{`"Delegates of *many* states"`, `"Delegates of Ünlü *many states"`},
		want:  []string{`r.toml:8:35: error: italic * is not closed [rep.participants]`},
	},
	{
		name:  "javascript: link",
		edits: []string{`"Para *two*."`, `"See [this](javascript:evil)."`},
		want:  []string{`r.toml:27:30: error: link "javascript:evil": scheme "javascript" is not allowed (only http, https and mailto) [rep.s1.b1.p2]`},
	},
	{
		name:  "file: autolink",
		edits: []string{`"Para *two*."`, `"See <file:///etc/passwd>."`},
		want:  []string{`r.toml:27:30: error: link "file:///etc/passwd": scheme "file" is not allowed (only http, https and mailto) [rep.s1.b1.p2]`},
	},
	{
		name:  "relative link",
		edits: []string{`"Para *two*."`, `"See [this](docs/a.html)."`},
		want:  []string{`r.toml:27:30: error: link "docs/a.html" must be an absolute http, https or mailto URL [rep.s1.b1.p2]`},
	},
	{
		name:  "https link without host",
		edits: []string{`"Para *two*."`, `"See [this](https:///a.html)."`},
		want:  []string{`r.toml:27:30: error: link "https:///a.html" has no host [rep.s1.b1.p2]`},
	},
	{
		name:  "link in a moderator line",
		edits: []string{`"Discussion led by **B**"`, `"Led by [B](javascript:evil)"`},
		want:  []string{`r.toml:32:3: error: link "javascript:evil": scheme "javascript" is not allowed (only http, https and mailto) [rep.s1.m1.text]`},
	},
	{
		name:  "empty heading",
		edits: []string{`heading = "Section one"`, `heading = "  "`},
		want:  []string{`r.toml:20:1: error: section heading is missing or empty [rep.s1.heading]`},
	},
}

// applyEdits returns baseReport with tc's edits applied.
func applyEdits(t *testing.T, tc loadCase) string {
	t.Helper()
	if len(tc.edits)%2 != 0 {
		t.Fatalf("edits must be old, new pairs")
	}
	doc := baseReport
	for i := 0; i < len(tc.edits); i += 2 {
		old, new := tc.edits[i], tc.edits[i+1]
		if n := strings.Count(doc, old); n != 1 {
			t.Fatalf("edit %d: %q occurs %d times, want once", i/2, old, n)
		}
		doc = strings.Replace(doc, old, new, 1)
	}
	return tc.prefix + doc + tc.add
}

func diagStrings(ds diag.List) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func TestParseBase(t *testing.T) {
	l, ds := Parse("r.toml", []byte(baseReport))
	if len(ds) != 0 || l == nil {
		t.Fatalf("base report: got %q", diagStrings(ds))
	}
	want := []string{
		"rep.title", "rep.time-zone", "rep.participants", "rep.annex.a1.title", "rep.s1.heading",
		"rep.s1.b1.name", "rep.s1.b1.p1", "rep.s1.b1.p2", "rep.s1.m1.text", "rep.s1.t1.p1",
	}
	var got []string
	for _, m := range l.Messages {
		got = append(got, m.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("message IDs:\n got %q\nwant %q", got, want)
	}
	if m, ok := l.Message("rep.s1.b1.p2"); !ok || m.Text != "Para *two*." || !m.Markup || m.Line != 27 || m.Col != 30 {
		t.Errorf("rep.s1.b1.p2 = %+v, %v", m, ok)
	}
	if m, ok := l.Message("rep.s1.b1.name"); !ok || m.Text != "Ms. A" || m.Markup {
		t.Errorf("rep.s1.b1.name = %+v, %v", m, ok)
	}
}

// The report's languages come parsed, in the order written.
func TestParseLanguageTags(t *testing.T) {
	doc := strings.Replace(baseReport, `source-language = "en"`, `source-language = "fr"`, 1)
	doc = strings.Replace(doc, `languages = ["en", "ru"]`, "languages = [\"ru\", \"fr\"]\nin-progress = [\"de-CH\"]", 1)
	l, ds := Parse("r.toml", []byte(doc))
	if l == nil {
		t.Fatalf("report: %q", diagStrings(ds))
	}
	de := language.MustParse("de-CH")
	if l.SourceTag != language.French ||
		!slices.Equal(l.LanguageTags, []language.Tag{language.Russian, language.French}) ||
		!slices.Equal(l.InProgressTags, []language.Tag{de}) ||
		!slices.Equal(l.EditionTags(), []language.Tag{language.Russian, language.French, de}) {
		t.Errorf("tags: source %v, languages %v, in progress %v, editions %v", l.SourceTag, l.LanguageTags, l.InProgressTags, l.EditionTags())
	}
}

func TestParseBadInput(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range loadCases {
		if seen[tc.name] {
			t.Fatalf("duplicate case name %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			doc := applyEdits(t, tc)
			l, ds := Parse("r.toml", []byte(doc))
			got := diagStrings(ds)
			if !slices.Equal(got, tc.want) {
				t.Errorf("diagnostics:\n got %s\nwant %s\ndocument:\n%s", quoteLines(got), quoteLines(tc.want), numbered(doc))
			}
			if ds.HasErrors() != (l == nil) {
				t.Errorf("HasErrors = %v but Loaded = %v", ds.HasErrors(), l)
			}
		})
	}
}

func quoteLines(ss []string) string {
	if len(ss) == 0 {
		return "(none)"
	}
	return "\n\t" + strings.Join(ss, "\n\t")
}

// numbered returns doc with line numbers, for failure messages.
func numbered(doc string) string {
	var b strings.Builder
	for i, line := range strings.Split(doc, "\n") {
		fmt.Fprintf(&b, "%3d  %s\n", i+1, line)
	}
	return b.String()
}

func TestParseNeverPanics(t *testing.T) {
	// Every prefix of a bad case is a document too; none may panic.
	for _, tc := range loadCases {
		doc := applyEdits(t, tc)
		for n := 0; n <= len(doc); n += 7 {
			Parse("r.toml", []byte(doc[:n]))
		}
	}
}

func TestEmbeddedReport(t *testing.T) {
	const name = "central-asia-2021.toml"
	l, ds := Load(Embedded(), name, name)
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %s", quoteLines(diagStrings(ds)))
	}
	if l == nil {
		t.Fatal("Load returned nil without diagnostics")
	}
	if l.ID != "central-asia-2021" || l.File != name {
		t.Errorf("ID, File = %q, %q", l.ID, l.File)
	}
	// 4 top-level strings (title, time zone, participants, closing marker), 7 annex
	// titles, 7 section headings, 16 speakers with name and role, 2
	// moderator lines and 35 paragraphs (counted with another TOML parser).
	if got, want := len(l.Messages), 4+7+7+2*16+2+35; got != want {
		t.Errorf("%d messages, want %d", got, want)
	}
	seen := map[string]bool{}
	for _, m := range l.Messages {
		if seen[m.ID] {
			t.Errorf("message %s listed twice", m.ID)
		}
		seen[m.ID] = true
		if m.File != name || m.Line <= 0 || m.Col <= 0 {
			t.Errorf("message %s at %s:%d:%d", m.ID, m.File, m.Line, m.Col)
		}
	}
	for _, c := range []struct {
		id, contains string
		markup       bool
	}{
		{"central-asia-2021.title", "Fostering Sub-Regional Cooperation on Migration in Central Asia", false},
		{"central-asia-2021.participants", "Migration Multi-Partner Trust Fund", true},
		{"central-asia-2021.closing-marker", "CLOSE OF SESSION", false},
		{"central-asia-2021.annex.held-remarks.title", "Ms. Renate Held", false},
		{"central-asia-2021.opening.heading", "Opening remarks", false},
		{"central-asia-2021.opening.held.p3", "*no one will be safe until everyone is safe.*", true},
		{"central-asia-2021.roundtable-one.moderator.text", "moderated by Ms. Katja Schaefer", true},
		{"central-asia-2021.closing.ngu.name", "Ms. Henny Ngu", false},
		{"central-asia-2021.closing.ngu.role", "UNDP", false},
		{"central-asia-2021.closing.hajiev.p1", "Mr. Hajiev thanked all participants", true},
	} {
		m, ok := l.Message(c.id)
		if !ok {
			t.Errorf("no message %s", c.id)
			continue
		}
		if !strings.Contains(m.Text, c.contains) || m.Markup != c.markup {
			t.Errorf("%s = %q (markup %v), want it to contain %q (markup %v)", c.id, m.Text, m.Markup, c.contains, c.markup)
		}
	}
	if m, _ := l.Message("central-asia-2021.closing.ngu.name"); m.Text != "Ms. Henny Ngu" {
		t.Errorf("closing.ngu.name = %q", m.Text)
	}
	for _, id := range []string{"central-asia-2021.opening.held.p4", "central-asia-2021.closing.taha.name", "central-asia-2021.roundtable-one.schaefer.name"} {
		if _, ok := l.Message(id); ok {
			t.Errorf("unexpected message %s", id)
		}
	}
	if got := len(l.Annexes); got != 7 {
		t.Errorf("%d annexes, want 7", got)
	}
	if l.Time == nil || l.Time.Start != "08:30" || l.Time.End != "12:00" || l.Time.Zone != "CET" {
		t.Errorf("time = %+v", l.Time)
	}
	if y, m, d := l.Date.Date(); y != 2021 || m != 1 || d != 28 {
		t.Errorf("date = %v", l.Date)
	}
}

func TestLoadDirDuplicateID(t *testing.T) {
	other := strings.Replace(baseReport, `title = "A report"`, `title = "Another report"`, 1)
	fsys := fstest.MapFS{
		"a.toml":       {Data: []byte(baseReport)},
		"b.toml":       {Data: []byte(other)},
		"c.toml":       {Data: []byte(strings.Replace(baseReport, `id = "rep"`, `id = "rep-2"`, 1))},
		"_draft.toml":  {Data: []byte("not toml at all [")},
		".hidden.toml": {Data: []byte("not toml at all [")},
		"notes.txt":    {Data: []byte("not a report")},
	}
	reports, ds := LoadDir(fsys, "reports")
	want := []string{`reports/b.toml:1:1: error: report ID "rep" is already used by reports/a.toml [rep]`}
	if got := diagStrings(ds); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n got %s\nwant %s", quoteLines(got), quoteLines(want))
	}
	var got []string
	for _, r := range reports {
		got = append(got, r.File+"="+r.ID)
	}
	// Neither report with the duplicated ID is built.
	if want := []string{"reports/c.toml=rep-2"}; !slices.Equal(got, want) {
		t.Errorf("reports = %q, want %q", got, want)
	}
}

func TestLoadDirErrors(t *testing.T) {
	_, ds := LoadDir(fstest.MapFS{"a.txt": {Data: []byte("x")}}, "reports")
	if got, want := diagStrings(ds), []string{"reports: error: no report files (*.toml) found"}; !slices.Equal(got, want) {
		t.Errorf("empty folder: got %s, want %s", quoteLines(got), quoteLines(want))
	}

	fsys := fstest.MapFS{
		"a.toml": {Data: []byte(strings.Replace(baseReport, `kind = "original"`, `kind = "copy"`, 1))},
		"b.toml": {Data: []byte(baseReport)},
	}
	reports, ds := LoadDir(fsys, "")
	want := []string{`a.toml:16:3: error: annex item kind "copy" is not one of original, translation, courtesy-translation [a1]`}
	if got := diagStrings(ds); !slices.Equal(got, want) {
		t.Errorf("bad file: got %s, want %s", quoteLines(got), quoteLines(want))
	}
	if len(reports) != 1 || reports[0].File != "b.toml" {
		t.Errorf("reports = %v, want only b.toml", reports)
	}
}

func TestLoadMissingFile(t *testing.T) {
	l, ds := Load(fstest.MapFS{}, "nope.toml", "reports/nope.toml")
	if l != nil || len(ds) != 1 || ds[0].String() != "reports/nope.toml: error: file does not exist" {
		t.Errorf("got %v, %s", l, quoteLines(diagStrings(ds)))
	}
}

// TestTextIsNormalised checks that text is put into NFC when loaded: "й"
// typed as "и" and a combining breve (escaped or not) becomes one
// character, which the fonts draw with the breve above the letter.
func TestTextIsNormalised(t *testing.T) {
	doc := strings.Replace(baseReport, `name = "Ms. A"`, `name = "Ms. Ви\u0306ктория и`+"\u0306"+`"`, 1)
	l, ds := Parse("r.toml", []byte(doc))
	if l == nil || len(ds) != 0 {
		t.Fatalf("got %q", diagStrings(ds))
	}
	if m, _ := l.Message("rep.s1.b1.name"); m.Text != "Ms. Вйктория й" {
		t.Errorf("name = %q, want NFC", m.Text)
	}
}

func TestReadHead(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		id         string // "" when the head does not read
	}{
		{"base", baseReport, "rep"},
		{"no table", "id = \"a\"\nsource-language = \"en\"\nlanguages = [\"en\"]\n", "a"},
		{"indented header", "id = \"a\"\nsource-language = \"en\"\nlanguages = [\"en\"]\n  [x]\ny = 1\n", "a"},
		{"no ID", "source-language = \"en\"\nlanguages = [\"en\"]\n", ""},
		{"no languages", "id = \"a\"\nsource-language = \"en\"\n", ""},
		{"bad language", "id = \"a\"\nsource-language = \"en\"\nlanguages = [\"en\", \"??\"]\n", ""},
		{"too deep", "id = \"a\"\nsource-language = \"en\"\nlanguages = [\"en\"]\nx = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", ""},
		{"key too long", "id = \"a\"\nsource-language = \"en\"\nlanguages = [\"en\"]\n" + strings.Repeat("k.", 40) + "k = 1\n", ""},
		{"syntax error", "id = \"a\nsource-language = \"en\"\nlanguages = [\"en\"]\n", ""},
		// A line starting with [ inside a value ends the head there: it
		// does not decode, so the file is left to Load.
		{"array", "id = \"a\"\nsource-language = \"en\"\nlanguages = [\n[\"en\"]]\n", ""},
		{"string", "id = \"a\"\nsource-language = \"en\"\nlanguages = [\"en\"]\ntitle = \"\"\"\n[not a table]\n\"\"\"\n", ""},
	} {
		fsys := fstest.MapFS{"r.toml": {Data: []byte(tc.data)}}
		h, ok := ReadHead(fsys, "r.toml")
		if ok != (tc.id != "") || h.ID != tc.id {
			t.Errorf("%s: ReadHead = %+v, %v; want ID %q", tc.name, h, ok, tc.id)
		}
	}
	if _, ok := ReadHead(fstest.MapFS{}, "r.toml"); ok {
		t.Error("ReadHead of a missing file reads")
	}
}

func TestLoadDirOnly(t *testing.T) {
	fsys := fstest.MapFS{
		"a.toml": {Data: []byte(baseReport)},
		"b.toml": {Data: []byte("id = \"other\"\nsource-language = \"en\"\nlanguages = [\"en\", \"fr\"]\n[[section]]\nbroken = 1\n")},
	}
	rs, skipped, diags := LoadDirOnly(fsys, "sources", []string{"rep"})
	if len(diags) > 0 || len(rs) != 1 || rs[0].ID != "rep" {
		t.Fatalf("LoadDirOnly = %v, %v", rs, diags)
	}
	if len(skipped) != 1 || skipped[0].ID != "other" || skipped[0].File != "sources/b.toml" || !slices.Equal(skipped[0].Editions(), []string{"en", "fr"}) {
		t.Errorf("skipped = %+v", skipped)
	}
	if _, diags := LoadDir(fsys, "sources"); !diags.HasErrors() {
		t.Error("LoadDir: want the error of b.toml")
	}
}
