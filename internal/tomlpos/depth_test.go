package tomlpos

import (
	"strings"
	"testing"
)

func TestTooDeep(t *testing.T) {
	for _, tt := range []struct {
		in   string
		deep bool
		pos  Pos
	}{
		{"[[section]]\n[[section.block]]\na = [[1, 2], [3]]\n", false, Pos{}},
		{"a = " + strings.Repeat("[", 5) + strings.Repeat("]", 5), true, Pos{1, 8}},
		{"a = \"[[[[[[[[\"\nb = '[[[[[['\n# [[[[[[[\n", false, Pos{}},
		{"a = \"\"\"\n[[[[[[[\n\"\"\"\nb = {c = {d = {e = {f = 1}}}}\n", true, Pos{4, 20}},
	} {
		pos, deep := TooDeep([]byte(tt.in), 3)
		if deep != tt.deep || pos != tt.pos {
			t.Errorf("%q: %v %v, want %v %v", tt.in, deep, pos, tt.deep, tt.pos)
		}
	}
	big := "a = " + strings.Repeat("[", 1_000_000)
	if _, deep := TooDeep([]byte(big), 32); !deep {
		t.Error("a million brackets pass")
	}
}
