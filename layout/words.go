package layout

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/markup"
)

// This file cuts a paragraph of styled spans into words, fills ragged
// (not justified) lines, and places the words of a line.
//
// A paragraph is first cut into words: maximal runs of non-space
// characters, each a list of pieces in one face (a word can change style
// inside, as in "*safe*."). Justified paragraphs are then broken by
// justify.go; ragged ones (flush left, centred) are filled greedily with
// natural spaces (breakLines). placeLine positions the words of a line,
// spreading a justified line's spaces by its adjustment ratio.
//
// A word wider than the whole line (a long URL) is cut after "/", ".",
// "-", "?", "&", "=" or "_" where possible, else between any two
// characters, so that nothing ever crosses the right margin.

// piece is part of a word in one face, possibly part of a link.
type piece struct {
	text string
	face fonts.Face
	url  string
	// w is the piece's width, kerning included: within its text, and
	// kernNext, the kerning with the first character of the next piece
	// of its word when the two are drawn as one run (sameRun).
	w, kernNext float64
	// note, from 1, says the piece is the mark of the paragraph's note-th
	// footnote: set at size, raised by rise.
	note       int
	size, rise float64
	// lang is the language of the piece's span (markup.Span.Lang): ""
	// for the paragraph's. Pieces of two languages are never drawn as
	// one run.
	lang string
}

// sizeIn returns the size the piece is set at in text of the given size:
// its own when it has one (a footnote mark), else the text's.
func (p piece) sizeIn(size float64) float64 {
	if p.size > 0 {
		return p.size
	}
	return size
}

// sameRun reports whether pieces a and b can be drawn as one run.
func sameRun(a, b piece) bool {
	return a.face == b.face && a.url == b.url && a.note == b.note
}

// Footnote marks are set at this fraction of the text size, raised by
// noteMarkRise of it.
const (
	noteMarkScale = 0.65
	noteMarkRise  = 0.35
)

// word is an unbreakable unit followed by a space (or the paragraph end).
type word struct {
	pieces []piece
	w      float64
	// space is the natural width of the space after the word.
	space float64
	// tied forbids a line break at that space: it was a no-break space
	// (U+00A0), as in "2020 г." or "Mr. Prentice".
	tied bool
	// shy are the byte offsets in the word's text of its soft hyphens
	// (U+00AD, taken out of the text): the author's hyphenation points,
	// which replace the patterns' (TeX's \-).
	shy []int
}

// DestPrefix starts the URL of a span that links to a destination inside
// the document: "#annex-6" links to the anchor named "annex-6".
const DestPrefix = "#"

// softHyphen (U+00AD) marks where a word may be hyphenated; it is drawn
// only as the hyphen of a line that breaks there.
const softHyphen = "\u00ad"

// Align is the horizontal alignment of a paragraph's lines.
type Align uint8

// The alignments.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// TextStyle is how a paragraph is set.
type TextStyle struct {
	// Size is the type size in points; Leading the line height as a
	// multiple of it.
	Size    float64
	Leading float64
	// Face is added to every span's own style (bold for a heading).
	Face  fonts.Face
	Color display.Color
	Align Align
	// Draft says the text is shown in the source language because it is
	// not translated: it is hyphenated and tied by the source language's
	// rules, and every line is marked with a bar in the margin.
	Draft bool
	// Ragged breaks lines as justified text is broken (total fit, with
	// hyphenation) but sets them with natural spaces at Align: for
	// narrow measures such as table cells.
	Ragged bool
}

// measurer measures text in the family's faces.
type measurer struct {
	fam *fonts.Family
	// kern measures with the fonts' pair kerning.
	kern bool
}

func (m measurer) width(face fonts.Face, s string, size float64) float64 {
	if m.kern {
		return float64(m.fam.Face(face).KernedWidth(s)) * size / 1000
	}
	return float64(m.fam.Face(face).Width(s)) * size / 1000
}

// kernPair returns the kerning of characters a and b in face at size.
func (m measurer) kernPair(face fonts.Face, a, b rune, size float64) float64 {
	if !m.kern {
		return 0
	}
	return float64(m.fam.Face(face).Kern(a, b)) * size / 1000
}

