// Package pdfcheck checks a PDF against the conditions of PDF/UA-1 (ISO
// 14289-1) that a program can decide, as the Matterhorn Protocol 1.1
// lists them, and against the file-level conditions of PDF/A that
// reportgen's tagged PDFs claim: what a person has to judge (whether an
// alt text says what a picture shows, whether the reading order is
// right, whether a heading is a heading) is left to a person.
//
// Check reads the PDF with package pdfread (pdfcpu parses and validates
// the file; pdfread interprets the content streams and reads the
// structure tree) and returns its problems, each named by the Matterhorn
// failure condition it is (01-005, 28-011 …) or, for conditions outside
// the Matterhorn Protocol, by a short name of the rule ("PDF: parent
// tree", "PDF/A: ID" …), with the page and object it was found at.
//
// In Tagged mode, the conditions checked are:
//   - 01-003, 01-004: no artifact inside tagged content, no tagged
//     content inside an artifact;
//   - 01-005: every text run, image and path drawn inside an artifact or
//     inside marked content with an MCID;
//   - PDF: marked content: BDC/BMC and EMC balanced on every page; MCIDs
//     unique on their page;
//   - PDF: parent tree: every MCID referred to by exactly one structure
//     element, which the parent tree names for it; every page's
//     /StructParents its index; every link annotation's /StructParent
//     naming the Link element that refers to it;
//   - PDF/UA: tagged: a structure tree, /MarkInfo /Marked true;
//   - 06-001, 06-002, 06-003: XMP metadata with the PDF/UA identifier
//     and dc:title; 07-001: /ViewerPreferences /DisplayDocTitle true;
//   - 10-001: every character code shown mapped to Unicode by its font's
//     ToUnicode map;
//   - 11-001: the catalog's /Lang set (a language for all the text);
//   - 11-006: every /Lang (the catalog's, a structure element's) a
//     well-formed BCP 47 language tag;
//   - 13-004: every Figure with an /Alt;
//   - 14-002, 14-003, 14-007: the first numbered heading H1, no heading
//     level skipped, not both H and Hn;
//   - 15-003: every TH with a /Scope (reportgen writes no /Headers);
//   - 19-003, 19-004: every Note with an /ID, unique;
//   - 28-008/28-009: /Tabs /S on every page with annotations;
//   - 28-011: every link annotation referred to by exactly one Link
//     element through an OBJR (and only Links referring to annotations);
//     a Link holding marked content (its text);
//   - 28-012: every link annotation with /Contents;
//   - PDF/A: annotation flags: every annotation printed (/F 4);
//   - the font conditions (31-004/31-005, 31-009, 31-011, 31-027,
//     31-028/31-029, 31-030), below;
//   - PDF/A: ID: a trailer /ID; PDF/A: encryption: no /Encrypt;
//     PDF/A: JavaScript: no /JS, /JavaScript, /AA or JavaScript action;
//   - PDF/A: Info = XMP: the XMP packet, unfiltered, agreeing with the
//     Info dictionary field by field (Title and dc:title, Author and
//     dc:creator, Subject and dc:description, Keywords and pdf:Keywords,
//     Creator and xmp:CreatorTool, Producer and pdf:Producer, the
//     creation and modification dates, which must carry a time zone and
//     name the same instants), a pdfaid:part, dc:language the catalog's
//     /Lang, the extension schema that declares pdfuaid, and a
//     GTS_PDFA1 output intent with an ICC profile.
//
// The font conditions, which Untagged mode checks too, with the
// encryption and JavaScript conditions: every font's program embedded
// (31-009) and, for TrueType programs, holding every glyph shown
// (31-011: a glyph index below the maxp table's count); every font with
// a ToUnicode map (31-027; reportgen's fonts are Identity-H Type0 fonts,
// which need one); a CIDToGIDMap in every CIDFontType2 (31-004/31-005);
// no code shown that selects glyph 0, .notdef (31-030: with Identity-H
// the code is the CID, and the CIDToGIDMap maps it to the glyph index;
// codes of other encodings are not checked);
// every code shown mapped by the ToUnicode map (10-001). In Tagged mode
// only, no ToUnicode entry maps to U+0000, U+FEFF or U+FFFE
// (31-028/31-029): fpdf's own map, which untagged PDFs keep, maps code 0
// to U+0000 (a code fpdf never shows).
//
// Untagged PDFs (reportgen's --pdf-standard none) have no trailer /ID:
// that output is kept byte for byte as it was before tagging existed,
// so Untagged mode does not ask for one.
package pdfcheck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/internal/pdfread"
)

