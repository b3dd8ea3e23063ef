package unitext

import (
	"slices"
	"strings"
	"testing"
)

func TestInvalidUTF8(t *testing.T) {
	for _, tt := range []struct {
		name  string
		data  string
		first []LineCol
		more  int
	}{
		{"valid", "a = \"Привет\"\n", nil, 0},
		{"one", "a = \"x\xffy\"\n", []LineCol{{1, 7}}, 0},
		{"a run is one", "a = \"\xff\xfe\xfd\"\n", []LineCol{{1, 6}}, 0},
		{"several lines", "\xef\xbb\xbfa = \"é\xff\"\nb = \"\xc3\"\n", []LineCol{{1, 7}, {2, 6}}, 0},
		{"after an invalid byte", "\xff\"ж\"\xff\n", []LineCol{{1, 1}, {1, 5}}, 0},
		{"over the limit", strings.Repeat("x\xff\n", 25), nil, 5},
	} {
		first, more := InvalidUTF8([]byte(tt.data))
		if tt.name == "over the limit" {
			if len(first) != MaxInvalidUTF8 || first[19] != (LineCol{20, 2}) || more != tt.more {
				t.Errorf("%s: %v, %d more", tt.name, first, more)
			}
			continue
		}
		if !slices.Equal(first, tt.first) || more != tt.more {
			t.Errorf("%s: got %v, %d more; want %v, %d more", tt.name, first, more, tt.first, tt.more)
		}
	}
}
