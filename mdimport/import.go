// Package mdimport turns a report written in Markdown (as a word
// processor exports it, e.g. with pandoc) and translated copies of it into
// a report file and catalogs: reportgen import.
//
// Markdown is read with goldmark (CommonMark, with the GFM table and the
// footnote extensions); the conventions it recognises are described in
// the README ("Start from a document: importing from Markdown"). Translations are paired with the
// English block by block; a block whose structure differs is left
// untranslated and reported, never misaligned.
package mdimport

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
)

// Source is one Markdown file: the English or a translation.
type Source struct {
	// File is the file's name as shown in notes.
	File string
	// Lang is its language (BCP 47), e.g. "en", "ru".
	Lang string
	Data []byte
}

// Config says what the importer needs to know beyond the files.
type Config struct {
	// ID is the report's ID.
	ID string
	// Message returns interface message id in language lang, or "":
	// the running header (brand.organization, brand.tagline), the
	// document types (doctype.<kind>) and the heading of the list of
	// annexes (annexes.heading) are recognised by them.
	Message func(lang, id string) string
	// Kinds are the document types known (summary-report …).
	Kinds []string
	// ReadFigure reads a figure's file, named as the Markdown file of
	// the English names it (relative to that file); nil reads nothing.
	ReadFigure func(name string) ([]byte, error)
}

// Result is what an import makes.
type Result struct {
	// Report is the report file, sources/<id>.toml.
	Report []byte
	// Catalogs are the translations, by language: the catalog files
	// locales/<lang>/<id>.<lang>.toml.
	Catalogs map[string][]byte
	// Figures are the figure files to write, by path relative to
	// sources/ ("figures/arrivals.png").
	Figures map[string][]byte
	// Loaded is the report as reportgen loads it.
	Loaded *sources.Loaded
	// Translations are the catalogs' messages, by language and ID.
	Translations map[string]map[string]string
	// Notes are what could not be mapped, with the Markdown files' lines,
	// and the diagnostics of loading the report made; for an update, what
	// was removed, at its line in the report as it was.
	Notes diag.List

	// Of an update: Moved maps the IDs of messages of the report as it
	// was to their IDs now, where they differ (a block moved to another
	// section; a paragraph, list item, table row or column, or annex item
	// inserted or removed before them); Gone are the messages of the report as it was that no
	// block has any more (a removed block, a paragraph, item or row fewer).
	Moved map[string]string
	Gone  []sources.Message
	// Vacated are the IDs of messages that now hold another text than
	// under the same ID before: a paragraph, list item, table row or
	// column inserted or removed before them shifted those of their
	// block (Moved says where each went). A translation under such an ID translates another text: it
	// is to be replaced by the one Moved brings, or removed, so that the
	// message is missing rather than stale.
	Vacated []string
	// Left are the IDs of messages of the report as it was whose texts
	// moved to another place in their block (Moved says where) and that
	// no message has now: an item removed before them, or their parent
	// item moved. Their translations go with their texts; none is left
	// behind, obsolete.
	Left []string
}

type importer struct {
	cfg     Config
	id      string
	notes   *diag.List
	figures map[string][]byte
}

// Import reads the English document en and its translations.
func Import(en Source, translations []Source, cfg Config) (*Result, error) {
	return importInto(en, translations, cfg, nil)
}

// Update reads the English document en and its translations, as Import
// does, into the report as it is now, old: the sections, blocks and
// annexes of old that are still in the document (unchanged, changed or
// moved) keep their IDs, so that their translations stay attached to
// them, and what is new gets IDs old never had. Blocks are paired with
// old's by their content first (the same text, then a speaker of the same
// name, then similar words), then by their place. The report keeps old's
// languages, style and editions in progress.
func Update(en Source, translations []Source, cfg Config, old *sources.Loaded) (*Result, error) {
	return importInto(en, translations, cfg, old)
}

