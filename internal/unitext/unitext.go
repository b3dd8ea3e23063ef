// Package unitext decides which characters a report's text may hold: it
// normalises text to NFC and refuses what reportgen cannot set or what a
// reader could not see — control and invisible formatting characters
// (bidirectional overrides among them), scripts written right to left or
// needing shaping, and combining marks left over after normalisation,
// which the PDF writer would draw beside their letter.
package unitext

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// NFC returns s in Unicode normalisation form C: "й" typed as "и" and a
// combining breve becomes the one character "й", which the fonts draw.
func NFC(s string) string {
	if startersOnly(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// starterRanges are the characters, of the scripts the reports are in
// (Latin, Cyrillic) and their punctuation, that have no decomposition and
// combine with nothing before them: a text of them alone is in NFC
// without looking further. TestStarterRanges checks them against norm.
var starterRanges = [...][2]rune{
	{0, 0x2FF},       // Basic Latin to Spacing Modifier Letters
	{0x400, 0x482},   // Cyrillic letters and the thousands sign
	{0x48A, 0x52F},   // Cyrillic letters, Cyrillic Supplement
	{0x2010, 0x205E}, // General Punctuation: dashes, quotes, ellipsis …
	{0x20A0, 0x20C0}, // Currency Symbols
	{0x2116, 0x2116}, // numero sign
	{0x2212, 0x2212}, // minus sign
}

// startersOnly reports whether every character of s is in starterRanges,
// so s is in NFC: norm's quick check, cheaper for the common case.
func startersOnly(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		i += n
		ok := false
		for _, rg := range starterRanges {
			if r < rg[0] {
				break
			}
			if r <= rg[1] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Problem is a character text may not hold.
type Problem struct {
	// Offset is the byte offset of the character in the text checked.
	Offset int
	Rune   rune
	// Msg says what is wrong, naming the character.
	Msg string
}

// Check returns the first character of s that a report may not hold.
// Tabs and line breaks are allowed (they are spaces to the typesetter),
// and so are the no-break space, the soft hyphen and the thin and narrow
// no-break spaces. s need not be normalised: a combining mark is refused
// only when NFC cannot compose it with the letter before it.
func Check(s string) (Problem, bool) {
	base := -1 // offset of the last character that is not a mark
	for i, r := range s {
		if plain(r) {
			base = i
			continue
		}
		if msg := refused(r); msg != "" {
			return Problem{i, r, msg}, true
		}
		if !unicode.In(r, unicode.Mn, unicode.Me) {
			base = i
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if base < 0 || containsRune(NFC(s[base:i+size]), r) {
			what := "at the start of the text"
			if base >= 0 {
				b, _ := utf8.DecodeRuneInString(s[base:])
				what = fmt.Sprintf("after %q", b)
			}
			return Problem{i, r, fmt.Sprintf("%s %s has no precomposed form; reportgen cannot place it: use the composed letter or remove the mark", Name(r), what)}, true
		}
	}
	return Problem{}, false
}

// plain reports whether r is a character of the scripts most text is
// in that is neither refused nor a combining mark: printable ASCII,
// Latin-1 and Latin Extended letters and signs, Cyrillic letters.
func plain(r rune) bool {
	return r >= 0x20 && r < 0x7f || r >= 0xa0 && r <= 0x24f && r != 0xad ||
		r >= 0x400 && r <= 0x482 || r >= 0x48a && r <= 0x52f
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// Visible reports whether s has a character a reader sees: one that is
// neither a space nor an invisible formatting or control character.
func Visible(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.In(r, unicode.Zs, unicode.Cc, unicode.Cf, unicode.Mn, unicode.Me) {
			return true
		}
	}
	return false
}

// refused returns why r may not be in a text, or "".
func refused(r rune) string {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return ""
	case r == '\u00ad': // soft hyphen: a hyphenation point
		return ""
	case isBidiControl(r):
		return fmt.Sprintf("%s is a bidirectional control character, which can reorder or hide text; remove it", Name(r))
	case unicode.Is(unicode.Cc, r):
		return fmt.Sprintf("%s is a control character; remove it", Name(r))
	case r == '\ufeff':
		return fmt.Sprintf("%s (a byte order mark) is an invisible character; remove it", Name(r))
	case unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp):
		return fmt.Sprintf("%s is an invisible formatting character; remove it", Name(r))
	case unicode.Is(unicode.Co, r) || unicode.Is(unicode.Noncharacter_Code_Point, r):
		return fmt.Sprintf("%s is not a character a font draws; remove it", Name(r))
	}
	for _, s := range unsupported {
		if unicode.Is(s.table, r) {
			return fmt.Sprintf("%s: reportgen cannot set %s text, %s", Name(r), s.name, s.why)
		}
	}
	return ""
}

func isBidiControl(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

const (
	rtl     = "which is written right to left"
	shaping = "whose letters must be shaped"
)

// unsupported are the scripts reportgen cannot set: its line breaker and
// the PDF writer set text left to right, one glyph per character.
var unsupported = []struct {
	table     *unicode.RangeTable
	name, why string
}{
	{unicode.Arabic, "Arabic", rtl}, {unicode.Hebrew, "Hebrew", rtl}, {unicode.Syriac, "Syriac", rtl},
	{unicode.Thaana, "Thaana", rtl}, {unicode.Nko, "N'Ko", rtl}, {unicode.Samaritan, "Samaritan", rtl},
	{unicode.Mandaic, "Mandaic", rtl}, {unicode.Adlam, "Adlam", rtl}, {unicode.Hanifi_Rohingya, "Hanifi Rohingya", rtl},
	{unicode.Yezidi, "Yezidi", rtl}, {unicode.Imperial_Aramaic, "Aramaic", rtl}, {unicode.Phoenician, "Phoenician", rtl},
	{unicode.Devanagari, "Devanagari", shaping}, {unicode.Bengali, "Bengali", shaping}, {unicode.Gurmukhi, "Gurmukhi", shaping},
	{unicode.Gujarati, "Gujarati", shaping}, {unicode.Oriya, "Oriya", shaping}, {unicode.Tamil, "Tamil", shaping},
	{unicode.Telugu, "Telugu", shaping}, {unicode.Kannada, "Kannada", shaping}, {unicode.Malayalam, "Malayalam", shaping},
	{unicode.Sinhala, "Sinhala", shaping}, {unicode.Thai, "Thai", shaping}, {unicode.Lao, "Lao", shaping},
	{unicode.Tibetan, "Tibetan", shaping}, {unicode.Myanmar, "Myanmar", shaping}, {unicode.Khmer, "Khmer", shaping},
	{unicode.Mongolian, "Mongolian", shaping}, {unicode.Javanese, "Javanese", shaping}, {unicode.Balinese, "Balinese", shaping},
	{unicode.Tai_Tham, "Tai Tham", shaping}, {unicode.Tifinagh, "Tifinagh", shaping},
}

// Name returns the code point and Unicode name of r, such as "U+202E
// RIGHT-TO-LEFT OVERRIDE"; control characters, which have no name, by
// their alias.
func Name(r rune) string {
	name := runenames.Name(r)
	if alias, ok := controlNames[r]; ok {
		name = alias
	}
	switch name {
	case "", "<control>":
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

var controlNames = map[rune]string{
	0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0b: "LINE TABULATION", 0x0c: "FORM FEED",
	0x1b: "ESCAPE", 0x7f: "DELETE", 0x85: "NEXT LINE",
}
