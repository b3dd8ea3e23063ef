package tomlpos

import (
	"fmt"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestDecodeErrorDuplicate names both places of a key defined twice in
// one file.
func TestDecodeErrorDuplicate(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"a = 1\nb = 2\na = 3\n", "3:1 key a is defined twice (first at line 1)"},
		{"[t]\nx = 1\n\n[t]\ny = 2\n", "4:2 key t is defined twice (first at line 1)"},
		{"[ru.held]\nname = \"a\"\nname = \"b\"\n", "3:1 key ru.held.name is defined twice (first at line 2)"},
	} {
		var v map[string]any
		_, err := toml.Decode(tt.doc, &v)
		if err == nil {
			t.Fatalf("%q decodes", tt.doc)
		}
		p, msg := DecodeError([]byte(tt.doc), err)
		if got := fmt.Sprintf("%d:%d %s", p.Line, p.Col, msg); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.doc, got, tt.want)
		}
	}
}
