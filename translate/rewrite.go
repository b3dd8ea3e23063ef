package translate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/locales"
)

// This file rewrites a catalog file with new or changed translations while
// keeping everything else as written (see the package documentation, "How
// merge edits a catalog").

// update is a translation to write into a catalog file.
type update struct {
	id    string
	forms locales.Forms
	order int // position in source order; new messages are placed by it
}

// messageFields are the keys go-i18n reads inside a message table.
var messageFields = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
}

// parseMessages parses a catalog file with go-i18n, as the build does.
func parseMessages(data []byte, name string) (map[string]*i18n.Message, error) {
	out := map[string]*i18n.Message{}
	if len(strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff"))) == 0 {
		return out, nil
	}
	mf, err := i18n.ParseMessageFileBytes(data, name, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		return nil, err
	}
	for _, m := range mf.Messages {
		if _, dup := out[m.ID]; dup {
			return nil, fmt.Errorf("message %q is defined twice", m.ID)
		}
		out[m.ID] = m
	}
	return out, nil
}

// field says which message and which of its fields a key/value writes:
// the form "other" of message a.b for `b = "…"` in [a], the form "few" of
// annexes.count for `few = "…"` in [annexes.count].
func field(path []string, ids map[string]*i18n.Message) (id, name string, ok bool) {
	if n := len(path); n >= 2 {
		last := strings.ToLower(path[n-1])
		if messageFields[last] {
			if _, ok := ids[strings.Join(path[:n-1], ".")]; ok {
				return strings.Join(path[:n-1], "."), last, true
			}
		}
	}
	if _, ok := ids[strings.Join(path, ".")]; ok {
		return strings.Join(path, "."), "", true
	}
	return "", "", false
}

// catalogDoc is a scanned catalog with its items mapped to messages.
type catalogDoc struct {
	doc  *tomlDoc
	msgs map[string]*i18n.Message
	// fields[id][form] is the item index of a form of message id; a
	// message written `key = "…"` has its item under "".
	fields map[string]map[string]int
	// section[i] is the index of the header item owning item i, or -1.
	section []int
	// order lists the message IDs in order of first appearance.
	order []string
}

func scanCatalog(data []byte, name string) (*catalogDoc, error) {
	msgs, err := parseMessages(data, name)
	if err != nil {
		return nil, err
	}
	doc, err := scanTOML(data)
	if err != nil {
		return nil, err
	}
	c := &catalogDoc{doc: doc, msgs: msgs, fields: map[string]map[string]int{}}
	sec := -1
	for i, it := range doc.items {
		if it.kind == itemHeader {
			sec = i
		}
		c.section = append(c.section, sec)
		if it.kind != itemKeyVal {
			continue
		}
		id, f, ok := field(it.path, msgs)
		if !ok {
			continue
		}
		if c.fields[id] == nil {
			c.fields[id] = map[string]int{}
			c.order = append(c.order, id)
		}
		c.fields[id][f] = i
	}
	return c, nil
}

// lastLine returns the last line of message id's items in section sec
// (any section when sec is -2), or -1.
func (c *catalogDoc) lastLine(id string, sec int) int {
	last := -1
	for _, i := range c.fields[id] {
		if sec != -2 && c.section[i] != sec {
			continue
		}
		last = max(last, c.doc.items[i].last)
	}
	return last
}

