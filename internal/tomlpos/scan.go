package tomlpos

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// This file is the package's lexer and scanner of TOML text, the only one
// of the module: Build, TooDeep and Index.StringPos are written on it, and
// so are the callers that need to know where things are written in a TOML
// file (a catalog editor rewriting values in place, for one).

// Kind says what an Item is.
type Kind uint8

const (
	// Comment is a comment, from its "#" up to the end of its line (the
	// line end not included).
	Comment Kind = iota + 1
	// Table is a table header, [a.b], from its "[" to its "]".
	Table
	// ArrayTable is the header of an element of an array of tables,
	// [[a.b]], from its first "[" to its last "]".
	ArrayTable
	// Key is the key of a key/value pair, from the start of its first part
	// to the end of its last. The "=" has been read; the items of the value
	// come next.
	Key
	// Value is a string (quotes included), number, boolean, date or time.
	// A value other than a string ends at its last non-blank byte.
	Value
	// ArrayStart is the "[" that opens an array value.
	ArrayStart
	// ArrayEnd is the "]" that closes an array value.
	ArrayEnd
	// InlineStart is the "{" that opens an inline table.
	InlineStart
	// InlineEnd is the "}" that closes an inline table.
	InlineEnd
)

var kindNames = [...]string{"", "Comment", "Table", "ArrayTable", "Key", "Value", "ArrayStart", "ArrayEnd", "InlineStart", "InlineEnd"}

// String returns the name of the kind, e.g. "ArrayStart".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Span is a range of bytes of a document: data[Start:End].
type Span struct{ Start, End int }

// Item is one piece of a document as a Scanner reads it.
type Item struct {
	Kind Kind
	// Span is where the item is written, as byte offsets in the document.
	Span
	// Depth is the number of arrays and inline tables the item is in. The
	// start and end of an array or inline table are not counted as in it:
	// in a = [[1]], the outer ArrayStart has depth 0, the inner one depth
	// 1, and the value 1 depth 2.
	Depth int
	// Parts are, for a Table, ArrayTable or Key item, the parts of its
	// dotted key as written (quotes included); Scanner.AppendKey gives
	// their values. The slice is reused by the next call of Next.
	Parts []Span
}

// SyntaxError is what stopped a Scanner: text it cannot read as TOML.
type SyntaxError struct {
	// Offset is the byte offset in the document where reading failed, and
	// Pos its line and column.
	Offset int
	Pos    Pos
	// Msg says what is wrong, e.g. "string is not closed".
	Msg string
}

// Error returns the message with its line and column.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Pos.Line, e.Pos.Col, e.Msg)
}

// state is what a Scanner reads next.
type state uint8

const (
	sLine      state = iota // the start of a line, outside any value: a header, a key/value, a comment or a blank line
	sLineRest               // what may follow a header or a value on its line: blanks and a comment
	sLineEnd                // the end of the line: a newline or the end of the document
	sValue                  // a value, at its first byte
	sElem                   // in an array, before an element or the "]"
	sElemEnd                // in an array, after an element: "," or "]"
	sInlineKey              // in an inline table, before a key or the "}"
	sInlineEnd              // in an inline table, after a value: "," or "}"
	sDone                   // the whole document has been read, or reading failed
)

// Scanner reads a TOML document item by item, in document order: comments,
// table headers, keys, values, and the starts and ends of arrays and
// inline tables. Blanks, newlines, "=", "," and the dots of keys are not
// items.
//
// A Scanner follows the syntax of TOML, with the TOML 1.1 extensions that
// BurntSushi/toml v1.6 accepts (newlines and a trailing comma in inline
// tables, \e and \xHH escapes). It is lenient where that costs nothing
// (values other than strings, arrays and inline tables are not checked,
// nor are control characters in strings), and it does not check the
// meaning of the document (a key defined twice, a table defined twice):
// see Build for that. It stops at the first text it cannot read, and Err
// then says why. A byte order mark at the start of the document is
// skipped. Reading is linear in the size of the document, with memory in
// proportion to the nesting of arrays and inline tables reached and to the
// parts of the longest dotted key.
//
// A typical loop:
//
//	s := tomlpos.NewScanner(data)
//	for s.Next() {
//		it := s.Item()
//		…
//	}
//	if err := s.Err(); err != nil {
//		…
//	}
type Scanner struct {
	data  []byte
	start int // offset after the byte order mark
	off   int // the next byte to read
	st    state
	// header is set when the line being ended holds a header, not a value
	// (for the message of an error).
	header bool
	stack  []Kind // the arrays (ArrayStart) and inline tables (InlineStart) being read, innermost last
	item   Item
	parts  []Span
	err    *SyntaxError
	// at is the last offset Pos was asked for, and pos its position.
	at  int
	pos Pos
}

