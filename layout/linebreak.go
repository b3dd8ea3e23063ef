package layout

import (
	"strings"

	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/markup"
)

// This file breaks a paragraph of styled spans into lines.
//
// A paragraph is first cut into words: maximal runs of non-space
// characters, each a list of pieces in one face (a word can change style
// inside, as in "*safe*."). Lines are then filled greedily: a word joins
// the line when it fits with the word spaces shrunk to at most
// Style.MinSpaceShrink of their natural width. Justified lines then spread
// the remaining width over their spaces; the last line stays ragged.
//
// A word wider than the whole line (a long URL) is cut after "/", ".",
// "-", "?", "&", "=" or "_" where possible, else between any two
// characters, so that nothing ever crosses the right margin.

// piece is part of a word in one face, possibly part of a link.
type piece struct {
	text string
	face fonts.Face
	url  string
	w    float64
}

// word is an unbreakable unit followed by a space (or the paragraph end).
type word struct {
	pieces []piece
	w      float64
	// space is the natural width of the space after the word.
	space float64
}

// Align is the horizontal alignment of a paragraph's lines.
type Align uint8

// The alignments.
const (
	Justify Align = iota
	Left
	Center
)

// textStyle is how a paragraph is set.
type textStyle struct {
	size    float64
	leading float64
	// face is added to every span's own style (bold for a heading).
	face  fonts.Face
	color Color
	align Align
	// draft marks every line with a bar in the margin (untranslated text).
	draft bool
}

// measurer measures text in the family's faces at one size.
type measurer struct {
	fam *fonts.Family
}

func (m measurer) width(face fonts.Face, s string, size float64) float64 {
	return float64(m.fam.Face(face).Width(s)) * size / 1000
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

// words cuts spans into words.
func (m measurer) words(spans []markup.Span, ts textStyle) []word {
	var out []word
	var cur word
	var buf strings.Builder
	var bufFace fonts.Face
	var bufURL string
	flushPiece := func() {
		if buf.Len() == 0 {
			return
		}
		p := piece{text: buf.String(), face: bufFace, url: bufURL}
		p.w = m.width(p.face, p.text, ts.size)
		cur.pieces = append(cur.pieces, p)
		cur.w += p.w
		buf.Reset()
	}
	for _, sp := range spans {
		face := fonts.FaceOf(sp.Style&markup.Bold != 0 || ts.face&fonts.Bold != 0, sp.Style&markup.Italic != 0 || ts.face&fonts.Italic != 0)
		for _, r := range sp.Text {
			if isSpace(r) {
				flushPiece()
				if len(cur.pieces) > 0 {
					cur.space = m.width(face, " ", ts.size)
					out = append(out, cur)
					cur = word{}
				}
				continue
			}
			if buf.Len() > 0 && (face != bufFace || sp.URL != bufURL) {
				flushPiece()
			}
			bufFace, bufURL = face, sp.URL
			buf.WriteRune(r)
		}
		flushPiece()
	}
	flushPiece()
	if len(cur.pieces) > 0 {
		out = append(out, cur)
	}
	return out
}

// line is a set of words placed on one line.
type line struct {
	words []word
	last  bool // last line of its paragraph
	// justified lines come from total-fit breaking: their spaces are set
	// by ratio (see JustifyStyle); other lines use natural spaces.
	justified bool
	ratio     float64
	// hyphen says the line ends at a hyphenation point (its last word
	// ends with the added hyphen).
	hyphen bool
}

// breakLines fills lines of the given width greedily.
func (m measurer) breakLines(ws []word, width float64, minShrink float64) []line {
	ws = m.splitLong(ws, width)
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
		lines = append(lines, line{words: ws[start:end]})
		start = end
	}
	if len(lines) > 0 {
		lines[len(lines)-1].last = true
	}
	return lines
}

// splitLong cuts words wider than width into pieces that fit.
func (m measurer) splitLong(ws []word, width float64) []word {
	var out []word
	for _, w := range ws {
		if w.w <= width {
			out = append(out, w)
			continue
		}
		out = append(out, m.cutWord(w, width)...)
	}
	return out
}

// cutWord cuts one over-long word into chunks no wider than width,
// preferring to cut after URL punctuation. Chunks other than the last have
// no space after them.
func (m measurer) cutWord(w word, width float64) []word {
	type ch struct {
		r    rune
		face fonts.Face
		url  string
		w    float64
	}
	var chars []ch
	for _, p := range w.pieces {
		size := 0.0
		if p.text != "" {
			size = p.w / float64(m.fam.Face(p.face).Width(p.text))
		}
		for _, r := range p.text {
			chars = append(chars, ch{r, p.face, p.url, float64(m.fam.Face(p.face).Advance(r)) * size})
		}
	}
	var out []word
	start := 0
	for start < len(chars) {
		acc, end, lastBreak := 0.0, start, -1
		for end < len(chars) && acc+chars[end].w <= width+1e-6 {
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
			if n > 0 && nw.pieces[n-1].face == c.face && nw.pieces[n-1].url == c.url {
				nw.pieces[n-1].text += string(c.r)
				nw.pieces[n-1].w += c.w
			} else {
				nw.pieces = append(nw.pieces, piece{text: string(c.r), face: c.face, url: c.url, w: c.w})
			}
			nw.w += c.w
		}
		start = end
		if start == len(chars) {
			nw.space = w.space
		}
		out = append(out, nw)
	}
	return out
}

// place positions the words of a line between x0 and x0+width on the
// baseline y, returning text runs and link areas. Link areas of
// consecutive words of the same link are merged, spaces included.
func placeLine(ln line, x0, width, baseline, size, linkTop, linkHeight float64, ts textStyle, js JustifyStyle, linkColor Color) ([]Text, []Link) {
	natural := 0.0
	spaces := 0.0
	for i, w := range ln.words {
		natural += w.w
		if i < len(ln.words)-1 {
			spaces += w.space
		}
	}
	scale := 1.0
	x := x0
	switch {
	case ln.justified:
		scale = spaceScale(ln.ratio, js)
		if scale > js.MaxSpace && !ln.last {
			scale = 1 // hopelessly loose: set the line flush left instead
		}
	case ts.align == Justify && !ln.last && spaces > 0:
		scale = (width - natural) / spaces
	case natural+spaces > width && spaces > 0:
		// A last line filled with shrunk spaces stays shrunk.
		scale = (width - natural) / spaces
	case ts.align == Center:
		x = x0 + (width-natural-spaces)/2
	}
	var texts []Text
	var links []Link
	for i, w := range ln.words {
		for _, p := range w.pieces {
			color := ts.color
			if p.url != "" && !strings.HasPrefix(p.url, "#") {
				color = linkColor
			}
			texts = append(texts, Text{X: x, Y: baseline, Face: p.face, Size: size, Color: color, Text: p.text})
			if p.url != "" {
				n := len(links)
				if n > 0 && links[n-1].URL == p.url && links[n-1].X+links[n-1].W >= x-0.01-w.space*scale-1e-6 && i > 0 {
					links[n-1].W = x + p.w - links[n-1].X
				} else {
					links = append(links, Link{X: x, Y: linkTop, W: p.w, H: linkHeight, URL: p.url})
				}
			}
			x += p.w
		}
		if i < len(ln.words)-1 {
			x += w.space * scale
		}
	}
	return texts, links
}

// spaceScale is the width of a justified line's spaces as a multiple of
// their natural width, for adjustment ratio r.
func spaceScale(r float64, js JustifyStyle) float64 {
	if r >= 0 {
		return 1 + r*js.Stretch
	}
	return 1 + r*js.Shrink
}
