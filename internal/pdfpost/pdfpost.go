// Package pdfpost turns the PDF fpdf writes into a tagged PDF: it adds a
// structure tree over the marked content the renderer wrote into the
// pages, and the catalog and page entries a tagged PDF needs.
//
// fpdf's output has a fixed shape, which this package relies on and
// checks: a header, objects written one after another (each at the offset
// the cross-reference table gives, from "N 0 obj" to "endobj"), one
// classic cross-reference section and a trailer with /Size, /Root and
// /Info; the page tree root is object 1, its /Kids the pages in order;
// each page dictionary starts "<</Type /Page" and the catalog "<<\n/Type
// /Catalog". Tag copies every object unchanged except the pages and the
// catalog, appends the structure tree and the link annotations after
// them, and writes a new cross-reference table and trailer, with an /ID
// derived from the content, so that the same input gives the same bytes.
//
// What Tag adds:
//   - the catalog: /StructTreeRoot, /MarkInfo <</Marked true>>,
//     /ViewerPreferences <</DisplayDocTitle true>> and /Lang (when fpdf did
//     not write one);
//   - every page: /StructParents (its key in the parent tree) and /Tabs /S;
//   - every link annotation (fpdf writes them as direct dictionaries in
//     the page's /Annots): an object of its own, with /F 4 (printed),
//     /StructParent and /Contents; each must belong to a Node (a Link),
//     which refers to it with an OBJR;
//   - the structure tree: a StructTreeRoot, one structure element per Node
//     (their marked-content references and inline kids in order, then
//     their kids, then their OBJRs) and a ParentTree mapping each page's
//     MCIDs to their elements and each annotation's key to its Link;
//   - with Options.Info: the Info dictionary rewritten (dates with a time
//     zone) and XMP metadata that agrees with it (see Info), named by
//     the catalog's /Metadata;
//   - with Options.Runes: a valid ToUnicode map for fpdf's UTF-8 fonts
//     (fpdf writes one that breaks the bfrange rule), of the characters
//     the document shows, and their names with a subset tag (fpdf embeds
//     subsets of them, without one);
//   - with Options.OutputIntent: an sRGB output intent;
//   - the trailer: /ID, and /Info naming the Info dictionary (fpdf names
//     the wrong object once an output intent is added);
//   - the header: version 1.7 (what PDF/UA-1 is based on).
package pdfpost

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf16"
)

// Node is a structure element.
type Node struct {
	// Type is the standard structure type: Document, H1, P, L, LI, Lbl,
	// LBody, Table, TR, TH, TD, Figure, Caption, Note …
	Type string
	// Alt is a text alternative (a Figure's); Lang the element's
	// language when it differs from the document's; ID a unique
	// identifier (PDF/UA wants one on every Note); Scope a TH's scope
	// (Column or Row).
	Alt, Lang, ID, Scope string
	// BBox, when not nil, is the element's bounding box on its page (a
	// Figure's), left, bottom, right and top in the page's user space: a
	// layout attribute.
	BBox *[4]float64
	// Content is the element's marked content, in reading order, with
	// the elements read between its sequences (a Link in a paragraph).
	// It is read before Kids.
	Content []MCR
	Kids    []*Node
	// Annots are the annotations the element stands for (a Link's):
	// each gets an object reference (OBJR) after the element's content.
	Annots []Annot
}

// MCR is a marked-content reference: the sequence with MCID on page Page
// (from 0); or, when Kid is not nil, that structure element, read at
// this point of its parent's content.
type MCR struct {
	Page, MCID int
	Kid        *Node
}

// Annot is the link annotation Index (from 0, in fpdf's order, which is
// the order of the renderer's Link calls) of page Page, and the text
// that describes it (its /Contents: the link's text).
type Annot struct {
	Page, Index int
	Contents    string
}

// Options are the document-level settings.
type Options struct {
	// Lang is the document's language, written into the catalog when
	// fpdf did not write it.
	Lang string
	// Info, when not nil, replaces fpdf's Info dictionary and is written
	// as XMP metadata too (see Info).
	Info *Info
	// Runes, when not nil, are the characters the document shows with
	// fpdf's UTF-8 fonts, sorted, without repeats: every ToUnicode map
	// fpdf wrote is replaced by ToUnicode(Runes).
	Runes []rune
	// OutputIntent adds the catalog an sRGB output intent (GTS_PDFA1,
	// SRGBIdentifier, the profile SRGB), unless it has output intents:
	// what fpdf's AddOutputIntent writes, with the profile compressed
	// once for all documents rather than once per document.
	OutputIntent bool
}

