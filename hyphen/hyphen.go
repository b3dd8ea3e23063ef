// Package hyphen finds hyphenation points with Liang's algorithm and the TeX hyph-utf8 patterns.
//
// The patterns are the hyph-utf8 files hyph-en-us.tex (US English),
// hyph-en-gb.tex (British English), hyph-ru.tex (Russian) and hyph-fr.tex
// (French), shipped unmodified from
// TeX Live 2022 with their licences and provenance in the patterns
// directory of this package. They are compiled ahead of time from their TeX
// form (\patterns{…} and \hyphenation{…}) into patterns/hyph-*.trie (see
// compiled.go), which is read on first use.
//
// The results are those of TeX with \lefthyphenmin and \righthyphenmin set
// to the languages' typesetting values (en-us and en-gb 2/3, ru 2/2, fr
// 2/2): a word is
// hyphenated from its exception list entry when it has one, otherwise from
// the patterns, and no hyphen leaves fewer than LeftMin letters before it or
// fewer than RightMin letters after it, exceptions included (as in TeX82,
// pdfTeX and XeTeX).
package hyphen

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// patternFiles holds the pattern files and their compiled forms. The
// compiled form is what load reads; the TeX source travels with it.
//
//go:embed patterns/hyph-*
var patternFiles embed.FS

// language describes one shipped pattern set and holds its hyphenator once
// parsed.
type language struct {
	file     string // path inside patternFiles
	leftMin  int    // hyphenmins/typesetting/left of the file's header
	rightMin int    // hyphenmins/typesetting/right of the file's header

	once sync.Once
	h    *Hyphenator
}

// languages maps a base language subtag, or for British English "en-gb",
// to its patterns.
var languages = map[string]*language{
	"en":    {file: "patterns/hyph-en-us.tex", leftMin: 2, rightMin: 3},
	"en-gb": {file: "patterns/hyph-en-gb.tex", leftMin: 2, rightMin: 3},
	"ru":    {file: "patterns/hyph-ru.tex", leftMin: 2, rightMin: 2},
	"fr":    {file: "patterns/hyph-fr.tex", leftMin: 2, rightMin: 2},
}

// Hyphenator hyphenates words of one language. Safe for concurrent use.
//
// A Hyphenator is immutable once built; the nil *Hyphenator (what For
// returns for a language without patterns) finds no hyphenation points.
type Hyphenator struct {
	leftMin, rightMin int
	trie              trie
	// exceptions maps a lower-cased word of the \hyphenation list to the
	// numbers of letters after which it may be hyphenated, in increasing
	// order (none: the word is never hyphenated).
	exceptions map[string][]uint8
}

// For returns the hyphenator of a language ("en", "en-GB", "ru", "ru-RU" …),
// or nil when no patterns are shipped for it. Patterns are parsed once,
// lazily, and shared.
//
// The base language is the tag's first subtag, up to the first '-' or '_',
// compared case-insensitively; it decides, except that English with the
// region GB ("en-GB", "en_gb", "en-Latn-GB") gets the British English
// patterns (hyph-en-gb). Every other English tag ("en", "en-US", "EN",
// "en-AU") gets the US English ones (hyph-en-us), "ru" and "ru-RU" the
// Russian ones, "fr" and "fr-CA" the French ones, and every call for the
// same patterns returns the same *Hyphenator.
func For(lang string) *Hyphenator {
	base, rest, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	base = strings.ToLower(base)
	if base == "en" && isRegion(rest, "gb") {
		base = "en-gb"
	}
	l := languages[base]
	if l == nil {
		return nil
	}
	return l.hyphenator()
}

// isRegion reports whether the subtags after a tag's language subtag
// ("Latn-GB", "GB-oxendict") name the region region (lower case): the
// region subtag is the first one of two letters (or three digits), after an
// optional four-letter script subtag.
func isRegion(subtags, region string) bool {
	for sub := range strings.SplitSeq(subtags, "-") {
		switch {
		case len(sub) == 4:
			continue // a script subtag
		case len(sub) == 2:
			return strings.EqualFold(sub, region)
		}
		return false
	}
	return false
}

// hyphenator returns the hyphenator of l, parsing its patterns on the first
// call.
func (l *language) hyphenator() *Hyphenator {
	l.once.Do(func() {
		h, err := load(l)
		if err != nil {
			// The pattern files are embedded and covered by the tests, so
			// this is a build defect, not a run-time condition.
			panic(err)
		}
		l.h = h
	})
	return l.h
}

// load reads the compiled form of the embedded pattern file of l.
func load(l *language) (*Hyphenator, error) {
	name := compiledFile(l.file)
	data, err := patternFiles.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %w", err)
	}
	h, err := decode(data, l.leftMin, l.rightMin)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %s: %w", name, err)
	}
	return h, nil
}

// loadTeX parses the embedded TeX pattern file of l.
func loadTeX(l *language) (*Hyphenator, error) {
	src, err := patternFiles.ReadFile(l.file)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %w", err)
	}
	h, err := parse(string(src), l.leftMin, l.rightMin)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %s: %w", l.file, err)
	}
	return h, nil
}

// LeftMin is the minimal fragment length, in letters, at the start of a word:
// no hyphen leaves fewer letters before it (TeX's \lefthyphenmin; en 2, ru 2).
// It is 0 for the nil Hyphenator.
func (h *Hyphenator) LeftMin() int {
	if h == nil {
		return 0
	}
	return h.leftMin
}

