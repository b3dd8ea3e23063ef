package pdfcheck

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/pdfpost"
)

// knobs break one thing each in the sample document.
type knobs struct {
	openSequence     bool   // leave the footer's artifact open
	duplicateMCID    bool   // a second sequence with MCID 1
	untaggedText     bool   // text outside marked content
	untaggedPath     bool   // a rule outside marked content
	artifactInTagged bool   // an artifact inside the paragraph
	noAlt            bool   // the Figure without Alt
	noScope          bool   // the TH without Scope
	secondHeading    string // the heading after H1 (default H2)
	noNoteID         bool   // the Note without ID
	orphanMCID       bool   // marked content no element refers to
	spanLang         string // the /Lang of a Span around the paragraph's text (none without)
	text             string // the paragraph's text (default "Read ")
}

// sample is a one-page tagged PDF as reportgen writes one, with an
// embedded UTF-8 font, a heading, a paragraph with a link, a figure, a
// table header and cell, a note and a footer artifact; k breaks it.
func sample(t testing.TB, k knobs) []byte {
	t.Helper()
	regular, err := fs.ReadFile(fonts.Embedded(), "NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	var im bytes.Buffer
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for i := range 16 {
		img.Set(i%4, i/4, color.NRGBA{R: 200, A: uint8(i * 16)})
	}
	png.Encode(&im, img)

	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	pdf.SetTitle("Report", true)
	pdf.SetAuthor("IOM", true)
	pdf.SetCreator("reportgen", true)
	pdf.SetProducer("reportgen", true)
	pdf.SetLang("en")
	pdf.AddOutputIntent(fpdf.OutputIntentType{SubtypeIdent: fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: pdfpost.SRGBIdentifier, Info: pdfpost.SRGBIdentifier, ICCProfile: pdfpost.SRGB})
	pdf.AddUTF8FontFromBytes("noto", "", regular)
	pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: "PNG"}, &im)
	pdf.AddPage()
	pdf.SetFont("noto", "", 10)
	text := "Read "
	if k.text != "" {
		text = k.text
	}
	seq := func(tag string, mcid int, draw func()) {
		pdf.RawWriteStr(tag + " <</MCID " + string(rune('0'+mcid)) + ">> BDC")
		draw()
		pdf.RawWriteStr("EMC")
	}
	seq("/H1", 0, func() { pdf.Text(72, 72, "Title") })
	seq("/P", 1, func() {
		pdf.Text(72, 100, text)
		if k.artifactInTagged {
			pdf.RawWriteStr("/Artifact BMC")
			pdf.Text(72, 110, "x")
			pdf.RawWriteStr("EMC")
		}
	})
	seq("/Link", 2, func() { pdf.Text(100, 100, "more") })
	pdf.LinkString(100, 90, 30, 12, "https://example.org/")
	seq("/Figure", 3, func() { pdf.ImageOptions("logo", 72, 120, 20, 20, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "") })
	seq("/TH", 4, func() { pdf.Text(72, 160, "Year") })
	seq("/TD", 5, func() { pdf.Text(72, 175, "2021") })
	seq("/Note", 6, func() { pdf.Text(72, 700, "1 A note.") })
	if k.duplicateMCID {
		seq("/P", 1, func() { pdf.Text(72, 200, "again") })
	}
	if k.orphanMCID {
		seq("/P", 7, func() { pdf.Text(72, 210, "nobody's") })
	}
	if k.untaggedText {
		pdf.Text(72, 220, "loose")
	}
	if k.untaggedPath {
		pdf.Line(72, 230, 200, 230)
	}
	pdf.RawWriteStr("/Artifact <</Type /Pagination>> BDC")
	pdf.Text(72, 800, "1")
	pdf.Line(72, 790, 500, 790)
	if !k.openSequence {
		pdf.RawWriteStr("EMC")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}

	mcr := func(id int) []pdfpost.MCR { return []pdfpost.MCR{{Page: 0, MCID: id}} }
	second := "H2"
	if k.secondHeading != "" {
		second = k.secondHeading
	}
	link := &pdfpost.Node{Type: "Link", Content: mcr(2), Annots: []pdfpost.Annot{{Page: 0, Index: 0, Contents: "more"}}}
	fig := &pdfpost.Node{Type: "Figure", Alt: "The logo", Content: mcr(3)}
	if k.noAlt {
		fig.Alt = ""
	}
	th := &pdfpost.Node{Type: "TH", Scope: "Column", Content: mcr(4)}
	if k.noScope {
		th.Scope = ""
	}
	note := &pdfpost.Node{Type: "Note", ID: "note-1", Content: mcr(6)}
	if k.noNoteID {
		note.ID = ""
	}
	para := &pdfpost.Node{Type: "P", Content: []pdfpost.MCR{{Page: 0, MCID: 1}, {Kid: link}}}
	if k.spanLang != "" {
		para.Content[0] = pdfpost.MCR{Kid: &pdfpost.Node{Type: "Span", Lang: k.spanLang, Content: mcr(1)}}
	}
	doc := &pdfpost.Node{Type: "Document", Kids: []*pdfpost.Node{
		{Type: "H1", Content: mcr(0)},
		{Type: second},
		para,
		fig,
		{Type: "Table", Kids: []*pdfpost.Node{{Type: "TR", Kids: []*pdfpost.Node{th}}, {Type: "TR", Kids: []*pdfpost.Node{{Type: "TD", Content: mcr(5)}}}}},
		note,
	}}
	var runes []rune
	for _, r := range "Title" + text + "xmoreYear20211 A note.againnobody'sloose" {
		if !slices.Contains(runes, r) {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	info := &pdfpost.Info{Title: "Report", Author: "IOM", Creator: "reportgen", Producer: "reportgen", Date: time.Date(2021, 1, 28, 0, 0, 0, 0, time.UTC)}
	out, err := pdfpost.Tag(buf.Bytes(), doc, pdfpost.Options{Lang: "en", Info: info, Runes: runes})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// replace replaces old, which must occur in pdf, by new, padded with
// spaces to the same length (offsets stay valid).
func replace(t *testing.T, pdf []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(pdf, []byte(old)) {
		t.Fatalf("%q not in the PDF", old)
	}
	if len(new) > len(old) {
		t.Fatalf("%q is longer than %q", new, old)
	}
	return bytes.Replace(pdf, []byte(old), []byte(new+strings.Repeat(" ", len(old)-len(new))), 1)
}

func rules(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Rule)
	}
	return out
}

