// Package tomlpos maps every key and array element of a TOML document to the
// line and column where its value is written.
//
// BurntSushi/toml reports positions only for syntax errors, and its MetaData
// cannot tell the elements of an array of tables apart. This package scans the
// same document a second time, with a small scanner of its own, and records
// where each key, table header and array element is written, so that
// validation errors found after decoding can name file:line:col.
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
}

// maxDepth bounds the nesting of inline arrays and inline tables the scanner
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

// node is one key or array element of the document, and at the same time the
// scanner's model of the document, used to resolve headers and dotted keys.
type node struct {
	kind     kind
	explicit bool // pos comes from the node's own definition, not from a header that implied it
	hasTab   bool
	pos      Pos
	tab      Pos
	seq      int // document order
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

// Build scans data (already known to be valid TOML: callers decode it with BurntSushi/toml first) and returns its index. It never panics, whatever the input; on input it cannot follow it returns what it found so far.
func Build(data []byte) (ix *Index) {
	p := newParser(data)
	ix = &Index{root: p.root}
	defer func() {
		// Last line of defence: the scanner is written (and fuzzed) not to
		// panic, but an index with what was found so far beats a crash.
		_ = recover()
	}()
	p.document()
	return ix
}

func newParser(data []byte) *parser {
	p := &parser{data: data, line: 1, col: 1}
	p.root = &node{kind: kTable, explicit: true}
	p.cur = p.root
	// BurntSushi/toml drops a byte order mark before it counts positions.
	switch {
	case len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf:
		p.off = 3
	case len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff):
		p.off = 2
	}
	return p
}

type parser struct {
	data      []byte
	off       int // byte offset of the next rune
	line, col int // position of the next rune
	seq       int
	root, cur *node

	done     bool // the whole input was followed
	conflict bool // stopped at a key defined twice, or a table and a value at once
}

func (p *parser) newNode(k kind, pos Pos) *node {
	p.seq++
	return &node{kind: k, pos: pos, seq: p.seq, explicit: true}
}

func (p *parser) eof() bool { return p.off >= len(p.data) }

// at returns the byte k bytes ahead, or 0 past the end.
func (p *parser) at(k int) byte {
	if p.off+k < len(p.data) {
		return p.data[p.off+k]
	}
	return 0
}

func (p *parser) peek() byte { return p.at(0) }

func (p *parser) pos() Pos { return Pos{p.line, p.col} }

func (p *parser) hasPrefix(s string) bool {
	rest := p.data[p.off:]
	return len(rest) >= len(s) && string(rest[:len(s)]) == s
}

// adv moves past one rune (an invalid byte counts as one rune).
func (p *parser) adv() {
	if p.eof() {
		return
	}
	c := p.data[p.off]
	switch {
	case c == '\n':
		p.off++
		p.line++
		p.col = 1
	case c < utf8.RuneSelf:
		p.off++
		p.col++
	default:
		_, w := utf8.DecodeRune(p.data[p.off:])
		p.off += w
		p.col++
	}
}

func (p *parser) advN(n int) {
	for range n {
		p.adv()
	}
}

func (p *parser) skipWS() {
	for c := p.peek(); !p.eof() && (c == ' ' || c == '\t'); c = p.peek() {
		p.adv()
	}
}

func (p *parser) skipComment() {
	if p.peek() != '#' {
		return
	}
	for !p.eof() && p.peek() != '\n' {
		p.adv()
	}
}

// skipWSNL skips whitespace, newlines and comments (inside arrays and inline
// tables).
func (p *parser) skipWSNL() {
	for !p.eof() {
		switch p.peek() {
		case ' ', '\t', '\r', '\n':
			p.adv()
		case '#':
			p.skipComment()
		default:
			return
		}
	}
}

