package fonts

import (
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
