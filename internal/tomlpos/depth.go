package tomlpos

// TooDeep reports the position of the first array or inline table nested
// more than limit levels deep in data, outside strings and comments. A
// loader calls it before decoding, so a hostile file of a million "["
// is refused at once instead of costing seconds of recursion.
func TooDeep(data []byte, limit int) (Pos, bool) {
	line, col, depth := 1, 1, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n':
			line, col = line+1, 1
			continue
		case c == '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			// Skip the string, single- or multi-line.
			q := c
			multi := i+2 < len(data) && data[i+1] == q && data[i+2] == q
			if multi {
				i += 2
			}
			for i++; i < len(data); i++ {
				if data[i] == '\n' {
					line, col = line+1, 0
				}
				if q == '"' && data[i] == '\\' {
					i++
					col++
					continue
				}
				if data[i] == q && (!multi || i+2 < len(data) && data[i+1] == q && data[i+2] == q) {
					if multi {
						i += 2
					}
					break
				}
				if data[i]&0xC0 != 0x80 {
					col++
				}
			}
		case c == '[' || c == '{':
			// A table header "[a]" or "[[a]]" at the start of a line is not
			// nesting; only count brackets after an "=" or inside a value.
			if depth == 0 && !afterEquals(data, i) {
				break
			}
			depth++
			if depth > limit {
				return Pos{Line: line, Col: col}, true
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
		if c&0xC0 != 0x80 {
			col++
		}
	}
	return Pos{}, false
}

// afterEquals reports whether the bracket at i follows "=" on its line.
func afterEquals(data []byte, i int) bool {
	for j := i - 1; j >= 0 && data[j] != '\n'; j-- {
		switch data[j] {
		case '=':
			return true
		case ' ', '\t':
		default:
			return false
		}
	}
	return false
}
