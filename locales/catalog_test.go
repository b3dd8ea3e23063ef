package locales

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"
)

func TestEmbeddedCatalogsLoadClean(t *testing.T) {
	c, diags := Load(Embedded(), "locales", language.English)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	// Every interface message of the source language exists in every
	// language, with the same placeholders.
	for _, tag := range c.Languages() {
		for _, id := range c.IDs(language.English) {
			e, ok := c.Entry(tag, id)
			if !ok {
				t.Errorf("%s lacks interface message %s", tag, id)
				continue
			}
			src, _ := c.Entry(language.English, id)
			a, _ := Placeholders(src.Message)
			b, _ := Placeholders(e.Message)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s %s: placeholders %v, source %v", tag, id, b, a)
			}
		}
	}
}

func TestPluralForms(t *testing.T) {
	for _, tt := range []struct {
		lang            string
		required, known []string
	}{
		{"en", []string{"one", "other"}, []string{"one", "other"}},
		{"ru", []string{"one", "few", "many", "other"}, []string{"one", "few", "many", "other"}},
		{"fr", []string{"one", "other"}, []string{"one", "many", "other"}}, // "many": 1 000 000
		{"ar", []string{"zero", "one", "two", "few", "many", "other"}, []string{"zero", "one", "two", "few", "many", "other"}},
		{"ja", []string{"other"}, []string{"other"}},
	} {
		tag := language.Make(tt.lang)
		if got := RequiredForms(tag); !reflect.DeepEqual(got, tt.required) {
			t.Errorf("%s: required %v, want %v", tt.lang, got, tt.required)
		}
		if got := KnownForms(tag); !reflect.DeepEqual(got, tt.known) {
			t.Errorf("%s: known %v, want %v", tt.lang, got, tt.known)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tt := range []struct {
		name, file, data, want string
	}{
		{"syntax", "ru/a.ru.toml", "[a]\nb = \"x\nc = 1\n", "locales/ru/a.ru.toml:2:7: error: strings cannot contain newlines"},
		{"plural forms", "ru/a.ru.toml", "[n]\none = \"{{.Count}} файл\"\nother = \"{{.Count}} файла\"\n", `locales/ru/a.ru.toml:1:1: error: plural form "few" is missing; ru needs one, few, many, other [n]`},
		{"template", "ru/a.ru.toml", "[a]\nb = \"{{.X\"\n", `locales/ru/a.ru.toml:2:6: error: form "other": "{{.X" opens a placeholder but does not close it with "}}" [a.b]`},
		{"template: bad character", "ru/a.ru.toml", "[a]\nb = \"Страница {{.Page; x}} из {{.Pages}}\"\n", `locales/ru/a.ru.toml:2:6: error: form "other": "{{.Page; x}}" is not a placeholder: a placeholder is a dot and a name in double braces, such as {{.Count}}, with nothing else inside [a.b]`},
		{"template: one brace", "ru/a.ru.toml", "[a]\nb = \"Страница {{.Page} из {{.Pages}}\"\n", `locales/ru/a.ru.toml:2:6: error: form "other": "{{.Page} из " opens a placeholder but does not close it with "}}" [a.b]`},
		{"template: empty", "ru/a.ru.toml", "[a]\nb = \"x {{}} y\"\n", `locales/ru/a.ru.toml:2:6: error: form "other": "{{}}" is not a placeholder: a placeholder is a dot and a name in double braces, such as {{.Count}}, with nothing else inside [a.b]`},
		{"wrong folder", "ru/a.en.toml", "a = \"x\"\n", `locales/ru/a.en.toml: error: file is named for language "en" but is in the folder of "ru"`},
		{"no language in name", "ru/a.toml", "a = \"x\"\n", "catalog file names end in .<lang>.toml"},
		{"function call", "ru/a.ru.toml", "a = \"{{printf \\\"%v\\\" .X}}\"\n", `uses {{printf "%v" .X}}; a message may only insert data`},
		{"condition", "ru/a.ru.toml", "a = \"{{if .X}}y{{end}}\"\n", "uses {{if .X}}y{{end}}"},
		{"mixed keys", "ru/a.ru.toml", "[a]\nother = \"x\"\nb = \"y\"\n", "reserved keys [other] mixed with unreserved keys [b]"},
		{"twice", "ru/a.ru.toml", "[a]\nb = \"x\"\n", "message is defined twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: {Data: []byte(tt.data)}}
			if tt.name == "twice" {
				fsys["ru/b.ru.toml"] = &fstest.MapFile{Data: []byte("a.b = \"y\"\n")}
			}
			_, diags := Load(fsys, "locales", language.English)
			var all []string
			for _, d := range diags {
				all = append(all, d.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("diagnostics:\n%s\nwant %q", strings.Join(all, "\n"), tt.want)
			}
		})
	}
}

func TestLocalizeFallback(t *testing.T) {
	fsys := fstest.MapFS{
		"en/a.en.toml": {Data: []byte("hello = \"Hello {{.Name}}\"\nonly = \"Only English\"\n")},
		"ru/a.ru.toml": {Data: []byte("hello = \"Привет, {{.Name}}\"\n")},
	}
	c, diags := Load(fsys, "locales", language.English)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	ru := c.Localizer(language.Russian)
	if s, err := ru.Text("hello", map[string]any{"Name": "Ая"}); err != nil || s != "Привет, Ая" {
		t.Errorf("hello = %q, %v", s, err)
	}
	s, err := ru.Text("only", nil)
	if s != "Only English" || err == nil || !strings.Contains(err.Error(), "not translated into ru") {
		t.Errorf("only = %q, %v; want the English and ErrMissing", s, err)
	}
	if _, err := ru.Text("nope", nil); err == nil || !strings.Contains(err.Error(), `unknown message "nope"`) {
		t.Errorf("nope: %v", err)
	}
	kk := c.Localizer(language.Make("kk"))
	if s, _ := kk.Text("hello", map[string]any{"Name": "x"}); s != "Hello x" {
		t.Errorf("kk got %q; must fall back to the source, not to Russian", s)
	}
}

func TestUnder(t *testing.T) {
	ids := []string{"a-1", "b"}
	for _, tc := range []struct {
		data string
		want bool
	}{
		{"# comment\n\n[a-1]\ntitle = \"x\"\n[a-1.s.p1]\nother = \"y\"\n", true},
		{"\"a-1.title\" = \"sha256-1\"\nb.x = \"y\"\n", true},
		{"  [b.x]  # note\nheading = \"z\"\n", true},
		{"", false},
		{"# only a comment\n", false},
		{"[a-1]\nx = 1\n[c.y]\nz = 2\n", false},         // a table of another
		{"[a-10.x]\ny = 1\n", false},                    // another ID sharing the prefix
		{"brand = \"x\"\n[a-1.x]\ny = 1\n", false},      // a key of its own
		{"[a-1.x]\ny = \"\"\"\n[c.z]\n\"\"\"\n", false}, // a string over lines
		{"[[a-1.x]]\ny = 1\n", false},
		{"[\"a-1\".x]\ny = 1\n", false}, // quoted: in doubt
	} {
		if got := Under([]byte(tc.data), ids); got != tc.want {
			t.Errorf("Under(%q) = %v, want %v", tc.data, got, tc.want)
		}
	}
}
