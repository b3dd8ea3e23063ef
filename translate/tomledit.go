package translate

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/reportgen/reportgen/internal/tomlpos"
)

// This file edits catalog files in place, line by line. scanTOML reads a
// file with tomlpos.Scanner into lines and items: comments, blank lines,
// [table] headers and key = value lines whose value is a string
// (single-line or multi-line, basic or literal) or another scalar. Arrays,
// inline tables and [[arrays of tables]] are not catalog syntax and make
// scanning fail, so a file is never rewritten half-understood.

type itemKind uint8

const (
	itemBlank itemKind = iota
	itemComment
	itemHeader
	itemKeyVal
)

// item is one logical line of a document: a blank or comment line, a
// table header or a key/value (which may span lines).
type item struct {
	kind        itemKind
	first, last int // line indexes, inclusive
	// path is the table path of a header, or the full key path (table
	// path and key) of a key/value.
	path []string
	// For a key/value, on line first: where the key starts, where its
	// last segment starts, where the key ends and where the value starts.
	keyStart, lastSeg, keyEnd, valStart int
	// trail is what follows the value on line last (spaces and a
	// comment), kept when the value is replaced.
	trail string
}

// tomlDoc is a scanned document.
type tomlDoc struct {
	lines   []string // without line ends
	items   []item
	nl      string // "\n" or "\r\n"
	finalNL bool
	bom     bool
}

// scanTOML splits data into items. It fails on syntax it does not handle.
func scanTOML(data []byte) (*tomlDoc, error) {
	s := string(data)
	d := &tomlDoc{nl: "\n", finalNL: true}
	if strings.HasPrefix(s, "\ufeff") {
		d.bom = true
		s = s[len("\ufeff"):]
	}
	if s == "" {
		return d, nil
	}
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("invalid UTF-8")
	}
	if i := strings.IndexByte(s, '\n'); i > 0 && s[i-1] == '\r' {
		d.nl = "\r\n"
	}
	d.finalNL = strings.HasSuffix(s, "\n")
	d.lines = strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	starts := make([]int, len(d.lines)) // the offset of each line in s
	for i, l := range d.lines {
		if i+1 < len(starts) {
			starts[i+1] = starts[i] + len(l) + 1
		}
		d.lines[i] = strings.TrimSuffix(l, "\r")
	}
	// lineOf returns the index of the line holding offset off of s, for
	// offsets in increasing order.
	li := 0
	lineOf := func(off int) int {
		for li+1 < len(starts) && starts[li+1] <= off {
			li++
		}
		return li
	}
	next := 0 // the first line not in an item yet
	blanksTo := func(l int) {
		for ; next < l; next++ {
			d.items = append(d.items, item{kind: itemBlank, first: next, last: next})
		}
	}
	var table []string
	var kv item // the key/value whose value comes next
	sc := tomlpos.NewScanner([]byte(s))
	for sc.Next() {
		it := sc.Item()
		l := lineOf(it.Start)
		switch it.Kind {
		case tomlpos.Comment:
			if l < next {
				continue // after a header or a value, in its trail
			}
			blanksTo(l)
			d.items = append(d.items, item{kind: itemComment, first: l, last: l})
			next = l + 1
		case tomlpos.ArrayTable:
			return nil, fmt.Errorf("line %d: arrays of tables are not catalog syntax", l+1)
		case tomlpos.Table:
			blanksTo(l)
			table = sc.AppendKey(nil)
			d.items = append(d.items, item{kind: itemHeader, first: l, last: l, path: table})
			next = l + 1
		case tomlpos.Key:
			blanksTo(l)
			kv = item{
				kind:     itemKeyVal,
				first:    l,
				path:     sc.AppendKey(slices.Clone(table)),
				keyStart: it.Start - starts[l],
				lastSeg:  it.Parts[len(it.Parts)-1].Start - starts[l],
				keyEnd:   it.End - starts[l],
			}
		case tomlpos.Value:
			kv.valStart = it.Start - starts[l]
			kv.last = lineOf(it.End)
			kv.trail = d.lines[kv.last][it.End-starts[kv.last]:]
			d.items = append(d.items, kv)
			next = kv.last + 1
		case tomlpos.ArrayStart, tomlpos.InlineStart:
			return nil, fmt.Errorf("line %d: arrays and inline tables are not catalog syntax", l+1)
		}
	}
	var se *tomlpos.SyntaxError
	if errors.As(sc.Err(), &se) {
		return nil, fmt.Errorf("line %d: %s", se.Pos.Line, se.Msg)
	}
	blanksTo(len(d.lines))
	return d, nil
}

// tomlKey returns a key segment bare when it can be, else quoted.
func tomlKey(k string) string {
	if tomlpos.IsBareKey(k) {
		return k
	}
	return tomlpos.Quote(k)
}

// tomlPath returns a dotted key of segments.
func tomlPath(segs []string) string {
	parts := make([]string, len(segs))
	for i, s := range segs {
		parts[i] = tomlKey(s)
	}
	return strings.Join(parts, ".")
}

// editor collects line edits of a document and applies them at once, so
// line indexes stay those of the original.
type editor struct {
	d       *tomlDoc
	before  map[int][]string
	after   map[int][]string
	replace map[int][]string
	deleted map[int]bool
	atEnd   []string
}

func newEditor(d *tomlDoc) *editor {
	return &editor{d: d, before: map[int][]string{}, after: map[int][]string{}, replace: map[int][]string{}, deleted: map[int]bool{}}
}

// replaceItem replaces the lines of it with lines.
func (e *editor) replaceItem(it item, lines ...string) {
	for l := it.first; l <= it.last; l++ {
		e.deleted[l] = true
	}
	e.replace[it.first] = append(e.replace[it.first], lines...)
}

// insertAfter adds lines after line l (after any lines added there
// before); l = -1 inserts at the start.
func (e *editor) insertAfter(l int, lines ...string) {
	if l < 0 {
		if len(e.d.lines) == 0 {
			e.atEnd = append(e.atEnd, lines...)
			return
		}
		e.before[0] = append(e.before[0], lines...)
		return
	}
	e.after[l] = append(e.after[l], lines...)
}

// insertBefore adds lines before line l (after any lines added there
// before).
func (e *editor) insertBefore(l int, lines ...string) {
	e.before[l] = append(e.before[l], lines...)
}

func (e *editor) bytes() []byte {
	var out []string
	for i, l := range e.d.lines {
		out = append(out, e.before[i]...)
		out = append(out, e.replace[i]...)
		if !e.deleted[i] {
			out = append(out, l)
		}
		out = append(out, e.after[i]...)
	}
	out = append(out, e.atEnd...)
	var b strings.Builder
	if e.d.bom {
		b.WriteString("\ufeff")
	}
	b.WriteString(strings.Join(out, e.d.nl))
	if len(out) > 0 && (e.d.finalNL || len(e.d.lines) == 0) {
		b.WriteString(e.d.nl)
	}
	return []byte(b.String())
}