func importInto(en Source, translations []Source, cfg Config, old *sources.Loaded) (*Result, error) {
	if cfg.Message == nil {
		cfg.Message = func(string, string) string { return "" }
	}
	res := &Result{Catalogs: map[string][]byte{}, Figures: map[string][]byte{}, Translations: map[string]map[string]string{}}
	im := &importer{cfg: cfg, id: cfg.ID, notes: &res.Notes, figures: res.Figures}
	ed := parse(en.File, en.Lang, en.Data, im.langConfig(en.Lang, false), im.notes)
	b := im.build(ed)
	var k kept
	if old != nil {
		k = im.keep(b, old)
		for _, l := range old.Languages {
			if !slices.Contains(b.r.Languages, l) {
				b.r.Languages = append(b.r.Languages, l)
			}
		}
		b.r.Style, b.r.InProgress = old.Style, old.InProgress
	}
	for _, t := range translations {
		if !slices.Contains(b.r.Languages, t.Lang) {
			b.r.Languages = append(b.r.Languages, t.Lang)
		}
	}
	res.Report = formatReport(b.r, path.Base(en.File))
	loaded, diags := sources.Parse("sources/"+im.id+".toml", res.Report)
	if loaded == nil || diags.HasErrors() {
		res.Notes = append(res.Notes, diags...)
		return res, fmt.Errorf("the report made of %s does not load: %d errors", en.File, countErrors(diags))
	}
	res.Loaded = loaded
	parsed := len(res.Notes) // where the diagnostics of loading the report are
	res.Notes = append(res.Notes, diags...)
	var order []string
	known := map[string]bool{}
	for _, m := range loaded.Messages {
		order = append(order, m.ID)
		known[m.ID] = true
	}
	if old != nil {
		res.Moved = map[string]string{}
		for _, m := range old.Messages {
			if k.paraIDs[m.ID] {
				// A paragraph, list item, column header or table cell of a
				// block still there: where it went, or gone (removed; its
				// ID may now hold another text).
				if to, ok := k.paras[m.ID]; ok && known[to] {
					res.Moved[m.ID] = to
					if k.left[m.ID] && !known[m.ID] {
						res.Left = append(res.Left, m.ID)
					}
				} else if _, ok := k.paras[m.ID]; ok || !known[m.ID] || slices.Contains(k.vacated, m.ID) {
					res.Gone = append(res.Gone, m)
				}
				continue
			}
			if known[m.ID] {
				continue
			}
			for from, to := range k.blocks {
				if rest, ok := strings.CutPrefix(m.ID, from+"."); ok && known[to+"."+rest] {
					res.Moved[m.ID] = to + "." + rest
				}
			}
			if _, ok := res.Moved[m.ID]; !ok {
				res.Gone = append(res.Gone, m)
			}
		}
	}
	if len(k.vacated) > 0 {
		// Only IDs of messages, then and now (a table cell without a
		// letter has none).
		had := map[string]bool{}
		for _, m := range old.Messages {
			had[m.ID] = true
		}
		for _, id := range k.vacated {
			if known[id] && had[id] {
				res.Vacated = append(res.Vacated, id)
			}
		}
	}
	for _, t := range translations {
		tc := im.langConfig(t.Lang, ed.kind.line != 0)
		tc.counts = ed.attendance.line != 0
		td := parse(t.File, t.Lang, t.Data, tc, im.notes)
		msgs := im.translate(b, ed, td)
		for id := range msgs {
			if !known[id] {
				delete(msgs, id) // a table cell without a letter, a figure left out
			}
		}
		res.Translations[t.Lang] = msgs
		res.Catalogs[t.Lang] = formatCatalog(t.Lang, im.id, path.Base(t.File), sortedBy(msgs, order), msgs)
	}

	// Localized links: where a translation links elsewhere than the
	// English at the same place, the report declares the address.
	links := im.localizedLinks(loaded, res.Translations, translations)
	if old != nil {
		used := linkTargets(loaded)
		for _, u := range slices.Sorted(maps.Keys(old.Links)) {
			if !used[u] {
				line, _ := old.Pos("links." + tomlpos.QuoteKey(u))
				im.notes.Warnf(old.File, line, 0, "", "no text links to %s any more: its localized addresses are removed", u)
				continue
			}
			for l, a := range old.Links[u] {
				if links[u] == nil {
					links[u] = map[string]string{}
				}
				if _, given := links[u][l]; !given {
					links[u][l] = a
				}
			}
		}
	}
	if len(links) > 0 {
		b.r.Links = links
		res.Report = formatReport(b.r, path.Base(en.File))
		again, diags2 := sources.Parse("sources/"+im.id+".toml", res.Report)
		if again == nil || diags2.HasErrors() {
			res.Notes = append(res.Notes, diags2...)
			return res, fmt.Errorf("the report made of %s does not load: %d errors", en.File, countErrors(diags2))
		}
		res.Loaded = again
		rest := slices.Clone(res.Notes[parsed+len(diags):])
		res.Notes = append(append(res.Notes[:parsed], diags2...), rest...)
	}
	return res, nil
}

// linkTargets returns the addresses the report's texts link to.
func linkTargets(l *sources.Loaded) map[string]bool {
	used := map[string]bool{}
	for _, m := range l.Messages {
		if !m.Markup {
			continue
		}
		if spans, err := markup.Parse(m.Text); err == nil {
			for _, u := range markup.Links(spans) {
				used[u] = true
			}
		}
	}
	return used
}

