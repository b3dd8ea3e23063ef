package fonts

import (
	"bytes"
	"fmt"
	"os"

	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// required lists what every shipped language needs drawn: Cyrillic with
// the Kazakh letters, Turkish, Azerbaijani, quotes and dashes.
const required = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя" +
	"ӘҒҚҢӨҰҮҺІәғқңөұүһі" + "ŞşĞğıİÇçÖöÜü" + "Əə" + "«»“”„‘’–—№€…•·"

func TestCoverage(t *testing.T) {
	fam, err := Load(Embedded(), NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	for f := Regular; f <= BoldItalic; f++ {
		if miss := fam.Face(f).Missing(required); len(miss) > 0 {
			t.Errorf("%s lacks %q", f, string(miss))
		}
	}
	if miss := fam.Face(Regular).Missing("a☃b"); string(miss) != "☃" {
		t.Errorf("Missing found %q, want ☃", string(miss))
	}
}

// TestWidthsMatchFpdf checks every width against fpdf's own measure, the
// one it writes into the PDF, so a measured line is drawn at its width.
func TestWidthsMatchFpdf(t *testing.T) {
	fam, err := Load(Embedded(), NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "pt", "A4", "")
	for f := Regular; f <= BoldItalic; f++ {
		pdf.AddUTF8FontFromBytes("N", f.Style(), fam.Face(f).Data)
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	text := required + "The quick brown fox jumps over the lazy dog 0123456789 ,.;:!?()[]/-"
	for f := Regular; f <= BoldItalic; f++ {
		pdf.SetFont("N", f.Style(), 1000)
		for _, r := range text {
			if got, want := fam.Face(f).Advance(r), pdf.GetStringSymbolWidth(string(r)); got != want {
				t.Errorf("%s %q: width %d, fpdf %d", f, r, got, want)
			}
		}
	}
}

func TestParseRefusesOtherFormats(t *testing.T) {
	for _, tt := range []struct {
		data []byte
		msg  string
	}{
		{[]byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), "OpenType/CFF"},
		{[]byte("ttcf\x00\x00\x00\x00\x00\x00\x00\x00"), "collections"},
		{[]byte("hello world, not a font"), "not a TrueType font"},
		{nil, "too short"},
		{append([]byte("\x00\x01\x00\x00"), make([]byte, 40)...), "x.ttf: not a readable TrueType font: the file is damaged or incomplete"},
	} {
		_, err := Parse("x.ttf", tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Parse(%q) = %v, want %q", tt.data[:min(8, len(tt.data))], err, tt.msg)
		}
	}
}

func TestLicenceShipped(t *testing.T) {
	data, err := os.ReadFile("OFL.txt")
	if err != nil || !strings.Contains(string(data), "SIL OPEN FONT LICENSE Version 1.1") {
		t.Errorf("OFL.txt missing or wrong: %v", err)
	}
}

// TestKern checks pairs against the fonts' GPOS tables as fonttools reads
// them (ttx -t GPOS; a pair of class 0 or without a record is 0).
func TestKern(t *testing.T) {
	fam, err := Load(Embedded(), NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		face Face
		pair string
		want int
	}{
		{Regular, "To", -70},
		{Regular, "AV", -40},
		{Regular, "Та", -80},
		{Regular, "Ty", -20},
		{Regular, "r.", -160},
		{Regular, "y.", -40},
		{Regular, "ГД", -50},
		{Regular, "Го", -70},
		{Regular, "W.", -50},
		{Regular, "f)", 40},
		{Regular, "ab", 0},
		{Regular, ", ", 0},
		{Bold, "r.", -100},
		{Bold, "Та", -80},
		{Italic, "AV", -10},
		{Italic, "Та", 0},
		{Italic, "LT", -40},
		{BoldItalic, "r.", -110},
	}
	for _, c := range cases {
		rs := []rune(c.pair)
		if got := fam.Face(c.face).Kern(rs[0], rs[1]); got != c.want {
			t.Errorf("%s %q: kern %d, want %d", c.face, c.pair, got, c.want)
		}
	}
	f := fam.Face(Regular)
	if pairs, err := f.Kerning(); err != nil || pairs < 10000 {
		t.Errorf("Kerning() = %d, %v", pairs, err)
	}
	if got, want := f.KernedWidth("Tower."), f.Width("Tower.")-70-20-160; got != want { // To, ow, r.
		t.Errorf("KernedWidth(Tower.) = %d, want %d", got, want)
	}
	if got, want := f.KernedWidth("Tr."), f.Width("Tr.")+f.Kern('T', 'r')+f.Kern('r', '.'); got != want || f.Kern('T', 'r') >= 0 {
		t.Errorf("KernedWidth(Tr.) = %d, want %d", got, want)
	}
	if got := f.Kern('T', '☃'); got != 0 {
		t.Errorf("kern with a missing character: %d", got)
	}
}

// TestNoKerning checks a font without a GPOS table: widths unkerned.
func TestNoKerning(t *testing.T) {
	data, err := os.ReadFile("NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Clone(data)
	// Rename the table: the font then has none.
	i := bytes.Index(data[:12+16*30], []byte("GPOS"))
	copy(data[i:], "GPOR") // still in order
	f, err := Parse("x.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Kern('T', 'o') != 0 || f.KernedWidth("To") != f.Width("To") {
		t.Error("kerned without a GPOS table")
	}
	if pairs, err := f.Kerning(); pairs != 0 || err != nil {
		t.Errorf("Kerning() = %d, %v", pairs, err)
	}
}

// TestKernPairs checks every pair of the Latin, Cyrillic and punctuation
// characters of testdata/kern-pairs.txt against fontTools' reading of
// the same fonts.
func TestKernPairs(t *testing.T) {
	fam, err := Load(Embedded(), NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/kern-pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	faces := map[string]Face{"Regular": Regular, "Bold": Bold, "Italic": Italic, "BoldItalic": BoldItalic}
	var chars []rune
	want := map[Face]map[[2]rune]int{}
	for _, ln := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(ln, "#") {
			continue
		}
		if chars == nil {
			chars = []rune(ln)
			continue
		}
		// "Face ab -70": the pair may hold a space-less quote or dash.
		face, rest, _ := strings.Cut(ln, " ")
		rs := []rune(rest)
		var v int
		if len(rs) < 4 {
			t.Fatalf("bad line %q", ln)
		}
		if _, err := fmt.Sscan(string(rs[3:]), &v); err != nil {
			t.Fatalf("bad line %q: %v", ln, err)
		}
		f := faces[face]
		if want[f] == nil {
			want[f] = map[[2]rune]int{}
		}
		want[f][[2]rune{rs[0], rs[1]}] = v
	}
	if len(chars) < 140 || len(want) != 4 {
		t.Fatalf("%d characters, %d faces", len(chars), len(want))
	}
	kerned := 0
	for face, pairs := range want {
		f := fam.Face(face)
		for _, a := range chars {
			for _, b := range chars {
				if got := f.Kern(a, b); got != pairs[[2]rune{a, b}] {
					t.Errorf("%s %c%c: kern %d, want %d", face, a, b, got, pairs[[2]rune{a, b}])
				} else if got != 0 {
					kerned++
				}
			}
		}
	}
	t.Logf("%d kerned pairs checked", kerned)
}

// BenchmarkWidth measures words as layout does, without and with
// kerning.
func BenchmarkWidth(b *testing.B) {
	fam, err := Load(Embedded(), NotoSans)
	if err != nil {
		b.Fatal(err)
	}
	f := fam.Face(Regular)
	words := strings.Fields("The Regional Director announced the Regional Strategy for South-Eastern Europe, Eastern Europe, and Central Asia. Таджикистан, Туркменистан и Узбекистан: ГДМ, региональных миграционных тенденций.")
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				f.Width(w)
			}
		}
	})
	b.Run("kerned", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				f.KernedWidth(w)
			}
		}
	})
}
