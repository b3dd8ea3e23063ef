package tomlpos

// KeyProblem is what KeyLimits found wrong with the keys of a document.
type KeyProblem int

const (
	KeysOK      KeyProblem = iota
	KeyTooDeep             // a dotted key or table header has too many parts
	TooManyKeys            // the document has too many keys
)

// KeyLimits scans the keys of a TOML document, before it is decoded: the
// dotted keys of key/value pairs and of table headers, and the keys of
// inline tables. It returns the position of the first key with more than
// maxParts parts ("a.b.c" has three) or of the key past the first maxKeys,
// and which limit was passed. The decoder's memory grows with the square
// of a key's parts, so a deep key is refused before it is decoded. The
// document must be valid UTF-8; what is not valid TOML is left to the
// decoder.
func KeyLimits(data []byte, maxParts, maxKeys int) (Pos, KeyProblem) {
	s := keyScanner{data: data, line: 1, col: 1}
	keys := 0
	// open holds the brackets open in values: '[' or '{'.
	var open []byte
	expectKey := true // at the start of a line outside values, or after "{" or "," in an inline table
	for s.i < len(data) {
		c := data[s.i]
		switch {
		case c == '\n':
			s.adv()
			if len(open) == 0 {
				expectKey = true
			}
			continue
		case c == ' ' || c == '\t' || c == '\r':
			s.adv()
			continue
		case c == '#':
			for s.i < len(data) && data[s.i] != '\n' {
				s.adv()
			}
			continue
		}
		if expectKey {
			expectKey = false
			header := len(open) == 0 && c == '['
			if header {
				s.adv()
				if s.i < len(data) && data[s.i] == '[' {
					s.adv()
				}
				s.skipBlank()
			}
			if header || c != '}' {
				p := s.pos()
				parts := s.key()
				keys++
				if parts > maxParts {
					return p, KeyTooDeep
				}
				if keys > maxKeys {
					return p, TooManyKeys
				}
				continue
			}
		}
		switch c {
		case '"', '\'':
			s.str()
			continue
		case '[', '{':
			open = append(open, c)
			if c == '{' {
				expectKey = true
			}
		case ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case ',':
			if len(open) > 0 && open[len(open)-1] == '{' {
				expectKey = true
			}
		}
		s.adv()
	}
	return Pos{}, KeysOK
}

// keyScanner walks a document counting lines and columns (in characters).
type keyScanner struct {
	data      []byte
	i         int
	line, col int
}

func (s *keyScanner) pos() Pos { return Pos{s.line, s.col} }

// adv moves past one byte.
func (s *keyScanner) adv() {
	c := s.data[s.i]
	s.i++
	switch {
	case c == '\n':
		s.line, s.col = s.line+1, 1
	case c&0xC0 != 0x80:
		s.col++
	}
}

func (s *keyScanner) skipBlank() {
	for s.i < len(s.data) && (s.data[s.i] == ' ' || s.data[s.i] == '\t') {
		s.adv()
	}
}

// key moves past a dotted key and returns the number of its parts.
func (s *keyScanner) key() int {
	parts := 0
	for s.i < len(s.data) {
		s.skipBlank()
		if s.i >= len(s.data) {
			break
		}
		switch c := s.data[s.i]; {
		case c == '"' || c == '\'':
			s.str()
		case isBare(c):
			for s.i < len(s.data) && isBare(s.data[s.i]) {
				s.adv()
			}
		default:
			return parts
		}
		parts++
		s.skipBlank()
		if s.i >= len(s.data) || s.data[s.i] != '.' {
			break
		}
		s.adv()
	}
	return parts
}

// str moves past a string, single- or multi-line, basic or literal.
func (s *keyScanner) str() {
	q := s.data[s.i]
	multi := s.i+2 < len(s.data) && s.data[s.i+1] == q && s.data[s.i+2] == q
	n := 1
	if multi {
		n = 3
	}
	for range n {
		s.adv()
	}
	for s.i < len(s.data) {
		c := s.data[s.i]
		if c == '\\' && q == '"' {
			s.adv()
			if s.i < len(s.data) {
				s.adv()
			}
			continue
		}
		if c == '\n' && !multi {
			return // unterminated: the decoder reports it
		}
		if c == q && (!multi || s.i+2 < len(s.data) && s.data[s.i+1] == q && s.data[s.i+2] == q) {
			for range n {
				s.adv()
			}
			return
		}
		s.adv()
	}
}
