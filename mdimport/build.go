package mdimport

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/reportgen/reportgen/sources"
)

// built is the report made of the English document, with each section
// and block of the document beside the ID it was given, for aligning
// translations.
type built struct {
	r        *sources.Report
	sections []builtSection
	// groups maps the document's annex numbers to annex keys.
	groups map[int]string
	d      details
}

type builtSection struct {
	// id is the section's ID; base what it is made of, before "-2" …
	// made it unique (an update makes new IDs of it).
	id, base string
	s        *section
	blocks   []builtBlock
}

type builtBlock struct {
	id, base, typ string
	b             *block
}

type group struct {
	num   int
	key   string
	items map[int]ref
	line  int
}

// build turns the English document into a report.
func (im *importer) build(d *doc) *built {
	r := &sources.Report{ID: im.id, SourceLanguage: d.lang, Languages: []string{d.lang}}
	out := &built{r: r, groups: map[int]string{}}
	note := func(line int, format string, args ...any) { im.notes.Warnf(d.file, line, 0, "", format, args...) }
	r.Title = d.title.text
	r.Kind = d.kind.text
	if r.Kind == "" || r.Kind == "?" {
		if d.kind.line != 0 {
			note(d.kind.line, "document type %q is not one reportgen knows: summary-report used", d.kind.text)
		} else {
			note(d.title.line, "no document type heading (## SUMMARY REPORT) after the title: summary-report used")
		}
		r.Kind = "summary-report"
	}
	if d.details.line != 0 {
		det, ok := parseDetails(d.details.text)
		if !ok {
			note(d.details.line, "meeting details not read (no date such as \"28 January 2021\" or \"14–15 October 2025\"): %q", d.details.text)
		} else {
			out.d = det
			r.Date, r.EndDate, r.Place = det.date, det.end, det.place
			if det.start != "" {
				r.Time = &sources.TimeSpan{Start: det.start, End: det.fin, Zone: det.zone}
			}
		}
	} else {
		note(d.title.line, "no meeting details line after the title: the report needs a date")
	}
	if d.attendance.line != 0 {
		in, online := parseAttendance(d.attendance.text)
		r.Attendance = &sources.Attendance{InPerson: in, Online: online}
	}
	r.Participants = d.participants.text
	r.ClosingMarker = d.closing.text

	var body []string
	for _, s := range d.sections {
		for _, b := range s.blocks {
			for _, p := range b.paras {
				body = append(body, p.text)
			}
		}
	}

	groups := map[int]*group{}
	var order []int // group numbers in order of first reference
	secIDs := map[string]bool{}
	for _, s := range d.sections {
		sec := sources.Section{Heading: sentenceCase(s.heading.text, body)}
		bs := builtSection{s: s, base: baseID(slug(sec.Heading, 5), "section")}
		bs.id = unique(bs.base, "section", secIDs)
		sec.ID = bs.id
		blockIDs := map[string]bool{}
		var base string // of the last ID made
		newID := func(id, fallback string) string {
			base = baseID(id, fallback)
			return unique(base, base, blockIDs)
		}
		for _, b := range s.blocks {
			blk := sources.Block{}
			switch b.raw {
			case rawBold, rawBoldHead:
				if strings.Contains(b.boldPlain, ", moderated by ") || strings.HasPrefix(b.boldPlain, "Moderated by ") {
					blk.Type = sources.BlockModerator
					blk.Text = b.bold
					blk.ID = newID("moderator", "moderator")
					if b.raw == rawBoldHead {
						note(b.line, "moderator line as a heading: set as a moderator line")
					}
				} else {
					blk.Type = sources.BlockSpeaker
					name, role, _ := strings.Cut(b.boldPlain, ",")
					blk.Name, blk.Role = strings.TrimSpace(name), strings.TrimSpace(role)
					blk.Heading = b.raw == rawBoldHead
					blk.ID = newID(speakerID(blk.Name), "speaker")
				}
				if blk.Type == sources.BlockSpeaker {
					for _, p := range b.paras {
						blk.Paragraphs = append(blk.Paragraphs, p.text)
					}
				}
				if blk.Type == sources.BlockModerator && len(b.paras) > 0 {
					// Paragraphs after a moderator line are a text block.
					bs.blocks = append(bs.blocks, builtBlock{id: blk.ID, base: base, typ: blk.Type, b: b})
					sec.Blocks = append(sec.Blocks, blk)
					blk = sources.Block{Type: sources.BlockText, ID: newID("text", "text")}
					for _, p := range b.paras {
						blk.Paragraphs = append(blk.Paragraphs, p.text)
					}
					bs.blocks = append(bs.blocks, builtBlock{id: blk.ID, base: base, typ: "moderator-text", b: b})
					sec.Blocks = append(sec.Blocks, blk)
					if b.label.line != 0 {
						note(b.label.line, "annex label on a moderator line left out")
					}
					continue
				}
				if b.label.line != 0 {
					refs, bad := parseLabel(b.label.text)
					for _, x := range bad {
						note(b.label.line, "annex label: %q not read", x)
					}
					for _, x := range refs {
						g, ok := groups[x.group]
						if !ok {
							base := blk.ID
							if base == "" {
								base = "annex"
							}
							g = &group{num: x.group, items: map[int]ref{}, line: b.label.line}
							g.key = uniqueKey(base, groups)
							groups[x.group] = g
							order = append(order, x.group)
						}
						if old, dup := g.items[x.item]; dup && !slices.Equal(old.langs, x.langs) {
							note(b.label.line, "annex %s is labelled with other languages than at line %d: the first kept", number(x.group, x.item), g.line)
						} else if !dup {
							g.items[x.item] = x
						}
						if !slices.Contains(blk.Annexes, g.key) {
							blk.Annexes = append(blk.Annexes, g.key)
						}
					}
				}
			case rawSubheading:
				blk.Type = sources.BlockSubheading
				blk.Text = b.text.text
				blk.ID = newID(slug(markupPlain(b.text.text), 3), "subheading")
			case rawText:
				blk.Type = sources.BlockText
				blk.ID = newID("text", "text")
				for _, p := range b.paras {
					blk.Paragraphs = append(blk.Paragraphs, p.text)
				}
			case rawList:
				blk.Type = sources.BlockList
				blk.ID = newID("list", "list")
				blk.Numbered = b.numbered
				for _, p := range b.paras {
					blk.Paragraphs = append(blk.Paragraphs, p.text)
				}
				blk.Items = listItems(b.items)
			case rawFigure:
				blk.Type = sources.BlockFigure
				name := strings.TrimSuffix(path.Base(b.image), path.Ext(b.image))
				blk.ID = newID(slug(name, 4), "figure")
				blk.Image = im.figure(d, b)
				if blk.Image == "" {
					continue
				}
				blk.Alt = b.alt
				blk.Caption = b.caption.text
				if strings.TrimSpace(b.alt) == "" {
					note(b.line, "image without alt text: a figure needs one (what the picture shows); write it in ![…]")
				}
			case rawTable:
				blk.Type = sources.BlockTable
				blk.ID = newID("table", "table")
				blk.Caption = b.caption.text
				for _, c := range b.columns {
					blk.Columns = append(blk.Columns, sources.TableColumn{Header: c.header.text, Align: c.align, Width: c.width})
				}
				for _, row := range b.rows {
					var cells []string
					for _, c := range row {
						cells = append(cells, c.text)
					}
					blk.Rows = append(blk.Rows, cells)
				}
			}
			bs.blocks = append(bs.blocks, builtBlock{id: blk.ID, base: base, typ: blk.Type, b: b})
			sec.Blocks = append(sec.Blocks, blk)
		}
		if len(sec.Blocks) == 0 {
			note(s.heading.line, "section %q has nothing in it: left out", s.heading.text)
			continue
		}
		out.sections = append(out.sections, bs)
		r.Sections = append(r.Sections, sec)
	}

	// The annex register, in order of first reference, then the annexes
	// the list of annexes has and no label refers to.
	for i, n := range order {
		if n != i+1 && !slices.Contains(order[:i], i+1) {
			note(groups[n].line, "annex %d is referred to before annex %d: reportgen numbers annexes by first reference, so the numbers will change", n, i+1)
			break
		}
	}
	for _, n := range slices.Sorted(maps.Keys(d.annexTitles)) {
		if _, ok := groups[n]; !ok {
			g := &group{num: n, items: map[int]ref{}, line: d.annexTitles[n].line}
			g.key = uniqueKey(unique(slug(d.annexTitles[n].text, 3), "annex", nil), groups)
			groups[n] = g
			order = append(order, n)
			note(g.line, "annex %d is in the list of annexes but no label refers to it: it is defined, and a build warns that it is never referred to", n)
		}
	}
	for _, n := range order {
		g := groups[n]
		out.groups[n] = g.key
		a := sources.Annex{Key: g.key}
		if t, ok := d.annexTitles[n]; ok {
			a.Title = t.text
		} else {
			note(g.line, "annex %d (key %q) has no title: no \"Annex %d. Title\" line in an \"Annexes\" section; a draft lists it under its key, --strict fails until the report gives it a title", n, g.key, n)
		}
		// Items: from the labels, completed by the list of annexes.
		maxItem := -1
		for k := range g.items {
			maxItem = max(maxItem, k)
		}
		for k := range d.annexItems {
			if gg, it, ok := annexNumber(k); ok && gg == n {
				maxItem = max(maxItem, it)
			}
		}
		var seen []string
		for k := 0; k <= maxItem; k++ {
			it := sources.Item{}
			x, have := g.items[k]
			line := g.line
			if f, ok := d.annexItems[number(n, k)]; ok {
				kind, langs, tr, title, ok := annexItemLine(f.text)
				if ok {
					it.Kind, it.Languages, it.Translates, it.Title = kind, langs, tr, title
				} else {
					note(f.line, "line of the list of annexes not read: %q (write \"%s English (original)\")", f.text, number(n, k))
				}
				line = f.line
			}
			if it.Kind == "" && have {
				it.Languages = x.langs
				switch {
				case x.courtesy:
					it.Kind = sources.KindCourtesyTranslation
				case k > 0 && !slices.ContainsFunc(x.langs, func(l string) bool { return slices.Contains(seen, l) }):
					it.Kind = sources.KindTranslation
				default:
					it.Kind = sources.KindOriginal
				}
			}
			if it.Kind == "" {
				note(line, "annex %s is not in any label or in the list of annexes: the annex's items after it are numbered one lower", number(n, k))
				continue
			}
			seen = append(seen, it.Languages...)
			a.Items = append(a.Items, it)
		}
		r.Annexes = append(r.Annexes, a)
	}
	return out
}