// Mode says which conditions Check applies.
type Mode int

const (
	// Tagged applies every condition: a tagged PDF claiming PDF/UA-1 and
	// PDF/A.
	Tagged Mode = iota
	// Untagged applies the conditions on fonts, encryption and
	// JavaScript only.
	Untagged
)

// Problem is one condition a PDF fails.
type Problem struct {
	// Rule is the Matterhorn Protocol failure condition ("01-005") or,
	// for conditions outside it, a short name ("PDF/A: ID").
	Rule string
	// Page is the 1-based page it was found on (0: the document); Obj
	// the object number concerned (0: none in particular).
	Page, Obj int
	// Msg says what is wrong.
	Msg string
}

// String is the problem as one line: rule, page, object, message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Rule)
	if p.Page > 0 {
		fmt.Fprintf(&b, " page %d", p.Page)
	}
	if p.Obj > 0 {
		fmt.Fprintf(&b, " object %d", p.Obj)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	return b.String()
}

// checker collects problems.
type checker struct {
	doc      *pdfread.Doc
	problems []Problem
}

func (c *checker) add(rule string, page, obj int, format string, args ...any) {
	c.problems = append(c.problems, Problem{Rule: rule, Page: page, Obj: obj, Msg: fmt.Sprintf(format, args...)})
}

// Check returns the problems of pdf in the given mode, in a stable
// order; none for a PDF that meets every condition checked. A PDF that
// cannot be read is one problem (rule "PDF: syntax").
func Check(pdf []byte, mode Mode) []Problem {
	c := &checker{}
	doc, err := pdfread.Read(pdf)
	if err != nil {
		c.add("PDF: syntax", 0, 0, "%v", err)
		// What can be seen without parsing: dictionaries are not
		// compressed in the PDFs reportgen writes.
		if bytes.Contains(pdf, []byte("/Encrypt")) {
			c.add("PDF/A: encryption", 0, 0, "/Encrypt in the file")
		}
		return c.problems
	}
	c.doc = doc
	c.fonts(mode)
	if doc.Encrypted {
		c.add("PDF/A: encryption", 0, 0, "the file is encrypted (/Encrypt in the trailer)")
	}
	for _, o := range doc.Scripts {
		c.add("PDF/A: JavaScript", 0, o, "JavaScript or additional actions (/JS, /JavaScript, /AA, or a JavaScript action)")
	}
	if mode == Untagged {
		return c.problems
	}
	if !doc.ID {
		c.add("PDF/A: ID", 0, 0, "no /ID in the trailer")
	}
	c.catalog()
	c.content()
	c.structure()
	c.metadata()
	return c.problems
}

// fonts checks the fonts of every page.
func (c *checker) fonts(mode Mode) {
	d := c.doc
	seen := map[int]bool{}
	for pi, pg := range d.Pages {
		page := pi + 1
		if pg.Unmapped > 0 {
			c.add("10-001", page, 0, "%d character codes shown that the font's ToUnicode map does not map", pg.Unmapped)
		}
		for _, fi := range pg.Fonts {
			if fi < 0 || fi >= len(d.Fonts) || seen[fi] {
				continue
			}
			seen[fi] = true
			f := d.Fonts[fi]
			if !f.Embedded {
				c.add("31-009", page, f.Obj, "font %s: the font program is not embedded", f.Name)
			}
			if !f.ToUnicode {
				c.add("31-027", page, f.Obj, "font %s has no ToUnicode map", f.Name)
			}
			if mode == Tagged && f.BadUnicode > 0 {
				c.add("31-028", page, f.Obj, "font %s: %d ToUnicode entries map to U+0000, U+FEFF or U+FFFE", f.Name, f.BadUnicode)
			}
			if f.CIDSubtype == "CIDFontType2" && f.CIDToGIDMap == "" {
				c.add("31-005", page, f.Obj, "font %s: its CIDFontType2 has no CIDToGIDMap", f.Name)
			} else if f.CIDSubtype == "CIDFontType2" && f.CIDToGIDMap == "other" {
				c.add("31-004", page, f.Obj, "font %s: its CIDFontType2's CIDToGIDMap is neither a stream nor /Identity", f.Name)
			}
		}
		for _, cd := range pg.NotDef {
			c.add("31-030", page, fontObj(d, cd.Font), "code %04X shown with font %s selects glyph 0 (.notdef)", cd.Code, fontName(d, cd.Font))
		}
		for _, cd := range pg.Missing {
			c.add("31-011", page, fontObj(d, cd.Font), "code %04X shown with font %s selects a glyph the embedded program does not have", cd.Code, fontName(d, cd.Font))
		}
	}
}