// firstItem returns the first item index of message id in section sec, or -1.
func (c *catalogDoc) firstItem(id string, sec int) int {
	first := -1
	for _, i := range c.fields[id] {
		if c.section[i] == sec && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// attachedStart returns the first line of the comment block directly
// above item i (no blank line between), or the item's own first line.
func (c *catalogDoc) attachedStart(i int) int {
	start := c.doc.items[i].first
	for j := i - 1; j >= 0 && c.doc.items[j].kind == itemComment; j-- {
		start = c.doc.items[j].first
	}
	return start
}

// sectionEnd returns the last line of section sec (the header item index,
// -1 for the root) that is not blank and not a comment attached to the
// next header; -1 when the root section is empty.
func (c *catalogDoc) sectionEnd(sec int) int {
	items := c.doc.items
	next := len(items)
	for i := sec + 1; i < len(items); i++ {
		if items[i].kind == itemHeader {
			next = i
			break
		}
	}
	j := next - 1
	if next < len(items) {
		for j > sec && items[j].kind == itemComment {
			j--
		}
	}
	for j > sec && items[j].kind == itemBlank {
		j--
	}
	if j < 0 {
		return -1
	}
	return items[j].last
}

// indentOf returns the indentation of the key/values of section sec.
func (c *catalogDoc) indentOf(sec int) string {
	for i := sec + 1; i < len(c.doc.items); i++ {
		it := c.doc.items[i]
		if it.kind == itemHeader {
			break
		}
		if it.kind == itemKeyVal {
			return c.doc.lines[it.first][:it.keyStart]
		}
	}
	return ""
}

// findSection returns the header item index of table path, or -1.
func (c *catalogDoc) findSection(path []string) int {
	for i, it := range c.doc.items {
		if it.kind == itemHeader && slices.Equal(it.path, path) {
			return i
		}
	}
	return -1
}

// anchor is where a section added by a rewrite goes.
type anchor struct {
	kind int // anchorAfter, anchorBefore or anchorEnd
	line int
}

const (
	anchorAfter = iota
	anchorBefore
	anchorEnd
)

// newSection is a table added by a rewrite.
type newSection struct {
	path  []string
	lines []string
	at    anchor
}

// rewriteCatalog applies updates to the catalog file data and returns the
// new content, checked to parse to exactly the old messages with the
// updates applied. orderOf gives the source order of an ID (ok false for
// an ID that is no source message); new messages are placed after their
// nearest neighbour before them in that order.
func rewriteCatalog(data []byte, name string, updates []update, orderOf func(id string) (int, bool)) ([]byte, error) {
	c, err := scanCatalog(data, name)
	if err != nil {
		return nil, err
	}
	e := newEditor(c.doc)
	updates = slices.Clone(updates)
	slices.SortStableFunc(updates, func(a, b update) int { return a.order - b.order })
	var added []*newSection
	// where records, for each new message, the section it went to: an
	// existing header item index (or -1 for the root), or an added one.
	type place struct {
		sec   int
		added *newSection
	}
	where := map[string]place{}
	newOrder := map[string]int{}
	for _, u := range updates {
		if fl := c.fields[u.id]; len(fl) > 0 {
			c.modify(e, u, fl)
			continue
		}
		segs := strings.Split(u.id, ".")
		table := segs[:len(segs)-1]
		var lines []string
		if u.forms.Plural() {
			table = segs
			for _, f := range locales.FormNames {
				if t := u.forms.Get(f); t != "" {
					lines = append(lines, f+" = "+tomlpos.Quote(t))
				}
			}
		} else {
			lines = []string{tomlKey(segs[len(segs)-1]) + " = " + tomlpos.Quote(u.forms.Other)}
		}
		newOrder[u.id] = u.order
		if len(table) == 0 {
			c.insertInSection(e, -1, u, lines, orderOf)
			where[u.id] = place{sec: -1}
			continue
		}
		if sec := c.findSection(table); sec >= 0 {
			c.insertInSection(e, sec, u, lines, orderOf)
			where[u.id] = place{sec: sec}
			continue
		}
		// A file written with whole IDs as keys ("a.b.c" = "…") or with
		// dotted keys (b.c = "…" in [a]): the new message follows the
		// style of its neighbour.
		if sec, key, ok := c.neighbourStyle(u, segs, orderOf); ok {
			c.insertInSection(e, sec, u, valueLines(key, u.forms), orderOf)
			where[u.id] = place{sec: sec}
			continue
		}
		if c.wholeIDTables() {
			table = []string{u.id}
		}
		if i := slices.IndexFunc(added, func(s *newSection) bool { return slices.Equal(s.path, table) }); i >= 0 {
			added[i].lines = append(added[i].lines, lines...)
			where[u.id] = place{added: added[i]}
			continue
		}
		header := "[" + tomlPath(table) + "]"
		if c.wholeIDTables() {
			// goi18n's style: ["a.b.c"] with the message's fields.
			header = "[" + tomlpos.Quote(u.id) + "]"
			lines = valueLines("", u.forms)
		}
		ns := &newSection{path: table, lines: append([]string{header}, lines...), at: anchor{kind: anchorEnd}}
		// The nearest message before this one, in the file or placed by
		// this rewrite.
		prev, prevOrder := "", -1
		for _, id := range c.order {
			if o, ok := orderOf(id); ok && o < u.order && o > prevOrder {
				prev, prevOrder = id, o
			}
		}
		for id, o := range newOrder {
			if o < u.order && o > prevOrder {
				prev, prevOrder = id, o
			}
		}
		switch p, isNew := where[prev]; {
		case prev != "" && isNew && p.added != nil:
			ns.at = p.added.at
		case prev != "" && isNew:
			ns.at = anchor{anchorAfter, c.sectionEnd(p.sec)}
		case prev != "":
			ns.at = anchor{anchorAfter, c.sectionEnd(c.section[c.anyItem(prev)])}
		default:
			next, nextOrder := "", int(^uint(0)>>1)
			for _, id := range c.order {
				if o, ok := orderOf(id); ok && o > u.order && o < nextOrder {
					next, nextOrder = id, o
				}
			}
			if next != "" {
				if sec := c.section[c.anyItem(next)]; sec >= 0 {
					ns.at = anchor{anchorBefore, c.attachedStart(sec)}
				} else {
					ns.at = anchor{anchorAfter, c.sectionEnd(-1)}
				}
			}
		}
		added = append(added, ns)
		where[u.id] = place{added: ns}
	}
	for _, ns := range added {
		switch ns.at.kind {
		case anchorAfter:
			if ns.at.line < 0 {
				e.insertAfter(-1, append(slices.Clone(ns.lines), "")...)
			} else {
				lines := append([]string{""}, ns.lines...)
				if n := ns.at.line + 1; n < len(c.doc.lines) && strings.TrimSpace(c.doc.lines[n]) != "" {
					lines = append(lines, "") // keep a blank line before what follows
				}
				e.insertAfter(ns.at.line, lines...)
			}
		case anchorBefore:
			e.insertBefore(ns.at.line, append(slices.Clone(ns.lines), "")...)
		default:
			if len(c.doc.lines) > 0 || len(e.atEnd) > 0 {
				e.atEnd = append(e.atEnd, "")
			}
			e.atEnd = append(e.atEnd, ns.lines...)
		}
	}
	out := e.bytes()
	if err := verifyRewrite(c.msgs, out, name, updates); err != nil {
		return nil, err
	}
	return out, nil
}

// valueLines returns the lines writing forms under key: key = "…" for a
// single form, key.one = "…", key.other = "…" for a count; with key "",
// the bare fields (other = "…").
func valueLines(key string, forms locales.Forms) []string {
	var out []string
	if !forms.Plural() {
		forms = locales.Forms{Other: forms.Other}
		if key != "" {
			return []string{key + " = " + tomlpos.Quote(forms.Other)}
		}
	}
	for _, f := range locales.FormNames {
		if t := forms.Get(f); t != "" {
			k := f
			if key != "" {
				k = key + "." + f
			}
			out = append(out, k+" = "+tomlpos.Quote(t))
		}
	}
	return out
}

// msgKey returns the key of item i relative to its section, without a
// trailing field name (other, one …): how the file names the message.
func (c *catalogDoc) msgKey(i int) []string {
	it := c.doc.items[i]
	sec := c.section[i]
	n := 0
	if sec >= 0 {
		n = len(c.doc.items[sec].path)
	}
	key := it.path[n:]
	if _, f, ok := field(it.path, c.msgs); ok && f != "" && len(key) > 0 {
		key = key[:len(key)-1]
	}
	return key
}

// neighbourStyle tells where and under which key a new message goes when
// its nearest neighbour in source order (the one before it, else the one
// after) is written with its whole ID as one quoted key ("a.b.c" = "…")
// or with dotted keys (b.c = "…" in [a]) in a section whose path begins
// the new ID.
func (c *catalogDoc) neighbourStyle(u update, segs []string, orderOf func(string) (int, bool)) (sec int, key string, ok bool) {
	prev, prevOrder := "", -1
	next, nextOrder := "", int(^uint(0)>>1)
	for _, id := range c.order {
		o, ok := orderOf(id)
		if !ok {
			continue
		}
		if o < u.order && o > prevOrder {
			prev, prevOrder = id, o
		}
		if o > u.order && o < nextOrder {
			next, nextOrder = id, o
		}
	}
	m := prev
	if m == "" {
		m = next
	}
	if m == "" {
		return 0, "", false
	}
	i := c.anyItem(m)
	if i < 0 || c.doc.items[i].kind != itemKeyVal {
		return 0, "", false
	}
	sec = c.section[i]
	var path []string
	if sec >= 0 {
		path = c.doc.items[sec].path
	}
	if len(path) >= len(segs) || !slices.Equal(segs[:len(path)], path) {
		return 0, "", false
	}
	rel := segs[len(path):]
	switch k := c.msgKey(i); {
	case len(k) == 1 && strings.Contains(k[0], "."):
		return sec, tomlpos.Quote(strings.Join(rel, ".")), true
	case len(k) >= 2 && len(rel) >= 2:
		return sec, tomlPath(rel), true
	}
	return 0, "", false
}

// wholeIDTables reports whether the file writes its messages as tables
// named by their whole ID, as goi18n does: ["a.b.c"] with other = "…".
func (c *catalogDoc) wholeIDTables() bool {
	tables, whole := 0, 0
	for _, it := range c.doc.items {
		if it.kind != itemHeader {
			continue
		}
		tables++
		if len(it.path) == 1 && strings.Contains(it.path[0], ".") {
			whole++
		}
	}
	return tables > 0 && whole == tables
}

// anyItem returns the first item of message id in the file.
func (c *catalogDoc) anyItem(id string) int {
	first := -1
	for _, i := range c.fields[id] {
		if first < 0 || i < first {
			first = i
		}
	}
	if first < 0 {
		// A table message with no key/values: its header.
		for i, it := range c.doc.items {
			if it.kind == itemHeader && strings.Join(it.path, ".") == id {
				return i
			}
		}
	}
	return first
}

// insertInSection writes the lines of new message u into the existing
// section sec: after the message of the section that comes before it in
// source order, else before the one that comes after it, else at the end
// of the section.
func (c *catalogDoc) insertInSection(e *editor, sec int, u update, lines []string, orderOf func(string) (int, bool)) {
	indent := c.indentOf(sec)
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	prev, prevOrder := "", -1
	next, nextOrder := "", int(^uint(0)>>1)
	lastKV := -1
	for i, it := range c.doc.items {
		if c.section[i] != sec || it.kind != itemKeyVal {
			continue
		}
		lastKV = i
		id, _, ok := field(it.path, c.msgs)
		if !ok {
			continue
		}
		o, ok := orderOf(id)
		if !ok {
			continue
		}
		if o < u.order && o > prevOrder {
			prev, prevOrder = id, o
		}
		if o > u.order && o < nextOrder {
			next, nextOrder = id, o
		}
	}
	switch {
	case prev != "":
		e.insertAfter(c.lastLine(prev, sec), lines...)
	case next != "":
		e.insertBefore(c.attachedStart(c.firstItem(next, sec)), lines...)
	case lastKV >= 0:
		e.insertAfter(c.doc.items[lastKV].last, lines...)
	case sec >= 0:
		e.insertAfter(c.doc.items[sec].last, lines...)
	default:
		e.insertAfter(-1, lines...)
	}
}

// modify rewrites the forms of a message already in the file; fl maps its
// form names ("" for a message written key = "…") to item indexes.
func (c *catalogDoc) modify(e *editor, u update, fl map[string]int) {
	lines := c.doc.lines
	setValue := func(i int, text string) {
		it := c.doc.items[i]
		e.replaceItem(it, lines[it.first][:it.valStart]+tomlpos.Quote(text)+it.trail)
	}
	if i, ok := fl[""]; ok {
		if !u.forms.Plural() {
			setValue(i, u.forms.Other)
			return
		}
		// key = "…" becomes key.one = "…", key.few = "…" … in place.
		it := c.doc.items[i]
		head := lines[it.first][:it.keyEnd]
		var out []string
		for _, f := range locales.FormNames {
			if t := u.forms.Get(f); t != "" {
				out = append(out, head+"."+f+" = "+tomlpos.Quote(t))
			}
		}
		out[0] += it.trail
		e.replaceItem(it, out...)
		return
	}
	// Forms written one per key/value: change, drop or add each.
	var prefix string // the key text before the form name, e.g. "count."
	for _, i := range fl {
		it := c.doc.items[i]
		prefix = lines[it.first][:it.lastSeg]
		break
	}
	want := u.forms
	if !want.Plural() {
		want = locales.Forms{Other: u.forms.Other}
	}
	for k, f := range locales.FormNames {
		i, has := fl[f]
		t := want.Get(f)
		switch {
		case has && t != "":
			setValue(i, t)
		case has:
			e.replaceItem(c.doc.items[i])
		case t != "":
			line := prefix + f + " = " + tomlpos.Quote(t)
			placed := false
			for j := k - 1; j >= 0 && !placed; j-- {
				if p, ok := fl[locales.FormNames[j]]; ok {
					e.insertAfter(c.doc.items[p].last, line)
					placed = true
				}
			}
			for j := k + 1; j < len(locales.FormNames) && !placed; j++ {
				if n, ok := fl[locales.FormNames[j]]; ok {
					e.insertBefore(c.doc.items[n].first, line)
					placed = true
				}
			}
			if !placed { // only other fields (description, hash)
				e.insertAfter(c.lastLine(u.id, -2), line)
			}
		}
	}
}

// verifyRewrite checks that out parses (with go-i18n, and so with
// BurntSushi/toml) to the messages of before with updates applied.
func verifyRewrite(before map[string]*i18n.Message, out []byte, name string, updates []update) error {
	after, err := parseMessages(out, name)
	if err != nil {
		return fmt.Errorf("rewritten file does not parse: %v", err)
	}
	want := map[string]locales.Forms{}
	for id, m := range before {
		want[id] = locales.FormsOf(m)
	}
	for _, u := range updates {
		f := u.forms
		if !f.Plural() {
			f = locales.Forms{Other: f.Other}
		}
		want[u.id] = f
	}
	for id, f := range want {
		m, ok := after[id]
		if !ok {
			return fmt.Errorf("rewritten file lost message %q", id)
		}
		if locales.FormsOf(m) != f {
			return fmt.Errorf("rewritten file has %q as %q, want %q", id, locales.FormsOf(m).String(), f.String())
		}
	}
	for id := range after {
		if _, ok := want[id]; !ok {
			return fmt.Errorf("rewritten file has an unexpected message %q", id)
		}
	}
	return nil
}
