package tomlpos

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// DecodeError returns the position and message of an error from
// BurntSushi/toml. The position of a ParseError is recomputed from its
// byte offset: the library counts the column in bytes, not characters, and
// puts an offset at the start of a line at the end of the line before.
// Other errors have no position (line 0).
func DecodeError(data []byte, err error) (Pos, string) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Pos{}, strings.TrimPrefix(err.Error(), "toml: ")
	}
	p := Pos{Line: pe.Position.Line, Col: pe.Position.Col}
	// The offset counts from after a byte order mark, as the parser drops it.
	body := data[bomLen(data):]
	if start := pe.Position.Start; start >= 0 && start <= len(body) {
		// A span such as " x" in "got 'x'" starts with the blank before it.
		for n := pe.Position.Len; n > 1 && start < len(body) && (body[start] == ' ' || body[start] == '\t'); n-- {
			start++
		}
		p = advance(Pos{Line: 1, Col: 1}, body[:start])
	}
	msg := strings.TrimPrefix(pe.Message, "toml: ")
	// "Key 'a.b' has already been defined.": name both places.
	if k, ok := strings.CutPrefix(msg, "Key '"); ok {
		if k, ok = strings.CutSuffix(k, "' has already been defined."); ok {
			msg = "key " + k + " is defined twice"
			if first, found := Build(data).Pos(k); found && first.Line != p.Line {
				msg += fmt.Sprintf(" (first at line %d)", first.Line)
			}
		}
	}
	return p, msg
}