func fontObj(d *pdfread.Doc, i int) int {
	if i < 0 || i >= len(d.Fonts) {
		return 0
	}
	return d.Fonts[i].Obj
}

func fontName(d *pdfread.Doc, i int) string {
	if i < 0 || i >= len(d.Fonts) {
		return "?"
	}
	return d.Fonts[i].Name
}

// catalog checks the catalog's entries.
func (c *checker) catalog() {
	d := c.doc
	if !d.Marked {
		c.add("PDF/UA: tagged", 0, 0, "the catalog has no /MarkInfo <</Marked true>>")
	}
	if !d.DisplayDocTitle {
		c.add("07-001", 0, 0, "the catalog's /ViewerPreferences has no /DisplayDocTitle true")
	}
	if strings.TrimSpace(d.Lang) == "" {
		c.add("11-001", 0, 0, "the catalog has no /Lang: the language of the text cannot be determined")
	} else if !validLang(d.Lang) {
		c.add("11-006", 0, 0, "the catalog's /Lang %q is not a BCP 47 language tag", d.Lang)
	}
}

// validLang reports whether s is a well-formed BCP 47 language tag.
func validLang(s string) bool {
	_, err := language.Parse(s)
	return err == nil
}

// content checks the pages' content streams.
func (c *checker) content() {
	for pi, pg := range c.doc.Pages {
		page := pi + 1
		if pg.Unbalanced {
			c.add("PDF: marked content", page, 0, "BDC/BMC and EMC do not pair up")
		}
		if pg.ArtifactInTagged > 0 {
			c.add("01-003", page, 0, "%d artifacts inside tagged content", pg.ArtifactInTagged)
		}
		if pg.TaggedInArtifact > 0 {
			c.add("01-004", page, 0, "%d tagged sequences inside an artifact", pg.TaggedInArtifact)
		}
		if pg.UntaggedText > 0 {
			first := ""
			for _, r := range pg.Runs {
				if !r.Artifact && r.MCID < 0 {
					first = r.Text
					break
				}
			}
			c.add("01-005", page, 0, "%d text runs neither artifact nor tagged content (the first: %q)", pg.UntaggedText, first)
		}
		if pg.UntaggedImages > 0 {
			c.add("01-005", page, 0, "%d of %d images neither artifact nor tagged content", pg.UntaggedImages, pg.Images)
		}
		if pg.UntaggedPaths > 0 {
			c.add("01-005", page, 0, "%d of %d paths neither artifact nor tagged content", pg.UntaggedPaths, pg.Paths)
		}
		seen := map[int]bool{}
		for _, id := range pg.MCIDs {
			if seen[id] {
				c.add("PDF: marked content", page, 0, "MCID %d used twice", id)
			}
			seen[id] = true
		}
		if pg.StructParents != pi {
			c.add("PDF: parent tree", page, 0, "/StructParents %d, want the page's index %d", pg.StructParents, pi)
		}
		if len(pg.Links) > 0 && pg.Tabs != "S" {
			c.add("28-009", page, 0, "a page with annotations has /Tabs %q, not /S", pg.Tabs)
		}
	}
}

