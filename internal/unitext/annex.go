package unitext

import (
	"regexp"
	"strings"
)

// annexNumberRE matches an annex number typed in text, in the languages
// reportgen ships: "Annex 14", "Annexes 3", "annexe 2", «Приложение 14»,
// «приложении № 3».
var annexNumberRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])((?:annex(?:e|es)?|приложени[еяюий]|приложениях)[\x{00a0}\x{202f} ]+(?:№[\x{00a0}\x{202f} ]*)?[0-9]+)`)

// TypedAnnexNumber returns the byte offset and text of the first annex
// number typed in s, or -1: annex numbers are generated from the
// references, so one typed goes stale when the order changes.
func TypedAnnexNumber(s string) (int, string) {
	// Most texts have no such word: the expression runs only on those
	// that might.
	if !strings.Contains(s, "nnex") && !strings.Contains(s, "NNEX") && !strings.Contains(s, "риложени") && !strings.Contains(s, "РИЛОЖЕНИ") {
		return -1, ""
	}
	loc := annexNumberRE.FindStringSubmatchIndex(s)
	if loc == nil {
		return -1, ""
	}
	return loc[2], s[loc[2]:loc[3]]
}
