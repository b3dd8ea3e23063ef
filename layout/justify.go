package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgen/reportgen/hyphen"
	"github.com/reportgen/reportgen/layout/internal/linebreak"
)

// This file sets justified paragraphs with the Knuth–Plass algorithm
// (package linebreak): every word is a box, or several boxes joined by
// flagged penalties at its hyphenation points; every word space is glue
// that may stretch and shrink by the house style's fractions. The breaks
// minimise the badness of the whole paragraph, not line by line.
//
// Not hyphenated: words with a capital after the first letter (GCM,
// M-MPTF, COVID), parts of links, the speakers' names, and fragments
// shorter than the language's minimums. Breaking after an explicit hyphen
// is not allowed: pdftotext would join "whole-of-" and "society" into
// "whole-ofsociety"; a hyphen added at a hyphenation point is joined back
// correctly ("devel-" + "opment").

// hyphenation carries what decides where words may be hyphenated.
type hyphenation struct {
	h *hyphen.Hyphenator
	// keep holds words never hyphenated (names), lower-cased.
	keep map[string]bool
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
	return !hy.keep[strings.ToLower(run)]
}

// points returns the byte offsets in text where it may be hyphenated.
func (hy *hyphenation) points(text string) []int {
	var out []int
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		run := text[start:end]
		if hy.breakable(run) {
			for _, p := range hy.h.Points(run) {
				out = append(out, start+p)
			}
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// splitWord cuts a word's pieces at byte offsets of its text.
func splitWord(w word, cuts []int, m measurer, size float64) []word {
	if len(cuts) == 0 {
		return []word{w}
	}
	var out []word
	var cur word
	off := 0 // byte offset of the current piece in the word's text
	ci := 0
	for _, p := range w.pieces {
		text := p.text
		base := off
		for ci < len(cuts) && cuts[ci] <= base+len(text) {
			at := cuts[ci] - base
			if at > 0 {
				cur.pieces = append(cur.pieces, m.piece(p, text[:at], size))
			}
			out = append(out, cur.measured())
			cur = word{}
			base += at
			text = text[at:]
			ci++
		}
		if text != "" {
			cur.pieces = append(cur.pieces, m.piece(p, text, size))
		}
		off += len(p.text)
	}
	cur.space = w.space
	out = append(out, cur.measured())
	return out
}

func (m measurer) piece(like piece, text string, size float64) piece {
	return piece{text: text, face: like.face, url: like.url, w: m.width(like.face, text, size)}
}

func (w word) measured() word {
	w.w = 0
	for _, p := range w.pieces {
		w.w += p.w
	}
	return w
}

// justify breaks words into justified lines with total-fit line breaking.
func (m measurer) justify(ws []word, width float64, ts textStyle, js JustifyStyle, hy *hyphenation) []line {
	ws = m.splitLong(ws, width)
	type part struct {
		w      word
		hyphen float64 // width of the hyphen if the line breaks after this part, else 0
	}
	var items []linebreak.Item
	var parts []part // parts[i] belongs to the box items[boxAt[i]]
	var boxOf []int  // item index → part index, -1 for glue and penalties
	for wi, w := range ws {
		var cuts []int
		if js.Hyphenate && hy != nil && !hasLink(w) {
			cuts = hy.points(wordText(w))
		}
		frags := splitWord(w, cuts, m, ts.size)
		for fi, f := range frags {
			items = append(items, linebreak.Item{Kind: linebreak.Box, Width: f.w})
			boxOf = append(boxOf, len(parts))
			p := part{w: f}
			if fi < len(frags)-1 {
				last := f.pieces[len(f.pieces)-1]
				p.hyphen = m.width(last.face, "-", ts.size)
				p.w.space = 0
				items = append(items, linebreak.Item{Kind: linebreak.Penalty, Width: p.hyphen, Penalty: js.HyphenPenalty, Flagged: true})
				boxOf = append(boxOf, -1)
			}
			parts = append(parts, p)
		}
		if wi < len(ws)-1 {
			sp := w.space
			items = append(items, linebreak.Item{Kind: linebreak.Glue, Width: sp, Stretch: sp * js.Stretch, Shrink: sp * js.Shrink})
			boxOf = append(boxOf, -1)
		}
	}
	items = linebreak.Finish(items)
	params := linebreak.DefaultParams()
	params.Tolerance = js.Tolerance
	params.MaxConsecutiveFlagged = js.MaxConsecutiveHyphens
	params.EmergencyStretch = width * 0.1
	brs, _ := linebreak.Breaks(items, func(int) float64 { return width }, params)

	var lines []line
	for li, br := range brs {
		ln := line{ratio: br.Ratio, justified: true, last: li == len(brs)-1}
		var cur *word
		for i := br.Start; i < br.Break && i < len(items); i++ {
			it := items[i]
			switch it.Kind {
			case linebreak.Box:
				p := parts[boxOf[i]]
				if cur == nil {
					ln.words = append(ln.words, word{})
					cur = &ln.words[len(ln.words)-1]
				}
				for _, pc := range p.w.pieces {
					if n := len(cur.pieces); n > 0 && cur.pieces[n-1].face == pc.face && cur.pieces[n-1].url == pc.url {
						cur.pieces[n-1].text += pc.text // a word cut at a hyphenation point, rejoined
						cur.pieces[n-1].w += pc.w
						continue
					}
					cur.pieces = append(cur.pieces, pc)
				}
				cur.w += p.w.w
				cur.space = p.w.space
			case linebreak.Glue:
				if cur != nil {
					cur.space = it.Width
				}
				cur = nil
			}
		}
		if br.Break < len(items) && items[br.Break].Kind == linebreak.Penalty && items[br.Break].Flagged && len(ln.words) > 0 {
			ln.hyphen = true
			lw := &ln.words[len(ln.words)-1]
			last := lw.pieces[len(lw.pieces)-1]
			h := m.piece(piece{face: last.face, url: last.url}, "-", ts.size)
			lw.pieces[len(lw.pieces)-1].text += h.text // drawn with its word
			lw.pieces[len(lw.pieces)-1].w += h.w
			lw.w += h.w
		}
		lines = append(lines, ln)
	}
	return lines
}

func hasLink(w word) bool {
	for _, p := range w.pieces {
		if p.url != "" {
			return true
		}
	}
	return false
}

func wordText(w word) string {
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
