package document

import (
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/markup"
)

// TestUnmark: marks become the spans' Lang, nested as composed, the
// parts of one language joined; unbalanced marks are ignored.
func TestUnmark(t *testing.T) {
	rs := &resolver{lang: language.French, src: language.English}
	const s, e, end = string(markSource), string(markEdition), string(markEnd)
	for _, tc := range []struct {
		name string
		in   []markup.Span
		want []markup.Span
	}{
		{"nested", []markup.Span{{Text: "(" + s + "Annex 1: Translation to " + e + "russe" + end + end + ")", Style: markup.Italic}},
			[]markup.Span{{Text: "(", Style: markup.Italic}, {Text: "Annex 1: Translation to ", Style: markup.Italic, Lang: "en"},
				{Text: "russe)", Style: markup.Italic}}},
		{"a link", []markup.Span{{Text: "("}, {Text: s + "Annex" + end, URL: "#a"}, {Text: ")"}},
			[]markup.Span{{Text: "("}, {Text: "Annex", URL: "#a", Lang: "en"}, {Text: ")"}}},
		{"unbalanced", []markup.Span{{Text: end + "a" + s + "b" + e}},
			[]markup.Span{{Text: "a"}, {Text: "b", Lang: "en"}}},
		{"marks only", []markup.Span{{Text: s + end}}, nil},
	} {
		if got := rs.unmark(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if got := stripMarks(s + "a" + e + "b" + end + end); got != "ab" {
		t.Errorf("stripMarks: %q", got)
	}
}
