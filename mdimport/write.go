package mdimport

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/sources"
)

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = tomlpos.QuoteVisible(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// formatReport writes a report as a report file, in the layout of the
// reference report: metadata, the annex register, then the sections.
func formatReport(r *sources.Report, from string) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Imported from %s by reportgen import. Message IDs are derived from the\n", from)
	w("# structure (see sources/schema.go); section and block IDs are stable keys:\n")
	w("# rename them now, before translations refer to them, if you like.\n\n")
	w("id = %s\n", tomlpos.QuoteVisible(r.ID))
	w("kind = %s\n", tomlpos.QuoteVisible(r.Kind))
	w("source-language = %s\n", tomlpos.QuoteVisible(r.SourceLanguage))
	w("languages = %s\n", quoteList(r.Languages))
	if len(r.InProgress) > 0 {
		w("in-progress = %s\n", quoteList(r.InProgress))
	}
	if r.Style != "" {
		w("style = %s\n", tomlpos.QuoteVisible(r.Style))
	}
	w("title = %s\n", tomlpos.QuoteVisible(r.Title))
	if !r.Date.IsZero() {
		w("date = %s\n", r.Date.Format("2006-01-02"))
	}
	if !r.EndDate.IsZero() {
		w("end-date = %s\n", r.EndDate.Format("2006-01-02"))
	}
	if r.Place != "" {
		w("place = %s\n", tomlpos.QuoteVisible(r.Place))
	}
	if t := r.Time; t != nil {
		w("time = { start = %s, end = %s", tomlpos.QuoteVisible(t.Start), tomlpos.QuoteVisible(t.End))
		if t.Zone != "" {
			w(", zone = %s", tomlpos.QuoteVisible(t.Zone))
		}
		w(" }\n")
	}
	if a := r.Attendance; a != nil {
		var parts []string
		if a.InPerson > 0 {
			parts = append(parts, fmt.Sprintf("in-person = %d", a.InPerson))
		}
		if a.Online > 0 {
			parts = append(parts, fmt.Sprintf("online = %d", a.Online))
		}
		w("attendance = { %s }\n", strings.Join(parts, ", "))
	}
	if r.Participants != "" {
		w("participants = %s\n", tomlpos.QuoteVisible(r.Participants))
	}
	if r.ClosingMarker != "" {
		w("closing-marker = %s\n", tomlpos.QuoteVisible(r.ClosingMarker))
	}
	for _, a := range r.Annexes {
		w("\n[[annex]]\nkey = %s\n", tomlpos.QuoteVisible(a.Key))
		if a.Title != "" {
			w("title = %s\n", tomlpos.QuoteVisible(a.Title))
		}
		for _, it := range a.Items {
			w("\n  [[annex.item]]\n  languages = %s\n  kind = %s\n", quoteList(it.Languages), tomlpos.QuoteVisible(it.Kind))
			if it.Title != "" {
				w("  title = %s\n", tomlpos.QuoteVisible(it.Title))
			}
			if it.Translates != 0 {
				w("  translates = %d\n", it.Translates)
			}
		}
	}
	for _, from := range slices.Sorted(maps.Keys(r.Links)) {
		w("\n[links.%s]\n", tomlpos.QuoteVisible(from))
		for _, lang := range slices.Sorted(maps.Keys(r.Links[from])) {
			w("%s = %s\n", lang, tomlpos.QuoteVisible(r.Links[from][lang]))
		}
	}
	for _, s := range r.Sections {
		w("\n# ----------------------------------------------------------------------------\n\n")
		w("[[section]]\nid = %s\nheading = %s\n", tomlpos.QuoteVisible(s.ID), tomlpos.QuoteVisible(s.Heading))
		for _, bl := range s.Blocks {
			w("\n  [[section.block]]\n  type = %s\n  id = %s\n", tomlpos.QuoteVisible(bl.Type), tomlpos.QuoteVisible(bl.ID))
			if bl.Heading {
				w("  heading = true\n")
			}
			if bl.Name != "" {
				w("  name = %s\n", tomlpos.QuoteVisible(bl.Name))
			}
			if bl.Role != "" {
				w("  role = %s\n", tomlpos.QuoteVisible(bl.Role))
			}
			if len(bl.Annexes) > 0 {
				w("  annexes = %s\n", quoteList(bl.Annexes))
			}
			if bl.Text != "" {
				w("  text = %s\n", tomlpos.QuoteVisible(bl.Text))
			}
			if bl.Numbered {
				w("  numbered = true\n")
			}
			if bl.Image != "" {
				w("  image = %s\n", tomlpos.QuoteVisible(bl.Image))
			}
			if bl.Type == sources.BlockFigure {
				w("  alt = %s\n", tomlpos.QuoteVisible(bl.Alt))
			}
			if bl.Caption != "" {
				w("  caption = %s\n", tomlpos.QuoteVisible(bl.Caption))
			}
			if len(bl.Paragraphs) > 0 {
				w("  paragraphs = [\n")
				for _, p := range bl.Paragraphs {
					w("    %s,\n", tomlpos.QuoteVisible(p))
				}
				w("  ]\n")
			}
			if len(bl.Items) > 0 {
				w("  items = [\n")
				writeItems(&b, bl.Items, "    ")
				w("  ]\n")
			}
			if len(bl.Columns) > 0 {
				w("  columns = [\n")
				for _, c := range bl.Columns {
					w("    { header = %s", tomlpos.QuoteVisible(c.Header))
					if c.Width != "" {
						w(", width = %s", tomlpos.QuoteVisible(c.Width))
					}
					if c.Align != "" {
						w(", align = %s", tomlpos.QuoteVisible(c.Align))
					}
					w(" },\n")
				}
				w("  ]\n")
			}
			if len(bl.Rows) > 0 {
				w("  rows = [\n")
				for _, row := range bl.Rows {
					w("    %s,\n", quoteList(row))
				}
				w("  ]\n")
			}
		}
	}
	return []byte(b.String())
}

