package document

import (
	"fmt"
	"strings"

	"github.com/reportgen/reportgen/sources"
)

// listItems resolves the items of a list at depth (from 1) whose message
// IDs start with id: their text, and their markers from the catalog's
// marker messages, so that each language marks lists by its own
// conventions (a Russian list numbers its second level а), б), в) …).
func (rs *resolver) listItems(id string, items []sources.ListItem, numbered bool, depth int) []ListItem {
	if len(items) == 0 {
		return nil
	}
	out := make([]ListItem, len(items))
	for i, it := range items {
		iid := fmt.Sprintf("%s%d", id, i+1)
		out[i] = ListItem{
			Marker: rs.marker(numbered, depth, i+1),
			Text:   rs.spans(iid),
			Items:  rs.listItems(iid+"-", it.Items, numbered, depth+1),
		}
	}
	return out
}

// marker is the marker of item n of a list at depth: the message
// marker.bullet-<depth>, or marker.number-<depth> with the item's number
// as {{.Number}}, {{.Letter}} (from marker.letters) and {{.Roman}}.
func (rs *resolver) marker(numbered bool, depth, n int) string {
	if !numbered {
		return rs.text(fmt.Sprintf("marker.bullet-%d", depth), nil)
	}
	return rs.text(fmt.Sprintf("marker.number-%d", depth), map[string]any{
		"Number": n,
		"Letter": letter(rs.text("marker.letters", nil), n),
		"Roman":  roman(n),
	})
}

// letter is the n-th (from 1) letter of the alphabet letters, doubled,
// tripled … past its end ("aa" after "z").
func letter(letters string, n int) string {
	rs := []rune(strings.TrimSpace(letters))
	if len(rs) == 0 {
		return fmt.Sprint(n)
	}
	return strings.Repeat(string(rs[(n-1)%len(rs)]), (n-1)/len(rs)+1)
}

// roman is n in lower-case Roman numerals (n from 1 to 3999; the number
// itself beyond).
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return fmt.Sprint(n)
	}
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= d.v {
			b.WriteString(d.s)
			n -= d.v
		}
	}
	return b.String()
}