// NewScanner returns a Scanner reading data.
func NewScanner(data []byte) *Scanner {
	n := bomLen(data)
	return &Scanner{data: data, start: n, off: n, at: n, pos: Pos{1, 1}}
}

// bomLen returns the length of the byte order mark data starts with, 0
// when there is none. BurntSushi/toml drops one before it counts
// positions.
func bomLen(data []byte) int {
	switch {
	case len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf:
		return 3
	case len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff):
		return 2
	}
	return 0
}

// Item returns the item the last call of Next read.
func (s *Scanner) Item() Item { return s.item }

// Err returns the SyntaxError that stopped the Scanner, or nil when it
// has read the whole document (or has not stopped yet).
func (s *Scanner) Err() error {
	if s.err == nil {
		return nil
	}
	return s.err
}

// Offset returns the offset of the next byte the Scanner reads: after the
// last item, at the error, or the length of the document at its end.
func (s *Scanner) Offset() int {
	if s.err != nil {
		return s.err.Offset
	}
	return s.off
}

// Pos returns the line and column of the byte at offset off (clamped to
// the document), which should start a character, as the offsets of items
// do. Lines are counted by "\n"; columns in runes, an invalid byte
// counting as one; a byte order mark is not counted.
//
// Pos is fast for offsets in increasing order: it counts from the offset
// it was last asked for, or from the start when off is before it.
func (s *Scanner) Pos(off int) Pos {
	off = min(max(off, s.start), len(s.data))
	if off < s.at {
		s.at, s.pos = s.start, Pos{1, 1}
	}
	s.pos = advance(s.pos, s.data[s.at:off])
	s.at = off
	return s.pos
}

// advance returns the position just after b, when b starts at p.
func advance(p Pos, b []byte) Pos {
	if len(b) < 32 {
		// Short gaps, as between most items: a plain loop is quicker.
		for i := 0; i < len(b); {
			switch c := b[i]; {
			case c == '\n':
				p.Line++
				p.Col = 1
				i++
			case c < utf8.RuneSelf:
				p.Col++
				i++
			default:
				_, w := utf8.DecodeRune(b[i:])
				p.Col++
				i += w
			}
		}
		return p
	}
	if nl := bytes.LastIndexByte(b, '\n'); nl >= 0 {
		p.Line += bytes.Count(b[:nl], []byte{'\n'}) + 1
		p.Col = 1
		b = b[nl+1:]
	}
	p.Col += utf8.RuneCount(b)
	return p
}

func (s *Scanner) fail(off int, msg string) bool {
	s.err = &SyntaxError{Offset: off, Pos: s.Pos(off), Msg: msg}
	s.st = sDone
	return false
}

// emit makes the item of kind k at data[start:end] the current one.
func (s *Scanner) emit(k Kind, start, end int) bool {
	s.item = Item{Kind: k, Span: Span{start, end}, Depth: len(s.stack)}
	return true
}

func (s *Scanner) skipBlanks() {
	for s.off < len(s.data) && (s.data[s.off] == ' ' || s.data[s.off] == '\t') {
		s.off++
	}
}

// skipBlankLines skips blanks and newlines (inside arrays and inline
// tables) and reports whether a byte other than those follows.
func (s *Scanner) skipBlankLines() bool {
	for ; s.off < len(s.data); s.off++ {
		switch s.data[s.off] {
		case ' ', '\t', '\r', '\n':
		default:
			return true
		}
	}
	return false
}

// comment makes the comment at s.off the current item.
func (s *Scanner) comment() bool {
	start := s.off
	end := len(s.data)
	if i := bytes.IndexByte(s.data[start:], '\n'); i >= 0 {
		end = start + i
	}
	s.off = end
	if end > start && s.data[end-1] == '\r' {
		end--
	}
	return s.emit(Comment, start, end)
}

