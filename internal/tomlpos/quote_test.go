package tomlpos

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestQuote checks that both quotings read back as the text they quote.
func TestQuote(t *testing.T) {
	for _, s := range []string{"plain", `a "b" \c`, "line\nbreak\ttab\r", "\x01\x7f", "2020\u00a0г.", "Mukhit\u00addinov", "«ёлка»"} {
		for _, q := range []string{Quote(s), QuoteVisible(s)} {
			var v struct{ K string }
			if _, err := toml.Decode("K = "+q, &v); err != nil || v.K != s {
				t.Errorf("%q quoted as %s reads back as %q (%v)", s, q, v.K, err)
			}
		}
	}
	if got := QuoteVisible("2020\u00a0г."); got != `"2020\u00A0г."` {
		t.Errorf("QuoteVisible = %s", got)
	}
	if got := Quote("2020\u00a0г."); got != "\"2020\u00a0г.\"" {
		t.Errorf("Quote = %s", got)
	}
}
