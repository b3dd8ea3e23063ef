package pdfread

import (
	"bytes"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

const fontFile = "../../fonts/NotoSans-Regular.ttf"

// sample is what samplePDF writes, and so what Read must find.
type sample struct {
	pdf   []byte
	runs  [][]Run  // per page, the runs written with Text, in order
	texts []string // per page, Page.Text
	links [][]Link
}

// samplePDF writes a two-page PDF with fpdf the way package render does:
// points, UTF-8 TrueType font, compression, Text runs, bookmarks, links
// and document information.
func samplePDF(t *testing.T) *sample {
	t.Helper()
	font, err := os.ReadFile(fontFile)
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: 595.28, Ht: 841.89},
	})
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	pdf.SetDisplayMode("fullwidth", "single")
	date := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle("Отчёт: квартал №3", true)
	pdf.SetAuthor("Әлия Нұрланқызы", true)
	pdf.SetSubject("R\xe9sum\xe9 (test)", false) // ISO-8859-1 bytes
	pdf.SetCreator("reportgen", true)
	pdf.SetKeywords("отчёт, PDF, İzmir", true)
	pdf.SetProducer("fpdf ğ", true)
	pdf.SetLang("ru")
	pdf.AddUTF8FontFromBytes("noto", "", font)

	s := &sample{}
	var runs []Run
	text := func(x, y float64, size float64, str string) {
		pdf.Text(x, y, str)
		runs = append(runs, Run{X: x, Y: y, Text: str, Size: size, W: pdf.GetStringWidth(str)})
	}

	// Page 1.
	pdf.AddPage()
	pdf.SetFont("noto", "", 12)
	pdf.Bookmark("Глава 1 «Введение»", 0, 40)
	text(50, 60, 12, "Қазақ: әғқңөұүһі ӘҒҚҢӨҰҮҺІ")
	text(50, 80, 12, "Türkçe şğıİ ŞĞ, Azərbaycan ə Ə")
	text(50, 100, 12, "«ёлка» “quotes” – — № 7")
	// Code points whose UTF-16 bytes are PDF delimiters or white space:
	// Ш 04 28 "(", Щ 04 29 ")", ќ 04 5C "\", č 01 0D CR, Њ 04 0A LF,
	// Х 04 25 "%", Р 04 20 space, Љ 04 09 tab, Ќ 04 0C form feed.
	text(50, 120, 12, "Escapes: (Ш) Щ \\ ќ č Њ Х Р Љ Ќ")
	pdf.SetFont("noto", "", 10)
	hello := pdf.GetStringWidth("Hello,")
	// Written out of order: Text must sort by X.
	text(50+hello+3, 140, 10, "мир!")
	text(50, 140, 10, "Hello,")
	text(300, 140, 10, "ab")
	text(300+pdf.GetStringWidth("ab"), 140.3, 10, "cd") // same baseline within 0.5pt, no gap
	pdf.Bookmark("Раздел 1.1", 1, 180)
	text(50, 212, 10, "example.com")
	pdf.LinkString(50, 200, 120, 14, "https://example.com/a(b)?q=1&r=%20")
	next := pdf.AddLink()
	pdf.SetLink(next, 20, 2)
	text(50, 232, 10, "→ стр. 2")
	pdf.Link(50, 220, 80, 14, next)
	s.runs = append(s.runs, runs)
	s.texts = append(s.texts, strings.Join([]string{
		"Қазақ: әғқңөұүһі ӘҒҚҢӨҰҮҺІ",
		"Türkçe şğıİ ŞĞ, Azərbaycan ə Ə",
		"«ёлка» “quotes” – — № 7",
		"Escapes: (Ш) Щ \\ ќ č Њ Х Р Љ Ќ",
		"Hello, мир! abcd",
		"example.com",
		"→ стр. 2",
	}, "\n"))
	s.links = append(s.links, []Link{
		{X: 50, Y: 200, W: 120, H: 14, URI: "https://example.com/a(b)?q=1&r=%20"},
		{X: 50, Y: 220, W: 80, H: 14, DestPage: 2},
	})

	// Page 2.
	runs = nil
	pdf.AddPage()
	pdf.SetFont("noto", "", 12)
	pdf.Bookmark("Глава 2 — Итоги", 0, 0)
	pdf.Bookmark("Раздел 2.1: İstanbul", 1, 50)
	pdf.SetTextColor(200, 0, 0) // wraps the text in q … Q
	text(50, 60, 12, "Красный текст")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont("noto", "", 16)
	pdf.TransformBegin()
	pdf.TransformTranslate(10, 20)
	pdf.Text(50, 100, "сдвиг")
	runs = append(runs, Run{X: 60, Y: 120, Text: "сдвиг", Size: 16, W: pdf.GetStringWidth("сдвиг")})
	pdf.TransformEnd()
	text(50, 140, 16, "после")
	s.runs = append(s.runs, runs)
	s.texts = append(s.texts, "Красный текст\nсдвиг\nпосле")
	s.links = append(s.links, nil)

	// Page 3: fpdf's cells, whose runs are not checked one by one: a
	// justified cell is one TJ with spacing, others are "(…)Tj"; the
	// underline adds a filled rectangle.
	pdf.AddPage()
	pdf.SetFont("noto", "", 12)
	pdf.SetXY(50, 100)
	pdf.CellFormat(300, 20, "раз два три", "", 1, "J", false, 0, "")
	pdf.SetXY(50, 150)
	pdf.CellFormat(200, 20, "Центр", "1", 0, "C", false, 0, "")
	pdf.SetFont("noto", "U", 12)
	pdf.SetXY(50, 200)
	pdf.CellFormat(200, 20, "Подчёркнуто", "", 0, "L", false, 0, "")
	s.runs = append(s.runs, nil)
	s.texts = append(s.texts, "раз два три\nЦентр\nПодчёркнуто")
	s.links = append(s.links, nil)

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	s.pdf = buf.Bytes()
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) <= 0.011 }

