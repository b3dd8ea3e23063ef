package unitext

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		in  string
		off int
		msg string
	}{
		{in: "Plain, «quoted» — 28\u00a0января; soft\u00adhyphen, thin\u2009and\u202fnarrow.\tTab\nline"},
		{in: "й typed as и\u0306"},
		{in: "Ms. \u202eHeld", off: 4, msg: "U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control character, which can reorder or hide text; remove it"},
		{in: "a\u2066b", off: 1, msg: "U+2066 LEFT-TO-RIGHT ISOLATE is a bidirectional control character, which can reorder or hide text; remove it"},
		{in: "bell\a", off: 4, msg: "U+0007 BELL is a control character; remove it"},
		{in: "\x1b[31m", off: 0, msg: "U+001B ESCAPE is a control character; remove it"},
		{in: "x\x7f", off: 1, msg: "U+007F DELETE is a control character; remove it"},
		{in: "x\u0085", off: 1, msg: "U+0085 NEXT LINE is a control character; remove it"},
		{in: "x\ufeffy", off: 1, msg: "U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark) is an invisible character; remove it"},
		{in: "x\u200by", off: 1, msg: "U+200B ZERO WIDTH SPACE is an invisible formatting character; remove it"},
		{in: "Hi مرحبا", off: 3, msg: "U+0645 ARABIC LETTER MEEM: reportgen cannot set Arabic text, which is written right to left"},
		{in: "नमस्ते", off: 0, msg: "U+0928 DEVANAGARI LETTER NA: reportgen cannot set Devanagari text, whose letters must be shaped"},
		{in: "уда\u0301рение", off: 6, msg: "U+0301 COMBINING ACUTE ACCENT after 'а' has no precomposed form; reportgen cannot place it: use the composed letter or remove the mark"},
	} {
		p, bad := Check(c.in)
		if bad != (c.msg != "") || bad && (p.Offset != c.off || p.Msg != c.msg) {
			t.Errorf("Check(%q) = %d %q, %v; want %d %q", c.in, p.Offset, p.Msg, bad, c.off, c.msg)
		}
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]bool{"": false, " \u00a0\u200b\t": false, "\u00ad": false, "x": true, " «» ": true} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %v", in, got)
		}
	}
	if got := NFC("и\u0306"); got != "й" {
		t.Errorf("NFC = %q", got)
	}
}

func TestTypedAnnexNumber(t *testing.T) {
	for in, want := range map[string]string{
		"(see Annex 14)":          "Annex 14",
		"see annexes 3 and 4":     "annexes 3",
		"voir l'annexe\u00a02":    "annexe\u00a02",
		"(см. Приложение 14)":     "Приложение 14",
		"в приложении № 3":        "приложении № 3",
		"the annex of the report": "",
		"Annex {{.Number}}":       "",
		"Reannex 4":               "",
	} {
		_, got := TypedAnnexNumber(in)
		if got != want {
			t.Errorf("TypedAnnexNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every character of starterRanges starts a segment of its own (canonical
// combining class 0, combining with nothing before it) and is in NFC, so a
// text of them alone is: what startersOnly assumes.
func TestStarterRanges(t *testing.T) {
	last := rune(-1)
	for _, rg := range starterRanges {
		if rg[0] <= last || rg[1] < rg[0] {
			t.Fatalf("range %U–%U: ranges must be sorted and apart", rg[0], rg[1])
		}
		last = rg[1]
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			p := norm.NFC.PropertiesString(s)
			if p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(s) {
				t.Errorf("%U: ccc %d, boundary before %v, NFC %v", r, p.CCC(), p.BoundaryBefore(), norm.NFC.IsNormalString(s))
			}
		}
	}
	for _, s := range []string{"", "plain", "Вступительное слово «текст» — 5 €", "й", "e\u0301", "\u2000", "\u0340", "日本"} {
		if got, want := startersOnly(s), norm.NFC.IsNormalString(s); got && !want {
			t.Errorf("startersOnly(%q) = true, not NFC", s)
		}
		if NFC(s) != norm.NFC.String(s) {
			t.Errorf("NFC(%q) = %q", s, NFC(s))
		}
	}
	if startersOnly("e\u0301") || startersOnly("\xff") {
		t.Error("startersOnly lets a combining mark or invalid UTF-8 through")
	}
}
