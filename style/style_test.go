package style

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	st, diags := Parse("s.toml", []byte("[page]\nsize = \"Letter\"\nmargin-left = 50\n[colors]\nbrand = \"#112233\"\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if st.Page.Width != 612 || st.Page.Height != 792 || st.Page.MarginLeft != 50 || st.Colors.Brand != (Color{0x11, 0x22, 0x33}) {
		t.Errorf("got %+v", st.Page)
	}
	if st.Type.Body != Default().Type.Body {
		t.Errorf("unset keys must keep their defaults")
	}
}

func TestParseStyleErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"[page]\nsize = \"B5\"\n", `s.toml:2:1: error: page size "B5" is not A4, A5, Letter, Legal or custom`},
		{"[page]\nmargn-left = 3\n", `s.toml:2:1: error: unknown key "page.margn-left" in the house style`},
		{"[colors]\nbrand = \"blue\"\n", `colour "blue" must be written #rrggbb`},
		{"[type]\nbody = 200\n", `s.toml:2:1: error: type.body = 200 is outside 4…72`},
		{"[page]\nmargin-left = 250\nmargin-right = 250\n", "the margins leave a text area"},
		{"[page]\nsize = \"custom\"\nwidth = 10\nheight = 10\n", "page.width = 10 is outside 144…5000"},
		{"[type\n", "s.toml:1:6: error: expected"},
		{"[justification]\nspace-shrink = 0.95\n", "justification.space-shrink = 0.95 is outside 0…0.9"},
	} {
		_, diags := Parse("s.toml", []byte(tt.in))
		var all []string
		for _, d := range diags {
			all = append(all, d.String())
		}
		if got := strings.Join(all, "\n"); !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}
