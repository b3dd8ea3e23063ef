package mdimport

import (
	"fmt"
	"strings"

	"github.com/reportgen/reportgen/sources"
)

// part is a unit of a block whose messages are keyed by its place in
// the block: a paragraph, a list item (at any depth), a table column or
// row.
type part struct {
	// what names it in a note: "paragraph 2", "list item 3-1", "row 4".
	what string
	// path is where it is in the report file, after the block's own
	// path: "paragraphs[1]", "items[2].items[0]", "rows[3]".
	path string
}

// partPairs pairs the messages of a block now whose keys are places
// (p2, i3-1, h2, r4c2) with those of the block as it was.
type partPairs struct {
	// was and now are the keys of the block's positional messages, as
	// it was and now, in order (table cells without letters, which have
	// no message, included).
	was, now []string
	// from maps a key now to the key its text had, for those paired.
	from map[string]string
	// gone are the parts the block had that none now is paired with.
	gone []part
}

// pairParts pairs the paragraphs, list items (flattened in reading
// order, so that an item keeps its translation when it moves to another
// level), table columns and table rows of a block now with those of the
// block as it was, as pairParagraphs pairs paragraphs: equal texts in
// order first, then, between those, as many parts now as before in
// order, else those with similar words. A column is its header and
// cells; a row is its cells in the columns paired, so that a column
// inserted does not unpair every row. A header follows its column, a
// cell its row and column.
func pairParts(was, now *sources.Block) partPairs {
	pp := partPairs{from: map[string]string{}}
	add := func(wasKeys, nowKeys []string, wasParts []part, from []int) {
		pp.was = append(pp.was, wasKeys...)
		pp.now = append(pp.now, nowKeys...)
		paired := make([]bool, len(wasKeys))
		for i, j := range from {
			if j >= 0 {
				pp.from[nowKeys[i]] = wasKeys[j]
				paired[j] = true
			}
		}
		for j, ok := range paired {
			if !ok && wasParts != nil {
				pp.gone = append(pp.gone, wasParts[j])
			}
		}
	}

	// Paragraphs.
	paraKeys := func(ps []string) ([]string, []part) {
		var keys []string
		var parts []part
		for i := range ps {
			keys = append(keys, fmt.Sprintf("p%d", i+1))
			parts = append(parts, part{fmt.Sprintf("paragraph %d", i+1), fmt.Sprintf("paragraphs[%d]", i)})
		}
		return keys, parts
	}
	wk, wp := paraKeys(was.Paragraphs)
	nk, _ := paraKeys(now.Paragraphs)
	add(wk, nk, wp, pairParagraphs(was.Paragraphs, now.Paragraphs))

	// List items.
	wk, wt, wp := flatItems(was.Items, "", "items", nil, nil, nil)
	nk, nt, _ := flatItems(now.Items, "", "items", nil, nil, nil)
	add(wk, nk, wp, pairParagraphs(wt, nt))

	// Table columns, their headers, rows and cells.
	if len(was.Columns) == 0 && len(now.Columns) == 0 && len(was.Rows) == 0 && len(now.Rows) == 0 {
		return pp
	}
	colTexts := func(b *sources.Block) []string {
		var out []string
		for c, col := range b.Columns {
			t := []string{col.Header}
			for _, row := range b.Rows {
				if c < len(row) {
					t = append(t, row[c])
				}
			}
			out = append(out, strings.Join(t, "\n"))
		}
		return out
	}
	colFrom := pairParagraphs(colTexts(was), colTexts(now))
	var whk, nhk []string
	var wcp []part
	for c := range was.Columns {
		whk = append(whk, fmt.Sprintf("h%d", c+1))
		wcp = append(wcp, part{fmt.Sprintf("column %d", c+1), fmt.Sprintf("columns[%d]", c)})
	}
	for c := range now.Columns {
		nhk = append(nhk, fmt.Sprintf("h%d", c+1))
	}
	add(whk, nhk, wcp, colFrom)

	var wrt, nrt []string
	for _, row := range was.Rows {
		var cells []string
		for _, j := range colFrom {
			if j >= 0 && j < len(row) {
				cells = append(cells, row[j])
			} else {
				cells = append(cells, "")
			}
		}
		wrt = append(wrt, strings.Join(cells, "\n"))
	}
	for _, row := range now.Rows {
		var cells []string
		for c, j := range colFrom {
			if j >= 0 && c < len(row) {
				cells = append(cells, row[c])
			} else {
				cells = append(cells, "")
			}
		}
		nrt = append(nrt, strings.Join(cells, "\n"))
	}
	rowFrom := pairParagraphs(wrt, nrt)
	paired := make([]bool, len(was.Rows))
	for _, j := range rowFrom {
		if j >= 0 {
			paired[j] = true
		}
	}
	for r, ok := range paired {
		if !ok {
			pp.gone = append(pp.gone, part{fmt.Sprintf("row %d", r+1), fmt.Sprintf("rows[%d]", r)})
		}
	}
	var wck, nck []string
	for r, row := range was.Rows {
		for c := range row {
			wck = append(wck, fmt.Sprintf("r%dc%d", r+1, c+1))
		}
	}
	cellFrom := make([]int, 0, len(now.Rows)*len(now.Columns))
	index := map[string]int{}
	for j, k := range wck {
		index[k] = j
	}
	for r, row := range now.Rows {
		for c := range row {
			nck = append(nck, fmt.Sprintf("r%dc%d", r+1, c+1))
			j := -1
			if wr := rowFrom[r]; wr >= 0 && c < len(colFrom) && colFrom[c] >= 0 {
				if x, ok := index[fmt.Sprintf("r%dc%d", wr+1, colFrom[c]+1)]; ok {
					j = x
				}
			}
			cellFrom = append(cellFrom, j)
		}
	}
	add(wck, nck, nil, cellFrom)
	return pp
}

// flatItems appends the keys, texts and parts of list items (key i1,
// i1-2 …) in reading order.
func flatItems(items []sources.ListItem, num, path string, keys, texts []string, parts []part) ([]string, []string, []part) {
	for i, it := range items {
		n := fmt.Sprintf("%s%d", num, i+1)
		p := fmt.Sprintf("%s[%d]", path, i)
		keys = append(keys, "i"+n)
		texts = append(texts, it.Text)
		parts = append(parts, part{"list item " + n, p})
		keys, texts, parts = flatItems(it.Items, n+"-", p+".items", keys, texts, parts)
	}
	return keys, texts, parts
}