// structure checks the structure tree against the pages.
func (c *checker) structure() {
	d := c.doc
	if d.Structure == nil {
		c.add("PDF/UA: tagged", 0, 0, "no structure tree")
		return
	}
	owner := map[pdfread.MCR]int{} // marked content → element (0: none yet)
	for pi, pg := range d.Pages {
		for _, id := range pg.MCIDs {
			owner[pdfread.MCR{Page: pi, MCID: id}] = 0
		}
	}
	objr := map[int]int{} // annotation → Link element
	noteIDs := map[string]int{}
	firstHeading, lastHeading := true, 0
	plainH, numbered := 0, 0
	var walk func(e *pdfread.Elem, depth int)
	walk = func(e *pdfread.Elem, depth int) {
		if depth > 256 {
			return
		}
		for _, m := range e.MCRs {
			page := m.Page + 1
			n, ok := owner[m]
			switch {
			case m.Page < 0 || m.Page >= len(d.Pages):
				c.add("PDF: parent tree", 0, e.Obj, "%s refers to MCID %d on a page that is not in the document", e.Type, m.MCID)
				continue
			case !ok:
				c.add("PDF: parent tree", page, e.Obj, "%s refers to MCID %d, which the page lacks", e.Type, m.MCID)
			case n != 0:
				c.add("PDF: parent tree", page, e.Obj, "MCID %d referred to by objects %d and %d", m.MCID, n, e.Obj)
			}
			owner[m] = e.Obj
			if pt := d.ParentTree[m.Page]; m.MCID < 0 || m.MCID >= len(pt) || pt[m.MCID] != e.Obj {
				c.add("PDF: parent tree", page, e.Obj, "the parent tree does not name %s (object %d) for MCID %d", e.Type, e.Obj, m.MCID)
			}
		}
		for _, o := range e.OBJRs {
			if e.Type != "Link" {
				c.add("28-011", 0, e.Obj, "%s refers to annotation %d: only Link elements refer to link annotations", e.Type, o)
			}
			if n, dup := objr[o]; dup {
				c.add("28-011", 0, o, "annotation referred to by objects %d and %d", n, e.Obj)
			}
			objr[o] = e.Obj
		}
		if e.Lang != "" && !validLang(e.Lang) {
			c.add("11-006", 0, e.Obj, "%s has /Lang %q, not a BCP 47 language tag", e.Type, e.Lang)
		}
		switch e.Type {
		case "Link":
			if len(e.MCRs) == 0 {
				c.add("PDF/UA: links", 0, e.Obj, "a Link without marked content (its text)")
			}
		case "Figure":
			if strings.TrimSpace(e.Alt) == "" && strings.TrimSpace(e.ActualText) == "" {
				c.add("13-004", 0, e.Obj, "a Figure without /Alt")
			}
		case "TH":
			if e.Scope == "" {
				c.add("15-003", 0, e.Obj, "a TH without /Scope")
			}
		case "Note":
			if e.ID == "" {
				c.add("19-003", 0, e.Obj, "a Note without /ID")
			} else if n, dup := noteIDs[e.ID]; dup {
				c.add("19-004", 0, e.Obj, "Note /ID %q also on object %d", e.ID, n)
			} else {
				noteIDs[e.ID] = e.Obj
			}
		case "H":
			plainH++
		case "H1", "H2", "H3", "H4", "H5", "H6":
			numbered++
			lv := int(e.Type[1] - '0')
			if firstHeading && lv != 1 {
				c.add("14-002", 0, e.Obj, "the first numbered heading is %s, not H1", e.Type)
			} else if lv > lastHeading+1 && !firstHeading {
				c.add("14-003", 0, e.Obj, "%s after H%d: a heading level skipped", e.Type, lastHeading)
			}
			firstHeading, lastHeading = false, lv
		}
		for _, k := range e.Kids {
			walk(k, depth+1)
		}
	}
	walk(d.Structure, 0)
	if plainH > 0 && numbered > 0 {
		c.add("14-007", 0, 0, "both H and numbered headings (H1–H6)")
	}
	annots := map[int]bool{}
	for pi, pg := range d.Pages {
		page := pi + 1
		for _, l := range pg.Links {
			annots[l.Obj] = true
			if l.Obj == 0 {
				c.add("28-011", page, 0, "a link annotation that is not an object of its own cannot be referred to by a Link element")
				continue
			}
			if l.F&4 == 0 || l.F&(1|2|32|256) != 0 {
				c.add("PDF/A: annotation flags", page, l.Obj, "link annotation /F %d: not printed, or hidden", l.F)
			}
			if strings.TrimSpace(l.Contents) == "" {
				c.add("28-012", page, l.Obj, "link annotation without /Contents")
			}
			el, ok := objr[l.Obj]
			if !ok {
				c.add("28-011", page, l.Obj, "link annotation %q not referred to by a Link element", l.Contents)
				continue
			}
			if pt := d.ParentTree[l.StructParent]; l.StructParent < len(d.Pages) || len(pt) != 1 || pt[0] != el {
				c.add("PDF: parent tree", page, l.Obj, "link annotation /StructParent %d: the parent tree names %v, not its Link element %d", l.StructParent, pt, el)
			}
		}
	}
	for _, o := range slices.Sorted(maps.Keys(objr)) {
		if el := objr[o]; !annots[o] {
			c.add("28-011", 0, el, "Link refers to object %d, which is no page's link annotation", o)
		}
	}
	var unowned []pdfread.MCR
	for m, n := range owner {
		if n == 0 {
			unowned = append(unowned, m)
		}
	}
	slices.SortFunc(unowned, func(a, b pdfread.MCR) int {
		if a.Page != b.Page {
			return a.Page - b.Page
		}
		return a.MCID - b.MCID
	})
	for _, m := range unowned {
		c.add("PDF: parent tree", m.Page+1, 0, "MCID %d belongs to no structure element", m.MCID)
	}
}

