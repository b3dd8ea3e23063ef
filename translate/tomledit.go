package translate

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is a small line-based TOML scanner and editor, enough to edit
// catalog files in place: it knows comments, blank lines, [table] headers
// and key = value lines whose value is a string (single-line or
// multi-line, basic or literal) or another scalar on one line. Arrays,
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
	s = strings.TrimSuffix(s, "\n")
	d.lines = strings.Split(s, "\n")
	for i, l := range d.lines {
		d.lines[i] = strings.TrimSuffix(l, "\r")
	}
	var table []string
	for i := 0; i < len(d.lines); i++ {
		line := d.lines[i]
		t := strings.TrimLeft(line, " \t")
		switch {
		case t == "":
			d.items = append(d.items, item{kind: itemBlank, first: i, last: i})
		case t[0] == '#':
			d.items = append(d.items, item{kind: itemComment, first: i, last: i})
		case strings.HasPrefix(t, "[["):
			return nil, fmt.Errorf("line %d: arrays of tables are not catalog syntax", i+1)
		case t[0] == '[':
			off := len(line) - len(t) + 1
			path, end, err := scanKey(line, off)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", i+1, err)
			}
			end = skipSpace(line, end)
			if end >= len(line) || line[end] != ']' {
				return nil, fmt.Errorf("line %d: table header is not closed with ]", i+1)
			}
			if rest := strings.TrimLeft(line[end+1:], " \t"); rest != "" && rest[0] != '#' {
				return nil, fmt.Errorf("line %d: unexpected text after the table header", i+1)
			}
			table = path
			d.items = append(d.items, item{kind: itemHeader, first: i, last: i, path: path})
		default:
			it := item{kind: itemKeyVal, first: i, keyStart: len(line) - len(t)}
			key, end, err := scanKey(line, it.keyStart)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", i+1, err)
			}
			it.keyEnd = end
			it.lastSeg = lastSegStart(line, it.keyStart, end)
			end = skipSpace(line, end)
			if end >= len(line) || line[end] != '=' {
				return nil, fmt.Errorf("line %d: expected = after the key", i+1)
			}
			it.valStart = skipSpace(line, end+1)
			last, off, err := d.scanValue(i, it.valStart)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", i+1, err)
			}
			it.last = last
			it.trail = d.lines[last][off:]
			if rest := strings.TrimLeft(it.trail, " \t"); rest != "" && rest[0] != '#' {
				return nil, fmt.Errorf("line %d: unexpected text after the value", last+1)
			}
			it.path = append(append([]string(nil), table...), key...)
			d.items = append(d.items, it)
			i = last
		}
	}
	return d, nil
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func isBareKeyByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// scanKey reads a dotted key starting at line[i] and returns its segments
// and the offset after it.
func scanKey(line string, i int) ([]string, int, error) {
	var segs []string
	for {
		i = skipSpace(line, i)
		if i >= len(line) {
			return nil, i, fmt.Errorf("key expected")
		}
		switch c := line[i]; {
		case c == '"':
			s, end, err := scanBasic(line, i)
			if err != nil {
				return nil, i, err
			}
			segs = append(segs, s)
			i = end
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				return nil, i, fmt.Errorf("literal key is not closed")
			}
			segs = append(segs, line[i+1:i+1+j])
			i += j + 2
		case isBareKeyByte(c):
			j := i
			for j < len(line) && isBareKeyByte(line[j]) {
				j++
			}
			segs = append(segs, line[i:j])
			i = j
		default:
			return nil, i, fmt.Errorf("invalid key")
		}
		j := skipSpace(line, i)
		if j < len(line) && line[j] == '.' {
			i = j + 1
			continue
		}
		return segs, i, nil
	}
}

// lastSegStart returns where the last segment of the key in line[start:end]
// starts.
func lastSegStart(line string, start, end int) int {
	last := start
	quote := byte(0)
	for i := start; i < end; i++ {
		c := line[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && c == '.':
			last = skipSpace(line, i+1)
		}
	}
	return last
}

// scanBasic decodes the basic string starting at line[i] (the opening
// quote) and returns it with the offset after the closing quote.
func scanBasic(line string, i int) (string, int, error) {
	var b strings.Builder
	j := i + 1
	for j < len(line) {
		c := line[j]
		switch c {
		case '"':
			return b.String(), j + 1, nil
		case '\\':
			if j+1 >= len(line) {
				return "", j, fmt.Errorf("bad escape")
			}
			e := line[j+1]
			switch e {
			case 'b':
				b.WriteByte('\b')
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'f':
				b.WriteByte('\f')
			case 'r':
				b.WriteByte('\r')
			case 'e':
				b.WriteByte(0x1b)
			case '"', '\\':
				b.WriteByte(e)
			case 'x', 'u', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if j+2+n > len(line) {
					return "", j, fmt.Errorf("bad escape")
				}
				r, err := strconv.ParseUint(line[j+2:j+2+n], 16, 32)
				if err != nil {
					return "", j, fmt.Errorf("bad escape")
				}
				b.WriteRune(rune(r))
				j += n
			default:
				return "", j, fmt.Errorf("bad escape \\%c", e)
			}
			j += 2
		default:
			b.WriteByte(c)
			j++
		}
	}
	return "", j, fmt.Errorf("string is not closed")
}

// scanValue finds the end of the value starting on line li at offset off.
// It returns the line where the value ends and the offset after it.
func (d *tomlDoc) scanValue(li, off int) (int, int, error) {
	line := d.lines[li]
	if off >= len(line) {
		return 0, 0, fmt.Errorf("value expected")
	}
	switch {
	case strings.HasPrefix(line[off:], `"""`), strings.HasPrefix(line[off:], `'''`):
		q := line[off]
		basic := q == '"'
		l, i := li, off+3
		for l < len(d.lines) {
			s := d.lines[l]
			for i < len(s) {
				if basic && s[i] == '\\' {
					i += 2
					continue
				}
				if s[i] == q && strings.HasPrefix(s[i:], strings.Repeat(string(q), 3)) {
					i += 3
					// Up to two more quotes belong to the content.
					for k := 0; k < 2 && i < len(s) && s[i] == q; k++ {
						i++
					}
					return l, i, nil
				}
				i++
			}
			l, i = l+1, 0
		}
		return 0, 0, fmt.Errorf("multi-line string is not closed")
	case line[off] == '"':
		_, end, err := scanBasic(line, off)
		return li, end, err
	case line[off] == '\'':
		j := strings.IndexByte(line[off+1:], '\'')
		if j < 0 {
			return 0, 0, fmt.Errorf("literal string is not closed")
		}
		return li, off + j + 2, nil
	case line[off] == '[' || line[off] == '{':
		return 0, 0, fmt.Errorf("arrays and inline tables are not catalog syntax")
	default:
		end := off
		for end < len(line) && line[end] != '#' && line[end] != ' ' && line[end] != '\t' {
			end++
		}
		return li, end, nil
	}
}

// tomlString returns s as a TOML basic string on one line.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlKey returns a key segment bare when it can be, else quoted.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if !isBareKeyByte(k[i]) {
			return tomlString(k)
		}
	}
	return k
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
