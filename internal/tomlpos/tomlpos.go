// Package tomlpos maps every key and array element of a TOML document to the
// line and column where its value is written.
//
// BurntSushi/toml reports positions only for syntax errors, and its MetaData
// cannot tell the elements of an array of tables apart. This package reads the
// same document a second time, with a small scanner of its own ([Scanner]), and
// records where each key, table header and array element is written, so that
// validation errors found after decoding can name file:line:col. The Scanner
// is also there for callers that need where things are written, not what they
// mean: [TooDeep] uses it to measure nesting before a document is decoded, and
// an editor can use it to rewrite values in place.
//
// Paths name values the way a decoded document is walked: keys are joined
// with ".", array elements (of inline arrays and of [[arrays.of.tables]])
// are written "[i]" with a 0-based i, and a key that would be ambiguous in a
// path is written quoted (see [QuoteKey]). Examples:
//
//	id
//	section[2].block[0].paragraphs[3]
//	time.start
//	"a.b".c
package tomlpos

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a 1-based line and column (column counted in runes).
//
// A tab counts as one column, and a byte order mark at the start of the input
// is not counted. Note that the Col of a BurntSushi/toml v1.6 ParseError counts
// bytes, so the two differ after non-ASCII text on the same line.
type Pos struct{ Line, Col int }

// Index holds the positions of one document.
//
// An Index is immutable once built and safe for concurrent use.
type Index struct {
	root *node
	data []byte
}

// maxDepth bounds the nesting of inline arrays and inline tables Build
// follows; deeper input is treated as input it cannot follow.
const maxDepth = 1000

type kind uint8

const (
	kTable  kind = iota // [table], implied super-table, or table made by a dotted key
	kAoT                // [[array.of.tables]]
	kArray              // inline array
	kInline             // inline table
	kValue              // any other value
)

// node is one key or array element of the document, and at the same time
// Build's model of the document, used to resolve headers and dotted keys.
type node struct {
	kind     kind
	explicit bool // pos comes from the node's own definition, not from a header that implied it
	hasTab   bool
	seq      int32 // document order
	pos      Pos
	val      int // the byte offset of the value, on the line of pos; -1 for a table, which has none
	tab      Pos
	keys     map[string]*node
	elems    []*node
}

func (n *node) child(k string) *node {
	if n.keys == nil {
		return nil
	}
	return n.keys[k]
}

func (n *node) setChild(k string, c *node) {
	if n.keys == nil {
		n.keys = make(map[string]*node)
	}
	n.keys[k] = c
}

// Build reads data (already known to be valid TOML: callers decode it with
// BurntSushi/toml first) and returns its index. It never panics, whatever
// the input; on input it cannot follow it returns what it found so far.
// The index keeps data, for StringPos: the caller must not change it.
func Build(data []byte) (ix *Index) {
	p := newParser(data)
	ix = &Index{root: p.root, data: data}
	defer func() {
		// Last line of defence: the scanner and the parser are written
		// (and fuzzed) not to panic, but an index with what was found so
		// far beats a crash.
		_ = recover()
	}()
	p.document()
	return ix
}

func newParser(data []byte) *parser {
	p := &parser{s: NewScanner(data), line: 1, col: 1}
	p.root = &node{kind: kTable, explicit: true, val: -1}
	p.cur = p.root
	return p
}

// parser builds the tree of nodes from the items of a Scanner.
type parser struct {
	s         *Scanner
	seq       int32
	root, cur *node
	keys      []string // the current key, unescaped
	open      []frame  // the arrays and inline tables being read, innermost last
	pending   *node    // the node of a key whose value is read next

	line, col int  // where the parser stopped
	done      bool // the whole input was followed
	conflict  bool // stopped at a key defined twice, or a table and a value at once
}

// frame is an array or inline table being read.
type frame struct {
	n     *node
	first bool // an inline table whose first key is still to come
}

func (p *parser) newNode(k kind, pos Pos) *node {
	p.seq++
	return &node{kind: k, pos: pos, val: -1, seq: p.seq, explicit: true}
}

// document reads the whole document, or up to what it cannot follow.
func (p *parser) document() {
	stop := -1
	for p.s.Next() {
		if it := p.s.Item(); !p.item(it) {
			stop = it.Start
			break
		}
	}
	if stop < 0 {
		stop = p.s.Offset()
		p.done = p.s.Err() == nil
	}
	pos := p.s.Pos(stop)
	p.line, p.col = pos.Line, pos.Col
}

// item adds an item to the tree; it returns false at a conflict or at
// nesting deeper than maxDepth.
func (p *parser) item(it Item) bool {
	switch it.Kind {
	case Table, ArrayTable:
		return p.header(it)
	case Key:
		return p.key(it)
	case Value, ArrayStart, InlineStart:
		return p.value(it)
	case ArrayEnd, InlineEnd:
		p.open = p.open[:len(p.open)-1]
	}
	return true
}

