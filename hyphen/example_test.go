package hyphen_test

import (
	"fmt"
	"strings"

	"github.com/reportgen/reportgen/hyphen"
)

func ExampleHyphenator_Points() {
	for _, tc := range []struct{ lang, word string }{
		{"en-US", "hyphenation"},
		{"en", "cooperation"},
		{"ru-RU", "Организации"},
		{"ru", "сотрудничества"},
		{"fr", "coopération"},
	} {
		h := hyphen.For(tc.lang)
		var parts []string
		prev := 0
		for _, p := range h.Points(tc.word) {
			parts = append(parts, tc.word[prev:p])
			prev = p
		}
		parts = append(parts, tc.word[prev:])
		fmt.Println(strings.Join(parts, "-"))
	}
	fmt.Println(hyphen.For("ru").Points("ёлка"))
	fmt.Println(hyphen.For("de") == nil) // no German patterns
	// Output:
	// hy-phen-ation
	// co-op-er-a-tion
	// Ор-га-ни-за-ции
	// со-труд-ни-че-ства
	// co-opé-ra-tion
	// [4]
	// true
}
