package tomlpos

// TooDeep reports the position of the first array or inline table nested
// more than limit levels deep in data. A loader calls it before decoding,
// so a hostile file of a million "[" is refused at once instead of costing
// seconds of recursion. Data is read with a Scanner up to its end or its
// first syntax error, where a decoder stops too; the Scanner's memory grows
// with the nesting read, which stops at limit+1.
func TooDeep(data []byte, limit int) (Pos, bool) {
	s := NewScanner(data)
	for s.Next() {
		if it := s.Item(); (it.Kind == ArrayStart || it.Kind == InlineStart) && it.Depth >= limit {
			return s.Pos(it.Start), true
		}
	}
	return Pos{}, false
}
