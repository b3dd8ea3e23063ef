package unitext

import (
	"bytes"
	"unicode/utf8"
)

// MaxInvalidUTF8 is how many invalid UTF-8 sequences of a file are
// listed, each with its position; the rest are counted.
const MaxInvalidUTF8 = 20

// LineCol is a position in a file: line and column from 1, the column
// counted in characters (an invalid byte counts as one).
type LineCol struct{ Line, Col int }

// InvalidUTF8 returns the positions of the first MaxInvalidUTF8 invalid
// UTF-8 sequences of data (a run of invalid bytes is one) and how many
// more there are. A byte order mark at the start is not a column.
func InvalidUTF8(data []byte) (first []LineCol, more int) {
	line, col := 1, 1
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	inRun := false
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		bad := r == utf8.RuneError && size <= 1
		if bad && !inRun {
			if len(first) < MaxInvalidUTF8 {
				first = append(first, LineCol{line, col})
			} else {
				more++
			}
		}
		inRun = bad
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return first, more
}