// header makes the table a [table] or [[array.of.tables]] header names the
// current one.
func (p *parser) header(it Item) bool {
	hp := p.s.Pos(it.Start)
	keys := p.s.AppendKey(p.keys[:0])
	p.keys = keys
	n := p.root
	for _, k := range keys[:len(keys)-1] {
		c := n.child(k)
		if c == nil {
			c = p.newNode(kTable, hp)
			c.explicit = false
			c.hasTab, c.tab = true, hp
			n.setChild(k, c)
		}
		switch c.kind {
		case kTable, kInline:
			// BurntSushi/toml lets headers reach into inline tables.
			n = c
		case kAoT:
			n = c.elems[len(c.elems)-1] // never empty
		default:
			p.conflict = true
			return false
		}
	}
	last := keys[len(keys)-1]
	c := n.child(last)
	if it.Kind == ArrayTable {
		if c == nil {
			c = p.newNode(kAoT, hp)
			c.hasTab, c.tab = true, hp
			n.setChild(last, c)
		} else if c.kind != kAoT {
			p.conflict = true
			return false
		}
		e := p.newNode(kTable, hp)
		e.hasTab, e.tab = true, hp
		c.elems = append(c.elems, e)
		p.cur = e
		return true
	}
	if c == nil {
		c = p.newNode(kTable, hp)
		n.setChild(last, c)
	} else if c.kind != kTable {
		p.conflict = true
		return false
	}
	if !c.explicit || !c.hasTab {
		// Defined here after an earlier header only implied it.
		c.explicit = true
		c.pos = hp
		c.hasTab, c.tab = true, hp
	}
	p.cur = c
	return true
}

// key adds the key of a key/value pair, in the current table or the
// innermost inline table; its value comes next.
func (p *parser) key(it Item) bool {
	kp := p.s.Pos(it.Start)
	keys := p.s.AppendKey(p.keys[:0])
	p.keys = keys
	n := p.cur
	if len(p.open) > 0 {
		f := &p.open[len(p.open)-1]
		n = f.n
		if f.first {
			n.tab = kp
			f.first = false
		}
	}
	for _, k := range keys[:len(keys)-1] {
		c := n.child(k)
		if c == nil {
			c = p.newNode(kTable, kp)
			c.hasTab, c.tab = true, kp
			n.setChild(k, c)
		} else if c.kind != kTable && c.kind != kInline {
			// Dotted keys may not reach into inline tables, but
			// BurntSushi/toml lets them.
			p.conflict = true
			return false
		}
		n = c
	}
	last := keys[len(keys)-1]
	if n.child(last) != nil {
		p.conflict = true // duplicate key
		return false
	}
	c := p.newNode(kValue, kp)
	n.setChild(last, c)
	p.pending = c
	return true
}

// value records a value: that of the last key, or the next element of the
// innermost array.
func (p *parser) value(it Item) bool {
	n := p.pending
	if n != nil {
		p.pending = nil
	} else {
		n = p.newNode(kValue, p.s.Pos(it.Start))
		a := p.open[len(p.open)-1].n
		a.elems = append(a.elems, n)
	}
	n.val = it.Start
	switch it.Kind {
	case ArrayStart:
		n.kind = kArray
	case InlineStart:
		n.kind = kInline
	}
	if it.Depth > maxDepth {
		return false
	}
	switch it.Kind {
	case ArrayStart:
		p.open = append(p.open, frame{n: n})
	case InlineStart:
		n.hasTab, n.tab = true, p.s.Pos(it.Start)
		p.open = append(p.open, frame{n: n, first: true})
	}
	return true
}

// QuoteKey returns key as it appears in a path: unchanged, or quoted as by
// strconv.Quote when it is empty, is not valid UTF-8, or contains '.', '[',
// ']', '"', whitespace or a rune that strconv.Quote would escape. Callers
// walking a decoded document build paths with it: parent + "." + QuoteKey(k).
func QuoteKey(key string) string {
	if key == "" || !utf8.ValidString(key) {
		return strconv.Quote(key)
	}
	for _, r := range key {
		if r == '.' || r == '[' || r == ']' || r == '"' || unicode.IsSpace(r) || !strconv.IsPrint(r) {
			return strconv.Quote(key)
		}
	}
	return key
}

// segment is one step of a path: a key, or an array index when isIdx.
type segment struct {
	key   string
	idx   int
	isIdx bool
}