// Next reads the next item and reports whether there is one. At the end
// of the document, or at text it cannot read, it returns false; Err tells
// which.
func (s *Scanner) Next() bool {
	d := s.data
	for {
		switch s.st {
		case sDone:
			return false

		case sLine:
			s.skipBlanks()
			if s.off >= len(d) {
				s.st = sDone
				return false
			}
			switch d[s.off] {
			case '\n', '\r':
				s.off++
			case '#':
				return s.comment()
			case '[':
				s.header = true
				s.st = sLineRest
				return s.tableHeader()
			default:
				s.st = sValue
				return s.key()
			}

		case sLineRest:
			s.skipBlanks()
			s.st = sLineEnd
			if s.off < len(d) && d[s.off] == '#' {
				return s.comment()
			}

		case sLineEnd:
			if s.off < len(d) && d[s.off] == '\r' {
				s.off++
			}
			switch {
			case s.off >= len(d):
				s.st = sDone
				return false
			case d[s.off] == '\n':
				s.off++
				s.st = sLine
			case s.header:
				return s.fail(s.off, "unexpected text after the table header")
			default:
				return s.fail(s.off, "unexpected text after the value")
			}

		case sValue:
			return s.value()

		case sElem, sElemEnd:
			if !s.skipBlankLines() {
				return s.fail(s.off, "array is not closed")
			}
			switch c := d[s.off]; {
			case c == '#':
				return s.comment()
			case c == ']':
				return s.closeValue(ArrayEnd)
			case s.st == sElem:
				s.st = sValue
			case c == ',':
				s.off++
				s.st = sElem
			default:
				return s.fail(s.off, "expected , or ] after an element of an array")
			}

		case sInlineKey, sInlineEnd:
			if !s.skipBlankLines() {
				return s.fail(s.off, "inline table is not closed")
			}
			switch c := d[s.off]; {
			case c == '#':
				return s.comment()
			case c == '}':
				return s.closeValue(InlineEnd)
			case s.st == sInlineKey:
				s.st = sValue
				return s.key()
			case c == ',':
				s.off++
				s.st = sInlineKey
			default:
				return s.fail(s.off, "expected , or } after a value of an inline table")
			}
		}
	}
}

// afterValue sets what comes after a value: the rest of the line, or the
// rest of the enclosing array or inline table.
func (s *Scanner) afterValue() {
	switch {
	case len(s.stack) == 0:
		s.header = false
		s.st = sLineRest
	case s.stack[len(s.stack)-1] == ArrayStart:
		s.st = sElemEnd
	default:
		s.st = sInlineEnd
	}
}

// closeValue reads the "]" or "}" at s.off, which ends the innermost
// array or inline table.
func (s *Scanner) closeValue(k Kind) bool {
	s.stack = s.stack[:len(s.stack)-1]
	s.off++
	s.afterValue()
	return s.emit(k, s.off-1, s.off)
}

// tableHeader reads the [table] or [[array.of.tables]] header at s.off.
func (s *Scanner) tableHeader() bool {
	start := s.off
	k := Table
	s.off++
	if s.off < len(s.data) && s.data[s.off] == '[' {
		k = ArrayTable
		s.off++
	}
	if !s.dottedKey() {
		return false
	}
	s.skipBlanks()
	if s.off >= len(s.data) || s.data[s.off] != ']' {
		return s.fail(s.off, "table header is not closed with ]")
	}
	s.off++
	if k == ArrayTable {
		if s.off >= len(s.data) || s.data[s.off] != ']' {
			return s.fail(s.off, "array of tables header is not closed with ]]")
		}
		s.off++
	}
	s.emit(k, start, s.off)
	s.item.Parts = s.parts
	return true
}

// key reads `key =` at s.off and the blanks after it.
func (s *Scanner) key() bool {
	if !s.dottedKey() {
		return false
	}
	start, end := s.parts[0].Start, s.parts[len(s.parts)-1].End
	s.skipBlanks()
	if s.off >= len(s.data) || s.data[s.off] != '=' {
		return s.fail(s.off, "expected = after the key")
	}
	s.off++
	s.skipBlanks()
	s.emit(Key, start, end)
	s.item.Parts = s.parts
	return true
}

// isBare reports whether c may be part of a bare key.
func isBare(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// IsBareKey reports whether k can be written as a bare key, without
// quotes: it is not empty and has only ASCII letters, digits, "_" and "-".
func IsBareKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if !isBare(k[i]) {
			return false
		}
	}
	return k != ""
}

// dottedKey reads a possibly dotted key at s.off into s.parts.
func (s *Scanner) dottedKey() bool {
	s.parts = s.parts[:0]
	d := s.data
	for {
		s.skipBlanks()
		start := s.off
		if start >= len(d) {
			return s.fail(start, "key expected")
		}
		switch c := d[start]; {
		case c == '"' || c == '\'':
			if start+2 < len(d) && d[start+1] == c && d[start+2] == c {
				return s.fail(start, "a key cannot be a multi-line string")
			}
			end, msg := skipString(d, start)
			if msg != "" {
				return s.fail(end, msg)
			}
			s.off = end
		case isBare(c):
			for s.off < len(d) && isBare(d[s.off]) {
				s.off++
			}
		default:
			return s.fail(start, "invalid key")
		}
		s.parts = append(s.parts, Span{start, s.off})
		s.skipBlanks()
		if s.off >= len(d) || d[s.off] != '.' {
			return true
		}
		s.off++
	}
}

