package pdfpost

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/reportgen/reportgen/internal/pdfread"
)

// onePage is fpdf's output for a page with one paragraph and a footer.
// With withLink, "Hello" is a link.
func onePage(t *testing.T, withLink bool) []byte {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetLang("en")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 10)
	pdf.RawWriteStr("/P <</MCID 0>> BDC")
	pdf.Text(72, 72, "Hello")
	pdf.RawWriteStr("EMC")
	pdf.RawWriteStr("/Artifact <</Type /Pagination>> BDC")
	pdf.Text(72, 800, "1")
	pdf.RawWriteStr("EMC")
	if withLink {
		pdf.LinkString(72, 62, 30, 12, "https://example.org/a>>(b)")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTag(t *testing.T) {
	in := onePage(t, false)
	doc := &Node{Type: "Document", Kids: []*Node{{Type: "P", Alt: "Привет (hi)", Content: []MCR{{Page: 0, MCID: 0}}}}}
	out, err := Tag(in, doc, Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Tag(in, doc, Options{Lang: "en"})
	if !bytes.Equal(out, again) {
		t.Error("Tag is not deterministic")
	}
	if !strings.HasPrefix(string(out), "%PDF-1.7\n") {
		t.Errorf("header %q", out[:9])
	}
	d, err := pdfread.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Marked || !d.DisplayDocTitle || !d.ID || d.Lang != "en" {
		t.Errorf("catalog %+v", d)
	}
	s := d.Structure
	if s == nil || s.Type != "Document" || len(s.Kids) != 1 || s.Kids[0].Type != "P" || s.Kids[0].Alt != "Привет (hi)" || len(s.Kids[0].MCRs) != 1 {
		t.Fatalf("structure %+v", s)
	}
	if pt := d.ParentTree[0]; len(pt) != 1 || pt[0] != s.Kids[0].Obj {
		t.Errorf("parent tree %v", d.ParentTree)
	}
	if pg := d.Pages[0]; pg.StructParents != 0 || pg.Tabs != "S" || pg.Unbalanced || !pg.Runs[0].Marked || pg.Runs[0].MCID != 0 || !pg.Runs[1].Artifact {
		t.Errorf("page %+v", pg)
	}
}

func TestTagLink(t *testing.T) {
	in := onePage(t, true)
	link := &Node{Type: "Link", Content: []MCR{{Page: 0, MCID: 0}}, Annots: []Annot{{Page: 0, Index: 0, Contents: "Hello"}}}
	doc := &Node{Type: "Document", Kids: []*Node{{Type: "P", Content: []MCR{{Kid: link}}}}}
	out, err := Tag(in, doc, Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdfread.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	l := d.Pages[0].Links
	if len(l) != 1 || l[0].Obj == 0 || l[0].F != 4 || l[0].Contents != "Hello" || l[0].URI != "https://example.org/a>>(b)" || l[0].StructParent != 1 {
		t.Fatalf("links %+v", l)
	}
	p := d.Structure.Kids[0]
	if len(p.Kids) != 1 || p.Kids[0].Type != "Link" || len(p.Kids[0].MCRs) != 1 || len(p.Kids[0].OBJRs) != 1 || p.Kids[0].OBJRs[0] != l[0].Obj {
		t.Fatalf("structure %+v", p)
	}
	if pt := d.ParentTree[1]; len(pt) != 1 || pt[0] != p.Kids[0].Obj {
		t.Errorf("parent tree %v", d.ParentTree)
	}
	if _, err := Tag(in, &Node{Type: "Document"}, Options{}); err == nil {
		t.Error("an annotation without a Link element: no error")
	}
}

func TestTagRefuses(t *testing.T) {
	in := onePage(t, false)
	for name, c := range map[string]struct {
		pdf []byte
		doc *Node
	}{
		"not fpdf's":   {[]byte("%PDF-1.4\n%%EOF\n"), &Node{Type: "Document"}},
		"no such page": {in, &Node{Type: "Document", Content: []MCR{{Page: 3, MCID: 0}}}},
		"MCID twice":   {in, &Node{Type: "Document", Kids: []*Node{{Type: "P", Content: []MCR{{Page: 0, MCID: 0}}}, {Type: "P", Content: []MCR{{Page: 0, MCID: 0}}}}}},
	} {
		if _, err := Tag(c.pdf, c.doc, Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestTagInfo: with an output intent, fpdf's trailer names the profile
// as /Info; Tag names the Info dictionary, rewritten with dates in UTC
// with a time zone, and adds XMP metadata with the same values.
func TestTagInfo(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddOutputIntent(fpdf.OutputIntentType{SubtypeIdent: fpdf.OutputIntent_GTS_PDFA1, OutputConditionIdentifier: SRGBIdentifier, ICCProfile: SRGB})
	pdf.SetTitle("ignored", true)
	pdf.AddPage()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	date := time.Date(2021, 1, 28, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	info := &Info{Title: "Отчёт <1> & (2)", Author: "IOM", Creator: "reportgen", Producer: "reportgen", Date: date}
	out, err := Tag(buf.Bytes(), &Node{Type: "Document"}, Options{Lang: "ru", Info: info})
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdfread.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if d.Info["Title"] != info.Title || d.Info["Author"] != "IOM" || d.Info["CreationDate"] != "D:20210128083000+00'00" || d.Info["ModDate"] != d.Info["CreationDate"] {
		t.Errorf("Info %q", d.Info)
	}
	x := string(d.XMP)
	for _, want := range []string{"<rdf:li xml:lang=\"x-default\">Отчёт &lt;1&gt; &amp; (2)</rdf:li>", "<xmp:CreateDate>2021-01-28T08:30:00+00:00</xmp:CreateDate>",
		"<rdf:li>ru</rdf:li>", "<pdfaid:part>2</pdfaid:part>", "<pdfuaid:part>1</pdfuaid:part>"} {
		if !strings.Contains(x, want) {
			t.Errorf("XMP without %s", want)
		}
	}
	if len(d.OutputIntents) != 1 || d.OutputIntents[0].N != 3 {
		t.Errorf("output intents %+v", d.OutputIntents)
	}
}

// TestTagOutputIntent: Options.OutputIntent adds one sRGB output intent
// whose profile is SRGB, and none to a PDF that has one.
func TestTagOutputIntent(t *testing.T) {
	for _, has := range []bool{false, true} {
		pdf := fpdf.New("P", "pt", "A4", "")
		if has {
			pdf.AddOutputIntent(fpdf.OutputIntentType{SubtypeIdent: fpdf.OutputIntent_GTS_PDFA1, OutputConditionIdentifier: SRGBIdentifier, ICCProfile: SRGB})
		}
		pdf.AddPage()
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		out, err := Tag(buf.Bytes(), &Node{Type: "Document"}, Options{Lang: "en", OutputIntent: true})
		if err != nil {
			t.Fatal(err)
		}
		d, err := pdfread.Read(out)
		if err != nil {
			t.Fatal(err)
		}
		if oi := d.OutputIntents; len(oi) != 1 || oi[0].N != 3 || oi[0].S != "GTS_PDFA1" || oi[0].Identifier != SRGBIdentifier {
			t.Errorf("fpdf's output intent %v: output intents %+v", has, oi)
		}
		if n := bytes.Count(out, []byte("/DestOutputProfile")); n != 1 {
			t.Errorf("fpdf's output intent %v: %d profiles", has, n)
		}
	}
}

// TestToUnicode: runs of characters become bfranges within one first
// byte, the others bfchars, at most 100 to a section; what two-byte codes
// cannot show is left out.
func TestToUnicode(t *testing.T) {
	runes := []rune{' ', 'A', 'B', 'C', 0xFE, 0xFF, 0x100, 0x101, 'Ж', 0xD800, 0x1F600}
	for r := rune(0x4E00); r < 0x4E00+2*250; r += 2 {
		runes = append(runes, r)
	}
	cmap := string(ToUnicode(runes))
	for _, want := range []string{"<0041> <0043> <0041>\n", "<00FE> <00FF> <00FE>\n", "<0100> <0101> <0100>\n", "<0020> <0020>\n", "<0416> <0416>\n", "100 beginbfchar\n", "52 beginbfchar\n", "3 beginbfrange\n"} {
		if !strings.Contains(cmap, want) {
			t.Errorf("ToUnicode without %q", want)
		}
	}
	if strings.Contains(cmap, "<D800>") || strings.Contains(cmap, "F600") || strings.Contains(cmap, "<0000> <FFFF>\n<") {
		t.Errorf("ToUnicode maps what fpdf cannot show:\n%s", cmap)
	}
}

// TestCIDSet: a bit per CID from the high bit of the first byte, for CID
// 0 and every CID mapped to a glyph.
func TestCIDSet(t *testing.T) {
	m := make([]byte, 2*20)
	m[2*9+1] = 5 // CID 9 → glyph 5
	m[2*17] = 1  // CID 17 → glyph 256
	got := cidSet(m)
	if want := []byte{0x80, 0x40, 0x40}; !bytes.Equal(got, want) {
		t.Errorf("CIDSet % x, want % x", got, want)
	}
}

// TestPDFA1bRefuses: the variant is made of Tag's output with XMP only.
func TestPDFA1bRefuses(t *testing.T) {
	out, err := Tag(onePage(t, false), &Node{Type: "Document"}, Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := PDFA1b(out); err == nil {
		t.Error("a PDF without XMP metadata: no error")
	}
	if _, err := PDFA1b([]byte("%PDF-1.4\n%%EOF\n")); err == nil {
		t.Error("not a PDF: no error")
	}
}