// localizedLinks compares the links of each translated text with the
// English's: where they are as many and one differs, the translation
// links a page in its language instead, which the report declares
// ([links."<English address>"] <lang> = "<address>"). Where two texts
// of a language give one English address different addresses, the
// first is kept and the other noted.
func (im *importer) localizedLinks(l *sources.Loaded, trs map[string]map[string]string, docs []Source) map[string]map[string]string {
	links := map[string]map[string]string{}
	for _, doc := range docs {
		msgs := trs[doc.Lang]
		for _, m := range l.Messages {
			t, ok := msgs[m.ID]
			if !m.Markup || !ok {
				continue
			}
			es, err1 := markup.Parse(m.Text)
			ts, err2 := markup.Parse(t)
			if err1 != nil || err2 != nil {
				continue
			}
			el, tl := markup.Links(es), markup.Links(ts)
			if len(el) != len(tl) {
				continue // the check says which link is missing
			}
			for k := range el {
				if el[k] == tl[k] || !linkable(tl[k]) {
					continue
				}
				if prev, ok := links[el[k]][doc.Lang]; ok {
					if prev != tl[k] {
						im.notes.Warnf(l.File, m.Line, m.Col, m.ID, "%s: the %s translation links %s here where the English links %s, and %s elsewhere; %s is declared", doc.File, doc.Lang, tl[k], el[k], prev, prev)
					}
					continue
				}
				if links[el[k]] == nil {
					links[el[k]] = map[string]string{}
				}
				links[el[k]][doc.Lang] = tl[k]
			}
		}
	}
	return links
}

func countErrors(ds diag.List) int {
	n := 0
	for _, d := range ds {
		if d.Severity == diag.Error {
			n++
		}
	}
	return n
}

func (im *importer) langConfig(lang string, kindFirst bool) *langConfig {
	c := &langConfig{doctypes: map[string]string{}, kindFirst: kindFirst}
	for _, id := range []string{"brand.organization", "brand.tagline"} {
		if m := im.cfg.Message(lang, id); m != "" {
			c.brand = append(c.brand, m)
		}
	}
	// The longer first, so that one line holding another is removed whole.
	slices.SortFunc(c.brand, func(a, b string) int { return len(b) - len(a) })
	for _, k := range im.cfg.Kinds {
		if m := im.cfg.Message(lang, "doctype."+k); m != "" {
			c.doctypes[strings.ToLower(m)] = k
		}
		if m := im.cfg.Message(lang, im.id+".interface.doctype."+k); m != "" {
			c.doctypes[strings.ToLower(m)] = k
		}
	}
	c.annexes = strings.ToLower(im.cfg.Message(lang, "annexes.heading"))
	return c
}

// figure returns the path in the report of a figure's picture, copied to
// sources/figures/, or "" when it cannot be read.
func (im *importer) figure(d *doc, b *block) string {
	name := b.image
	if strings.Contains(name, "://") || im.cfg.ReadFigure == nil {
		im.notes.Warnf(d.file, b.line, 0, "", "figure %q left out: a figure's picture must be a PNG or JPEG file beside the Markdown file", name)
		return ""
	}
	data, err := im.cfg.ReadFigure(name)
	if err != nil {
		im.notes.Warnf(d.file, b.line, 0, "", "figure %q left out: %v", name, err)
		return ""
	}
	dest := "figures/" + path.Base(name)
	for n := 2; ; n++ {
		old, taken := im.figures[dest]
		if !taken || string(old) == string(data) {
			break
		}
		ext := path.Ext(name)
		dest = fmt.Sprintf("figures/%s-%d%s", strings.TrimSuffix(path.Base(name), ext), n, ext)
	}
	im.figures[dest] = data
	return dest
}