// AppendKey appends the parts of the key of the current item (a Table,
// ArrayTable or Key), unescaped, to dst and returns the result: for
// a."b.c".'d' the strings a, b.c and d.
func (s *Scanner) AppendKey(dst []string) []string {
	for _, p := range s.item.Parts {
		dst = append(dst, unquote(s.data[p.Start:p.End]))
	}
	return dst
}

// value reads the value at s.off.
func (s *Scanner) value() bool {
	d := s.data
	start := s.off
	if start >= len(d) {
		return s.fail(start, "value expected")
	}
	switch d[start] {
	case '"', '\'':
		end, msg := skipString(d, start)
		if msg != "" {
			return s.fail(end, msg)
		}
		s.off = end
	case '[', '{':
		k, st := ArrayStart, sElem
		if d[start] == '{' {
			k, st = InlineStart, sInlineKey
		}
		s.emit(k, start, start+1)
		s.stack = append(s.stack, k)
		s.off++
		s.st = st
		return true
	default:
		// A number, boolean, date or time, which may hold a blank: read
		// up to what ends a value.
		end := start
	scalar:
		for ; end < len(d); end++ {
			switch d[end] {
			case ',', ']', '}', '#', '\n', '\r', '[', '{', '"', '\'', '=':
				break scalar
			}
		}
		if end == start {
			return s.fail(start, "value expected")
		}
		s.off = end
		for end > start && (d[end-1] == ' ' || d[end-1] == '\t') {
			end--
		}
		s.emit(Value, start, end)
		s.afterValue()
		return true
	}
	s.emit(Value, start, s.off)
	s.afterValue()
	return true
}

// The strings of TOML are read piece by piece, with a strLexer: to find
// where a string ends (skipString), for its value (unquote) and to find
// where a byte of its value is written (stringOffset).

// pieceKind says what a piece of a string literal stands for.
type pieceKind uint8

const (
	plain   pieceKind = iota // text standing for itself
	escaped                  // an escape sequence, standing for one rune
	dropped                  // a line-ending backslash and the blanks and newlines after it, which stand for nothing
)

// piece is a part of a string literal: the bytes data[start:end], and the
// rune r when it is an escape sequence.
type piece struct {
	start, end int
	kind       pieceKind
	r          rune
}

// strLexer reads the content of a string literal of any of the four kinds.
type strLexer struct {
	data  []byte
	open  int  // the opening quote
	i     int  // the next byte
	q     byte // the quote, '"' (basic string) or '\'' (literal string)
	multi bool
	end   int    // after the closing quote(s), once read; else 0
	err   string // what is wrong, when reading failed
}

// newStrLexer returns a strLexer for the string whose opening quote is
// data[open]. The newline right after the quotes that open a multi-line
// string is not part of its value, and is skipped here.
func newStrLexer(data []byte, open int) strLexer {
	l := strLexer{data: data, open: open, i: open + 1, q: data[open]}
	if open+2 < len(data) && data[open+1] == l.q && data[open+2] == l.q {
		l.multi = true
		l.i = open + 3
		switch {
		case bytes.HasPrefix(data[l.i:], []byte("\r\n")):
			l.i += 2
		case l.i < len(data) && data[l.i] == '\n':
			l.i++
		}
	}
	return l
}