func writeItems(b *strings.Builder, items []sources.ListItem, indent string) {
	for _, it := range items {
		if len(it.Items) == 0 {
			fmt.Fprintf(b, "%s%s,\n", indent, tomlpos.QuoteVisible(it.Text))
			continue
		}
		fmt.Fprintf(b, "%s{ text = %s, items = [\n", indent, tomlpos.QuoteVisible(it.Text))
		writeItems(b, it.Items, indent+"  ")
		fmt.Fprintf(b, "%s] },\n", indent)
	}
}

// formatCatalog writes a report's translations as a catalog file: one
// table per section, block or annex, in the report's order (ids).
func formatCatalog(lang, reportID, from string, ids []string, msgs map[string]string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s translation of sources/%s.toml, imported from %s by reportgen\n", lang, reportID, from)
	b.WriteString("# import. Message IDs: see the comment at the top of the report file.\n")
	var tables []string
	keys := map[string][]string{}
	for _, id := range ids {
		if _, ok := msgs[id]; !ok {
			continue
		}
		i := strings.LastIndex(id, ".")
		table := id[:i]
		if _, ok := keys[table]; !ok {
			tables = append(tables, table)
		}
		keys[table] = append(keys[table], id[i+1:])
	}
	for i, table := range tables {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "[%s]\n", tablePath(table))
		for _, key := range keys[table] {
			fmt.Fprintf(&b, "%s = %s\n", key, tomlpos.QuoteVisible(msgs[table+"."+key]))
		}
	}
	return []byte(b.String())
}

// tablePath writes a dotted table name, quoting segments that are not
// bare keys.
func tablePath(id string) string {
	segs := strings.Split(id, ".")
	for i, s := range segs {
		if !tomlpos.IsBareKey(s) {
			segs[i] = tomlpos.QuoteVisible(s)
		}
	}
	return strings.Join(segs, ".")
}

// sortedBy returns the keys of m in the order of order, then the rest
// sorted.
func sortedBy(m map[string]string, order []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range order {
		if _, ok := m[id]; ok && !seen[id] {
			out = append(out, id)
			seen[id] = true
		}
	}
	var rest []string
	for id := range m {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}