// translate pairs a translation with the English and returns its
// messages by ID.
func (im *importer) translate(b *built, ed, td *doc) map[string]string {
	msgs := map[string]string{}
	id := im.id
	set := func(key, text string) {
		if strings.TrimSpace(text) != "" {
			msgs[key] = text
		}
	}
	note := func(enLine, trLine int, format string, args ...any) {
		im.notes.Warnf(td.file, trLine, 0, "", "%s (%s:%d)", fmt.Sprintf(format, args...), ed.file, enLine)
	}
	if td.title.line != 0 {
		set(id+".title", td.title.text)
	}
	if td.participants.line != 0 {
		set(id+".participants", td.participants.text)
	} else if ed.participants.line != 0 {
		note(ed.participants.line, td.title.line, "no participants line in italics: left untranslated")
	}
	if td.closing.line != 0 {
		set(id+".closing-marker", td.closing.text)
	}
	if td.details.line != 0 {
		place, zone := translatedDetails(td.details.text, b.d)
		if b.d.place != "" {
			set(id+".place", place)
		}
		if b.d.zone != "" {
			set(id+".time-zone", zone)
		}
	}
	for n, key := range b.groups {
		if t, ok := td.annexTitles[n]; ok {
			set(id+".annex."+key+".title", t.text)
		}
		for num, f := range td.annexItems {
			if g, k, ok := annexNumber(num); ok && g == n {
				if t := itemTitle(f.text); t != "" {
					set(fmt.Sprintf("%s.annex.%s.%d.title", id, key, k+1), t)
				}
			}
		}
	}

	var enSig, trSig []string
	for _, s := range b.sections {
		enSig = append(enSig, sectionSignature(s.s))
	}
	for _, s := range td.sections {
		trSig = append(trSig, sectionSignature(s))
	}
	var body []string
	for _, s := range td.sections {
		for _, bl := range s.blocks {
			for _, p := range bl.paras {
				body = append(body, p.text)
			}
		}
	}
	pairs := align(enSig, trSig)
	used := map[int]bool{}
	for i, j := range pairs {
		es := b.sections[i]
		if j < 0 {
			note(es.s.heading.line, 0, "section %q has no counterpart in the translation: left untranslated", es.s.heading.text)
			continue
		}
		used[j] = true
		ts := td.sections[j]
		prefix := id + "." + es.id
		set(prefix+".heading", sentenceCase(ts.heading.text, body))
		var ebs, tbs []string
		for _, x := range es.s.blocks {
			ebs = append(ebs, signature(x))
		}
		for _, x := range ts.blocks {
			tbs = append(tbs, signature(x))
		}
		bp := align(ebs, tbs)
		usedB := map[int]bool{}
		for k, l := range bp {
			eb := es.s.blocks[k]
			if l < 0 {
				note(eb.line, ts.heading.line, "%s has no counterpart in section %q of the translation: left untranslated", rawName(eb.raw), ts.heading.text)
				continue
			}
			usedB[l] = true
			tb := ts.blocks[l]
			if ebs[k] != tbs[l] {
				note(eb.line, tb.line, "structure differs from the English: %s; block left untranslated", describeShape(eb, tb))
				continue
			}
			for _, x := range es.blocks {
				if x.b == eb {
					im.blockMessages(msgs, prefix+"."+x.id, x.typ, eb, tb, note)
				}
			}
		}
		for l, tb := range ts.blocks {
			if !usedB[l] && len(ts.blocks) != len(es.s.blocks) {
				note(es.s.heading.line, tb.line, "%s of the translation has no counterpart in the English: left out", rawName(tb.raw))
			}
		}
	}
	for j, ts := range td.sections {
		if !used[j] {
			note(0, ts.heading.line, "section %q of the translation has no counterpart in the English: left out", ts.heading.text)
		}
	}
	return msgs
}

// blockMessages sets the messages of one block from its translation.
func (im *importer) blockMessages(msgs map[string]string, prefix, typ string, eb, tb *block, note func(int, int, string, ...any)) {
	set := func(key, text string) {
		if strings.TrimSpace(text) != "" {
			msgs[prefix+"."+key] = text
		}
	}
	paras := func() {
		for i, p := range tb.paras {
			set(fmt.Sprintf("p%d", i+1), p.text)
		}
	}
	switch typ {
	case sources.BlockSpeaker:
		name, role, hasRole := strings.Cut(tb.boldPlain, ",")
		_, enRole, enHasRole := strings.Cut(eb.boldPlain, ",")
		set("name", strings.TrimSpace(name))
		if enHasRole && strings.TrimSpace(enRole) != "" {
			if !hasRole || strings.TrimSpace(role) == "" {
				note(eb.line, tb.line, "speaker line without a role (\"Name, role\"); block left untranslated")
				delete(msgs, prefix+".name")
				return
			} else {
				set("role", strings.TrimSpace(role))
			}
		}
		paras()
	case sources.BlockModerator:
		set("text", tb.bold)
	case "moderator-text", sources.BlockText:
		paras()
	case sources.BlockSubheading:
		set("text", tb.text.text)
	case sources.BlockList:
		paras()
		var walk func(key string, items []*item)
		walk = func(key string, items []*item) {
			for i, it := range items {
				k := fmt.Sprintf("%s%d", key, i+1)
				set(k, it.text.text)
				walk(k+"-", it.items)
			}
		}
		walk("i", tb.items)
	case sources.BlockFigure:
		set("alt", tb.alt)
		set("caption", tb.caption.text)
	case sources.BlockTable:
		set("caption", tb.caption.text)
		for i, c := range tb.columns {
			set(fmt.Sprintf("h%d", i+1), c.header.text)
		}
		for r, row := range tb.rows {
			for c, cell := range row {
				if r < len(eb.rows) && c < len(eb.rows[r]) && hasLetter(eb.rows[r][c].text) {
					set(fmt.Sprintf("r%dc%d", r+1, c+1), cell.text)
				}
			}
		}
	}
}