// metadata checks the XMP metadata against the Info dictionary and the
// claims it makes.
func (c *checker) metadata() {
	d := c.doc
	if d.XMP == nil {
		c.add("06-001", 0, 0, "no XMP metadata in the catalog")
		return
	}
	if d.MetadataFiltered {
		c.add("PDF/A: Info = XMP", 0, 0, "the XMP metadata stream has a filter")
	}
	x, err := XMP(d.XMP)
	if err != nil {
		c.add("06-001", 0, 0, "XMP metadata: %v", err)
		return
	}
	if len(x["pdfuaid:part"]) != 1 {
		c.add("06-002", 0, 0, "XMP pdfuaid:part %q: no PDF/UA identifier", x["pdfuaid:part"])
	}
	if len(x["dc:title"]) == 0 || strings.TrimSpace(x["dc:title"][0]) == "" {
		c.add("06-003", 0, 0, "no dc:title in the XMP metadata")
	}
	for _, kv := range [][2]string{{"Title", "dc:title"}, {"Author", "dc:creator"}, {"Subject", "dc:description"},
		{"Keywords", "pdf:Keywords"}, {"Creator", "xmp:CreatorTool"}, {"Producer", "pdf:Producer"}} {
		v, ok := d.Info[kv[0]]
		var want []string
		if ok {
			want = []string{v}
		}
		if got := x[kv[1]]; !slices.Equal(got, want) {
			c.add("PDF/A: Info = XMP", 0, 0, "Info %s %q, XMP %s %q", kv[0], v, kv[1], got)
		}
	}
	for _, kv := range [][2]string{{"CreationDate", "xmp:CreateDate"}, {"ModDate", "xmp:ModifyDate"}} {
		it, err := pdfDate(d.Info[kv[0]])
		if err != nil {
			c.add("PDF/A: Info = XMP", 0, 0, "Info %s %q: %v", kv[0], d.Info[kv[0]], err)
			continue
		}
		if len(x[kv[1]]) != 1 {
			c.add("PDF/A: Info = XMP", 0, 0, "Info %s, XMP %s %q", kv[0], kv[1], x[kv[1]])
			continue
		}
		xt, err := time.Parse(time.RFC3339, x[kv[1]][0])
		if err != nil {
			c.add("PDF/A: Info = XMP", 0, 0, "XMP %s: %v", kv[1], err)
		} else if !xt.Equal(it) {
			c.add("PDF/A: Info = XMP", 0, 0, "Info %s %s, XMP %s %s: not the same instant", kv[0], it, kv[1], xt)
		}
	}
	if len(x["pdfaid:part"]) != 1 || len(x["pdfaid:conformance"]) != 1 {
		c.add("PDF/A: Info = XMP", 0, 0, "XMP pdfaid:part %q, pdfaid:conformance %q: no PDF/A identification", x["pdfaid:part"], x["pdfaid:conformance"])
	}
	if !slices.Equal(x["dc:language"], []string{d.Lang}) {
		c.add("PDF/A: Info = XMP", 0, 0, "XMP dc:language %q, catalog /Lang %q", x["dc:language"], d.Lang)
	}
	if len(x["pdfuaid:part"]) > 0 && (!slices.Contains(x["pdfaSchema:prefix"], "pdfuaid") ||
		!slices.Contains(x["pdfaSchema:namespaceURI"], "http://www.aiim.org/pdfua/ns/id/") || !slices.Contains(x["pdfaProperty:name"], "part")) {
		c.add("PDF/A: extension schema", 0, 0, "pdfuaid is used without the PDF/A extension schema that declares it")
	}
	ok := false
	for _, oi := range d.OutputIntents {
		if oi.S == "GTS_PDFA1" && (oi.N == 1 || oi.N == 3 || oi.N == 4) {
			ok = true
		}
	}
	if !ok {
		c.add("PDF/A: output intent", 0, 0, "no GTS_PDFA1 output intent with an ICC profile (%d output intents)", len(d.OutputIntents))
	}
}

