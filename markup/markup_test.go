package markup

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	const u = "https://example.org/a"
	tests := []struct {
		in   string
		want []Span
	}{
		{"plain text", []Span{{Text: "plain text"}}},
		{"", nil},
		{"a *b* c", []Span{{Text: "a "}, {Text: "b", Style: Italic}, {Text: " c"}}},
		{"a **b** c", []Span{{Text: "a "}, {Text: "b", Style: Bold}, {Text: " c"}}},
		{"***b***", []Span{{Text: "b", Style: Bold | Italic}}},
		{"**a *b***", []Span{{Text: "a ", Style: Bold}, {Text: "b", Style: Bold | Italic}}},
		{"*no one will be safe.*", []Span{{Text: "no one will be safe.", Style: Italic}}},
		{"see [the site](" + u + ").", []Span{{Text: "see "}, {Text: "the site", URL: u}, {Text: "."}}},
		{"[a *b*](" + u + ")", []Span{{Text: "a ", URL: u}, {Text: "b", Style: Italic, URL: u}}},
		{"*[a](" + u + ")*", []Span{{Text: "a", Style: Italic, URL: u}}},
		{"(x [a](#annex-1) and [b](#annex-2))", []Span{{Text: "(x "}, {Text: "a", URL: "#annex-1"}, {Text: " and "}, {Text: "b", URL: "#annex-2"}, {Text: ")"}}},
		{"[Fund (M-MPTF)](" + u + ")", []Span{{Text: "Fund (M-MPTF)", URL: u}}},
		{"here: <" + u + ">", []Span{{Text: "here: "}, {Text: u, URL: u}}},
		{`a \*b\* \[c\] \<d\> \\`, []Span{{Text: `a *b* [c] <d> \`}}},
		{"a < b and c > d", []Span{{Text: "a < b and c > d"}}},
		{"x] y", []Span{{Text: "x] y"}}},
		{"Ünlü «кавычки» – №", []Span{{Text: "Ünlü «кавычки» – №"}}},
		{"flows.^[Data of 2024.] Next", []Span{{Text: "flows."}, {Note: []Span{{Text: "Data of 2024."}}}, {Text: " Next"}}},
		{"a^[see [the site](" + u + ") and *this*]", []Span{{Text: "a"}, {Note: []Span{{Text: "see "}, {Text: "the site", URL: u}, {Text: " and "}, {Text: "this", Style: Italic}}}}},
		{"*x*^[n] y", []Span{{Text: "x", Style: Italic}, {Note: []Span{{Text: "n"}}}, {Text: " y"}}},
		{`2^3 and \^\[not a note\]`, []Span{{Text: "2^3 and ^[not a note]"}}},
		{"*a **b***", []Span{{Text: "a ", Style: Italic}, {Text: "b", Style: Bold | Italic}}},
		{"[the Process](https://en.wikipedia.org/wiki/Almaty_Process_(migration)) met", []Span{{Text: "the Process", URL: "https://en.wikipedia.org/wiki/Almaty_Process_(migration)"}, {Text: " met"}}},
		{"([a](https://x.org/a_(b)_c))", []Span{{Text: "("}, {Text: "a", URL: "https://x.org/a_(b)_c"}, {Text: ")"}}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{"a *b", 2, "italic * is not closed"},
		{"a **b", 2, "bold ** is not closed"},
		{"a **b*", 2, "bold ** is not closed"},
		{"[text](https://x.org", 6, "link target is not closed with )"},
		{"[text] (https://x.org)", 0, "no ](url) follows"},
		{"[text", 0, "no ](url) follows"},
		{"[](https://x.org)", 0, "empty link text"},
		{"[a]()", 3, "empty link target"},
		{"[a [b](https://x.org)](https://y.org)", 0, "no ](url) follows"},
		{"[*a](https://x.org)*", 0, "emphasis opened inside a link must close inside it"},
		{"<https://x.org", 0, "autolink <… is not closed with >"},
		{"****", 0, "more than three *"},
		{"a\xffb", 1, "invalid UTF-8"},
		{"a^[b", 1, "footnote ^[… is not closed with ]"},
		{"a^[ ]", 1, "empty footnote"},
		{"a^[b^[c]]", 4, "a footnote cannot contain another footnote"},
		{"[a^[b]](https://x.org)", 0, "no ](url) follows"},
		{"*a^[b]*", 2, "a footnote cannot stand inside * or **"},
		{"a^[*b]", 3, "italic * is not closed"},
		{"*a **b* c**", 6, "emphasis crosses: * closes while ** opened inside it is open; close ** first"},
		{"**a *b** c*", 6, "emphasis crosses: ** closes while * opened inside it is open; close * first"},
		{"[a](https://x.org/(b)", 3, "link target is not closed with )"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		me, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q) = %v, want *Error", tt.in, err)
			continue
		}
		if me.Offset != tt.offset || !strings.Contains(me.Msg, tt.msg) {
			t.Errorf("Parse(%q) = %d %q, want %d %q", tt.in, me.Offset, me.Msg, tt.offset, tt.msg)
		}
	}
}

func TestLinksAndPlain(t *testing.T) {
	spans, err := Parse("[a *b*](https://x.org) and <https://y.org> and [c](https://x.org)")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Links(spans), []string{"https://x.org", "https://y.org", "https://x.org"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Links = %v, want %v", got, want)
	}
	if got, want := Plain(spans), "a b and https://y.org and c"; got != want {
		t.Errorf("Plain = %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a *b* **c** [d](https://e.org) <https://f.org>", `\*x\[`, "***", "[a](b", "<x:y", "a^[b [c](https://d.org) *e*] f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans, err := Parse(s)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		var check func(spans []Span, inNote bool)
		check = func(spans []Span, inNote bool) {
			for _, sp := range spans {
				switch {
				case sp.Note != nil && inNote:
					t.Fatalf("a note inside a note in %q: %+v", s, spans)
				case sp.Note != nil:
					// A footnote reference: no text of its own, a note
					// with text.
					if sp.Text != "" || len(sp.Note) == 0 {
						t.Fatalf("bad footnote span in %q: %+v", s, sp)
					}
					check(sp.Note, true)
				case sp.Text == "":
					t.Fatalf("empty span in %q: %+v", s, spans)
				}
			}
		}
		check(spans, false)
	})
}