// srgbStream is the ICC profile stream object's body, compressed once.
var srgbStream = sync.OnceValue(func() []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	w.Write(SRGB)
	w.Close()
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /N 3 /Alternate /DeviceRGB /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj\n")
	return b.Bytes()
})

// file is fpdf's output taken apart.
type file struct {
	data    []byte
	offsets []int // by object number; 0 for object 0
	xref    int   // offset of "xref"
	root    int   // catalog's object number
	info    int   // Info's object number
	pages   []int // page object numbers in order
}

// parse takes apart a PDF in fpdf's shape.
func parse(data []byte) (*file, error) {
	f := &file{data: data}
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		return nil, errors.New("not a PDF")
	}
	tail := data[max(0, len(data)-64):]
	i := bytes.LastIndex(tail, []byte("startxref\n"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	rest := tail[i+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, errors.New("startxref without an offset")
	}
	x, err := strconv.Atoi(string(rest[:end]))
	if err != nil || x <= 0 || x >= len(data) || !bytes.HasPrefix(data[x:], []byte("xref\n0 ")) {
		return nil, fmt.Errorf("startxref %q does not point at a cross-reference table", rest[:end])
	}
	f.xref = x
	p := data[x+len("xref\n0 "):]
	nl := bytes.IndexByte(p, '\n')
	n, err := strconv.Atoi(string(p[:max(nl, 0)]))
	if nl < 0 || err != nil || n < 2 {
		return nil, errors.New("bad cross-reference subsection")
	}
	p = p[nl+1:]
	const row = 20 // "0000000000 65535 f \n"
	if len(p) < n*row {
		return nil, errors.New("cross-reference table cut short")
	}
	f.offsets = make([]int, n)
	var head []byte
	for k := 1; k < n; k++ {
		r := p[k*row : (k+1)*row]
		if string(r[10:]) != " 00000 n \n" {
			return nil, fmt.Errorf("cross-reference entry %d: %q", k, r)
		}
		off, err := strconv.Atoi(string(r[:10]))
		if err != nil || off <= 0 || off >= x {
			return nil, fmt.Errorf("cross-reference entry %d: %q", k, r)
		}
		head = append(strconv.AppendInt(head[:0], int64(k), 10), " 0 obj\n"...)
		if !bytes.HasPrefix(data[off:], head) {
			return nil, fmt.Errorf("object %d is not at offset %d", k, off)
		}
		f.offsets[k] = off
	}
	trailer := p[n*row:]
	f.root = refAfter(trailer, "/Root ")
	f.info = refAfter(trailer, "/Info ")
	if f.root <= 0 || f.root >= n || f.info <= 0 || f.info >= n {
		return nil, errors.New("trailer without /Root or /Info")
	}
	// fpdf writes the Info dictionary, then the output intents' profile
	// streams, then the catalog, and names in the trailer as /Info the
	// object before the catalog's: with an output intent, a profile.
	for f.info > 1 && bytes.HasPrefix(f.body(f.info), []byte("<< /N 3 /Alternate /DeviceRGB ")) {
		f.info--
	}
	if b := f.body(f.info); !bytes.HasPrefix(b, []byte("<<\n")) || !bytes.Contains(b[:max(bytes.Index(b, []byte("\nendobj")), 0)], []byte("\n/CreationDate ")) {
		return nil, errors.New("no Info dictionary where fpdf writes it")
	}
	if !bytes.HasPrefix(f.body(f.root), []byte("<<\n/Type /Catalog\n")) {
		return nil, errors.New("the trailer's /Root is not the catalog")
	}
	kids := f.body(1)
	if !bytes.HasPrefix(kids, []byte("<</Type /Pages\n/Kids [")) {
		return nil, errors.New("object 1 is not the page tree")
	}
	kids = kids[len("<</Type /Pages\n/Kids ["):]
	kids = kids[:bytes.IndexByte(kids, ']')]
	for _, fld := range bytes.Fields(kids) {
		if string(fld) == "0" || string(fld) == "R" {
			continue
		}
		pn, err := strconv.Atoi(string(fld))
		if err != nil || pn <= 0 || pn >= n || !bytes.HasPrefix(f.body(pn), []byte("<</Type /Page\n")) {
			return nil, fmt.Errorf("page tree kid %q is not a page", fld)
		}
		f.pages = append(f.pages, pn)
	}
	return f, nil
}

// pageAnnots are the annotations of a page: their dictionaries as fpdf
// wrote them inside the page's /Annots array, which spans [start, end)
// of the page object's body; and, once planned, their new object
// numbers, the elements they belong to and their descriptions.
type pageAnnots struct {
	dicts      [][]byte
	start, end int
	obj        []int
	owner      []*Node
	contents   []string
}

// annots reads the /Annots array of page object pn: direct dictionaries,
// as fpdf writes them (an empty result when the page has none).
func (f *file) annots(pn int) (pageAnnots, error) {
	var pa pageAnnots
	b := f.body(pn)
	end := bytes.Index(b, []byte("\nendobj"))
	if end < 0 {
		return pa, errors.New("page object without endobj")
	}
	b = b[:end]
	i := bytes.Index(b, []byte("\n/Annots ["))
	if i < 0 {
		return pa, nil
	}
	pa.start = i + 1
	p := i + len("\n/Annots [")
	depth, str, dict := 0, 0, -1
	for ; p < len(b); p++ {
		c := b[p]
		switch {
		case str > 0:
			switch c {
			case '\\':
				p++
			case '(':
				str++
			case ')':
				str--
			}
		case c == '(':
			str = 1
		case c == '<' && p+1 < len(b) && b[p+1] == '<':
			if depth == 0 {
				dict = p
			}
			depth++
			p++
		case c == '>' && p+1 < len(b) && b[p+1] == '>':
			depth--
			p++
			if depth == 0 {
				pa.dicts = append(pa.dicts, b[dict:p+1])
			}
		case c == ']' && depth == 0:
			pa.end = p + 1
			for _, d := range pa.dicts {
				if !bytes.HasPrefix(d, []byte("<</Type /Annot /Subtype /Link ")) {
					return pa, fmt.Errorf("annotation %q is not a link", d)
				}
			}
			return pa, nil
		}
	}
	return pa, errors.New("/Annots array not closed")
}

// body is object k's text after "k 0 obj\n".
func (f *file) body(k int) []byte {
	b := f.data[f.offsets[k]:]
	return b[bytes.IndexByte(b, '\n')+1:]
}

// refAfter reads the object number of "key N 0 R" in b; 0 if absent.
func refAfter(b []byte, key string) int {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return 0
	}
	f := bytes.Fields(b[i+len(key):])
	if len(f) < 3 || string(f[1]) != "0" || !bytes.HasPrefix(f[2], []byte("R")) {
		return 0
	}
	n, _ := strconv.Atoi(string(f[0]))
	return n
}

