package hyphen

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parse reads a hyph-utf8 pattern file in its TeX form: '%' starts a comment
// that runs to the end of the line, and the rest is one \patterns{…} group
// and at most one \hyphenation{…} group of whitespace-separated entries.
// Anything else is an error, so that an unexpected upstream change fails
// loudly in the tests instead of silently losing patterns.
func parse(src string, leftMin, rightMin int) (*Hyphenator, error) {
	if leftMin < 1 || rightMin < 1 {
		return nil, fmt.Errorf("hyphenmins %d/%d: both must be at least 1", leftMin, rightMin)
	}
	var body strings.Builder
	for line := range strings.Lines(src) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i] + "\n"
		}
		body.WriteString(line)
	}
	rest := body.String()

	var patterns, exceptions []string
	seen := map[string]bool{}
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		name, group, tail, err := texGroup(rest)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, fmt.Errorf(`\%s appears twice`, name)
		}
		seen[name] = true
		switch name {
		case "patterns":
			patterns = strings.Fields(group)
		case "hyphenation":
			exceptions = strings.Fields(group)
		default:
			return nil, fmt.Errorf(`unexpected \%s`, name)
		}
		rest = tail
	}
	if len(patterns) == 0 {
		return nil, fmt.Errorf(`no \patterns`)
	}

	h := &Hyphenator{
		leftMin:    leftMin,
		rightMin:   rightMin,
		exceptions: make(map[string][]uint8, len(exceptions)),
	}
	var b trieBuilder
	b.init()
	for _, p := range patterns {
		if err := b.add(p); err != nil {
			return nil, err
		}
	}
	var err error
	if h.trie, err = b.build(); err != nil {
		return nil, err
	}
	for _, e := range exceptions {
		word, after, err := parseException(e)
		if err != nil {
			return nil, err
		}
		// As in TeX, a later entry for the same word replaces an earlier one.
		h.exceptions[word] = after
	}
	return h, nil
}

