package tomlpos

import (
	"fmt"
	"strings"
)

// Quote returns s as a TOML basic string on one line: quotes, backslashes
// and control characters escaped.
func Quote(s string) string { return quote(s, false) }

// QuoteVisible is Quote that also writes the invisible spacing characters
// (no-break, thin, narrow no-break and figure spaces, the soft hyphen,
// the word joiner) as escapes, so that an editor shows them.
func QuoteVisible(s string) string { return quote(s, true) }

func quote(s string, invisible bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			if invisible {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteString(`\r`)
			}
		case '\u00A0', '\u00AD', '\u2009', '\u202F', '\u2007', '\u2060':
			if invisible {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