func TestReadText(t *testing.T) {
	s := samplePDF(t)
	doc, err := Read(s.pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != len(s.runs) {
		t.Fatalf("got %d pages, want %d", len(doc.Pages), len(s.runs))
	}
	for pi, page := range doc.Pages {
		if got := page.Text(); got != s.texts[pi] {
			t.Errorf("page %d text:\n%s\nwant:\n%s", pi+1, got, s.texts[pi])
		}
		want := s.runs[pi]
		if want == nil {
			continue // checked by text only
		}
		if len(page.Runs) != len(want) {
			t.Errorf("page %d: got %d runs, want %d: %+v", pi+1, len(page.Runs), len(want), page.Runs)
			continue
		}
		for i, r := range page.Runs {
			w := want[i]
			if r.Text != w.Text {
				t.Errorf("page %d run %d: text %q, want %q", pi+1, i, r.Text, w.Text)
			}
			if !near(r.X, w.X) || !near(r.Y, w.Y) || !near(r.Size, w.Size) || math.Abs(r.W-w.W) > 0.05 {
				t.Errorf("page %d run %d %q: at (%.3f, %.3f) size %.3f width %.3f, want (%.3f, %.3f) size %.3f width %.3f",
					pi+1, i, r.Text, r.X, r.Y, r.Size, r.W, w.X, w.Y, w.Size, w.W)
			}
			if r.Font != "utf8noto" {
				t.Errorf("page %d run %d: font %q, want utf8noto", pi+1, i, r.Font)
			}
		}
	}
}

func TestReadOutline(t *testing.T) {
	doc, err := Read(samplePDF(t).pdf)
	if err != nil {
		t.Fatal(err)
	}
	want := []Bookmark{
		{Title: "Глава 1 «Введение»", Level: 0, Page: 1},
		{Title: "Раздел 1.1", Level: 1, Page: 1},
		{Title: "Глава 2 — Итоги", Level: 0, Page: 2},
		{Title: "Раздел 2.1: İstanbul", Level: 1, Page: 2},
	}
	if !reflect.DeepEqual(doc.Outline, want) {
		t.Errorf("outline:\n%+v\nwant:\n%+v", doc.Outline, want)
	}
}

func TestReadLinks(t *testing.T) {
	s := samplePDF(t)
	doc, err := Read(s.pdf)
	if err != nil {
		t.Fatal(err)
	}
	for pi, page := range doc.Pages {
		want := s.links[pi]
		if len(page.Links) != len(want) {
			t.Errorf("page %d: links %+v, want %+v", pi+1, page.Links, want)
			continue
		}
		for i, l := range page.Links {
			w := want[i]
			if l.URI != w.URI || l.DestPage != w.DestPage ||
				!near(l.X, w.X) || !near(l.Y, w.Y) || !near(l.W, w.W) || !near(l.H, w.H) {
				t.Errorf("page %d link %d: %+v, want %+v", pi+1, i, l, w)
			}
		}
	}
}

func TestReadInfo(t *testing.T) {
	doc, err := Read(samplePDF(t).pdf)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Title":        "Отчёт: квартал №3",
		"Author":       "Әлия Нұрланқызы",
		"Subject":      "Résumé (test)", // read as PDFDocEncoding
		"Creator":      "reportgen",
		"Keywords":     "отчёт, PDF, İzmir",
		"Producer":     "fpdf ğ",
		"CreationDate": "D:20240102030405",
		"ModDate":      "D:20240102030405",
	}
	if !reflect.DeepEqual(doc.Info, want) {
		t.Errorf("info:\n%q\nwant:\n%q", doc.Info, want)
	}
	if doc.Lang != "ru" {
		t.Errorf("lang %q, want ru", doc.Lang)
	}
}