func TestSampleIsClean(t *testing.T) {
	pdf := sample(t, knobs{})
	if ps := Check(sample(t, knobs{spanLang: "fr-CA"}), Tagged); len(ps) != 0 {
		t.Errorf("a Span in French: %v", ps)
	}
	for _, m := range []Mode{Tagged, Untagged} {
		for _, p := range Check(pdf, m) {
			t.Errorf("mode %d: %s", m, p)
		}
	}
	v, err := pdfpost.PDFA1b(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Check(v, Tagged) {
		t.Errorf("PDF/A-1b variant: %s", p)
	}
	for _, s := range []string{"/SMask", "/S /Transparency", "/EmbeddedFiles", "<pdfaid:part>2"} {
		if bytes.Contains(v, []byte(s)) {
			t.Errorf("PDF/A-1b variant with %s", s)
		}
	}
	for _, s := range []string{"/CIDSet ", "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B"} {
		if !bytes.Contains(v, []byte(s)) {
			t.Errorf("PDF/A-1b variant without %s", s)
		}
	}
}

// TestBroken: each deliberately broken PDF fails the checker with the
// condition it breaks.
func TestBroken(t *testing.T) {
	idRe := func(pdf []byte) string {
		i := bytes.Index(pdf, []byte("/ID [<"))
		if i < 0 {
			t.Fatal("no /ID")
		}
		return string(pdf[i : i+bytes.IndexByte(pdf[i:], ']')+1])
	}
	objr := func(pdf []byte) string {
		i := bytes.Index(pdf, []byte("<</Type /OBJR "))
		if i < 0 {
			t.Fatal("no OBJR")
		}
		return string(pdf[i : i+bytes.Index(pdf[i:], []byte(">>"))+2])
	}
	cidToGID := func(pdf []byte) string {
		i := bytes.Index(pdf, []byte("/CIDToGIDMap "))
		if i < 0 {
			t.Fatal("no CIDToGIDMap")
		}
		return string(pdf[i : i+bytes.Index(pdf[i:], []byte(" R"))+2])
	}
	good := sample(t, knobs{})
	for _, c := range []struct {
		name string
		pdf  []byte
		mode Mode
		want string
	}{
		{"unbalanced BDC/EMC", sample(t, knobs{openSequence: true}), Tagged, "PDF: marked content"},
		{"duplicate MCID", sample(t, knobs{duplicateMCID: true}), Tagged, "PDF: marked content"},
		{"untagged text", sample(t, knobs{untaggedText: true}), Tagged, "01-005"},
		{"untagged path", sample(t, knobs{untaggedPath: true}), Tagged, "01-005"},
		{"artifact inside tagged content", sample(t, knobs{artifactInTagged: true}), Tagged, "01-003"},
		{"Figure without Alt", sample(t, knobs{noAlt: true}), Tagged, "13-004"},
		{"TH without Scope", sample(t, knobs{noScope: true}), Tagged, "15-003"},
		{"heading level skipped", sample(t, knobs{secondHeading: "H3"}), Tagged, "14-003"},
		{"H and H1", sample(t, knobs{secondHeading: "H"}), Tagged, "14-007"},
		{"Note without ID", sample(t, knobs{noNoteID: true}), Tagged, "19-003"},
		{"marked content of no element", sample(t, knobs{orphanMCID: true}), Tagged, "PDF: parent tree"},
		{".notdef shown", sample(t, knobs{text: "Read 中 "}), Untagged, "31-030"},
		{"link without Contents", replace(t, good, "/Contents (more)", "/Contents ( )"), Tagged, "28-012"},
		{"link annotation without Link", replace(t, good, objr(good), ""), Tagged, "28-011"},
		{"not printed", replace(t, good, "/F 4 /StructParent", "/F 0 /StructParent"), Tagged, "PDF/A: annotation flags"},
		{"no /ID", replace(t, good, "/ID [<", "/XD [<"), Tagged, "PDF/A: ID"},
		{"encrypted", replace(t, good, idRe(good), "/Encrypt 5 0 R"), Untagged, "PDF/A: encryption"},
		{"JavaScript", replace(t, good, "/ViewerPreferences <</DisplayDocTitle true>>", "/AA <</WC <</S /JavaScript /JS (1)>>>>"), Untagged, "PDF/A: JavaScript"},
		{"no DisplayDocTitle", replace(t, good, "<</DisplayDocTitle true>>", "<<>>"), Tagged, "07-001"},
		{"Info is not XMP", replace(t, good, "/Title (Report)", "/Title (Repart)"), Tagged, "PDF/A: Info = XMP"},
		{"no PDF/UA identifier", replace(t, good, "<pdfuaid:part>1</pdfuaid:part>", "<pdfuaid:xart>1</pdfuaid:xart>"), Tagged, "06-002"},
		{"font not embedded", replace(t, good, "/FontFile2 ", "/FontFileX "), Untagged, "31-009"},
		{"no ToUnicode", replace(t, good, "/ToUnicode ", "/ToUnicodX "), Untagged, "31-027"},
		{"no CIDToGIDMap", replace(t, good, "/CIDToGIDMap ", "/CIDToGIDMaX "), Untagged, "31-005"},
		{"CIDToGIDMap a name (pdfcpu refuses the font)", replace(t, good, cidToGID(good), "/CIDToGIDMap /Idem"), Untagged, "PDF: syntax"},
		{"no Lang", replace(t, good, "/Lang (en)", "/Lanx (en)"), Tagged, "11-001"},
		{"catalog Lang not BCP 47", replace(t, good, "/Lang (en)", "/Lang (e!)"), Tagged, "11-006"},
		{"Span Lang not BCP 47", sample(t, knobs{spanLang: "fr_FR!"}), Tagged, "11-006"},
		{"no Tabs", replace(t, good, "/Tabs /S", "/Tabs /R"), Tagged, "28-009"},
		{"not a PDF", []byte("%PDF-1.7\nnothing\n"), Untagged, "PDF: syntax"},
		{"cut short", good[:len(good)/2], Tagged, "PDF: syntax"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := Check(c.pdf, c.mode)
			if !slices.Contains(rules(ps), c.want) {
				t.Errorf("want a %s problem, got %q", c.want, ps)
			}
		})
	}
}

// TestUntaggedMode: an untagged PDF's structure is not checked.
func TestUntaggedMode(t *testing.T) {
	pdf := sample(t, knobs{untaggedText: true, noAlt: true})
	if ps := Check(pdf, Untagged); len(ps) != 0 {
		t.Errorf("Untagged: %q", ps)
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{Rule: "31-030", Page: 2, Obj: 7, Msg: "code 4E2D selects glyph 0"}
	if s := p.String(); s != "31-030 page 2 object 7: code 4E2D selects glyph 0" {
		t.Error(s)
	}
}

// FuzzCheck: the checker reads broken PDFs without panicking.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"))
	f.Add(sample(f, knobs{}))
	f.Fuzz(func(t *testing.T, b []byte) {
		Check(b, Tagged)
	})
}
