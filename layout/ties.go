package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// This file ties words that a reader expects on one line, as a typesetter
// writes TeX's ~ by hand: the space after an initial or an abbreviated
// title ("H.E. Erkin", "Mr. Abidine", "Е. П. Эркин", "г-жа Хельд"), the
// space before an abbreviation that belongs to a number ("2020 г."), and,
// in Russian, the space after a one-letter preposition or conjunction
// ("в регионе", "и Узбекистана"), which Russian typography never leaves at
// a line end. A tied space stretches like any other but never breaks a
// line; a no-break space (U+00A0) in the text ties too (see words).

// tieRules are the ties of one language.
type tieRules struct {
	// titles are words that tie to the next: abbreviated titles and
	// signs ("mr.", "г-жа", "№"), lower case, matched without regard to
	// case; titleMax is the length of the longest, in bytes.
	titles   []string
	titleMax int
	// numberAbbrevs tie to the number before them ("г." in "2020 г.");
	// the word may go on with punctuation ("г.)").
	numberAbbrevs []string
	// oneLetter ties a word of one letter to the next.
	oneLetter bool
}

// tieRulesFor returns the ties of a language; every language ties
// initials.
func tieRulesFor(lang language.Tag) *tieRules {
	base, _ := lang.Base()
	switch base.String() {
	case "en":
		return newTieRules([]string{"mr.", "mrs.", "ms.", "dr.", "prof.", "no."}, nil, false)
	case "ru":
		return newTieRules(
			[]string{"г-н", "г-на", "г-ну", "г-ном", "г-не", "г-жа", "г-жи", "г-же", "г-жу", "г-жой", "№", "т.", "им."},
			[]string{"г.", "гг.", "млн", "млрд", "тыс.", "%"},
			true)
	case "fr":
		return newTieRules([]string{"m.", "mme", "mmes", "mlle", "n°"}, nil, false)
	}
	return &tieRules{}
}

func newTieRules(titles, numberAbbrevs []string, oneLetter bool) *tieRules {
	tr := &tieRules{titles: titles, numberAbbrevs: numberAbbrevs, oneLetter: oneLetter}
	for _, t := range titles {
		tr.titleMax = max(tr.titleMax, len(t))
	}
	return tr
}

// apply ties the words of a paragraph by the rules.
func (tr *tieRules) apply(ws []word) {
	if tr == nil {
		return
	}
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].tied {
			continue
		}
		ws[i].tied = tr.ties(wordText(ws[i]), wordText(ws[i+1]))
	}
}

// ties reports whether the space between the words a and b is tied.
func (tr *tieRules) ties(a, b string) bool {
	if isInitials(a) && startsUpper(b) {
		return true
	}
	// Titles are ASCII or Cyrillic, whose capitals are as long as their
	// small letters.
	if len(a) <= tr.titleMax && slices.ContainsFunc(tr.titles, func(t string) bool { return len(t) == len(a) && strings.EqualFold(t, a) }) {
		return true
	}
	if r, n := utf8.DecodeRuneInString(a); tr.oneLetter && n == len(a) && n > 0 {
		return unicode.IsLetter(r)
	}
	if len(tr.numberAbbrevs) > 0 && endsDigit(a) {
		for _, abbr := range tr.numberAbbrevs {
			if rest, ok := strings.CutPrefix(b, abbr); ok && !startsLetter(rest) {
				return true
			}
		}
	}
	return false
}

// isInitials reports whether w is one or more initials: capital letters
// each followed by a full stop ("E.", "H.E.", "Е.").
func isInitials(w string) bool {
	if w == "" {
		return false
	}
	for w != "" {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || len(w) == n || w[n] != '.' {
			return false
		}
		w = w[n+1:]
	}
	return true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func startsLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsLetter(r)
}

func endsDigit(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return w != "" && unicode.IsDigit(r)
}