func TestValidate(t *testing.T) {
	data := samplePDF(t).pdf
	if err := ValidateRelaxed(data); err != nil {
		t.Errorf("relaxed: %v", err)
	}
	// pdfcpu's strict mode rejects fpdf's output. The first rule it
	// reports: a FontDescriptor without /FontFamily (optional in ISO
	// 32000-1, and only allowed from PDF 1.5 while fpdf writes 1.3).
	// Past that, it would reject outline items with children and
	// /Count 0, and /Annots arrays of direct dictionaries.
	if err := ValidateStrict(data); err == nil || !strings.Contains(err.Error(), "FontFamily") {
		t.Errorf("strict: %v, want the missing FontFamily error", err)
	}

	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"garbage", []byte("not a pdf at all")},
		{"truncated", data[:len(data)/2]},
		// pdfcpu rebuilds the cross-reference table and reports it.
		{"repaired", bytes.Replace(data, []byte("startxref\n"), []byte("startxref\n1"), 1)},
	} {
		if err := ValidateRelaxed(tc.data); err == nil {
			t.Errorf("%s: relaxed validation passed", tc.name)
		}
		if err := ValidateStrict(tc.data); err == nil {
			t.Errorf("%s: strict validation passed", tc.name)
		}
		if _, err := Read(tc.data); err == nil {
			t.Errorf("%s: Read passed", tc.name)
		}
	}
}

