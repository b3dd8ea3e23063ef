package translate

import (
	"strings"

	"github.com/reportgen/reportgen/diag"
)

func diagString(l diag.List) string {
	var s []string
	for _, d := range l {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}
