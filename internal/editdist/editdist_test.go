package editdist

import "testing"

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"title", "title", 0}, {"titel", "title", 2}, {"plce", "place", 1},
		{"", "abc", 3}, {"abc", "", 3}, {"приложение", "приложения", 1}, {"heading", "header", 3},
	} {
		if got := Levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