func TestPageText(t *testing.T) {
	for _, tc := range []struct {
		name string
		runs []Run
		want string
	}{
		{"empty", nil, ""},
		{"one run", []Run{{X: 10, Y: 10, Text: "Жол", Size: 10, W: 20}}, "Жол"},
		{"gap makes a space", []Run{
			{X: 10, Y: 10, Text: "a", Size: 10, W: 5},
			{X: 16.6, Y: 10, Text: "b", Size: 10, W: 5},
		}, "a b"},
		{"small gap makes none", []Run{
			{X: 10, Y: 10, Text: "a", Size: 10, W: 5},
			{X: 16.4, Y: 10, Text: "b", Size: 10, W: 5},
		}, "ab"},
		{"overlap makes none", []Run{
			{X: 10, Y: 10, Text: "a", Size: 10, W: 5},
			{X: 12, Y: 10, Text: "b", Size: 10, W: 5},
		}, "ab"},
		{"no double space", []Run{
			{X: 10, Y: 10, Text: "a ", Size: 10, W: 8},
			{X: 30, Y: 10, Text: "b", Size: 10, W: 5},
		}, "a b"},
		{"sorted by X", []Run{
			{X: 50, Y: 10, Text: "c", Size: 10, W: 5},
			{X: 10, Y: 10, Text: "a", Size: 10, W: 5},
			{X: 30, Y: 10, Text: "b", Size: 10, W: 5},
		}, "a b c"},
		{"baseline within 0.5pt", []Run{
			{X: 10, Y: 10, Text: "x", Size: 10, W: 5},
			{X: 15, Y: 10.5, Text: "y", Size: 10, W: 5},
		}, "xy"},
		{"baseline beyond 0.5pt", []Run{
			{X: 10, Y: 10, Text: "x", Size: 10, W: 5},
			{X: 15, Y: 10.6, Text: "y", Size: 10, W: 5},
		}, "x\ny"},
		{"lines top to bottom", []Run{
			{X: 10, Y: 30, Text: "third", Size: 10, W: 5},
			{X: 10, Y: 10, Text: "first", Size: 10, W: 5},
			{X: 10, Y: 20, Text: "second", Size: 10, W: 5},
		}, "first\nsecond\nthird"},
		{"empty runs left out", []Run{
			{X: 10, Y: 10, Text: "a", Size: 10, W: 5},
			{X: 15, Y: 10, Text: "", Size: 10},
			{X: 15, Y: 50, Text: "", Size: 10},
			{X: 15, Y: 10, Text: "b", Size: 10, W: 5},
		}, "ab"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := (Page{Runs: tc.runs}).Text(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLexerStrings(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{`(plain)`, "plain"},
		{`(nested (balanced) parens)`, "nested (balanced) parens"},
		{`(\(\)\\)`, `()\`},
		{`(\n\r\t\b\f)`, "\n\r\t\b\f"},
		{`(\101\1012\7)`, "AA2\x07"},
		{"(line\\\r\ncontinued\\\nhere)", "linecontinuedhere"},
		{"(cr\r\nlf\rend\n)", "cr\nlf\nend\n"},
		{`(unknown \q escape)`, "unknown q escape"},
		{"(\x00\x04\x25)", "\x00\x04%"},
		{`<48 65 6c6C 6F7>`, "Hellop"},
		{`<>`, ""},
	} {
		o, err := (&lexer{b: []byte(tc.in)}).object()
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if s, ok := o.(pdfString); !ok || string(s) != tc.want {
			t.Errorf("%q: got %#v, want %q", tc.in, o, tc.want)
		}
	}
	for _, bad := range []string{"(open", "<4x>", "<41", "[1 2", "<</A 1"} {
		if _, err := (&lexer{b: []byte(bad)}).object(); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestLexerObjects(t *testing.T) {
	lx := &lexer{b: []byte("% comment\n/Name#20x -1.5 .25 +3 [1 (a)] <</K /V>> BI /W 1 ID \x00EI\x01 EI Tj")}
	var got []any
	for {
		o, err := lx.object()
		if err != nil {
			t.Fatal(err)
		}
		if o == nil {
			break
		}
		got = append(got, o)
		if o == keyword("BI") {
			if err := lx.skipInlineImage(); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := []any{name("Name x"), -1.5, 0.25, 3.0, []any{1.0, pdfString("a")},
		dictObj{"K": name("V")}, keyword("BI"), keyword("Tj")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

func TestDecodeText(t *testing.T) {
	for _, tc := range []struct {
		in   []byte
		want string
	}{
		{[]byte("ascii"), "ascii"},
		{[]byte{0xFE, 0xFF, 0x04, 0x19, 0x01, 0x31}, "Йı"},
		{[]byte{0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00}, "😀"},
		{[]byte("\xef\xbb\xbfǝ UTF-8"), "ǝ UTF-8"},
		{[]byte{'R', 0xE9, 0x80, 0x84, 0x8D, 0x8E, 0xA0, 0x18}, "Ré•—“”€˘"},
	} {
		if got := decodeText(tc.in); got != tc.want {
			t.Errorf("%x: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCMap(t *testing.T) {
	c := parseCMap([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0010> <00660069> endbfchar
2 beginbfrange <0020> <0022> <0410> <0030> <0031> [<0041> <D83DDE00>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`))
	for _, tc := range []struct {
		code int
		want string
		ok   bool
	}{
		{3, " ", true},
		{0x10, "fi", true},
		{0x20, "А", true},
		{0x22, "В", true},
		{0x30, "A", true},
		{0x31, "😀", true},
		{0x23, "", false},
	} {
		got, ok := c.lookup(tc.code, 2)
		if got != tc.want || ok != tc.ok {
			t.Errorf("code %#x: got %q %v, want %q %v", tc.code, got, ok, tc.want, tc.ok)
		}
	}
}

// TestContentOperators runs a hand-written content stream through the
// interpreter: text matrices, TJ spacing, leading, the graphics state
// stack, a form XObject and a simple font.
func TestContentOperators(t *testing.T) {
	type0 := types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("Type0"), "BaseFont": types.Name("Test"),
		"Encoding": types.Name("Identity-H"),
		"DescendantFonts": types.Array{types.Dict{
			"Subtype": types.Name("CIDFontType2"), "DW": types.Integer(500),
			"W": types.Array{types.Integer(65), types.Array{types.Integer(600), types.Integer(700)}},
		}},
	}
	simple := types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("TrueType"), "BaseFont": types.Name("Simple"),
		"FirstChar": types.Integer(32), "Widths": types.Array{types.Integer(250)},
		"FontDescriptor": types.Dict{"MissingWidth": types.Integer(500)},
	}
	form := types.StreamDict{
		Dict: types.Dict{"Subtype": types.Name("Form"), "Matrix": types.Array{
			types.Integer(1), types.Integer(0), types.Integer(0), types.Integer(1), types.Integer(0), types.Float(-100.5)}},
		Raw: []byte("BT /F1 10 Tf 400 600 Td <0046006F0072006D> Tj ET"),
	}
	res := types.Dict{
		"Font":    types.Dict{"F1": type0, "F2": simple},
		"XObject": types.Dict{"X1": form},
	}
	content := `
BT /F1 10 Tf 1 0 0 1 100 700 Tm [<00410042> -500 <00430044> -100 (\000E)] TJ
0 -20 TD <0046> Tj T* <0047> Tj ET
q 2 0 0 2 0 0 cm BT /F1 5 Tf 10 10 Td <0048> Tj ET Q
BT /F1 10 Tf 300 700 Td 5 Ts <0049> Tj 0 Ts ET
BT /F2 10 Tf 100 500 Td 2 Tw (Caf\351 ok) Tj 0 Tw 12 TL (next) ' 1 0 (la st) " ET
/X1 Do`
	in := &interp{r: &reader{fonts: map[fontKey]*font{}}, left: 0, top: 800}
	in.gs.ctm = identity
	in.gs.hscale = 1
	if err := in.run([]byte(content), res, 0); err != nil {
		t.Fatal(err)
	}
	want := []Run{
		{X: 100, Y: 100, Text: "AB", Font: "Test", Size: 10, W: 13},
		{X: 118, Y: 100, Text: "CDE", Font: "Test", Size: 10, W: 16},
		{X: 100, Y: 120, Text: "F", Font: "Test", Size: 10, W: 5},
		{X: 100, Y: 140, Text: "G", Font: "Test", Size: 10, W: 5},
		{X: 20, Y: 780, Text: "H", Font: "Test", Size: 10, W: 5},
		{X: 300, Y: 95, Text: "I", Font: "Test", Size: 10, W: 5},
		{X: 100, Y: 300, Text: "Café ok", Font: "Simple", Size: 10, W: 6*5 + 2.5 + 2},
		{X: 100, Y: 312, Text: "next", Font: "Simple", Size: 10, W: 20},
		{X: 100, Y: 324, Text: "la st", Font: "Simple", Size: 10, W: 20 + 2.5 + 1},
		{X: 400, Y: 300.5, Text: "Form", Font: "Test", Size: 10, W: 20},
	}
	if len(in.runs) != len(want) {
		t.Fatalf("got %d runs %+v, want %d", len(in.runs), in.runs, len(want))
	}
	for i, r := range in.runs {
		w := want[i]
		if r.Text != w.Text || r.Font != w.Font || !near(r.X, w.X) || !near(r.Y, w.Y) || !near(r.Size, w.Size) || !near(r.W, w.W) {
			t.Errorf("run %d: %+v, want %+v", i, r, w)
		}
	}
	const text = "I\nAB CDE\nF\nG\nCafé ok Form\nnext\nla st\nH"
	if got := (Page{Runs: in.runs}).Text(); got != text {
		t.Errorf("text %q, want %q", got, text)
	}
}
