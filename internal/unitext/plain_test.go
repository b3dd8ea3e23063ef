package unitext

import (
	"testing"
	"unicode"
)

// TestPlainIsNeverRefusedNorMark holds the fast path of Check to the
// rules it skips.
func TestPlainIsNeverRefusedNorMark(t *testing.T) {
	for r := rune(0); r < 0x600; r++ {
		if plain(r) && (refused(r) != "" || unicode.In(r, unicode.Mn, unicode.Me)) {
			t.Errorf("%U is plain but refused or a mark", r)
		}
	}
}
