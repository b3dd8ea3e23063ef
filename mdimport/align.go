package mdimport

import (
	"fmt"
	"strings"
)

// align pairs the elements of two sequences by their signatures: by
// index when they are as many (a pair whose signatures differ is then
// returned too, for the caller to report); else by the longest common
// subsequence of signatures, keeping only the pairs on which the
// alignments preferring the earliest and the latest matches agree, so an
// element is never paired with one it may not correspond to. The result
// maps an index of a to one of b, or -1.
func align(a, b []string) []int {
	out := make([]int, len(a))
	if len(a) == len(b) {
		for i := range out {
			out[i] = i
		}
		return out
	}
	left := lcs(a, b)
	// The alignment preferring the latest matches: the same on the
	// reversed sequences.
	ra, rb := reversed(a), reversed(b)
	rr := lcs(ra, rb)
	right := make([]int, len(a))
	for i := range right {
		right[i] = -1
	}
	for i, j := range rr {
		if j >= 0 {
			right[len(a)-1-i] = len(b) - 1 - j
		}
	}
	for i := range out {
		if left[i] >= 0 && left[i] == right[i] {
			out[i] = left[i]
		} else {
			out[i] = -1
		}
	}
	return out
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}

// lcs returns, for each element of a, the index of b it is matched with
// in a longest common subsequence that takes the earliest matches, or -1.
func lcs(a, b []string) []int {
	n, m := len(a), len(b)
	// t[i][j]: LCS length of a[i:], b[j:].
	t := make([][]int, n+1)
	for i := range t {
		t[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j] && t[i][j] == t[i+1][j+1]+1:
			out[i] = j
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// signature describes a block's shape: what a translation must share
// with the English to be paired with it.
func signature(b *block) string {
	var s strings.Builder
	raw := b.raw
	if raw == rawBoldHead {
		raw = rawBold + "-head"
	}
	fmt.Fprintf(&s, "%s/%d", raw, len(b.paras))
	if b.raw == rawList {
		fmt.Fprintf(&s, "/%v/%s", b.numbered, itemShape(b.items))
	}
	if b.raw == rawTable {
		fmt.Fprintf(&s, "/%dx%d", len(b.columns), len(b.rows))
	}
	return s.String()
}

func itemShape(items []*item) string {
	var parts []string
	for _, it := range items {
		p := "."
		if len(it.items) > 0 {
			p = "(" + itemShape(it.items) + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "")
}

// sectionSignature is the sequence of its blocks' kinds.
func sectionSignature(s *section) string {
	var parts []string
	for _, b := range s.blocks {
		parts = append(parts, b.raw)
	}
	return strings.Join(parts, ",")
}

// describeShape says how a translation's block differs from the
// English one, in the author's terms.
func describeShape(en, tr *block) string {
	switch {
	case en.raw != tr.raw:
		return fmt.Sprintf("a %s in the English, a %s in the translation", rawName(en.raw), rawName(tr.raw))
	case len(en.paras) != len(tr.paras):
		return fmt.Sprintf("%d paragraphs in the English, %d in the translation", len(en.paras), len(tr.paras))
	case en.raw == rawList && en.numbered != tr.numbered:
		return "a numbered list in one, a bulleted list in the other"
	case en.raw == rawList:
		return fmt.Sprintf("list items differ (%d in the English, %d in the translation, nested lists included)", countItems(en.items), countItems(tr.items))
	case en.raw == rawTable:
		return fmt.Sprintf("a table of %d columns and %d rows in the English, %d and %d in the translation", len(en.columns), len(en.rows), len(tr.columns), len(tr.rows))
	}
	return "they differ"
}

func countItems(items []*item) int {
	n := len(items)
	for _, it := range items {
		n += countItems(it.items)
	}
	return n
}

func rawName(raw string) string {
	switch raw {
	case rawBold:
		return "bold speaker or moderator line"
	case rawBoldHead:
		return "speaker line as a heading"
	case rawText:
		return "paragraph"
	}
	return raw
}