// pdfDate parses a PDF date with a time zone (D:YYYYMMDDHHmmSS followed
// by Z or +HH'mm or -HH'mm).
func pdfDate(s string) (time.Time, error) {
	z := strings.Replace(strings.TrimSuffix(s, "'"), "'", ":", 1)
	if strings.HasSuffix(z, "Z") {
		return time.Parse("D:20060102150405Z", z)
	}
	return time.Parse("D:20060102150405-07:00", z)
}

// XMP reads the properties of an XMP packet: for each leaf element (a
// simple property, or an rdf:li of an array), its text under the name of
// its property, prefix:name with the usual prefixes of the namespaces of
// Dublin Core (dc), XMP (xmp), Adobe PDF (pdf), PDF/A identification
// (pdfaid), PDF/UA identification (pdfuaid) and the PDF/A extension
// schema (pdfaSchema, pdfaProperty).
func XMP(b []byte) (map[string][]string, error) {
	prefix := map[string]string{
		"http://purl.org/dc/elements/1.1/":      "dc",
		"http://ns.adobe.com/xap/1.0/":          "xmp",
		"http://ns.adobe.com/pdf/1.3/":          "pdf",
		"http://www.aiim.org/pdfa/ns/id/":       "pdfaid",
		"http://www.aiim.org/pdfua/ns/id/":      "pdfuaid",
		"http://www.aiim.org/pdfa/ns/schema#":   "pdfaSchema",
		"http://www.aiim.org/pdfa/ns/property#": "pdfaProperty",
	}
	const rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	props := map[string][]string{}
	type open struct {
		name string // "" for rdf: and x: elements
		leaf bool
	}
	var stack []open
	var text strings.Builder
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return props, nil
		}
		if err != nil {
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 {
				stack[len(stack)-1].leaf = false
			}
			n := ""
			if p, ok := prefix[tk.Name.Space]; ok && tk.Name.Space != rdf {
				n = p + ":" + tk.Name.Local
			}
			stack = append(stack, open{name: n, leaf: true})
			text.Reset()
		case xml.CharData:
			text.Write(tk)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fmt.Errorf("unbalanced XML")
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !top.leaf {
				continue
			}
			for i := len(stack); i >= 0; i-- {
				o := top
				if i < len(stack) {
					o = stack[i]
				}
				if o.name != "" {
					props[o.name] = append(props[o.name], text.String())
					break
				}
			}
		}
	}
}
