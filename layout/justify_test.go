package layout

import (
	"reflect"
	"testing"

	"github.com/reportgen/reportgen/hyphen"
)

func TestHyphenationPoints(t *testing.T) {
	en := &hyphenation{h: hyphen.For("en"), keep: nameWords([]string{"H.E. Erkin Mukhitdinov", "Ms. Renate Held"})}
	noNames := &hyphenation{h: hyphen.For("en")}
	for _, tt := range []struct {
		hy   *hyphenation
		text string
		want []int
	}{
		{en, "development", []int{2, 5, 7}},    // de-vel-op-ment
		{en, "(development),", []int{3, 6, 8}}, // punctuation kept out of the letters
		{en, "sub-regional", []int{6}},         // sub-re-gional: each part on its own, never at the hyphen
		{en, "GCM", nil},                       // capitals
		{en, "COVID-19", nil},                  //
		{en, "M-MPTF", nil},                    //
		{en, "Mukhitdinov", nil},               // a speaker's name
		{noNames, "Mukhitdinov", []int{6, 8}},  // Mukhit-di-nov when it is no name
		{&hyphenation{h: hyphen.For("ru")}, "сотрудничества", []int{4, 12, 16, 20}}, // со-труд-ни-че-ства (byte offsets)
	} {
		if got := tt.hy.points(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("points(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
