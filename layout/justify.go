package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgen/reportgen/hyphen"
	"github.com/reportgen/reportgen/layout/internal/totalfit"
)

// This file sets justified paragraphs with the Knuth–Plass algorithm
// (package internal/totalfit): every word is a box, or several boxes
// joined by flagged penalties at its hyphenation points; every word space
// is glue that may stretch and shrink by the Justification's fractions. The breaks
// minimise the badness of the whole paragraph, not line by line.
//
// Not hyphenated: words with a capital after the first letter (GCM,
// M-MPTF, COVID), addresses shown as a link's text (a URL, an e-mail
// address), the names in Options.Names, and fragments shorter than the
// language's minimums. Breaking after an explicit hyphen
// is not allowed: pdftotext would join "whole-of-" and "society" into
// "whole-ofsociety"; a hyphen added at a hyphenation point is joined back
// correctly ("devel-" + "opment").

// hyphenation carries what decides where words may be hyphenated.
type hyphenation struct {
	h *hyphen.Hyphenator
	// keep holds words never hyphenated (names), lower-cased.
	keep map[string]bool
	// exceptions holds the house's own break points of words the
	// patterns break badly (TeX's \hyphenation), by lower-cased word:
	// byte offsets into the word, none for a word never broken.
	exceptions map[string][]int
	// lower is working memory for breakable.
	lower []byte
	// memo holds the points of the words seen so far, by word.
	memo map[string][]int
}

// breakable reports whether a run of letters may be hyphenated.
func (hy *hyphenation) breakable(run string) bool {
	if hy == nil || hy.h == nil {
		return false
	}
	caps := 0
	for i, r := range run {
		if unicode.IsUpper(r) {
			caps++
			if i > 0 || caps > 1 {
				return false // an acronym or a word in capitals
			}
		}
	}
	if len(hy.keep) == 0 && len(hy.exceptions) == 0 {
		return true
	}
	hy.lowerRun(run)
	return !hy.keep[string(hy.lower)]
}

