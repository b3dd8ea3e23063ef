package pdfpost

import (
	"bytes"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/reportgen/reportgen/internal/pdfread"
)

// onePage is fpdf's output for a page with one paragraph and a footer.
func onePage(t *testing.T) []byte {
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
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTag(t *testing.T) {
	in := onePage(t)
	doc := &Node{Type: "Document", Kids: []*Node{{Type: "P", Alt: "Привет (hi)", Content: []MCR{{0, 0}}}}}
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

func TestTagRefuses(t *testing.T) {
	in := onePage(t)
	for name, c := range map[string]struct {
		pdf []byte
		doc *Node
	}{
		"not fpdf's":   {[]byte("%PDF-1.4\n%%EOF\n"), &Node{Type: "Document"}},
		"no such page": {in, &Node{Type: "Document", Content: []MCR{{3, 0}}}},
		"MCID twice":   {in, &Node{Type: "Document", Kids: []*Node{{Type: "P", Content: []MCR{{0, 0}}}, {Type: "P", Content: []MCR{{0, 0}}}}}},
	} {
		if _, err := Tag(c.pdf, c.doc, Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