// kernJoin returns the kerning between the end of text a and the start
// of text b in face at size.
func (m measurer) kernJoin(face fonts.Face, a, b string, size float64) float64 {
	if !m.kern || a == "" || b == "" {
		return 0
	}
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return m.kernPair(face, ra, rb, size)
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

// words cuts spans into words. The words and their pieces are in sc
// (sc.words, sc.pieces), valid until the next paragraph.
func (m measurer) words(spans []markup.Span, ts TextStyle, sc *scratch) []word {
	out := sc.words[:0]
	first := len(sc.pieces) // of the current word
	firstShy := len(sc.shy) // of the current word
	var w float64           // of the current word
	wordLen := 0            // bytes of the current word's text
	end := func(space float64, tied bool) {
		n := len(sc.pieces)
		// Soft hyphens at a word's ends are no hyphenation points.
		shy := slices.DeleteFunc(sc.shy[firstShy:], func(off int) bool { return off == 0 || off == wordLen })
		sc.shy = sc.shy[:firstShy+len(shy)]
		ns := len(sc.shy)
		out = append(out, word{pieces: sc.pieces[first:n:n], w: w, space: space, tied: tied, shy: sc.shy[firstShy:ns:ns]})
		first, firstShy, w, wordLen = n, ns, 0, 0
	}
	notes := 0
	for _, sp := range spans {
		face := fonts.FaceOf(sp.Style&markup.Bold != 0 || ts.Face&fonts.Bold != 0, sp.Style&markup.Italic != 0 || ts.Face&fonts.Italic != 0)
		if sp.Note != nil {
			// A footnote's mark (sp.Text, set by the caller) joins the
			// word before it, smaller and raised.
			notes++
			if sp.Text != "" {
				size := ts.Size * noteMarkScale
				p := piece{text: sp.Text, face: face, note: notes, size: size, rise: ts.Size * noteMarkRise, lang: sp.Lang}
				p.w = m.width(face, p.text, size)
				sc.pieces = append(sc.pieces, p)
				w += p.w
				wordLen += len(p.text)
			}
			continue
		}
		text := validText(sp.Text)
		// A piece is a run of non-space characters of one span, so a
		// substring of its text: spaces are ASCII, or the two bytes of a
		// no-break space, never part of another character's encoding.
		start := -1
		for i := 0; i <= len(text); i++ {
			nbsp := i+1 < len(text) && text[i] == 0xc2 && text[i+1] == 0xa0
			if i < len(text) && !isSpace(rune(text[i])) && !nbsp {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				t := text[start:i]
				if strings.Contains(t, softHyphen) {
					t = sc.takeSoftHyphens(t, wordLen)
				}
				if t != "" {
					p := piece{text: t, face: face, url: sp.URL, lang: sp.Lang}
					p.w = m.width(p.face, p.text, ts.Size)
					if n := len(sc.pieces); n > first && sameRun(sc.pieces[n-1], p) && sc.pieces[n-1].size == 0 {
						// Drawn as one run with the piece before.
						k := m.kernJoin(face, sc.pieces[n-1].text, t, ts.Size)
						sc.pieces[n-1].w += k
						sc.pieces[n-1].kernNext = k
						w += k
					}
					sc.pieces = append(sc.pieces, p)
					w += p.w
					wordLen += len(t)
				}
				start = -1
			}
			if nbsp {
				i++
			}
			if i < len(text) && len(sc.pieces) > first {
				end(m.width(face, " ", ts.Size), nbsp)
			} else if nbsp && len(out) > 0 && len(sc.pieces) == first {
				out[len(out)-1].tied = true // "a \u00a0b": the tie wins
			}
		}
	}
	if len(sc.pieces) > first {
		end(0, false)
	}
	sc.words = out
	return out
}

// takeSoftHyphens returns t without its soft hyphens, and appends their
// offsets in the word's text (t starts at offset base) to sc.shy, each
// once.
func (sc *scratch) takeSoftHyphens(t string, base int) string {
	var b strings.Builder
	for {
		k := strings.Index(t, softHyphen)
		if k < 0 {
			break
		}
		b.WriteString(t[:k])
		off := base + b.Len()
		if n := len(sc.shy); n == 0 || sc.shy[n-1] != off {
			sc.shy = append(sc.shy, off)
		}
		t = t[k+len(softHyphen):]
	}
	b.WriteString(t)
	return b.String()
}

// validText returns s with every byte that is not part of valid UTF-8
// replaced by U+FFFD, as ranging over s reads it.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// line is a set of words placed on one line.
type line struct {
	words []word
	last  bool // last line of its paragraph
	// justified lines come from total-fit breaking: their spaces are set
	// by ratio (see Justification); other lines use natural spaces.
	justified bool
	ratio     float64
	// hyphen says the line ends at a hyphenation point (its last word
	// ends with the added hyphen).
	hyphen bool
	// left and right are how far a justified line hangs into the left
	// and right margins (see Protrusion): its first word starts left
	// before the measure, and, when it is set to the full measure, its
	// last word ends right after it.
	left, right float64
}

// untieLong unties the words of every tied group wider than width: a line
// break between them is better than one across the margin.
func untieLong(ws []word, width float64) {
	for start := 0; start < len(ws); {
		end, w := start, ws[start].w
		for end < len(ws)-1 && ws[end].tied {
			w += ws[end].space + ws[end+1].w
			end++
		}
		if w > width+1e-6 {
			for i := start; i < end; i++ {
				ws[i].tied = false
			}
		}
		start = end + 1
	}
}

// breakLines fills lines of the given width greedily.
func (m measurer) breakLines(ws []word, width, size, minShrink float64) []line {
	ws = m.splitLong(ws, width, size)
	untieLong(ws, width)
	var lines []line
	start := 0
	for start < len(ws) {
		w := ws[start].w
		spaces := 0.0
		end := start + 1
		for end < len(ws) {
			sp := ws[end-1].space
			if w+ws[end].w+(spaces+sp)*minShrink > width+1e-6 {
				break
			}
			spaces += sp
			w += ws[end].w
			end++
		}
		if end < len(ws) {
			// Not between tied words: back off to the last untied space.
			k := end
			for k > start+1 && ws[k-1].tied {
				k--
			}
			if !ws[k-1].tied {
				end = k
			}
		}
		lines = append(lines, line{words: ws[start:end]})
		start = end
	}
	if len(lines) > 0 {
		lines[len(lines)-1].last = true
	}
	return lines
}

// splitLong cuts words wider than width into pieces that fit; size is
// the text size.
func (m measurer) splitLong(ws []word, width, size float64) []word {
	if !slices.ContainsFunc(ws, func(w word) bool { return w.w > width }) {
		return ws
	}
	var out []word
	for _, w := range ws {
		if w.w <= width {
			out = append(out, w)
			continue
		}
		out = append(out, m.cutWord(w, width, size)...)
	}
	return out
}

// cutWord cuts one over-long word into chunks no wider than width,
// preferring to cut after URL punctuation. Chunks other than the last have
// no space after them.
func (m measurer) cutWord(w word, width, textSize float64) []word {
	type ch struct {
		r    rune
		face fonts.Face
		url  string
		// w is the character's advance and its kerning with the next
		// character of its run, kern that kerning.
		w, kern    float64
		note       int
		size, rise float64
		lang       string
	}
	var chars []ch
	for _, p := range w.pieces {
		size := p.sizeIn(textSize)
		f := m.fam.Face(p.face)
		for i := 0; i < len(p.text); {
			r, n := utf8.DecodeRuneInString(p.text[i:])
			i += n
			k := p.kernNext
			if i < len(p.text) {
				next, _ := utf8.DecodeRuneInString(p.text[i:])
				k = m.kernPair(p.face, r, next, size)
			}
			chars = append(chars, ch{r, p.face, p.url, float64(f.Advance(r))*size/1000 + k, k, p.note, p.size, p.rise, p.lang})
		}
	}
	var out []word
	start := 0
	for start < len(chars) {
		acc, end, lastBreak := 0.0, start, -1
		// A chunk is drawn without the kerning of its last character
		// with the next chunk's first.
		for end < len(chars) && acc+chars[end].w-chars[end].kern <= width+1e-6 {
			acc += chars[end].w
			if strings.ContainsRune("/.-?&=_", chars[end].r) {
				lastBreak = end + 1
			}
			end++
		}
		if end < len(chars) && lastBreak > start {
			end = lastBreak
		}
		if end == start { // a single character wider than the line
			end = start + 1
		}
		var nw word
		for i := start; i < end; i++ {
			c := chars[i]
			n := len(nw.pieces)
			cp := piece{text: string(c.r), face: c.face, url: c.url, w: c.w, kernNext: c.kern, note: c.note, size: c.size, rise: c.rise, lang: c.lang}
			if n > 0 && sameRun(nw.pieces[n-1], cp) && nw.pieces[n-1].lang == cp.lang {
				nw.pieces[n-1].text += cp.text
				nw.pieces[n-1].w += cp.w
				nw.pieces[n-1].kernNext = cp.kernNext
			} else {
				nw.pieces = append(nw.pieces, cp)
			}
			nw.w += c.w
		}
		if end < len(chars) {
			last := &nw.pieces[len(nw.pieces)-1]
			last.w -= last.kernNext
			nw.w -= last.kernNext
			last.kernNext = 0
		}
		start = end
		if start == len(chars) {
			nw.space, nw.tied = w.space, w.tied
		}
		out = append(out, nw)
	}
	return out
}

// place positions the words of a line between x0 and x0+width on the
// baseline y, returning text runs and link areas. Link areas of
// consecutive words of the same link are merged, spaces included.
func placeLine(ln line, x0, width, baseline, size, linkTop, linkHeight float64, ts TextStyle, js Justification, linkColor display.Color, elem display.Elem) ([]display.Text, []display.Link) {
	natural := 0.0
	spaces := 0.0
	for i, w := range ln.words {
		natural += w.w
		if i < len(ln.words)-1 {
			spaces += w.space
		}
	}
	scale := 1.0
	e := 0.0    // the glyphs' expansion
	grow := 1.0 // and their width, expanded
	x := x0
	switch {
	case ln.justified:
		scale, e, _ = lineSetting(ln, width, js)
		grow = 1 + e
		x = x0 - ln.left*grow
	case ts.Align == Justify && !ln.last && spaces > 0:
		scale = (width - natural) / spaces
	case natural+spaces > width && spaces > 0:
		// A last line filled with shrunk spaces stays shrunk.
		scale = (width - natural) / spaces
	case ts.Align == Center:
		x = x0 + (width-natural-spaces)/2
	case ts.Align == Right:
		x = x0 + width - natural - spaces
	}
	var texts []display.Text
	var links []display.Link
	n := 0
	for _, w := range ln.words {
		n += len(w.pieces)
	}
	if n > 0 {
		texts = make([]display.Text, 0, n)
	}
	for i, w := range ln.words {
		for _, p := range w.pieces {
			url, dest := p.url, ""
			if d, ok := strings.CutPrefix(url, DestPrefix); ok {
				url, dest = "", d
			}
			color := ts.Color
			if url != "" {
				color = linkColor
			}
			tx := display.Text{X: x, Y: baseline, Face: p.face, Size: size, Color: color, Text: p.text, Elem: elem, Expand: e}
			if p.size > 0 {
				tx.Size, tx.Y = p.size, baseline-p.rise
			}
			texts = append(texts, tx)
			if p.url != "" {
				n := len(links)
				if n > 0 && links[n-1].URL == url && links[n-1].Dest == dest && links[n-1].X+links[n-1].W >= x-0.01-w.space*scale-1e-6 && i > 0 {
					links[n-1].W = x + p.w*grow - links[n-1].X
					links[n-1].To = int32(len(texts))
				} else {
					links = append(links, display.Link{X: x, Y: linkTop, W: p.w * grow, H: linkHeight, URL: url, Dest: dest, Elem: elem,
						From: int32(len(texts) - 1), To: int32(len(texts))})
				}
			}
			x += p.w * grow
		}
		if i < len(ln.words)-1 {
			x += w.space * scale
		}
	}
	return texts, links
}

// foreignRuns returns the stretches of the runs placeLine makes of line
// ln whose language is not lang (the element's): one Foreign for
// consecutive runs of one language.
func foreignRuns(ln line, lang string) []display.Foreign {
	var out []display.Foreign
	k := int32(0)
	for _, w := range ln.words {
		for _, p := range w.pieces {
			if p.lang != "" && p.lang != lang {
				if n := len(out); n > 0 && out[n-1].To == k && out[n-1].Lang == p.lang {
					out[n-1].To++
				} else {
					out = append(out, display.Foreign{From: k, To: k + 1, Lang: p.lang})
				}
			}
			k++
		}
	}
	return out
}

// lineSetting returns how justified line ln is set: the width of its
// spaces as a multiple of their natural width, the expansion of its
// glyphs (0 for none; see Expansion), and whether it is too loose to
// justify and set flush left instead (scale 1, no expansion).
//
// Without expansion the spaces follow the line's adjustment ratio. With
// it, the glyphs are expanded by the ratio's share, a multiple of the
// step, and the spaces take exactly what is left of the measure, the
// hanging characters hanging by their expanded widths: the rounding of
// the expansion goes into the spaces. A paragraph's last line is set at
// natural spacing, unexpanded, unless it fills the measure by shrinking:
// then it shrinks as the lines above it do, spaces and glyphs.
func lineSetting(ln line, width float64, js Justification) (scale, expand float64, loose bool) {
	scale = spaceScale(ln.ratio, js)
	if js.Expand.on() && (!ln.last || ln.ratio < 0) {
		natural, spaces := 0.0, 0.0
		for i, w := range ln.words {
			natural += w.w
			if i < len(ln.words)-1 {
				spaces += w.space
			}
		}
		expand = js.Expand.factor(ln.ratio)
		grow := 1 + expand
		if spaces > 0 {
			scale = (width + (ln.left+ln.right-natural)*grow) / spaces
		}
	}
	if scale > js.MaxSpace && !ln.last {
		return 1, 0, true // hopelessly loose: set the line flush left instead
	}
	return scale, expand, false
}

// spaceScale is the width of a justified line's spaces as a multiple of
// their natural width, for adjustment ratio r.
func spaceScale(r float64, js Justification) float64 {
	if r >= 0 {
		return 1 + r*js.Stretch
	}
	return 1 + r*js.Shrink
}