func number(g, item int) string {
	if item == 0 {
		return fmt.Sprint(g)
	}
	return fmt.Sprintf("%d.%d", g, item)
}

// reserved are IDs a report may not use (sources/load.go).
var reserved = map[string]bool{
	"title": true, "participants": true, "closing-marker": true, "annex": true, "heading": true,
	"place": true, "time-zone": true, "interface": true,
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
}

// unique returns id, or fallback when id is empty or reserved, with "-2",
// "-3" … when taken; it records it in taken.
func unique(id, fallback string, taken map[string]bool) string {
	id = baseID(id, fallback)
	out := id
	for n := 2; taken[out]; n++ {
		out = fmt.Sprintf("%s-%d", id, n)
	}
	if taken != nil {
		taken[out] = true
	}
	return out
}

// baseID returns id, or fallback when id is empty, reserved or does not
// start with a letter or digit.
func baseID(id, fallback string) string {
	if id == "" || reserved[id] || id[0] == '-' {
		return fallback
	}
	if !(id[0] >= 'a' && id[0] <= 'z' || id[0] >= '0' && id[0] <= '9') {
		return fallback
	}
	return id
}

func uniqueKey(base string, groups map[int]*group) string {
	taken := map[string]bool{}
	for _, g := range groups {
		taken[g.key] = true
	}
	return unique(base, "annex", taken)
}

func listItems(items []*item) []sources.ListItem {
	var out []sources.ListItem
	for _, it := range items {
		out = append(out, sources.ListItem{Text: it.text.text, Items: listItems(it.items)})
	}
	return out
}

// markupPlain strips the markers of inline markup, for an ID.
func markupPlain(s string) string {
	return strings.NewReplacer("*", "", "[", "", "]", "", "\\", "").Replace(s)
}
