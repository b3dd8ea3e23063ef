package style

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/reportgen/reportgen/fonts"
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

// TestEnglishPatterns checks the house's choice of British hyphenation
// patterns for plain English, and that a project style can choose the US
// ones.
func TestEnglishPatterns(t *testing.T) {
	if got := Default().Justify.EnglishPatterns; got != "gb" {
		t.Errorf("built-in english-patterns = %q, want \"gb\"", got)
	}
	st, diags := Parse("s.toml", []byte("[justification]\nenglish-patterns = \"us\"\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if st.Justify.EnglishPatterns != "us" || !st.Justify.Hyphenate {
		t.Errorf("got %+v", st.Justify)
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
		{"[spacing]\nheading = -4\n", `s.toml:2:1: error: spacing.heading = -4 is outside 0…144`},
		{"[type]\nnotice-leading = 0.5\n", `s.toml:2:1: error: type.notice-leading = 0.5 is outside 1…3`},
		{"[notice]\npadding = 100\n", `s.toml:2:1: error: notice.padding = 100 is outside 0…72`},
		{"[header]\nline-gap = 9\n", `s.toml:2:1: error: header.line-gap = 9 is outside 1…3`},
		{"[protrusion]\ncomma = 1.5\n", `s.toml:2:1: error: protrusion.comma = 1.5 is outside 0…1`},
		{"[protrusion]\nopening-quote = -0.1\n", `s.toml:2:1: error: protrusion.opening-quote = -0.1 is outside 0…1`},
		{"[justification]\nenglish-patterns = \"uk\"\n", `s.toml:2:1: error: english-patterns = "uk" is not "gb" (British) or "us" (American)`},
		{"[justification]\nhyphenation-exceptions = [\"re--in\"]\n", `s.toml:2:1: error: hyphenation exception "re--in" is not a word of letters with hyphens between them`},
		{"[justification]\nhyphenation-exceptions = [\"2020-21\"]\n", `hyphenation exception "2020-21" is not a word`},
		{"[protrusion]\nexclamation = 0.1\n", `s.toml:2:1: error: unknown key "protrusion.exclamation" in the house style`},
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

// TestBuiltInSetsEveryKey checks that the built-in style file names every
// key of Style, so that it alone holds the defaults: a key added to Style
// without a value in house.toml fails here.
func TestBuiltInSetsEveryKey(t *testing.T) {
	data, err := fs.ReadFile(Embedded(), "styles/"+BuiltIn+".toml")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(prefix []string, typ reflect.Type)
	walk = func(prefix []string, typ reflect.Type) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if key == "-" || key == "" {
				continue
			}
			path := append(slices.Clone(prefix), key)
			if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeFor[Color]() {
				walk(path, f.Type)
				continue
			}
			// A custom page size is the only key a built-in A4 page has no use for.
			if path[0] == "page" && (key == "width" || key == "height") {
				continue
			}
			if !md.IsDefined(path...) {
				t.Errorf("%s is not set in styles/%s.toml", strings.Join(path, "."), BuiltIn)
			}
		}
	}
	walk(nil, reflect.TypeFor[Style]())
	if d := Default(); d.Page.Width != 595.28 || d.Logo.File != "mark.png" || d.Colors.Draft != (Color{0xe6, 0x95, 0x00}) {
		t.Errorf("Default() = %+v", d)
	}
}

// TestLoad loads the built-in style with its logo and fonts, and a
// project style that changes one key and keeps the rest.
func TestLoad(t *testing.T) {
	h, diags := Load(Folders{Sources: Embedded(), SourcesDir: "sources", Fonts: fonts.Embedded(), FontsDir: "fonts"}, "")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if h.Logo == nil || h.Logo.Width == 0 || h.Family == nil || !reflect.DeepEqual(h.Style, Default()) {
		t.Fatalf("built-in style loaded as %+v", h)
	}
	project := fstest.MapFS{"styles/narrow.toml": {Data: []byte("[page]\nmargin-left = 100\n[logo]\nfile = \"\"\n")}}
	h, diags = Load(Folders{Sources: project, SourcesDir: "sources", Fonts: fonts.Embedded(), FontsDir: "fonts"}, "narrow")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if h.Style.Page.MarginLeft != 100 || h.Style.Page.MarginRight != Default().Page.MarginRight || h.Logo != nil {
		t.Errorf("narrow style: margins %+v, logo %v", h.Style.Page, h.Logo)
	}
	_, diags = Load(Folders{Sources: project, SourcesDir: "sources", Fonts: fonts.Embedded(), FontsDir: "fonts"}, "missing")
	if got := fmt.Sprint(diags.Err()); !strings.Contains(got, `sources/styles/missing.toml: error: house style "missing"`) {
		t.Errorf("missing style: %s", got)
	}
}
