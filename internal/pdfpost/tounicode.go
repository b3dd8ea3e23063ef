package pdfpost

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf16"
)

// fpdfToUnicode is the ToUnicode CMap fpdf (v0.12) writes for every
// UTF-8 font: one bfrange from <0000> to <FFFF>, which breaks the rule
// that a range's start and end differ in the last byte only (ISO 32000-1
// 9.10.3); its codes are the characters' code points (CID = code point,
// Identity-H).
const fpdfToUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// fpdfToUnicodeObj is the body of the stream object fpdf writes it in.
var fpdfToUnicodeObj = fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(fpdfToUnicode), fpdfToUnicode)

// ToUnicode is a ToUnicode CMap for fpdf's UTF-8 fonts that maps the
// code of each of runes (sorted, without repeats) to that character:
// runs of consecutive characters that share their first byte as
// bfranges, the others as bfchars, at most 100 to a section. Characters
// outside the Basic Multilingual Plane and surrogates, which fpdf's
// two-byte codes cannot show, are left out.
func ToUnicode(runes []rune) []byte {
	type span struct{ lo, hi rune }
	var ranges, chars []span
	for i := 0; i < len(runes); {
		r := runes[i]
		if r < 0 || r > 0xFFFF || r >= 0xD800 && r <= 0xDFFF {
			i++
			continue
		}
		j := i + 1
		for j < len(runes) && runes[j] == runes[j-1]+1 && runes[j]>>8 == r>>8 && !(runes[j] >= 0xD800 && runes[j] <= 0xDFFF) {
			j++
		}
		if j-i > 1 {
			ranges = append(ranges, span{r, runes[j-1]})
		} else {
			chars = append(chars, span{r, r})
		}
		i = j
	}
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for k := 0; k < len(chars); k += 100 {
		part := chars[k:min(k+100, len(chars))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(part))
		for _, c := range part {
			fmt.Fprintf(&b, "<%04X> <%s>\n", c.lo, utf16Hex(c.lo))
		}
		b.WriteString("endbfchar\n")
	}
	for k := 0; k < len(ranges); k += 100 {
		part := ranges[k:min(k+100, len(ranges))]
		fmt.Fprintf(&b, "%d beginbfrange\n", len(part))
		for _, c := range part {
			fmt.Fprintf(&b, "<%04X> <%04X> <%s>\n", c.lo, c.hi, utf16Hex(c.lo))
		}
		b.WriteString("endbfrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}

// utf16Hex is r in UTF-16BE, in hex.
func utf16Hex(r rune) string {
	b := make([]byte, 0, 8)
	switch {
	case r >= 0x10000 && r <= unicode.MaxRune:
		r1, r2 := utf16.EncodeRune(r)
		b = appendHex4(appendHex4(b, uint16(r1)), uint16(r2))
	case r < 0 || r > 0xFFFF || utf16.IsSurrogate(r):
		b = appendHex4(b, unicode.ReplacementChar)
	default:
		b = appendHex4(b, uint16(r))
	}
	return string(b)
}

// appendHex4 appends u as four upper-case hexadecimal digits.
func appendHex4(b []byte, u uint16) []byte {
	const digits = "0123456789ABCDEF"
	return append(b, digits[u>>12], digits[u>>8&15], digits[u>>4&15], digits[u&15])
}

// The starts of the objects of fpdf's UTF-8 fonts that name the font:
// the Type0 font, its descendant CIDFont and the font descriptor.
var fontNamePrefixes = [][]byte{
	[]byte("<</Type /Font\n/Subtype /Type0\n/BaseFont /"),
	[]byte("<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /"),
	[]byte("<</Type /FontDescriptor /FontName /"),
}

// subsetNameAt is where the font name starts in an object body of
// fpdf's UTF-8 fonts that names the font; 0 for other objects.
func subsetNameAt(body []byte) int {
	for _, p := range fontNamePrefixes {
		if bytes.HasPrefix(body, p) {
			return len(p)
		}
	}
	return 0
}

// subsetTag is the tag of a subset font (ISO 32000-1 9.6.4: six capital
// letters and a plus sign) for the font whose name starts rest: derived
// from the name and the characters shown, so that the same font and text
// get the same tag and all objects of one font agree.
func subsetTag(rest []byte, runes []rune) string {
	end := bytes.IndexAny(rest, " \n/>")
	if end < 0 {
		end = len(rest)
	}
	h := sha256.New()
	h.Write(rest[:end])
	buf := make([]byte, 0, 8*len(runes))
	for _, r := range runes {
		buf = append(strconv.AppendInt(buf, int64(r), 16), ',')
	}
	h.Write(buf)
	sum := h.Sum(nil)
	tag := make([]byte, 7)
	for i := range 6 {
		tag[i] = 'A' + sum[i]%26
	}
	tag[6] = '+'
	return string(tag)
}