// texGroup splits s, which starts with a control word and a brace group
// ("\patterns{…}…"), into the control word's name, the group's contents and
// what follows the closing brace. The group may not nest braces or hold
// other control sequences.
func texGroup(s string) (name, group, rest string, err error) {
	if !strings.HasPrefix(s, `\`) {
		return "", "", "", fmt.Errorf("unexpected text %q outside a group", head(s))
	}
	open := strings.IndexByte(s, '{')
	if open < 0 {
		return "", "", "", fmt.Errorf("no group after %q", head(s))
	}
	name = strings.TrimSpace(s[1:open])
	if name == "" || strings.ContainsFunc(name, func(r rune) bool { return r < 'a' || r > 'z' }) {
		return "", "", "", fmt.Errorf("unexpected control sequence %q", head(s))
	}
	closing := strings.IndexByte(s[open+1:], '}')
	if closing < 0 {
		return "", "", "", fmt.Errorf(`\%s{ is not closed`, name)
	}
	group = s[open+1 : open+1+closing]
	if i := strings.IndexAny(group, `\{`); i >= 0 {
		return "", "", "", fmt.Errorf(`\%s holds %q, which is not supported`, name, head(group[i:]))
	}
	return name, group, s[open+1+closing+1:], nil
}

// head is the start of s, for error messages.
func head(s string) string {
	if len(s) > 20 {
		s = s[:20] + "…"
	}
	return s
}

// parseException reads a \hyphenation entry such as "as-so-ciate" into the
// lower-cased word ("associate") and the numbers of letters after which it
// may be hyphenated ([2 4]).
func parseException(e string) (word string, after []uint8, err error) {
	var w strings.Builder
	letters := 0
	for _, r := range e {
		if r == '-' {
			if letters == 0 || (len(after) > 0 && int(after[len(after)-1]) == letters) {
				return "", nil, fmt.Errorf("exception %q: misplaced hyphen", e)
			}
			after = append(after, uint8(letters))
			continue
		}
		if r == utf8.RuneError || (r >= '0' && r <= '9') || r == '.' {
			return "", nil, fmt.Errorf("exception %q: unexpected %q", e, r)
		}
		w.WriteRune(unicode.ToLower(r))
		letters++
		if letters > 255 {
			return "", nil, fmt.Errorf("exception %q is too long", e)
		}
	}
	if len(after) > 0 && int(after[len(after)-1]) == letters {
		return "", nil, fmt.Errorf("exception %q ends in a hyphen", e)
	}
	return w.String(), after, nil
}

// trie holds the patterns, keyed by their letters ('.' marks a word
// boundary), as a double-array trie over a small alphabet: letter r has code
// t.code(r) (0 for a letter no pattern has), the root is cell 0, and the
// child of cell s for code c is cell base[s]+c when that cell's check is s.
// The levels of the pattern that ends at cell s are
// val[cell.valFirst:cell.valFirst+cell.valLen].
type trie struct {
	codes     []uint8        // code of each rune below len(codes)
	highCodes map[rune]uint8 // codes of the other runes, if any
	cells     []cell
	val       []level
}

// cell is one node of the double-array trie.
type cell struct {
	base     int32
	check    int32 // parent cell; -1 for a free cell and for the root
	valFirst int32
	valLen   int32
}

// level is one non-zero digit of a pattern: the level at inter-letter
// position pos, counted from the position before the pattern's first letter.
type level struct {
	pos, level uint8
}

// lowCodes is the size of the direct code table: every letter of the
// shipped patterns is below it.
const lowCodes = 0x800

// code returns the alphabet code of r, or 0 when no pattern has r.
func (t *trie) code(r rune) uint8 {
	if r >= 0 && int(r) < len(t.codes) {
		return t.codes[r]
	}
	return t.highCodes[r]
}

// child returns the child of cell s for code c (> 0), or -1 when there is
// none.
func (t *trie) child(s int32, c uint8) int32 {
	next := t.cells[s].base + int32(c)
	if int(next) < len(t.cells) && t.cells[next].check == s {
		return next
	}
	return -1
}

// values returns the levels of the pattern that ends at cell s, if any.
func (t *trie) values(s int32) []level {
	c := &t.cells[s]
	return t.val[c.valFirst : c.valFirst+c.valLen]
}

// trieBuilder collects patterns into a tree before build turns it into a
// double-array trie.
type trieBuilder struct {
	children []map[rune]int32
	values   [][]level
	isEnd    []bool
}

func (b *trieBuilder) init() {
	b.children = []map[rune]int32{nil}
	b.values = [][]level{nil}
	b.isEnd = []bool{false}
}

// add inserts one TeX pattern such as ".ach4" or "4b1r": letters with the
// digits of the levels between them.
func (b *trieBuilder) add(p string) error {
	var letters []rune
	var levels []level
	digitAt := -1
	for _, r := range p {
		if r >= '0' && r <= '9' {
			if digitAt == len(letters) {
				return fmt.Errorf("pattern %q: two digits in a row", p)
			}
			digitAt = len(letters)
			if r > '0' {
				levels = append(levels, level{pos: uint8(len(letters)), level: uint8(r - '0')})
			}
			continue
		}
		if r == utf8.RuneError {
			return fmt.Errorf("pattern %q: invalid UTF-8", p)
		}
		letters = append(letters, unicode.ToLower(r)) // as TeX, which reads patterns through \lccode
		if len(letters) > 250 {
			return fmt.Errorf("pattern %q is too long", p)
		}
	}
	if len(letters) == 0 {
		return fmt.Errorf("pattern %q has no letters", p)
	}
	for i, r := range letters {
		if r == '.' && i != 0 && i != len(letters)-1 {
			return fmt.Errorf("pattern %q: '.' inside a pattern", p)
		}
	}
	node := int32(0)
	for _, r := range letters {
		next, ok := b.children[node][r]
		if !ok {
			next = int32(len(b.children))
			b.children = append(b.children, nil)
			b.values = append(b.values, nil)
			b.isEnd = append(b.isEnd, false)
			if b.children[node] == nil {
				b.children[node] = map[rune]int32{}
			}
			b.children[node][r] = next
		}
		node = next
	}
	if b.isEnd[node] {
		return fmt.Errorf("duplicate pattern %q", p)
	}
	b.isEnd[node] = true
	b.values[node] = levels
	return nil
}

// build turns the tree into a double-array trie.
func (b *trieBuilder) build() (trie, error) {
	var t trie

	// The alphabet, in rune order.
	var alphabet []rune
	seen := map[rune]bool{}
	for _, children := range b.children {
		for r := range children {
			if !seen[r] {
				seen[r] = true
				alphabet = append(alphabet, r)
			}
		}
	}
	slices.Sort(alphabet)
	if len(alphabet) > 255 {
		return trie{}, fmt.Errorf("%d letters in the patterns, at most 255 supported", len(alphabet))
	}
	lowLen := 0
	for _, r := range alphabet {
		if r < lowCodes {
			lowLen = int(r) + 1
		}
	}
	t.codes = make([]uint8, lowLen)
	for i, r := range alphabet {
		c := uint8(i + 1)
		if r < lowCodes {
			t.codes[r] = c
			continue
		}
		if t.highCodes == nil {
			t.highCodes = map[rune]uint8{}
		}
		t.highCodes[r] = c
	}

	// Place the nodes breadth first; each node's children go at the
	// lowest base where all their cells are free. next[i] leads to the
	// first free cell at or after cell i (next[i] == i when i is free,
	// anything at or past the end is free), with path compression.
	t.cells = []cell{{check: -1}}
	next := []int32{1}
	occupy := func(i int32) {
		for int(i) >= len(t.cells) {
			next = append(next, int32(len(t.cells)))
			t.cells = append(t.cells, cell{check: -1})
		}
		next[i] = i + 1
	}
	findFree := func(i int32) int32 {
		free := i
		for int(free) < len(next) && next[free] != free {
			free = next[free]
		}
		for int(i) < len(next) && i != free {
			n := next[i]
			next[i] = free
			i = n
		}
		return free
	}
	isFree := func(i int32) bool {
		return int(i) >= len(t.cells) || t.cells[i].check == -1
	}
	at := make([]int32, len(b.children)) // tree node -> cell
	queue := []int32{0}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		s := at[node]
		t.cells[s].valFirst = int32(len(t.val))
		t.cells[s].valLen = int32(len(b.values[node]))
		t.val = append(t.val, b.values[node]...)
		if len(b.children[node]) == 0 {
			continue
		}
		// Children in code order, so that the layout is deterministic.
		var letters []rune
		for r := range b.children[node] {
			letters = append(letters, r)
		}
		slices.Sort(letters)
		codes := make([]int32, len(letters))
		for i, r := range letters {
			codes[i] = int32(t.code(r))
		}
		// Try the free cells in turn for the first child.
		var base int32
	search:
		for p := findFree(codes[0] + 1); ; p = findFree(p + 1) {
			base = p - codes[0]
			for _, c := range codes[1:] {
				if !isFree(base + c) {
					continue search
				}
			}
			break
		}
		t.cells[s].base = base
		for i, r := range letters {
			child := b.children[node][r]
			at[child] = base + codes[i]
			occupy(at[child])
			t.cells[at[child]].check = s
			queue = append(queue, child)
		}
	}
	return t, nil
}