// eol consumes the rest of a line after a header or key/value pair.
func (p *parser) eol() bool {
	p.skipWS()
	p.skipComment()
	if p.eof() {
		return true
	}
	if p.peek() == '\r' {
		p.adv()
	}
	if p.eof() {
		return true
	}
	if p.peek() == '\n' {
		p.adv()
		return true
	}
	return false
}

func (p *parser) document() {
	for {
		p.skipWS()
		if p.eof() {
			p.done = true
			return
		}
		switch p.peek() {
		case '\n', '\r':
			p.adv()
		case '#':
			p.skipComment()
		case '[':
			if !p.header() || !p.eol() {
				return
			}
		default:
			if !p.keyval(p.cur, 0) || !p.eol() {
				return
			}
		}
	}
}

// header reads a [table] or [[array.of.tables]] header and makes the table it
// names the current one.
func (p *parser) header() bool {
	hp := p.pos()
	p.adv()
	aot := p.peek() == '['
	if aot {
		p.adv()
	}
	keys, ok := p.key()
	if !ok {
		return false
	}
	p.skipWS()
	if p.peek() != ']' {
		return false
	}
	p.adv()
	if aot {
		if p.peek() != ']' {
			return false
		}
		p.adv()
	}

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
	if aot {
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

// keyval reads `key = value` into table n.
func (p *parser) keyval(n *node, depth int) bool {
	kp := p.pos()
	keys, ok := p.key()
	if !ok {
		return false
	}
	p.skipWS()
	if p.peek() != '=' {
		return false
	}
	p.adv()
	p.skipWS()
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
	c := p.newNode(p.valueKind(), kp)
	n.setChild(last, c)
	return p.value(c, depth)
}

// key reads a possibly dotted key and returns its parts, unescaped.
func (p *parser) key() ([]string, bool) {
	var keys []string
	for {
		p.skipWS()
		k, ok := p.simpleKey()
		if !ok {
			return nil, false
		}
		keys = append(keys, k)
		p.skipWS()
		if p.peek() != '.' {
			return keys, true
		}
		p.adv()
	}
}

func isBare(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

func (p *parser) simpleKey() (string, bool) {
	switch p.peek() {
	case '"':
		if p.hasPrefix(`"""`) {
			return "", false
		}
		return p.basicString(true)
	case '\'':
		if p.hasPrefix(`'''`) {
			return "", false
		}
		return p.literalString()
	}
	start := p.off
	for !p.eof() && isBare(p.peek()) {
		p.adv()
	}
	if p.off == start {
		return "", false
	}
	return string(p.data[start:p.off]), true
}

// basicString reads a single-line "…" string and returns its value when
// keep is set (a quoted key); a value's text is not needed, only its end.
func (p *parser) basicString(keep bool) (string, bool) {
	p.adv() // opening quote
	var b []byte
	for {
		start := p.off
		p.skipPlain('"', true)
		if keep {
			b = append(b, p.data[start:p.off]...)
		}
		if p.eof() {
			return "", false
		}
		switch c := p.peek(); c {
		case '"':
			p.adv()
			return string(b), true
		case '\\':
			p.adv()
			e := p.peek()
			if p.eof() {
				return "", false
			}
			p.adv()
			switch e {
			case 'b':
				b = append(b, '\b')
			case 't':
				b = append(b, '\t')
			case 'n':
				b = append(b, '\n')
			case 'f':
				b = append(b, '\f')
			case 'r':
				b = append(b, '\r')
			case 'e':
				b = append(b, 0x1b)
			case '"', '\\':
				b = append(b, e)
			case 'x', 'u', 'U':
				n := 2
				if e == 'u' {
					n = 4
				} else if e == 'U' {
					n = 8
				}
				if p.off+n > len(p.data) {
					return "", false
				}
				v, err := strconv.ParseUint(string(p.data[p.off:p.off+n]), 16, 32)
				if err != nil {
					return "", false
				}
				p.advN(n)
				b = utf8.AppendRune(b, rune(v))
			default:
				return "", false
			}
		default: // a newline
			return "", false
		}
	}
}

// skipPlain advances over the characters of a single-line string up to
// the next newline, closing quote q or (when escapes) backslash: the
// common case of adv, without its per-character branches.
func (p *parser) skipPlain(q byte, escapes bool) {
	for p.off < len(p.data) {
		c := p.data[p.off]
		if c == q || c == '\n' || escapes && c == '\\' {
			return
		}
		if c < utf8.RuneSelf {
			p.off++
		} else {
			_, w := utf8.DecodeRune(p.data[p.off:])
			p.off += w
		}
		p.col++
	}
}

// literalString reads a single-line '…' string and returns its value.
func (p *parser) literalString() (string, bool) {
	p.adv() // opening quote
	start := p.off
	p.skipPlain('\'', false)
	if p.eof() || p.peek() == '\n' {
		return "", false
	}
	s := string(p.data[start:p.off])
	p.adv()
	return s, true
}

// multiline skips a multi-line basic or literal string; q is its quote byte.
func (p *parser) multiline(q byte) bool {
	p.advN(3)
	for {
		if p.eof() {
			return false
		}
		c := p.peek()
		switch {
		case c == '\\' && q == '"':
			p.adv()
			p.adv() // escaped char, or the newline of a line-ending backslash
		case c == q && p.at(1) == q && p.at(2) == q:
			// Up to two more quotes belong to the string: take the whole run.
			for !p.eof() && p.peek() == q {
				p.adv()
			}
			return true
		default:
			p.adv()
		}
	}
}

// valueKind tells, from its first byte, what kind of value comes next.
func (p *parser) valueKind() kind {
	switch p.peek() {
	case '[':
		return kArray
	case '{':
		return kInline
	}
	return kValue
}

// value reads the value of node n (whose kind came from valueKind).
func (p *parser) value(n *node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch p.peek() {
	case '"':
		if p.hasPrefix(`"""`) {
			return p.multiline('"')
		}
		_, ok := p.basicString(false)
		return ok
	case '\'':
		if p.hasPrefix(`'''`) {
			return p.multiline('\'')
		}
		_, ok := p.literalString()
		return ok
	case '[':
		return p.array(n, depth)
	case '{':
		return p.inlineTable(n, depth)
	}
	// Number, boolean, date or time (which may contain one space).
	start := p.off
	for !p.eof() {
		switch p.peek() {
		case ',', ']', '}', '#', '\n', '\r', '[', '{', '"', '\'', '=':
			return p.off > start
		}
		p.adv()
	}
	return p.off > start
}

func (p *parser) array(n *node, depth int) bool {
	p.adv() // [
	for {
		p.skipWSNL()
		if p.eof() {
			return false
		}
		if p.peek() == ']' {
			p.adv()
			return true
		}
		e := p.newNode(p.valueKind(), p.pos())
		n.elems = append(n.elems, e)
		if !p.value(e, depth+1) {
			return false
		}
		p.skipWSNL()
		switch p.peek() {
		case ',':
			p.adv()
		case ']':
			p.adv()
			return true
		default:
			return false
		}
	}
}

// inlineTable reads { k = v, … }. Newlines, comments and a trailing comma
// are accepted (TOML 1.1, which BurntSushi/toml v1.6 also accepts).
func (p *parser) inlineTable(n *node, depth int) bool {
	n.hasTab, n.tab = true, p.pos()
	p.adv() // {
	first := true
	for {
		p.skipWSNL()
		if p.eof() {
			return false
		}
		if p.peek() == '}' {
			p.adv()
			return true
		}
		if first {
			n.tab = p.pos()
			first = false
		}
		if !p.keyval(n, depth+1) {
			return false
		}
		p.skipWSNL()
		switch p.peek() {
		case ',':
			p.adv()
		case '}':
			p.adv()
			return true
		default:
			return false
		}
	}
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
			all = append(all, item{n.seq, path})
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