// parsePath splits a path into keys and indexes.
func parsePath(path string) ([]segment, bool) {
	var segs []segment
	i := 0
	for {
		if i < len(path) && path[i] == '"' {
			j := i + 1
			for j < len(path) && path[j] != '"' {
				if path[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(path) {
				return nil, false
			}
			k, err := strconv.Unquote(path[i : j+1])
			if err != nil {
				return nil, false
			}
			segs = append(segs, segment{key: k})
			i = j + 1
		} else {
			j := i
			for j < len(path) && path[j] != '.' && path[j] != '[' {
				j++
			}
			if j == i {
				return nil, false
			}
			segs = append(segs, segment{key: path[i:j]})
			i = j
		}
		for i < len(path) && path[i] == '[' {
			j := strings.IndexByte(path[i:], ']')
			if j < 0 {
				return nil, false
			}
			n, err := strconv.Atoi(path[i+1 : i+j])
			if err != nil || n < 0 {
				return nil, false
			}
			segs = append(segs, segment{idx: n, isIdx: true})
			i += j + 1
		}
		if i == len(path) {
			return segs, true
		}
		if path[i] != '.' {
			return nil, false
		}
		i++
	}
}

func (ix *Index) lookup(path string) *node {
	if ix == nil || ix.root == nil {
		return nil
	}
	segs, ok := parsePath(path)
	if !ok {
		return nil
	}
	n := ix.root
	for _, s := range segs {
		if s.isIdx {
			if s.idx >= len(n.elems) {
				return nil
			}
			n = n.elems[s.idx]
		} else if n = n.child(s.key); n == nil {
			return nil
		}
	}
	if n == ix.root {
		return nil
	}
	return n
}

// Pos returns the position of the value at path, e.g.
//
//	"id"                                  → position of the key `id`
//	"section[2].block[0].paragraphs[3]"   → position of the 4th string in that array (where the string starts)
//	"annex[1].item[0].kind"
//	"time.start"                          → key inside an inline table
//	`central-asia-2021.opening.held.p1`   → key inside nested tables ([central-asia-2021.opening.held] header + `p1 = …`)
//
// Keys are joined with "."; array elements (both [[array.of.tables]] elements and elements of inline arrays) with "[i]", 0-based. A key that contains '.', '[', ']', '"' or whitespace appears in the path quoted as Go strconv.Quote does (e.g. `"a.b".c`); see [QuoteKey].
//
// For a key, the position is the start of the key itself (first char of the key on its line; for a dotted key `a.b = 1`, the start of `a`, for "a" and "a.b" alike); for an array element, the first char of the element value.
// A table defined by a header, and an array-of-tables element, is at its header (the first '['); a table that
// only another header implies (`a` in `[a.b]`) is at the first such header; an array of tables is at its first header.
// ok is false when the path is not in the document.
func (ix *Index) Pos(path string) (p Pos, ok bool) {
	n := ix.lookup(path)
	if n == nil {
		return Pos{}, false
	}
	return n.pos, true
}

// StringPos returns the position of the character that gives byte off of
// the value of the string at path (a key or an array element whose value
// is a string), e.g. that of "*" for off 4 in p = "Say *hi". The string may
// be of any of the four kinds, with escape sequences and line-ending
// backslashes; off counts the bytes of the decoded value. In detail, the
// position is that of the first character, escape sequence or line-ending
// backslash at or after byte off (off inside a multi-byte character gives
// the next one), or that of the escape sequence whose rune holds byte off;
// an off past the value gives the end of its text. ok is false when path
// is not in the document or its value is not a string.
func (ix *Index) StringPos(path string, off int) (p Pos, ok bool) {
	n := ix.lookup(path)
	if n == nil || n.val < 0 || n.val >= len(ix.data) {
		return Pos{}, false
	}
	if q := ix.data[n.val]; q != '"' && q != '\'' {
		return Pos{}, false
	}
	// The value starts on the line of n.pos (that of its key, or its own).
	line := ix.data[:n.val]
	if nl := bytes.LastIndexByte(line, '\n'); nl >= 0 {
		line = line[nl+1:]
	} else {
		line = line[bomLen(line):]
	}
	start := Pos{Line: n.pos.Line, Col: 1 + utf8.RuneCount(line)}
	return advance(start, ix.data[n.val:stringOffset(ix.data, n.val, off)]), true
}

// Table returns the position of the header of the table or array-of-tables element at path (e.g. "section[2].block[0]" → the line of that `[[section.block]]`), falling back to its first key for inline tables.
//
// In detail: for a table or an array-of-tables element, its header (the first '['); for a table only implied by other headers, the first of them;
// for an array of tables, its first header; for an inline table, its first key, or its '{' when it is empty; for a table made by dotted keys
// (`a` in `a.b = 1`), the first key that made it. ok is false when path is not in the document or is not a table.
func (ix *Index) Table(path string) (Pos, bool) {
	n := ix.lookup(path)
	if n == nil || !n.hasTab {
		return Pos{}, false
	}
	return n.tab, true
}

// Paths returns every recorded path in document order (for tests and tools).
//
// Document order is the order in which keys, headers and elements first
// appear; a table implied by a header comes just before the header's table.
func (ix *Index) Paths() []string {
	if ix == nil || ix.root == nil {
		return nil
	}
	type item struct {
		seq  int
		path string
	}
	var all []item
	var walk func(n *node, path string)
	walk = func(n *node, path string) {
		if n != ix.root {
			all = append(all, item{int(n.seq), path})
		}
		prefix := path
		if prefix != "" {
			prefix += "."
		}
		for k, c := range n.keys {
			walk(c, prefix+QuoteKey(k))
		}
		for i, e := range n.elems {
			walk(e, path+"["+strconv.Itoa(i)+"]")
		}
	}
	walk(ix.root, "")
	sort.Slice(all, func(i, j int) bool { return all[i].seq < all[j].seq })
	out := make([]string, len(all))
	for i, it := range all {
		out[i] = it.path
	}
	return out
}
