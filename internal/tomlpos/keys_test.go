package tomlpos

import (
	"strings"
	"testing"
)

func TestKeyLimits(t *testing.T) {
	deep := strings.Repeat("a.", 40) + "a = 1\n"
	for _, c := range []struct {
		doc     string
		want    KeyProblem
		pos     Pos
		maxKeys int
	}{
		{doc: "a.b.c = 1\n[x.y]\nz = 2\n", want: KeysOK},
		{doc: "x = 1\n" + deep, want: KeyTooDeep, pos: Pos{2, 1}},
		{doc: "[" + strings.Repeat("a.", 40) + "a]\n", want: KeyTooDeep, pos: Pos{1, 2}},
		{doc: "[[ " + strings.Repeat("'a'.", 40) + "a]]\n", want: KeyTooDeep, pos: Pos{1, 4}},
		{doc: "x = { y = 1, " + strings.Repeat("a.", 40) + "a = 1 }\n", want: KeyTooDeep, pos: Pos{1, 14}},
		{doc: "x = \"" + deep[:len(deep)-1] + "\"\n", want: KeysOK},
		{doc: "x = '''\n" + deep + "'''\n", want: KeysOK},
		{doc: "x = [\n" + deep + "]\n", want: KeysOK},
		{doc: "# " + deep + "é = 1\nb = 2\nc = 3\n", want: TooManyKeys, pos: Pos{4, 1}, maxKeys: 2},
		{doc: "\"ключ\".b = \"x\"\nc = { d = 1 }\n", want: TooManyKeys, pos: Pos{2, 7}, maxKeys: 2},
	} {
		maxKeys := c.maxKeys
		if maxKeys == 0 {
			maxKeys = 100
		}
		pos, got := KeyLimits([]byte(c.doc), 32, maxKeys)
		if got != c.want || got != KeysOK && pos != c.pos {
			t.Errorf("KeyLimits(%q) = %v, %v; want %v, %v", c.doc, pos, got, c.pos, c.want)
		}
	}
}