// next returns the next piece of the string, or false at its closing
// quote (then l.end is set) or at an error (then l.err is).
func (l *strLexer) next() (piece, bool) {
	d, i := l.data, l.i
	if l.end > 0 || l.err != "" {
		return piece{}, false
	}
	basic := l.q == '"'
	k := i
	if l.multi {
		for k < len(d) && d[k] != l.q && (d[k] != '\\' || !basic) {
			k++
		}
	} else {
		for k < len(d) && d[k] != l.q && d[k] != '\n' && (d[k] != '\\' || !basic) {
			k++
		}
	}
	if k > i {
		l.i = k
		return piece{start: i, end: k}, true
	}
	switch {
	case i >= len(d) || d[i] == '\n':
		if l.multi {
			l.err = "multi-line string is not closed"
		} else {
			l.err = "string is not closed"
		}
		return piece{}, false
	case d[i] == l.q:
		if !l.multi {
			l.end = i + 1
			return piece{}, false
		}
		run := i
		for run < len(d) && d[run] == l.q {
			run++
		}
		switch {
		case run-i < 3: // quotes inside the string
			l.i = run
			return piece{start: i, end: run}, true
		case run-i > 3: // up to two quotes end the value, before the closing three
			l.i = run - 3
			return piece{start: i, end: run - 3}, true
		}
		l.end = run
		return piece{}, false
	}
	// A backslash in a basic string. In a multi-line one, a backslash
	// followed by blanks and newlines is a line-ending backslash (also,
	// leniently, when no newline follows, which BurntSushi/toml refuses).
	if l.multi && i+1 < len(d) && isBlankOrNewline(d[i+1]) {
		k = i + 1
		for k < len(d) && isBlankOrNewline(d[k]) {
			k++
		}
		l.i = k
		return piece{start: i, end: k, kind: dropped}, true
	}
	n, r, ok := escape(d[i:])
	if !ok {
		l.err = "bad escape sequence"
		return piece{}, false
	}
	l.i = i + n
	return piece{start: i, end: i + n, kind: escaped, r: r}, true
}

func isBlankOrNewline(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// escape reads the escape sequence b starts with (at its backslash) and
// returns its length and the rune it stands for.
func escape(b []byte) (n int, r rune, ok bool) {
	if len(b) < 2 {
		return 0, 0, false
	}
	switch b[1] {
	case 'b':
		return 2, '\b', true
	case 't':
		return 2, '\t', true
	case 'n':
		return 2, '\n', true
	case 'f':
		return 2, '\f', true
	case 'r':
		return 2, '\r', true
	case 'e':
		return 2, 0x1b, true
	case '"', '\\':
		return 2, rune(b[1]), true
	case 'x':
		n = 2
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, 0, false
	}
	if len(b) < 2+n {
		return 0, 0, false
	}
	var v uint32
	for _, c := range b[2 : 2+n] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, 0, false
		}
		v = v<<4 | uint32(c)
	}
	return 2 + n, rune(v), true
}

// skipString reads the string literal at data[open] and returns the
// offset after it, or the offset of the error and what is wrong.
func skipString(data []byte, open int) (int, string) {
	l := newStrLexer(data, open)
	for {
		if _, ok := l.next(); !ok {
			break
		}
	}
	switch {
	case l.err == "":
		return l.end, ""
	case l.err == "bad escape sequence":
		return l.i, l.err
	}
	return open, l.err
}

// unquote returns the value of the key or string literal lit, which the
// Scanner has read: a bare key is its own value. (A rune that an escape
// sequence gives but is not valid, such as a surrogate half, becomes
// U+FFFD.)
func unquote(lit []byte) string {
	if len(lit) == 0 || lit[0] != '"' && lit[0] != '\'' {
		return string(lit)
	}
	multi := len(lit) >= 3 && lit[1] == lit[0] && lit[2] == lit[0]
	if len(lit) >= 2 && !multi && (lit[0] == '\'' || bytes.IndexByte(lit, '\\') < 0) {
		return string(lit[1 : len(lit)-1]) // the common case of a key: nothing to unescape
	}
	l := newStrLexer(lit, 0)
	b := make([]byte, 0, len(lit))
	for {
		p, ok := l.next()
		if !ok {
			break
		}
		switch p.kind {
		case plain:
			b = append(b, lit[p.start:p.end]...)
		case escaped:
			b = utf8.AppendRune(b, p.r)
		}
	}
	return string(b)
}

// runeLen returns the number of bytes utf8.AppendRune writes for r.
func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return len(string(utf8.RuneError))
}

// stringOffset returns the offset in data of byte off of the value of the
// string literal whose opening quote is data[open]: that of the first
// character, escape sequence or line-ending backslash at or after it (off
// counted as the value's bytes are, an escape sequence counting for the
// bytes of its rune), or that of an escape sequence when off is inside
// what it stands for. An off past the value gives the end of its text.
func stringOffset(data []byte, open, off int) int {
	l := newStrLexer(data, open)
	n := 0
	for n < off {
		p, ok := l.next()
		if !ok {
			break
		}
		switch p.kind {
		case plain:
			j := p.start
			for j < p.end && n < off {
				_, w := utf8.DecodeRune(data[j:p.end])
				j += w
				n += w
			}
			if j < p.end {
				return j
			}
		case escaped:
			if n += runeLen(p.r); n > off {
				return p.start
			}
		}
	}
	return l.i
}