// lowerRun sets hy.lower to run in lower case, without allocating: a
// run is letters, valid UTF-8, which strings.ToLower maps rune by rune.
func (hy *hyphenation) lowerRun(run string) {
	b := hy.lower[:0]
	for _, r := range run {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	hy.lower = b
}

// points returns the byte offsets in text where it may be hyphenated.
func (hy *hyphenation) points(text string) []int {
	return hy.appendPoints(nil, text)
}

// cachedPoints is appendPoints, remembering the points of each text: a
// report repeats its words.
func (hy *hyphenation) cachedPoints(dst []int, text string) []int {
	if p, ok := hy.memo[text]; ok {
		return append(dst, p...)
	}
	n := len(dst)
	dst = hy.appendPoints(dst, text)
	if hy.memo == nil {
		hy.memo = map[string][]int{}
	}
	var p []int
	if len(dst) > n {
		p = slices.Clone(dst[n:])
	}
	hy.memo[text] = p
	return dst
}

// appendPoints appends the byte offsets in text where it may be
// hyphenated to dst.
func (hy *hyphenation) appendPoints(dst []int, text string) []int {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		run := text[start:end]
		if hy.breakable(run) {
			n := len(dst)
			if p, ok := hy.exception(run); ok {
				dst = append(dst, p...)
			} else {
				dst = hy.h.AppendPoints(dst, run)
			}
			for i := n; i < len(dst); i++ {
				dst[i] += start
			}
		}
		start = -1
	}
	for i, r := range text {
		if isLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return dst
}

// exception returns the house's break points of run, a word breakable
// has just let through (so, when there are exceptions, hy.lower holds
// it in lower case), and whether it has any.
func (hy *hyphenation) exception(run string) ([]int, bool) {
	if len(hy.exceptions) == 0 {
		return nil, false
	}
	p, ok := hy.exceptions[string(hy.lower)]
	if !ok || len(hy.lower) != len(run) {
		// A word whose lower case is longer or shorter than itself
		// (rare letters) keeps the patterns' points: the offsets are
		// the lower-case word's.
		return nil, false
	}
	return p, true
}

// hyphenationExceptions turns words spelt with hyphens at their only
// break points ("re-in-te-gra-tion") into their break points by
// lower-cased word.
func hyphenationExceptions(words []string) map[string][]int {
	if len(words) == 0 {
		return nil
	}
	m := make(map[string][]int, len(words))
	for _, w := range words {
		var word strings.Builder
		var points []int
		for i, part := range strings.Split(strings.ToLower(w), "-") {
			if i > 0 {
				points = append(points, word.Len())
			}
			word.WriteString(part)
		}
		m[word.String()] = points
	}
	return m
}

// isLetter is unicode.IsLetter, quicker for Russian.
func isLetter(r rune) bool {
	if 'а' <= r && r <= 'я' || 'А' <= r && r <= 'Я' || r == 'ё' || r == 'Ё' {
		return true
	}
	return unicode.IsLetter(r)
}

// splitWord appends the pieces of a word cut at byte offsets of its text
// to dst, as words. The pieces of the words it makes are in sc.pieces.
func splitWord(dst []word, w word, cuts []int, m measurer, size float64, sc *scratch) []word {
	if len(cuts) == 0 {
		return append(dst, w)
	}
	start := len(sc.pieces) // the current word's first piece
	cur := func() word {
		end := len(sc.pieces)
		return word{pieces: sc.pieces[start:end:end]}
	}
	off := 0 // byte offset of the current piece in the word's text
	ci := 0
	for _, p := range w.pieces {
		text := p.text
		base := off
		for ci < len(cuts) && cuts[ci] <= base+len(text) {
			at := cuts[ci] - base
			if at > 0 {
				pc := m.piece(p, text[:at], size)
				// The kerning across the cut counts in the fragment:
				// its hyphen, if the line breaks there, takes it back.
				if at < len(text) {
					pc.kernNext = m.kernJoin(p.face, text[:at], text[at:], p.sizeIn(size))
				} else {
					pc.kernNext = p.kernNext
				}
				pc.w += pc.kernNext
				sc.pieces = append(sc.pieces, pc)
			}
			dst = append(dst, cur().measured())
			start = len(sc.pieces)
			base += at
			text = text[at:]
			ci++
		}
		if text != "" {
			pc := m.piece(p, text, size)
			pc.kernNext = p.kernNext
			pc.w += pc.kernNext
			sc.pieces = append(sc.pieces, pc)
		}
		off += len(p.text)
	}
	last := cur()
	last.space, last.tied = w.space, w.tied
	return append(dst, last.measured())
}

func (m measurer) piece(like piece, text string, size float64) piece {
	return piece{text: text, face: like.face, url: like.url, w: m.width(like.face, text, like.sizeIn(size)), note: like.note, size: like.size, rise: like.rise, lang: like.lang}
}

func (w word) measured() word {
	w.w = 0
	for _, p := range w.pieces {
		w.w += p.w
	}
	return w
}

// part is a box of a justified paragraph: a word or a fragment of one.
type part struct {
	w word
	// hyphen is the width of the hyphen if the line breaks after this
	// part, else 0: with its kerning, less the kerning across the cut
	// that the part's width counts.
	hyphen float64
	// left is how far the part hangs into the left margin when it starts
	// a line; right how far it hangs into the right margin when a line
	// breaks at the space after it, hyphenRight when one breaks at the
	// hyphenation point after it (the hyphen hanging).
	left, right, hyphenRight float64
}

// hang is the protrusion of a justified paragraph's lines (see
// Protrusion): the characters and fractions, and how far each side may
// hang at most.
type hang struct {
	Protrusion
	maxLeft, maxRight float64
	// notFirst keeps the first line from hanging left (a list marker or
	// a footnote's number is drawn before it).
	notFirst bool
}

// hangOf returns how far character r of a piece hangs by the fractions
// frac, at most limit: 0 for a footnote mark.
func (m measurer) hangOf(pc piece, r rune, frac map[rune]float64, size, limit float64) float64 {
	f := frac[r]
	if f <= 0 || pc.note != 0 || limit <= 0 {
		return 0
	}
	return min(f*float64(m.fam.Face(pc.face).Advance(r))*pc.sizeIn(size)/1000, limit)
}

// leftHang returns how far word w hangs into the left margin when it
// starts a line.
func (m measurer) leftHang(w word, hg hang, size float64) float64 {
	if len(hg.Left) == 0 || len(w.pieces) == 0 {
		return 0
	}
	pc := w.pieces[0]
	r, _ := utf8.DecodeRuneInString(pc.text)
	return m.hangOf(pc, r, hg.Left, size, hg.maxLeft)
}

// rightHang returns how far word w hangs into the right margin when it
// ends a line.
func (m measurer) rightHang(w word, hg hang, size float64) float64 {
	if len(hg.Right) == 0 || len(w.pieces) == 0 {
		return 0
	}
	pc := w.pieces[len(w.pieces)-1]
	r, _ := utf8.DecodeLastRuneInString(pc.text)
	return m.hangOf(pc, r, hg.Right, size, hg.maxRight)
}

// scratch is working memory that a flow reuses from one paragraph to the
// next; nothing in it outlives the paragraph it was used for.
type scratch struct {
	items  []totalfit.Item
	parts  []part // parts[i] belongs to the box items[boxOf[i]]
	boxOf  []int  // item index → part index, -1 for glue and penalties
	cuts   []int
	frags  []word
	pieces []piece // pieces of fragments, and of words (see words)
	shy    []int   // soft hyphens of words (see words)
	words  []word
	breaks totalfit.Breaker
	// lineWords and linePieces hold the words of justified lines.
	lineWords  []word
	linePieces []piece
	boxes      []Box // a paragraph's boxes
}

// justify breaks words into justified lines with total-fit line breaking,
// their punctuation hanging into the margins by hg.
//
// Hanging is told to the line breaker with items of negative width that
// count only where a line breaks, as Knuth and Plass build their special
// cases: a word whose last character hangs by p is followed by a
// penalty(0) of width −p, the break (the space after it is then no legal
// break, and is discarded when the line breaks at the penalty); a word
// whose first character hangs by q is preceded, instead of the space s,
// by glue(s+q) box(0) penalty(∞) glue(−q): across a line the space is s,
// and a line that starts there starts with glue(−q) (what follows a break
// is discarded up to the first box). A line's width at its breaks is thus
// its width with the hang taken away, and it never falls as the line
// grows, as the breaker assumes: no hang is wider than its character.
func (m measurer) justify(ws []word, width float64, ts TextStyle, js Justification, hy *hyphenation, hg hang, sc *scratch) []line {
	ws = m.splitLong(ws, width, ts.Size)
	untieLong(ws, width)
	items, parts, boxOf := sc.items[:0], sc.parts[:0], sc.boxOf[:0]
	// hangLeft is the left hang of the line that starts with the next
	// word; it is told to the breaker by the items before the word.
	hangLeft := func(q float64) {
		items = append(items, totalfit.Item{Kind: totalfit.Box}, totalfit.Item{Kind: totalfit.Penalty, Penalty: totalfit.Infinity},
			totalfit.Item{Kind: totalfit.Glue, Width: -q})
		boxOf = append(boxOf, -1, -1, -1)
	}
	left := 0.0 // of the next word
	if len(ws) > 0 && !hg.notFirst {
		if left = m.leftHang(ws[0], hg, ts.Size); left > 0 {
			hangLeft(left)
		}
	}
	// The glyphs of a justified paragraph's words stretch and shrink by
	// font expansion; ragged lines are set at their natural width.
	var ex Expansion
	if ts.Align == Justify && js.Expand.on() {
		ex = js.Expand
	}
	for wi, w := range ws {
		var cuts []int
		switch {
		case isAddress(w):
		case len(w.shy) > 0:
			cuts = w.shy // the author's points, and only those
		case js.Hyphenate && hy != nil:
			cuts = hy.cachedPoints(sc.cuts[:0], wordText(w))
			sc.cuts = cuts
		}
		frags := splitWord(sc.frags[:0], w, cuts, m, ts.Size, sc)
		sc.frags = frags
		for fi, f := range frags {
			items = append(items, totalfit.Item{Kind: totalfit.Box, Width: f.w, Stretch: f.w * ex.Stretch, Shrink: f.w * ex.Shrink})
			boxOf = append(boxOf, len(parts))
			p := part{w: f}
			if fi == 0 {
				p.left = left
			}
			if fi < len(frags)-1 {
				last := f.pieces[len(f.pieces)-1]
				p.hyphen = m.width(last.face, "-", ts.Size) + m.kernJoin(last.face, last.text, "-", ts.Size) - last.kernNext
				if len(hg.Right) > 0 {
					p.hyphenRight = m.hangOf(piece{face: last.face}, '-', hg.Right, ts.Size, hg.maxRight)
				}
				p.w.space = 0
				items = append(items, totalfit.Item{Kind: totalfit.Penalty, Width: p.hyphen - p.hyphenRight, Penalty: js.HyphenPenalty, Flagged: true})
				boxOf = append(boxOf, -1)
			}
			parts = append(parts, p)
		}
		if wi < len(ws)-1 {
			sp := w.space
			left = 0
			if w.tied { // TeX's ~: a space that stretches but never breaks
				items = append(items, totalfit.Item{Kind: totalfit.Penalty, Penalty: totalfit.Infinity})
				boxOf = append(boxOf, -1)
			} else {
				if r := m.rightHang(ws[wi], hg, ts.Size); r > 0 {
					parts[len(parts)-1].right = r
					items = append(items, totalfit.Item{Kind: totalfit.Penalty, Width: -r})
					boxOf = append(boxOf, -1)
				}
				left = m.leftHang(ws[wi+1], hg, ts.Size)
			}
			items = append(items, totalfit.Item{Kind: totalfit.Glue, Width: sp + left, Stretch: sp * js.Stretch, Shrink: sp * js.Shrink})
			boxOf = append(boxOf, -1)
			if left > 0 {
				hangLeft(left)
			}
		}
	}
	items = finish(items)
	if n := len(ws); n > 0 && len(parts) > 0 {
		// The paragraph's end, its last line's break: a last line set to
		// the full measure (with shrunk spaces) hangs as the others do.
		r := m.rightHang(ws[n-1], hg, ts.Size)
		parts[len(parts)-1].right = r
		items[len(items)-1].Width = -r
	}
	sc.items, sc.parts, sc.boxOf = items, parts, boxOf
	params := totalfit.DefaultParams()
	params.Tolerance = js.Tolerance
	params.MaxConsecutiveFlagged = js.MaxConsecutiveHyphens
	params.EmergencyStretch = width * 0.1
	brs, _ := sc.breaks.Breaks(items, func(int) float64 { return width }, params)

	// The lines' words and their pieces are in sc.lineWords and
	// sc.linePieces: a line's words, and a word's pieces, are consecutive
	// there.
	lines := make([]line, 0, len(brs))
	lws, lps := sc.lineWords[:0], sc.linePieces[:0]
	for li, br := range brs {
		ln := line{ratio: br.Ratio, justified: true, last: li == len(brs)-1}
		firstWord := len(lws)
		var cur *word
		firstPiece := 0 // of cur
		var lastPart *part
		for i := br.Start; i < br.Break && i < len(items); i++ {
			it := items[i]
			switch it.Kind {
			case totalfit.Box:
				if boxOf[i] < 0 {
					continue // the empty box before a word that hangs left
				}
				p := parts[boxOf[i]]
				if lastPart == nil {
					ln.left = p.left
				}
				lastPart = &parts[boxOf[i]]
				if cur == nil {
					lws = append(lws, word{})
					cur = &lws[len(lws)-1]
					firstPiece = len(lps)
				}
				for _, pc := range p.w.pieces {
					if n := len(lps); n > firstPiece && sameRun(lps[n-1], pc) && lps[n-1].lang == pc.lang {
						lps[n-1].text += pc.text // a word cut at a hyphenation point, rejoined
						lps[n-1].w += pc.w
						lps[n-1].kernNext = pc.kernNext
						continue
					}
					lps = append(lps, pc)
				}
				cur.pieces = lps[firstPiece:len(lps):len(lps)]
				cur.w += p.w.w
				cur.space = p.w.space
			case totalfit.Glue:
				cur = nil // the word's space is its part's
			}
		}
		if len(lws) > firstWord {
			ln.words = lws[firstWord:len(lws):len(lws)]
		}
		if br.Break < len(items) && items[br.Break].Kind == totalfit.Penalty && items[br.Break].Flagged && len(ln.words) > 0 && lastPart != nil {
			ln.hyphen = true
			lw := &ln.words[len(ln.words)-1]
			lp := &lw.pieces[len(lw.pieces)-1]
			lp.text += "-" // drawn with its word
			lp.w += lastPart.hyphen
			lp.kernNext = 0
			lw.w += lastPart.hyphen
		}
		if lastPart != nil {
			if ln.hyphen {
				ln.right = lastPart.hyphenRight
			} else {
				ln.right = lastPart.right
			}
		}
		lines = append(lines, ln)
	}
	sc.lineWords, sc.linePieces = lws, lps
	return lines
}

// paragraphEnd is what totalfit.Finish appends.
var paragraphEnd = totalfit.Finish(nil)

// finish is totalfit.Finish, reusing the memory of items.
func finish(items []totalfit.Item) []totalfit.Item {
	n := len(items)
	for n > 0 && items[n-1].Kind == totalfit.Glue {
		n--
	}
	return append(items[:n], paragraphEnd...)
}

// isAddress reports whether word w is (part of) an address shown as a
// link's text, a URL or an e-mail address, which is never hyphenated: a
// hyphen would read as part of it. The words of a link's prose text are
// hyphenated as any others.
func isAddress(w word) bool {
	for _, p := range w.pieces {
		if p.url == "" || strings.HasPrefix(p.url, DestPrefix) {
			continue
		}
		if strings.Contains(p.text, "://") || strings.HasPrefix(p.text, "www.") || strings.Contains(p.text, "@") || strings.Contains(p.url, p.text) {
			return true
		}
	}
	return false
}

func wordText(w word) string {
	if len(w.pieces) == 1 {
		return w.pieces[0].text
	}
	var b strings.Builder
	for _, p := range w.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// nameWords returns the words of names that must not be hyphenated, lower
// cased: every word of at least four letters that starts with a capital.
func nameWords(names []string) map[string]bool {
	keep := map[string]bool{}
	for _, n := range names {
		for _, w := range strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) }) {
			r, _ := utf8.DecodeRuneInString(w)
			if utf8.RuneCountInString(w) >= 4 && unicode.IsUpper(r) {
				keep[strings.ToLower(w)] = true
			}
		}
	}
	return keep
}
