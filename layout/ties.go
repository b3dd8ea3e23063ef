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
// space before an abbreviation that belongs to a number ("2020 г."), the
// space between a reference word or sign and its number ("Annex 10",
// "Приложение 4.1", "№ 5", "§ 3"), the spaces inside a number written in
// groups of three digits ("140 000"), the space before a spaced dash (no
// line starts with "—"), and, in Russian, the space after a one-letter
// preposition or conjunction ("в регионе", "и Узбекистана"), which Russian
// typography never leaves at a line end. A tied space stretches like any
// other but never breaks a line; a no-break space (U+00A0) in the text
// ties too (see words).

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
	// numbered are words that tie to a number after them ("annex" in
	// "Annex 10"), lower case, matched without regard to case and to an
	// opening bracket or quotation mark before them.
	numbered []string
	// months are the month names a day's number ties to ("31 January",
	// "18 декабря"), lower case, as written after a day.
	months []string
}

// numberedSigns tie to the number after them in every language.
var numberedSigns = []string{"№", "§", "§§"}

// tieRulesFor returns the ties of a language; every language ties
// initials.
func tieRulesFor(lang language.Tag) *tieRules {
	tr := tieRulesOf(lang)
	base, _ := lang.Base()
	tr.months = dayMonths[base.String()]
	return tr
}

// dayMonths are the month names of each language as written after the
// day's number.
var dayMonths = map[string][]string{
	"en": {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}

// tieRulesOf returns the ties of a language but for its months.
func tieRulesOf(lang language.Tag) *tieRules {
	base, _ := lang.Base()
	switch base.String() {
	case "en":
		return newTieRules([]string{"mr.", "mrs.", "ms.", "dr.", "prof.", "no."}, nil, false,
			[]string{"annex", "annexes", "appendix", "chapter", "figure", "table", "page", "p.", "pp.", "paragraph", "para.", "article", "art.", "section", "objective", "goal", "target", "resolution"})
	case "ru":
		return newTieRules(
			[]string{"г-н", "г-на", "г-ну", "г-ном", "г-не", "г-жа", "г-жи", "г-же", "г-жу", "г-жой", "№", "т.", "им."},
			[]string{"г.", "гг.", "млн", "млрд", "тыс.", "%"},
			true,
			[]string{"приложение", "приложения", "приложению", "приложением", "приложении", "приложениях",
				"глава", "главы", "главе", "рис.", "рисунок", "таблица", "таблицы", "таблице", "с.", "стр.", "п.", "пункт", "пункта", "пункте",
				"ст.", "статья", "статьи", "статье", "раздел", "раздела", "разделе", "цель", "цели", "задача", "задачи", "резолюция", "резолюции"})
	case "fr":
		return newTieRules([]string{"m.", "mme", "mmes", "mlle", "n°"}, nil, false,
			[]string{"annexe", "annexes", "chapitre", "figure", "tableau", "page", "p.", "paragraphe", "article", "art.", "section", "objectif", "cible", "résolution"})
	}
	return &tieRules{}
}

func newTieRules(titles, numberAbbrevs []string, oneLetter bool, numbered []string) *tieRules {
	tr := &tieRules{titles: titles, numberAbbrevs: numberAbbrevs, oneLetter: oneLetter, numbered: numbered}
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
	if isDash(b) || digitGroups(a, b) {
		return true
	}
	if len(tr.months) > 0 && isDay(a) {
		m := strings.TrimRight(b, ",.;:)»”’")
		if slices.ContainsFunc(tr.months, func(t string) bool { return strings.EqualFold(t, m) }) {
			return true
		}
	}
	if startsDigit(b) {
		w := strings.TrimLeft(a, "([«„“‘\"'")
		if slices.Contains(numberedSigns, w) || slices.ContainsFunc(tr.numbered, func(t string) bool { return len(t) == len(w) && strings.EqualFold(t, w) }) {
			return true
		}
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

// isDay reports whether w is a day of the month: one or two digits,
// after an opening bracket or a dash of a range ("(31", "–1"), or the
// French "1er".
func isDay(w string) bool {
	w = strings.TrimLeft(w, "([«„“‘–—-")
	w = strings.TrimSuffix(w, "er")
	return (len(w) == 1 || len(w) == 2) && startsDigit(w) && endsDigit(w)
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

// isDash reports whether w is a dash standing alone, as in "region — a":
// the space before it is tied, so that no line starts with a dash (a
// spaced hyphen, a typing slip for a dash, counts too).
func isDash(w string) bool { return w == "—" || w == "–" || w == "-" }

// digitGroups reports whether a and b are groups of a number written in
// groups of three digits ("140 000", "1 500 000"): a ends in a run of one
// to three digits (not a year, "2020 000") not after a full stop or a comma
// (not a decimal, "2,5 000"), and b starts with a run of exactly three.
func digitGroups(a, b string) bool {
	n := 0
	for n < len(a) && isDigit(a[len(a)-1-n]) {
		n++
	}
	if n == 0 || n > 3 || n < len(a) && (a[len(a)-1-n] == '.' || a[len(a)-1-n] == ',') {
		return false
	}
	m := 0
	for m < len(b) && isDigit(b[m]) {
		m++
	}
	return m == 3
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func startsDigit(w string) bool { return w != "" && isDigit(w[0]) }