// RightMin is the minimal fragment length, in letters, at the end of a word:
// no hyphen leaves fewer letters after it (TeX's \righthyphenmin; en 3, ru 2).
// It is 0 for the nil Hyphenator.
func (h *Hyphenator) RightMin() int {
	if h == nil {
		return 0
	}
	return h.rightMin
}

// maxStack is the word length, in letters, up to which Points works in
// fixed-size buffers on the stack; longer words use the heap.
const maxStack = 64

// Points returns the byte offsets inside word where a hyphen may be inserted,
// in increasing order, honouring LeftMin/RightMin and the exception list.
// word is a single word of letters (callers strip punctuation); matching is
// case-insensitive (unicode.ToLower, so "Ё" matches the patterns' "ё"). A
// word that contains a non-letter, or is shorter than LeftMin+RightMin, has
// no points.
//
// An offset is where the fragment after the hyphen starts: the word
// "migration" gives [2 5], for "mi-gra-tion". Letters count as runes
// (unicode.IsLetter); the one exception is a Cyrillic е or и followed by a
// combining diaeresis (U+0308) or breve (U+0306), which counts as the single
// letter ё or й, so decomposed text hyphenates like composed text. Invalid
// UTF-8 is not a letter. The result is nil when there are no points.
func (h *Hyphenator) Points(word string) []int {
	return h.AppendPoints(nil, word)
}

// AppendPoints appends the hyphenation points of word, as Points returns
// them, to dst and returns the extended slice (dst itself when there are
// none).
func (h *Hyphenator) AppendPoints(dst []int, word string) []int {
	if h == nil || len(word) == 0 {
		return dst
	}

	// w is the lower-cased word between the boundary markers '.', as the
	// patterns see it; offs[k] is the byte offset of letter k in word.
	var wBuf [maxStack + 2]rune
	var offBuf [maxStack]int
	w := append(wBuf[:0], '.')
	offs := offBuf[:0]
	for i := 0; i < len(word); {
		r, size := rune(word[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(word[i:])
			if (r == 0x308 || r == 0x306) && len(offs) > 0 {
				if c := composeCyrillic(w[len(w)-1], r); c != 0 {
					w[len(w)-1] = c
					i += size
					continue
				}
			}
		}
		lower, ok := lowerLetter(r)
		if !ok {
			return dst
		}
		w = append(w, lower)
		offs = append(offs, i)
		i += size
	}
	n := len(offs)
	if n < h.leftMin+h.rightMin {
		return dst
	}
	w = append(w, '.')
	// A hyphen after k letters, leftMin <= k <= n-rightMin, is at word[offs[k]].
	first, last := h.leftMin, n-h.rightMin

	// Exception list.
	var keyBuf [4 * maxStack]byte
	key := keyBuf[:0]
	for _, r := range w[1 : n+1] {
		key = utf8.AppendRune(key, r)
	}
	if after, ok := h.exceptions[string(key)]; ok {
		for _, k := range after {
			if int(k) >= first && int(k) <= last {
				dst = append(dst, offs[k])
			}
		}
		return dst
	}

	// Liang: every pattern matching w at position i raises the levels of
	// the inter-letter positions it covers; level[p] belongs to the position
	// before w[p], so a hyphen after k letters has level[k+1]. Odd levels
	// allow a hyphen.
	t := &h.trie
	var codeBuf [maxStack + 2]uint8
	var levelBuf [maxStack + 3]uint8
	var codes, level []uint8
	if n+3 <= len(levelBuf) {
		codes, level = codeBuf[:n+2], levelBuf[:n+3]
	} else {
		codes, level = make([]uint8, n+2), make([]uint8, n+3)
	}
	for j, r := range w {
		codes[j] = t.code(r)
	}
	for i := range codes {
		s := int32(0)
		for _, c := range codes[i:] {
			if c == 0 {
				break // a letter that no pattern has
			}
			if s = t.child(s, c); s < 0 {
				break
			}
			for _, v := range t.values(s) {
				p := i + int(v.pos)
				if v.level > level[p] {
					level[p] = v.level
				}
			}
		}
	}

	if dst == nil {
		count := 0
		for k := first; k <= last; k++ {
			if level[k+1]&1 == 1 {
				count++
			}
		}
		if count == 0 {
			return nil
		}
		dst = make([]int, 0, count)
	}
	for k := first; k <= last; k++ {
		if level[k+1]&1 == 1 {
			dst = append(dst, offs[k])
		}
	}
	return dst
}

// lowerLetter reports whether r is a letter and returns its lower case, with
// shortcuts for the Basic Latin and Russian letters.
func lowerLetter(r rune) (rune, bool) {
	switch {
	case 'a' <= r && r <= 'z', 'а' <= r && r <= 'я', r == 'ё':
		return r, true
	case 'A' <= r && r <= 'Z', 'А' <= r && r <= 'Я':
		return r + ('a' - 'A'), true
	case r == 'Ё':
		return 'ё', true
	case r < utf8.RuneSelf:
		return r, false
	}
	return unicode.ToLower(r), unicode.IsLetter(r)
}

// composeCyrillic returns the precomposed letter for the lower-case Cyrillic
// base letter base followed by the combining mark mark (е+U+0308 = ё,
// и+U+0306 = й), or 0 when there is none.
func composeCyrillic(base, mark rune) rune {
	switch {
	case base == 'е' && mark == 0x308:
		return 'ё'
	case base == 'и' && mark == 0x306:
		return 'й'
	}
	return 0
}