// Tag returns pdf with the structure tree rooted at doc (normally a
// Document element) added. MCIDs must be unique on each page; every MCR
// must name a page of pdf.
func Tag(pdf []byte, doc *Node, opt Options) ([]byte, error) {
	f, err := parse(pdf)
	if err != nil {
		return nil, fmt.Errorf("tagging the PDF: %w", err)
	}
	size := len(f.offsets)
	// Object numbers: the structure tree root, the parent tree, then
	// the elements in depth-first order.
	rootObj, parentTree := size, size+1
	next := size + 2
	num := map[*Node]int{}
	var order []*Node
	parent := map[*Node]*Node{}
	var walk func(n *Node) error
	walk = func(n *Node) error {
		if _, dup := num[n]; dup {
			return errors.New("a structure element appears twice in the tree")
		}
		num[n] = next
		next++
		order = append(order, n)
		for _, m := range n.Content {
			if m.Kid != nil {
				parent[m.Kid] = n
				if err := walk(m.Kid); err != nil {
					return err
				}
			}
		}
		for _, k := range n.Kids {
			parent[k] = n
			if err := walk(k); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc); err != nil {
		return nil, err
	}
	// The link annotations, taken out of the pages' /Annots arrays to
	// become objects of their own, each with its parent tree key.
	annots := make([]pageAnnots, len(f.pages))
	nAnnots := 0
	for i, pn := range f.pages {
		a, err := f.annots(pn)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		a.obj = make([]int, len(a.dicts))
		a.owner = make([]*Node, len(a.dicts))
		a.contents = make([]string, len(a.dicts))
		for j := range a.dicts {
			a.obj[j] = next
			next++
		}
		annots[i] = a
		nAnnots += len(a.dicts)
	}
	annotKey := map[int]int{} // object number → parent tree key
	for _, n := range order {
		for _, a := range n.Annots {
			if a.Page < 0 || a.Page >= len(annots) || a.Index < 0 || a.Index >= len(annots[a.Page].dicts) {
				return nil, fmt.Errorf("%s element: page %d has no annotation %d", n.Type, a.Page+1, a.Index+1)
			}
			pa := &annots[a.Page]
			if pa.owner[a.Index] != nil {
				return nil, fmt.Errorf("annotation %d of page %d belongs to two elements", a.Index+1, a.Page+1)
			}
			if a.Contents == "" {
				return nil, fmt.Errorf("annotation %d of page %d: no /Contents", a.Index+1, a.Page+1)
			}
			pa.owner[a.Index], pa.contents[a.Index] = n, a.Contents
		}
	}
	xmpObj := 0
	if opt.Info != nil {
		xmpObj = next
		next++
	}
	iccObj := 0
	catalog := f.body(f.root)
	catalog = catalog[:max(bytes.Index(catalog, []byte("\nendobj")), 0)]
	if opt.OutputIntent && !bytes.Contains(catalog, []byte("/OutputIntents")) {
		iccObj = next
		next++
	}
	key := len(f.pages)
	for i, pa := range annots {
		for j, o := range pa.owner {
			if o == nil {
				return nil, fmt.Errorf("annotation %d of page %d belongs to no structure element", j+1, i+1)
			}
			annotKey[pa.obj[j]] = key
			key++
		}
	}
	// The parent tree: per page, the element of each MCID.
	owners := make([][]int, len(f.pages))
	for _, n := range order {
		for _, m := range n.Content {
			if m.Kid != nil {
				continue
			}
			if m.Page < 0 || m.Page >= len(f.pages) || m.MCID < 0 {
				return nil, fmt.Errorf("marked content %d on page %d: no such page", m.MCID, m.Page+1)
			}
			o := owners[m.Page]
			for len(o) <= m.MCID {
				o = append(o, 0)
			}
			if o[m.MCID] != 0 {
				return nil, fmt.Errorf("MCID %d used twice on page %d", m.MCID, m.Page+1)
			}
			o[m.MCID] = num[n]
			owners[m.Page] = o
		}
	}

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)+len(order)*96+len(f.pages)*64+1024))
	offsets := make([]int, next)
	// Objects in file order, pages and catalog amended.
	byOffset, objs := f.objects()
	pageKey := make(map[int]int, len(f.pages))
	for i, pn := range f.pages {
		pageKey[pn] = i
	}
	var cmap []byte
	out.Write(f.data[:f.offsets[byOffset[0]]])
	// PDF/UA-1 is based on PDF 1.7; the header keeps its length.
	copy(out.Bytes()[len("%PDF-"):], "1.7")
	for _, k := range byOffset {
		obj := objs[k]
		offsets[k] = out.Len()
		head := bytes.IndexByte(obj, '\n') + 1 // "k 0 obj\n"
		if pi, ok := pageKey[k]; ok {
			cut := head + len("<</Type /Page\n")
			out.Write(obj[:cut])
			fmt.Fprintf(out, "/StructParents %d\n/Tabs /S\n", pi)
			pa := annots[pi]
			if len(pa.dicts) == 0 {
				out.Write(obj[cut:])
				continue
			}
			out.Write(obj[cut : head+pa.start])
			out.WriteString("/Annots [")
			for j, o := range pa.obj {
				if j > 0 {
					out.WriteByte(' ')
				}
				fmt.Fprintf(out, "%d 0 R", o)
			}
			out.WriteByte(']')
			out.Write(obj[head+pa.end:])
			continue
		}
		if k == f.root {
			cut := head + len("<<\n/Type /Catalog\n")
			out.Write(obj[:cut])
			fmt.Fprintf(out, "/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n", rootObj)
			if opt.Lang != "" && !bytes.Contains(obj, []byte("\n/Lang ")) {
				fmt.Fprintf(out, "/Lang %s\n", TextString(opt.Lang))
			}
			if xmpObj > 0 {
				fmt.Fprintf(out, "/Metadata %d 0 R\n", xmpObj)
			}
			if iccObj > 0 {
				fmt.Fprintf(out, "/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier %s /Info %s /DestOutputProfile %d 0 R >>]\n",
					TextString(SRGBIdentifier), TextString(SRGBIdentifier), iccObj)
			}
			out.Write(obj[cut:])
			continue
		}
		if opt.Runes != nil {
			if at := subsetNameAt(obj[head:]); at > 0 {
				out.Write(obj[:head+at])
				out.WriteString(subsetTag(obj[head+at:], opt.Runes))
				out.Write(obj[head+at:])
				continue
			}
		}
		if opt.Runes != nil && string(obj[head:]) == fpdfToUnicodeObj {
			if cmap == nil {
				cmap = ToUnicode(opt.Runes) // the same for every font
			}
			fmt.Fprintf(out, "%d 0 obj\n<</Length %d>>\nstream\n", k, len(cmap))
			out.Write(cmap)
			out.WriteString("\nendstream\nendobj\n")
			continue
		}
		if k == f.info && opt.Info != nil {
			out.Write(obj[:head])
			out.Write(opt.Info.infoDict())
			out.WriteString("\nendobj\n")
			continue
		}
		out.Write(obj)
	}

	// The structure tree.
	offsets[rootObj] = out.Len()
	fmt.Fprintf(out, "%d 0 obj\n<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>\nendobj\n", rootObj, num[doc], parentTree, len(f.pages)+nAnnots)
	offsets[parentTree] = out.Len()
	fmt.Fprintf(out, "%d 0 obj\n<</Nums [", parentTree)
	for i, o := range owners {
		fmt.Fprintf(out, "\n%d [", i)
		for j, n := range o {
			if j > 0 {
				out.WriteByte(' ')
			}
			if n == 0 {
				out.WriteString("null")
			} else {
				fmt.Fprintf(out, "%d 0 R", n)
			}
		}
		out.WriteByte(']')
	}
	for _, pa := range annots {
		for j, o := range pa.obj {
			fmt.Fprintf(out, "\n%d %d 0 R", annotKey[o], num[pa.owner[j]])
		}
	}
	out.WriteString("]>>\nendobj\n")
	for _, n := range order {
		offsets[num[n]] = out.Len()
		p := rootObj
		if pn, ok := parent[n]; ok {
			p = num[pn]
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Type /StructElem /S /%s /P %d 0 R", num[n], n.Type, p)
		pg := -1
		if len(n.Content) > 0 {
			pg = n.Content[0].Page
			fmt.Fprintf(out, " /Pg %d 0 R", f.pages[pg])
		}
		if n.Alt != "" {
			fmt.Fprintf(out, " /Alt %s", TextString(n.Alt))
		}
		if n.Lang != "" {
			fmt.Fprintf(out, " /Lang %s", TextString(n.Lang))
		}
		if n.ID != "" {
			fmt.Fprintf(out, " /ID %s", TextString(n.ID))
		}
		writeAttributes(out, n)
		if k := len(n.Content) + len(n.Kids) + len(n.Annots); k > 0 {
			out.WriteString(" /K [")
			for i, m := range n.Content {
				if i > 0 {
					out.WriteByte(' ')
				}
				if m.Kid != nil {
					fmt.Fprintf(out, "%d 0 R", num[m.Kid])
				} else if m.Page == pg {
					out.WriteString(strconv.Itoa(m.MCID))
				} else {
					fmt.Fprintf(out, "<</Type /MCR /Pg %d 0 R /MCID %d>>", f.pages[m.Page], m.MCID)
				}
			}
			for i, kid := range n.Kids {
				if i > 0 || len(n.Content) > 0 {
					out.WriteByte(' ')
				}
				fmt.Fprintf(out, "%d 0 R", num[kid])
			}
			for i, a := range n.Annots {
				if i > 0 || len(n.Content)+len(n.Kids) > 0 {
					out.WriteByte(' ')
				}
				fmt.Fprintf(out, "<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annots[a.Page].obj[a.Index], f.pages[a.Page])
			}
			out.WriteByte(']')
		}
		out.WriteString(">>\nendobj\n")
	}
	// The annotations, with what PDF/UA asks of them: printed (/F 4),
	// their parent tree key and a description.
	for _, pa := range annots {
		for j, d := range pa.dicts {
			o := pa.obj[j]
			offsets[o] = out.Len()
			fmt.Fprintf(out, "%d 0 obj\n", o)
			out.Write(d[:len(d)-2])
			fmt.Fprintf(out, " /F 4 /StructParent %d /Contents %s>>\nendobj\n", annotKey[o], TextString(pa.contents[j]))
		}
	}

	if xmpObj > 0 {
		// Not compressed: PDF/A wants metadata readable without a filter.
		x := opt.Info.xmp(opt.Lang)
		offsets[xmpObj] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", xmpObj, len(x))
		out.Write(x)
		out.WriteString("\nendstream\nendobj\n")
	}

	if iccObj > 0 {
		offsets[iccObj] = out.Len()
		out.WriteString(strconv.Itoa(iccObj))
		out.WriteString(" 0 obj\n")
		out.Write(srgbStream())
	}

	f.writeTail(out, offsets)
	return out.Bytes(), nil
}

// objects returns the object numbers of f in file order and, by object
// number, each object's text: from "k 0 obj\n" up to the next object (or
// the cross-reference table), "endobj\n" included.
func (f *file) objects() (order []int, objs [][]byte) {
	size := len(f.offsets)
	order = make([]int, 0, size-1)
	for k := 1; k < size; k++ {
		order = append(order, k)
	}
	slices.SortFunc(order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	objs = make([][]byte, size)
	for i, k := range order {
		end := f.xref
		if i+1 < len(order) {
			end = f.offsets[order[i+1]]
		}
		objs[k] = f.data[f.offsets[k]:end]
	}
	return order, objs
}

// writeTail ends out, which holds the objects at offsets (by object
// number), with a cross-reference table and a trailer naming f's catalog
// and Info dictionary, with an /ID from the content, so that the same
// objects give the same bytes.
func (f *file) writeTail(out *bytes.Buffer, offsets []int) {
	sum := sha256.Sum256(out.Bytes())
	x := out.Len()
	n := len(offsets)
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", n)
	row := []byte("0000000000 00000 n \n")
	for k := 1; k < n; k++ {
		for i, v := 9, offsets[k]; i >= 0; i, v = i-1, v/10 {
			row[i] = byte('0' + v%10)
		}
		out.Write(row)
	}
	fmt.Fprintf(out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%x> <%x>]\n>>\nstartxref\n%d\n%%%%EOF\n", n, f.root, f.info, sum[:16], sum[:16], x)
}

// writeAttributes writes the attributes of n, " /A" and one attribute
// dictionary or an array of them: a table cell's Scope, a bounding box.
func writeAttributes(out *bytes.Buffer, n *Node) {
	var attrs [2][]byte
	k := 0
	if n.Scope != "" {
		attrs[k] = fmt.Appendf(nil, "<</O /Table /Scope /%s>>", n.Scope)
		k++
	}
	if b := n.BBox; b != nil && finite(b[:]) {
		a := []byte("<</O /Layout /BBox [")
		for i, v := range b {
			if i > 0 {
				a = append(a, ' ')
			}
			a = strconv.AppendFloat(a, math.Round(v*100)/100+0, 'f', -1, 64)
		}
		attrs[k] = append(a, "]>>"...)
		k++
	}
	switch k {
	case 1:
		out.WriteString(" /A ")
		out.Write(attrs[0])
	case 2:
		out.WriteString(" /A [")
		out.Write(attrs[0])
		out.WriteByte(' ')
		out.Write(attrs[1])
		out.WriteByte(']')
	}
}

// finite reports whether every number of vs is finite.
func finite(vs []float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// TextString writes s as a PDF text string: a literal string when it is
// printable ASCII, else UTF-16BE with a byte order mark, in hex.
func TextString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, 0, len(s)+2)
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return string(append(b, ')'))
	}
	b := make([]byte, 0, 6+4*len(s))
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = appendHex4(b, u)
	}
	return string(append(b, '>'))
}
