// Package pdfread reads back the PDFs reportgen writes, for tests: page text, outline, links and document information.
//
// pdfcpu parses and validates the file and resolves its objects; the page
// content streams are interpreted here, with just enough of the PDF imaging
// model to place text: the graphics state stack (q, Q, cm), the text state
// (Tf, Tc, Tw, Tz, TL, Ts), text positioning (BT, ET, Td, TD, Tm, T*), text
// showing (Tj, TJ, ', ") and form XObjects (Do). Text is decoded with the
// font's ToUnicode CMap; for a Type0 font without one, codes are taken to
// be Unicode code points, which is what fpdf's UTF-8 fonts use
// (Identity-H, CID = code point). Simple fonts without ToUnicode are read
// as Windows-1252.
//
// Coordinates are PDF points with the origin at the top left of the page
// (CropBox, which defaults to MediaBox), y growing downwards, as in package
// layout. Page rotation (/Rotate) is ignored.
//
// pdfcpu reports repairs through its global loggers, so validation
// temporarily installs a logger of its own (see ValidateRelaxed), and the
// first validation switches pdfcpu's configuration directory off
// (api.DisableConfigDir), so that reading never writes a config.yml.
package pdfread

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/log"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/encoding/charmap"
)

// Run is one piece of text as drawn by one text-showing operator (a TJ
// array is split where its spacing leaves a visible gap).
type Run struct {
	// X and Y are the start of the baseline, in points from the left and
	// from the TOP of the page.
	X, Y float64
	// Text is the decoded text.
	Text string
	// Font is the font's BaseFont name (its resource name if it has none).
	Font string
	// Size is the effective font size in points (Tf size scaled by the
	// text and current transformation matrices).
	Size float64
	// W is the advance width of the run in points, from the font's glyph
	// widths; Page.Text uses it to find the gap to the next run.
	W float64
	// Marked tells whether the run is drawn inside marked content; MCID
	// is the innermost enclosing marked-content identifier (-1: none),
	// Artifact whether an enclosing sequence is an /Artifact, and Actual
	// the innermost enclosing /ActualText, if any.
	Marked   bool
	MCID     int
	Artifact bool
	Actual   string
}

// Page is the content of one page.
type Page struct {
	// Runs are the text runs in content stream order.
	Runs []Run
	// Links are the link annotations in /Annots order.
	Links []Link
	// MCIDs are the marked-content identifiers of the page's BDC
	// operators in content stream order; Images counts the image
	// XObjects drawn; Unbalanced is set when BDC/BMC and EMC do not pair
	// up (an EMC without a sequence open, or a sequence left open at the
	// end).
	MCIDs      []int
	Images     int
	Unbalanced bool
	// Unmapped counts the character codes shown with a font that has a
	// ToUnicode map which does not map them.
	Unmapped int
	// Paths counts the path-painting operators (S s f F f* B B* b b*,
	// and sh); UntaggedPaths and UntaggedImages those paths and images
	// drawn neither inside an /Artifact sequence nor inside one with an
	// MCID, and UntaggedText the text runs so drawn.
	Paths, UntaggedPaths, UntaggedImages, UntaggedText int
	// ArtifactInTagged counts the /Artifact sequences opened inside a
	// sequence with an MCID; TaggedInArtifact the sequences with an
	// MCID opened inside an /Artifact sequence.
	ArtifactInTagged, TaggedInArtifact int
	// Fonts are the indexes in Doc.Fonts of the fonts the page's text
	// is shown with, in order of first use; NotDef the character codes
	// shown that select glyph 0 (.notdef) of a TrueType-based CIDFont,
	// and Missing those that select a glyph the embedded font program
	// does not have (its maxp table's glyph count or more), each once
	// (fonts with the Identity-H or Identity-V encoding only).
	Fonts           []int
	NotDef, Missing []Code
	// StructParents is the page's /StructParents, -1 without one; Tabs
	// its /Tabs.
	StructParents int
	Tabs          string
}

// Code is a character code shown with the font Doc.Fonts[Font].
type Code struct{ Font, Code int }

// Font is a font that text is shown with.
type Font struct {
	// Obj is the font dictionary's object number (0: a direct
	// dictionary); Name its /BaseFont; Subtype its /Subtype, and
	// CIDSubtype the /Subtype of a Type0 font's descendant CIDFont.
	Obj                       int
	Name, Subtype, CIDSubtype string
	// Embedded tells whether the font descriptor (a Type0 font's
	// descendant's) has a font program (FontFile, FontFile2 or
	// FontFile3); Glyphs is the glyph count of an embedded TrueType
	// program (its maxp table; 0: not read).
	Embedded bool
	Glyphs   int
	// ToUnicode tells whether the font has a ToUnicode CMap; BadUnicode
	// counts its entries that map a code to U+0000, U+FEFF or U+FFFE.
	ToUnicode  bool
	BadUnicode int
	// CIDToGIDMap is a CIDFontType2's /CIDToGIDMap: "Identity",
	// "stream", "other" (another name), or "" when it has none.
	CIDToGIDMap string
}

// Link is a link annotation.
type Link struct {
	// X, Y, W, H is the annotation rectangle, Y from the top of the page
	// to the top edge of the rectangle.
	X, Y, W, H float64
	// URI is the target of an external (URI action) link.
	URI string
	// DestPage is the 1-based target page of an internal (GoTo action or
	// /Dest) link, 0 for an external link or an unresolved destination.
	DestPage int
	// Obj is the annotation's object number (0: a direct dictionary);
	// F its flags; StructParent its parent tree key (-1: none); Contents
	// its description.
	Obj, F, StructParent int
	Contents             string
}

// Bookmark is one entry of the document outline.
type Bookmark struct {
	// Title is the decoded title.
	Title string
	// Level is the depth in the outline, 0 for top-level entries (as in
	// fpdf's Bookmark and layout.Bookmark).
	Level int
	// Page is the 1-based target page, 0 if unresolved.
	Page int
}

// Doc is what Read found in a PDF.
type Doc struct {
	// Pages in document order.
	Pages []Page
	// Outline in document (depth-first) order.
	Outline []Bookmark
	// Info holds the text entries of the document information dictionary
	// (Title, Author, Subject, Creator, Keywords, Producer, and the raw
	// CreationDate and ModDate strings), decoded from UTF-16BE or
	// PDFDocEncoding.
	Info map[string]string
	// Lang is the catalog's /Lang entry.
	Lang string
	// Structure is the structure tree's root element (the StructTreeRoot's
	// /K), nil in an untagged PDF; ParentTree maps each parent tree key to
	// the object numbers of the elements it lists, by MCID (0: null).
	Structure  *Elem
	ParentTree map[int][]int
	// Marked is the catalog's /MarkInfo /Marked; DisplayDocTitle its
	// /ViewerPreferences /DisplayDocTitle; ID whether the trailer has an
	// /ID.
	Marked, DisplayDocTitle, ID bool
	// XMP is the catalog's /Metadata stream, decoded (nil: none);
	// MetadataFiltered whether that stream has a /Filter.
	XMP              []byte
	MetadataFiltered bool
	// OutputIntents are the catalog's output intents.
	OutputIntents []OutputIntent
	// Fonts are the fonts the pages show text with (Page.Fonts).
	Fonts []Font
	// Encrypted tells whether the trailer has an /Encrypt entry;
	// Scripts are the objects that hold JavaScript or additional
	// actions: a /JS, /JavaScript or /AA key, or an action of type
	// JavaScript, at any depth of a dictionary.
	Encrypted bool
	Scripts   []int
}

// OutputIntent is an output intent: its subtype /S, its
// /OutputConditionIdentifier, and the number of colour components (/N) of
// its destination profile (0: none).
type OutputIntent struct {
	S, Identifier string
	N             int
}

// Elem is a structure element.
type Elem struct {
	// Obj is the element's object number.
	Obj int
	// Type is /S; Alt, ActualText, Lang and ID the entries of those names;
	// Scope the /Scope of its table attributes.
	Type, Alt, ActualText, Lang, ID, Scope string
	// BBox is the /BBox of its layout attributes (left, bottom, right,
	// top in the user space of its page); nil without one.
	BBox []float64
	// MCRs are its marked-content references and Kids its child elements,
	// each in /K order (Order interleaves them: an MCR index >= 0, or
	// -1-i for Kids[i]).
	MCRs  []MCR
	Kids  []*Elem
	Order []int
	// OBJRs are the object numbers its object references name.
	OBJRs []int
}

// MCR is a marked-content reference; Page counts from 0.
type MCR struct{ Page, MCID int }

// Read parses and validates the PDF (pdfcpu validation, strict mode first,
// relaxed mode if strict fails; either fails when pdfcpu had to repair
// anything) and returns its content.
func Read(data []byte) (*Doc, error) {
	ctx, err := readValidated(data, model.ValidationStrict)
	if err != nil {
		var errRelaxed error
		ctx, errRelaxed = readValidated(data, model.ValidationRelaxed)
		if errRelaxed != nil {
			return nil, fmt.Errorf("pdfread: strict: %v; relaxed: %w", err, errRelaxed)
		}
	}
	return extract(ctx)
}

// ValidateStrict runs pdfcpu's validation in strict mode and returns its
// error (nil when valid). Like ValidateRelaxed, it also fails when pdfcpu
// reports a repair.
func ValidateStrict(data []byte) error {
	_, err := readValidated(data, model.ValidationStrict)
	return err
}

// ValidateRelaxed runs pdfcpu's validation in relaxed mode; it returns an
// error also when pdfcpu reports it had to repair anything ("repaired" and
// "skipped" messages, or a shifted object offset base).
//
// pdfcpu reports repairs only through its global loggers: while
// validating, pdfcpu's CLI logger is replaced by one that collects them.
// Validations are serialized; a CLI logger installed before is replaced by
// pdfcpu's default one afterwards.
func ValidateRelaxed(data []byte) error {
	_, err := readValidated(data, model.ValidationRelaxed)
	return err
}

var (
	disableConfigDir sync.Once
	validateMu       sync.Mutex
)

// msgLogger collects pdfcpu's repair reports.
type msgLogger struct{ msgs []string }

func (l *msgLogger) add(s string) {
	s = strings.TrimSpace(s)
	for _, topic := range []string{"pdfcpu repaired:", "pdfcpu skipped:"} {
		if strings.HasPrefix(s, topic) {
			l.msgs = append(l.msgs, strings.TrimPrefix(s, "pdfcpu "))
		}
	}
}

func (l *msgLogger) Printf(format string, args ...any) { l.add(fmt.Sprintf(format, args...)) }
func (l *msgLogger) Println(args ...any)               { l.add(fmt.Sprintln(args...)) }
func (l *msgLogger) Fatalf(format string, args ...any) { l.add(fmt.Sprintf(format, args...)) }
func (l *msgLogger) Fatalln(args ...any)               { l.add(fmt.Sprintln(args...)) }

// readValidated reads data into a pdfcpu context and validates it in the
// given mode.
func readValidated(data []byte, mode int) (ctx *model.Context, err error) {
	disableConfigDir.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = mode
	conf.ValidateLinks = false
	conf.Offline = true
	conf.Cmd = model.VALIDATE

	validateMu.Lock()
	defer validateMu.Unlock()
	hadCLI := log.CLIEnabled()
	msgs := &msgLogger{}
	log.SetCLILogger(msgs)
	defer func() {
		if hadCLI {
			log.SetDefaultCLILogger()
		} else {
			log.SetCLILogger(nil)
		}
		// pdfcpu panics on some malformed input instead of failing.
		if r := recover(); r != nil {
			ctx, err = nil, fmt.Errorf("pdfcpu panicked: %v", r)
		}
	}()

	ctx, err = api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("pdfcpu read (%s): %w", conf.ValidationModeString(), err)
	}
	if err = api.ValidateContext(ctx); err != nil {
		return nil, fmt.Errorf("pdfcpu validation (%s, obj#%d): %w", conf.ValidationModeString(), ctx.CurObj, err)
	}
	if ctx.Read.RepairOffset != 0 {
		msgs.msgs = append(msgs.msgs, fmt.Sprintf("repaired: object offsets shifted by %d", ctx.Read.RepairOffset))
	}
	if len(msgs.msgs) > 0 {
		return nil, fmt.Errorf("pdfcpu validation (%s): %s", conf.ValidationModeString(), strings.Join(msgs.msgs, "; "))
	}
	return ctx, nil
}

// Text returns the page's text as a reader would extract it: runs grouped
// into lines by baseline (same Y within 0.5pt), lines from top to bottom,
// runs sorted by X, joined with a single space where the gap between runs
// is larger than 0.15 of the font size (and no space otherwise), lines
// joined with "\n". Empty runs are left out.
func (p Page) Text() string {
	runs := make([]Run, 0, len(p.Runs))
	for _, r := range p.Runs {
		if r.Text != "" {
			runs = append(runs, r)
		}
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].Y < runs[j].Y })
	var lines [][]Run
	for i := 0; i < len(runs); {
		j := i + 1
		for j < len(runs) && runs[j].Y-runs[i].Y <= 0.5 {
			j++
		}
		lines = append(lines, runs[i:j])
		i = j
	}
	var b strings.Builder
	for li, line := range lines {
		if li > 0 {
			b.WriteByte('\n')
		}
		sort.SliceStable(line, func(i, j int) bool { return line[i].X < line[j].X })
		for i, r := range line {
			if i > 0 {
				prev := line[i-1]
				gap := r.X - (prev.X + prev.W)
				size := math.Max(prev.Size, r.Size)
				if gap > 0.15*size && !strings.HasSuffix(prev.Text, " ") && !strings.HasPrefix(r.Text, " ") {
					b.WriteByte(' ')
				}
			}
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// reader extracts a Doc from a validated context.
type reader struct {
	ctx   *model.Context
	pages map[int]int // page object number → 1-based page number
	fonts map[fontKey]*font
	list  []*font // fonts in order of first use
}

type fontKey struct {
	objNr int
	res   string // resource name, for direct font dicts
}

func extract(ctx *model.Context) (*Doc, error) {
	r := &reader{ctx: ctx, pages: map[int]int{}, fonts: map[fontKey]*font{}}
	doc := &Doc{Info: map[string]string{}}

	type pageRef struct {
		dict types.Dict
		attr *model.InheritedPageAttrs
	}
	refs := make([]pageRef, ctx.PageCount)
	for i := 1; i <= ctx.PageCount; i++ {
		d, ir, attr, err := ctx.PageDict(i, false)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i, err)
		}
		if d == nil || attr == nil {
			return nil, fmt.Errorf("page %d: missing page dict", i)
		}
		if ir != nil {
			r.pages[ir.ObjectNumber.Value()] = i
		}
		refs[i-1] = pageRef{d, attr}
	}
	for i, pr := range refs {
		pg, err := r.page(pr.dict, pr.attr)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		doc.Pages = append(doc.Pages, pg)
	}

	root, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	if o, _ := r.deref(root["Lang"]); o != nil {
		doc.Lang = textString(o)
	}
	if o, _ := r.deref(root["Outlines"]); o != nil {
		if d, ok := o.(types.Dict); ok {
			doc.Outline = r.outline(d["First"], 0, map[int]bool{}, nil)
		}
	}
	if mi := r.dict(root["MarkInfo"]); mi != nil {
		if b := mi.BooleanEntry("Marked"); b != nil {
			doc.Marked = *b
		}
	}
	if vp := r.dict(root["ViewerPreferences"]); vp != nil {
		if b := vp.BooleanEntry("DisplayDocTitle"); b != nil {
			doc.DisplayDocTitle = *b
		}
	}
	doc.ID = len(ctx.XRefTable.ID) == 2
	if md := r.dict(root["Metadata"]); md != nil {
		_, doc.MetadataFiltered = md["Filter"]
		if doc.XMP, err = r.stream(root["Metadata"]); err != nil {
			return nil, fmt.Errorf("metadata: %w", err)
		}
	}
	for _, o := range r.array(root["OutputIntents"]) {
		d := r.dict(o)
		if d == nil {
			continue
		}
		var oi OutputIntent
		if s := d.NameEntry("S"); s != nil {
			oi.S = *s
		}
		if v, _ := r.deref(d["OutputConditionIdentifier"]); v != nil {
			oi.Identifier = textString(v)
		}
		if p := r.dict(d["DestOutputProfile"]); p != nil {
			if n, ok := r.number(p["N"]); ok {
				oi.N = int(n)
			}
		}
		doc.OutputIntents = append(doc.OutputIntents, oi)
	}
	if st := r.dict(root["StructTreeRoot"]); st != nil {
		var err error
		if doc.Structure, err = r.elem(st["K"], -1, 0, map[int]bool{}); err != nil {
			return nil, fmt.Errorf("structure tree: %w", err)
		}
		doc.ParentTree = map[int][]int{}
		if pt := r.dict(st["ParentTree"]); pt != nil {
			r.numberTree(pt, doc.ParentTree, 0)
		}
	}
	for _, f := range r.list {
		doc.Fonts = append(doc.Fonts, f.info)
	}
	doc.Encrypted = ctx.Encrypt != nil || ctx.E != nil
	doc.Scripts = r.scripts()
	if ctx.Info != nil {
		o, err := r.deref(*ctx.Info)
		if err != nil {
			return nil, fmt.Errorf("info: %w", err)
		}
		if d, ok := o.(types.Dict); ok {
			for k, v := range d {
				v, _ := r.deref(v)
				switch v.(type) {
				case types.StringLiteral, types.HexLiteral:
					doc.Info[k] = textString(v)
				}
			}
		}
	}
	return doc, nil
}

// scripts returns the objects whose dictionaries hold,
// at any depth, a /JS, /JavaScript or /AA key or a JavaScript action.
func (r *reader) scripts() []int {
	var has func(o types.Object, depth int) bool
	has = func(o types.Object, depth int) bool {
		if depth > 32 {
			return false
		}
		var d types.Dict
		switch v := o.(type) {
		case types.Dict:
			d = v
		case types.StreamDict:
			d = v.Dict
		case types.Array:
			for _, e := range v {
				if has(e, depth+1) {
					return true
				}
			}
			return false
		default:
			return false
		}
		for k, v := range d {
			if k == "JS" || k == "JavaScript" || k == "AA" {
				return true
			}
			if n, ok := v.(types.Name); ok && k == "S" && n == "JavaScript" {
				return true
			}
			if has(v, depth+1) {
				return true
			}
		}
		return false
	}
	var out []int
	nums := make([]int, 0, len(r.ctx.Table))
	for n := range r.ctx.Table {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		if e := r.ctx.Table[n]; e != nil && !e.Free && has(e.Object, 0) {
			out = append(out, n)
		}
	}
	return out
}

// elem reads the structure element o refers to; pg is the page its
// parent's /Pg names (-1: none).
func (r *reader) elem(o types.Object, pg, depth int, seen map[int]bool) (*Elem, error) {
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return nil, errors.New("a structure element is not an indirect object")
	}
	n := ref.ObjectNumber.Value()
	if seen[n] || depth > 64 {
		return nil, fmt.Errorf("object %d: a loop or too deep", n)
	}
	seen[n] = true
	d := r.dict(o)
	if d == nil {
		return nil, fmt.Errorf("object %d is not a dictionary", n)
	}
	e := &Elem{Obj: n}
	if s := d.NameEntry("S"); s != nil {
		e.Type = *s
	}
	for k, p := range map[string]*string{"Alt": &e.Alt, "ActualText": &e.ActualText, "Lang": &e.Lang, "ID": &e.ID} {
		if v, _ := r.deref(d[k]); v != nil {
			*p = textString(v)
		}
	}
	// /A is an attribute dictionary or an array of them.
	attrs := []types.Object{d["A"]}
	if a, _ := r.deref(d["A"]); a != nil {
		if arr, ok := a.(types.Array); ok {
			attrs = arr
		}
	}
	for _, o := range attrs {
		a := r.dict(o)
		if a == nil {
			continue
		}
		if s := a.NameEntry("Scope"); s != nil {
			e.Scope = *s
		}
		if b, _ := r.deref(a["BBox"]); b != nil {
			if arr, ok := b.(types.Array); ok {
				e.BBox = []float64{}
				for _, v := range arr {
					f, _ := r.number(v)
					e.BBox = append(e.BBox, f)
				}
			}
		}
	}
	if p, ok := d["Pg"].(types.IndirectRef); ok {
		pg = r.pages[p.ObjectNumber.Value()] - 1
	}
	kids := types.Array{d["K"]}
	if a, ok := d["K"].(types.Array); ok {
		kids = a
	}
	for _, k := range kids {
		switch v := k.(type) {
		case nil:
		case types.Integer:
			e.Order = append(e.Order, len(e.MCRs))
			e.MCRs = append(e.MCRs, MCR{Page: pg, MCID: int(v)})
		case types.Dict:
			if t := v.NameEntry("Type"); t != nil && *t == "OBJR" {
				if ref, ok := v["Obj"].(types.IndirectRef); ok {
					e.OBJRs = append(e.OBJRs, ref.ObjectNumber.Value())
				}
			}
			if t := v.NameEntry("Type"); t != nil && *t == "MCR" {
				p := pg
				if ref, ok := v["Pg"].(types.IndirectRef); ok {
					p = r.pages[ref.ObjectNumber.Value()] - 1
				}
				id, _ := r.number(v["MCID"])
				e.Order = append(e.Order, len(e.MCRs))
				e.MCRs = append(e.MCRs, MCR{Page: p, MCID: int(id)})
			}
		case types.IndirectRef:
			kd := r.dict(v)
			if t := kd.NameEntry("Type"); t != nil && (*t == "OBJR" || *t == "MCR") {
				if ref, ok := kd["Obj"].(types.IndirectRef); ok && *t == "OBJR" {
					e.OBJRs = append(e.OBJRs, ref.ObjectNumber.Value())
				}
				continue
			}
			kid, err := r.elem(v, pg, depth+1, seen)
			if err != nil {
				return nil, err
			}
			e.Order = append(e.Order, -1-len(e.Kids))
			e.Kids = append(e.Kids, kid)
		}
	}
	return e, nil
}

// numberTree reads a number tree of arrays of references into m.
func (r *reader) numberTree(d types.Dict, m map[int][]int, depth int) {
	if depth > 32 {
		return
	}
	nums := r.array(d["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		k, _ := r.number(nums[i])
		var objs []int
		for _, o := range r.array(nums[i+1]) {
			ref, _ := o.(types.IndirectRef)
			n := 0
			if ref.ObjectNumber != 0 {
				n = ref.ObjectNumber.Value()
			}
			objs = append(objs, n)
		}
		if ref, ok := nums[i+1].(types.IndirectRef); ok {
			objs = []int{ref.ObjectNumber.Value()} // an annotation's parent
		}
		m[int(k)] = objs
	}
	for _, kid := range r.array(d["Kids"]) {
		if kd := r.dict(kid); kd != nil {
			r.numberTree(kd, m, depth+1)
		}
	}
}

// deref resolves an indirect reference; a reference to nothing is nil.
func (r *reader) deref(o types.Object) (types.Object, error) {
	if _, ok := o.(types.IndirectRef); !ok {
		return o, nil
	}
	return r.ctx.Dereference(o)
}

func (r *reader) dict(o types.Object) types.Dict {
	o, _ = r.deref(o)
	d, _ := o.(types.Dict)
	if d == nil {
		if sd, ok := o.(types.StreamDict); ok {
			d = sd.Dict
		}
	}
	return d
}

func (r *reader) array(o types.Object) types.Array {
	o, _ = r.deref(o)
	a, _ := o.(types.Array)
	return a
}

func (r *reader) number(o types.Object) (float64, bool) {
	o, _ = r.deref(o)
	switch v := o.(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

func (r *reader) page(d types.Dict, attr *model.InheritedPageAttrs) (Page, error) {
	var pg Page
	box := attr.CropBox
	if box == nil {
		box = attr.MediaBox
	}
	if box == nil {
		return pg, errors.New("no MediaBox")
	}
	left, top := math.Min(box.LL.X, box.UR.X), math.Max(box.LL.Y, box.UR.Y)

	content, err := r.streams(d["Contents"])
	if err != nil {
		return pg, fmt.Errorf("content: %w", err)
	}
	in := &interp{r: r, left: left, top: top}
	in.gs.ctm = identity
	in.gs.hscale = 1
	if err := in.run(content, attr.Resources, 0); err != nil {
		return pg, err
	}
	pg.Runs = in.runs
	pg.MCIDs, pg.Images = in.mcids, in.images
	pg.Unmapped = in.unmapped
	pg.Paths, pg.UntaggedPaths, pg.UntaggedImages, pg.UntaggedText = in.paths, in.untaggedPaths, in.untaggedImages, in.untaggedText
	pg.ArtifactInTagged, pg.TaggedInArtifact = in.artifactInTagged, in.taggedInArtifact
	pg.Fonts, pg.NotDef, pg.Missing = in.fontsUsed, in.notdef, in.missing
	pg.Unbalanced = in.unbalanced || len(in.marks) > 0
	pg.StructParents = -1
	if v, ok := r.number(d["StructParents"]); ok {
		pg.StructParents = int(v)
	}
	if n := d.NameEntry("Tabs"); n != nil {
		pg.Tabs = *n
	}

	for _, o := range r.array(d["Annots"]) {
		a := r.dict(o)
		if a == nil || a.NameEntry("Subtype") == nil || *a.NameEntry("Subtype") != "Link" {
			continue
		}
		rect := r.array(a["Rect"])
		if len(rect) != 4 {
			continue
		}
		var v [4]float64
		for i := range v {
			v[i], _ = r.number(rect[i])
		}
		x1, x2 := math.Min(v[0], v[2]), math.Max(v[0], v[2])
		y1, y2 := math.Min(v[1], v[3]), math.Max(v[1], v[3])
		l := Link{X: x1 - left, Y: top - y2, W: x2 - x1, H: y2 - y1, StructParent: -1}
		if ref, ok := o.(types.IndirectRef); ok {
			l.Obj = ref.ObjectNumber.Value()
		}
		if v, ok := r.number(a["F"]); ok {
			l.F = int(v)
		}
		if v, ok := r.number(a["StructParent"]); ok {
			l.StructParent = int(v)
		}
		if v, _ := r.deref(a["Contents"]); v != nil {
			l.Contents = textString(v)
		}
		if act := r.dict(a["A"]); act != nil {
			switch s := act.NameEntry("S"); {
			case s == nil:
			case *s == "URI":
				if u, _ := r.deref(act["URI"]); u != nil {
					l.URI = textString(u)
				}
			case *s == "GoTo":
				l.DestPage = r.destPage(act["D"], 0)
			}
		} else if dest, ok := a["Dest"]; ok {
			l.DestPage = r.destPage(dest, 0)
		}
		pg.Links = append(pg.Links, l)
	}
	return pg, nil
}

// streams returns the decoded content of a stream or an array of streams,
// separated by newlines.
func (r *reader) streams(o types.Object) ([]byte, error) {
	o, err := r.deref(o)
	if err != nil {
		return nil, err
	}
	var list []types.Object
	switch v := o.(type) {
	case nil:
		return nil, nil
	case types.Array:
		list = v
	default:
		list = []types.Object{v}
	}
	var out []byte
	for _, o := range list {
		b, err := r.stream(o)
		if err != nil {
			return nil, err
		}
		out = append(append(out, b...), '\n')
	}
	return out, nil
}

// stream returns the decoded content of one stream.
func (r *reader) stream(o types.Object) ([]byte, error) {
	o, err := r.deref(o)
	if err != nil || o == nil {
		return nil, err
	}
	sd, ok := o.(types.StreamDict)
	if !ok {
		return nil, fmt.Errorf("expected a stream, got %T", o)
	}
	if err := sd.Decode(); err != nil {
		return nil, err
	}
	return sd.Content, nil
}

// destPage returns the 1-based page of a destination: an explicit
// destination array, a dictionary with /D, or a named destination.
func (r *reader) destPage(o types.Object, depth int) int {
	if depth > 8 {
		return 0
	}
	o, _ = r.deref(o)
	switch v := o.(type) {
	case types.Array:
		if len(v) == 0 {
			return 0
		}
		switch p := v[0].(type) {
		case types.IndirectRef:
			return r.pages[p.ObjectNumber.Value()]
		case types.Integer: // page index, as in remote destinations
			return int(p) + 1
		}
	case types.Dict:
		return r.destPage(v["D"], depth+1)
	case types.Name:
		if dests := r.dict(r.root()["Dests"]); dests != nil {
			return r.destPage(dests[string(v)], depth+1)
		}
	case types.StringLiteral, types.HexLiteral:
		names := r.dict(r.root()["Names"])
		if names == nil {
			return 0
		}
		if d, ok := r.nameTree(names["Dests"], rawString(v), 0); ok {
			return r.destPage(d, depth+1)
		}
	}
	return 0
}

func (r *reader) root() types.Dict {
	d, _ := r.ctx.Catalog()
	return d
}

// nameTree looks key up in a name tree.
func (r *reader) nameTree(node types.Object, key []byte, depth int) (types.Object, bool) {
	d := r.dict(node)
	if d == nil || depth > 32 {
		return nil, false
	}
	names := r.array(d["Names"])
	for i := 0; i+1 < len(names); i += 2 {
		k, _ := r.deref(names[i])
		if bytes.Equal(rawString(k), key) {
			return names[i+1], true
		}
	}
	for _, kid := range r.array(d["Kids"]) {
		if v, ok := r.nameTree(kid, key, depth+1); ok {
			return v, true
		}
	}
	return nil, false
}

// outline walks the outline items starting at first and its siblings.
func (r *reader) outline(first types.Object, level int, seen map[int]bool, out []Bookmark) []Bookmark {
	for o := first; o != nil; {
		ir, ok := o.(types.IndirectRef)
		if ok {
			if seen[ir.ObjectNumber.Value()] {
				break
			}
			seen[ir.ObjectNumber.Value()] = true
		}
		item := r.dict(o)
		if item == nil {
			break
		}
		b := Bookmark{Level: level}
		if t, _ := r.deref(item["Title"]); t != nil {
			b.Title = textString(t)
		}
		if dest, ok := item["Dest"]; ok {
			b.Page = r.destPage(dest, 0)
		} else if act := r.dict(item["A"]); act != nil {
			if s := act.NameEntry("S"); s != nil && *s == "GoTo" {
				b.Page = r.destPage(act["D"], 0)
			}
		}
		out = append(out, b)
		if level < 64 {
			out = r.outline(item["First"], level+1, seen, out)
		}
		o = item["Next"]
	}
	return out
}

// rawString returns the bytes of a PDF string object.
func rawString(o types.Object) []byte {
	switch v := o.(type) {
	case types.StringLiteral:
		b, err := types.Unescape(v.Value())
		if err != nil {
			return []byte(v.Value())
		}
		return b
	case types.HexLiteral:
		b, err := v.Bytes()
		if err != nil {
			return nil
		}
		return b
	case types.Name:
		return []byte(v)
	}
	return nil
}

// textString decodes a PDF text string: UTF-16BE with a byte order mark,
// UTF-8 with a byte order mark (PDF 2.0), otherwise PDFDocEncoding.
func textString(o types.Object) string {
	return decodeText(rawString(o))
}

func decodeText(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return utf16BE(b[2:])
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return string(b[3:])
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = pdfDocRune(c)
	}
	return string(rs)
}

// utf16BE decodes UTF-16BE (a trailing odd byte is dropped).
func utf16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// pdfDocHigh maps PDFDocEncoding 0x80–0x9F; 0xA0–0xFF are Latin-1 except
// 0xA0 (euro) and 0xAD (undefined).
var pdfDocHigh = [32]rune{
	'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘',
	'’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\ufffd',
}

// pdfDocLow maps PDFDocEncoding 0x18–0x1F.
var pdfDocLow = [8]rune{'˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'}

func pdfDocRune(c byte) rune {
	switch {
	case c >= 0x18 && c <= 0x1F:
		return pdfDocLow[c-0x18]
	case c >= 0x80 && c <= 0x9F:
		return pdfDocHigh[c-0x80]
	case c == 0xA0:
		return '€'
	case c == 0xAD:
		return '\ufffd'
	}
	return rune(c)
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

// gstate is the part of the graphics state that matters for text.
type gstate struct {
	ctm                                         matrix
	font                                        *font
	size, charSp, wordSp, hscale, leading, rise float64
}

// interp interprets content streams of one page.
type interp struct {
	r         *reader
	left, top float64
	gs        gstate
	stack     []gstate
	tm, tlm   matrix
	runs      []Run
	// marks is the stack of open marked-content sequences.
	marks    []mark
	mcids    []int
	images   int
	unmapped int
	// What Page reports of tagging and glyphs.
	paths, untaggedPaths, untaggedImages, untaggedText int
	artifactInTagged, taggedInArtifact                 int
	fontsUsed                                          []int
	notdef, missing                                    []Code
	seenCode                                           map[Code]bool
	unbalanced                                         bool
}

// mark is an open marked-content sequence.
type mark struct {
	mcid     int
	artifact bool
	actual   string
}

// run interprets one content stream with its resources.
func (in *interp) run(content []byte, res types.Dict, depth int) error {
	lx := &lexer{b: content}
	var ops []any
	for {
		o, err := lx.object()
		if err != nil {
			return err
		}
		if o == nil {
			return nil
		}
		op, isOp := o.(keyword)
		if !isOp {
			ops = append(ops, o)
			continue
		}
		switch op {
		case "true", "false", "null":
			ops = append(ops, o)
			continue
		case "BI":
			if err := lx.skipInlineImage(); err != nil {
				return err
			}
		default:
			if err := in.op(string(op), ops, res, depth); err != nil {
				return fmt.Errorf("operator %s: %w", op, err)
			}
		}
		ops = ops[:0]
	}
}

func nums(ops []any, n int) ([]float64, bool) {
	if len(ops) < n {
		return nil, false
	}
	out := make([]float64, n)
	for i, o := range ops[len(ops)-n:] {
		f, ok := o.(float64)
		if !ok {
			return nil, false
		}
		out[i] = f
	}
	return out, true
}

func (in *interp) op(op string, ops []any, res types.Dict, depth int) error {
	gs := &in.gs
	switch op {
	case "q":
		in.stack = append(in.stack, in.gs)
	case "Q":
		if n := len(in.stack); n > 0 {
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(ops, 6); ok {
			gs.ctm = matrix(v).mul(gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tf":
		if len(ops) >= 2 {
			fname, _ := ops[len(ops)-2].(name)
			size, _ := ops[len(ops)-1].(float64)
			f, err := in.r.font(res, string(fname))
			if err != nil {
				return err
			}
			gs.font, gs.size = f, size
		}
	case "Tc":
		if v, ok := nums(ops, 1); ok {
			gs.charSp = v[0]
		}
	case "Tw":
		if v, ok := nums(ops, 1); ok {
			gs.wordSp = v[0]
		}
	case "Tz":
		if v, ok := nums(ops, 1); ok {
			gs.hscale = v[0] / 100
		}
	case "TL":
		if v, ok := nums(ops, 1); ok {
			gs.leading = v[0]
		}
	case "Ts":
		if v, ok := nums(ops, 1); ok {
			gs.rise = v[0]
		}
	case "Td":
		if v, ok := nums(ops, 2); ok {
			in.tlm = translate(v[0], v[1]).mul(in.tlm)
			in.tm = in.tlm
		}
	case "TD":
		if v, ok := nums(ops, 2); ok {
			gs.leading = -v[1]
			in.tlm = translate(v[0], v[1]).mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if v, ok := nums(ops, 6); ok {
			in.tm, in.tlm = matrix(v), matrix(v)
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if len(ops) >= 1 {
			s, _ := ops[len(ops)-1].(pdfString)
			in.show([]any{s})
		}
	case "'":
		in.nextLine()
		if len(ops) >= 1 {
			s, _ := ops[len(ops)-1].(pdfString)
			in.show([]any{s})
		}
	case "\"":
		if len(ops) >= 3 {
			gs.wordSp, _ = ops[len(ops)-3].(float64)
			gs.charSp, _ = ops[len(ops)-2].(float64)
			in.nextLine()
			s, _ := ops[len(ops)-1].(pdfString)
			in.show([]any{s})
		}
	case "TJ":
		if len(ops) >= 1 {
			a, _ := ops[len(ops)-1].([]any)
			in.show(a)
		}
	case "BMC":
		m := mark{mcid: -1}
		if len(ops) >= 1 {
			tag, _ := ops[len(ops)-1].(name)
			m.artifact = tag == "Artifact"
		}
		in.open(m)
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh":
		in.paths++
		if !in.tagged() {
			in.untaggedPaths++
		}
	case "BDC":
		m := mark{mcid: -1}
		if len(ops) >= 2 {
			tag, _ := ops[len(ops)-2].(name)
			m.artifact = tag == "Artifact"
			if d, ok := ops[len(ops)-1].(dictObj); ok {
				if v, ok := d["MCID"].(float64); ok {
					m.mcid = int(v)
					in.mcids = append(in.mcids, m.mcid)
				}
				if v, ok := d["ActualText"].(pdfString); ok {
					m.actual = decodeText(v)
				}
			}
		}
		in.open(m)
	case "EMC":
		if len(in.marks) == 0 {
			in.unbalanced = true
		} else {
			in.marks = in.marks[:len(in.marks)-1]
		}
	case "Do":
		if len(ops) >= 1 && depth < 16 {
			n, _ := ops[len(ops)-1].(name)
			return in.form(res, string(n), depth)
		}
	}
	return nil
}

// open opens a marked-content sequence, counting an artifact inside
// tagged content and tagged content inside an artifact.
func (in *interp) open(m mark) {
	for _, o := range in.marks {
		if m.artifact && o.mcid >= 0 {
			in.artifactInTagged++
			break
		}
		if m.mcid >= 0 && o.artifact {
			in.taggedInArtifact++
			break
		}
	}
	in.marks = append(in.marks, m)
}

// tagged tells whether what is drawn now is inside an artifact or inside
// a sequence with an MCID.
func (in *interp) tagged() bool {
	for _, m := range in.marks {
		if m.artifact || m.mcid >= 0 {
			return true
		}
	}
	return false
}

// glyphs records the font's use on the page and the codes of s that
// select glyph 0 or a glyph the font program lacks.
func (in *interp) glyphs(f *font, s pdfString) {
	if f.idx < 0 {
		return
	}
	if !slices.Contains(in.fontsUsed, f.idx) {
		in.fontsUsed = append(in.fontsUsed, f.idx)
	}
	if !f.identity || f.info.CIDSubtype != "CIDFontType2" {
		return
	}
	for i := 0; i+1 < len(s); i += 2 {
		code := int(s[i])<<8 | int(s[i+1])
		gid := code // Identity-H: CID = code; Identity CIDToGIDMap
		if f.gidMap != nil {
			gid = 0
			if 2*code+1 < len(f.gidMap) {
				gid = int(f.gidMap[2*code])<<8 | int(f.gidMap[2*code+1])
			}
		}
		c := Code{Font: f.idx, Code: code}
		if in.seenCode[c] {
			continue
		}
		switch {
		case gid == 0:
			in.notdef = append(in.notdef, c)
		case f.info.Glyphs > 0 && gid >= f.info.Glyphs:
			in.missing = append(in.missing, c)
		default:
			continue
		}
		if in.seenCode == nil {
			in.seenCode = map[Code]bool{}
		}
		in.seenCode[c] = true
	}
}

func (in *interp) nextLine() {
	in.tlm = translate(0, -in.gs.leading).mul(in.tlm)
	in.tm = in.tlm
}

// form draws a form XObject.
func (in *interp) form(res types.Dict, n string, depth int) error {
	r := in.r
	xobjs := r.dict(res["XObject"])
	if xobjs == nil {
		return nil
	}
	o, err := r.deref(xobjs[n])
	if err != nil {
		return err
	}
	sd, ok := o.(types.StreamDict)
	if !ok {
		return nil
	}
	if st := sd.Dict.NameEntry("Subtype"); st == nil || *st != "Form" {
		if st != nil && *st == "Image" {
			in.images++
			if !in.tagged() {
				in.untaggedImages++
			}
		}
		return nil
	}
	if err := sd.Decode(); err != nil {
		return fmt.Errorf("XObject %s: %w", n, err)
	}
	m := identity
	if a := r.array(sd.Dict["Matrix"]); len(a) == 6 {
		for i := range m {
			m[i], _ = r.number(a[i])
		}
	}
	formRes := r.dict(sd.Dict["Resources"])
	if formRes == nil {
		formRes = res
	}
	saved, savedStack, tm, tlm := in.gs, in.stack, in.tm, in.tlm
	in.stack = nil
	in.gs.ctm = m.mul(in.gs.ctm)
	err = in.run(sd.Content, formRes, depth+1)
	in.gs, in.stack, in.tm, in.tlm = saved, savedStack, tm, tlm
	return err
}

// show draws a TJ array (Tj is an array of one string): each string
// advances the text matrix; a run is split where a number moves the next
// glyph right by more than 0.15 em.
func (in *interp) show(items []any) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		f = &font{idx: -1}
	}
	var cur *Run
	var start, end matrix // text matrix × CTM at the start and end of cur
	split := true
	finish := func() {
		if cur == nil {
			return
		}
		x0, y0 := start.apply(0, gs.rise)
		x1, y1 := end.apply(0, gs.rise)
		cur.W = math.Hypot(x1-x0, y1-y0)
		in.runs = append(in.runs, *cur)
		cur = nil
	}
	for _, it := range items {
		switch v := it.(type) {
		case float64:
			tx := -v / 1000 * gs.size * gs.hscale
			if -v/1000 > 0.15 {
				split = true
			}
			in.tm = translate(tx, 0).mul(in.tm)
		case pdfString:
			if split {
				finish()
				start = in.tm.mul(gs.ctm)
				x, y := start.apply(0, gs.rise)
				cur = &Run{
					X:    x - in.left,
					Y:    in.top - y,
					Font: f.name,
					Size: gs.size * math.Hypot(start[2], start[3]),
					MCID: -1,
				}
				cur.Marked = len(in.marks) > 0
				if !in.tagged() {
					in.untaggedText++
				}
				for _, m := range in.marks {
					cur.Artifact = cur.Artifact || m.artifact
					if m.mcid >= 0 {
						cur.MCID = m.mcid
					}
					if m.actual != "" {
						cur.Actual = m.actual
					}
				}
				split = false
			}
			in.glyphs(f, v)
			text, advance, missing := f.decode(v, gs.size, gs.charSp, gs.wordSp)
			in.unmapped += missing
			cur.Text += text
			in.tm = translate(advance*gs.hscale, 0).mul(in.tm)
			end = in.tm.mul(gs.ctm)
		}
	}
	finish()
}

// font is what text extraction needs of a font.
type font struct {
	idx    int    // in Doc.Fonts; -1 for a stand-in
	info   Font   // what Doc.Fonts says of it
	gidMap []byte // a CIDFontType2's CIDToGIDMap stream, nil if Identity or none
	// identity: a Type0 font with the Identity-H or Identity-V
	// encoding (a code is its CID).
	identity bool
	name     string
	twoByte  bool
	cmap     *cmap               // ToUnicode, nil if none
	simple   func(c byte) string // fallback decoding of a simple font
	widths   map[int]float64     // glyph widths in 1/1000 text space units
	dw       float64             // default width
}

// decode decodes a string shown with the font and returns its text and
// its advance in unscaled text space units.
func (f *font) decode(s pdfString, size, charSp, wordSp float64) (string, float64, int) {
	var b strings.Builder
	adv := 0.0
	missing := 0
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		code := int(s[i])
		if step == 2 {
			code = code<<8 | int(s[i+1])
		}
		switch {
		case f.cmap != nil:
			if t, ok := f.cmap.lookup(code, step); ok {
				b.WriteString(t)
			} else if missing++; f.twoByte {
				b.WriteRune(rune(code))
			} else {
				b.WriteString(f.simpleText(byte(code)))
			}
		case f.twoByte:
			b.WriteRune(rune(code))
		default:
			b.WriteString(f.simpleText(byte(code)))
		}
		w, ok := f.widths[code]
		if !ok {
			w = f.dw
		}
		adv += w/1000*size + charSp
		if step == 1 && code == 32 {
			adv += wordSp
		}
	}
	return b.String(), adv, missing
}

func (f *font) simpleText(c byte) string {
	if f.simple != nil {
		return f.simple(c)
	}
	return string(rune(c))
}

// font returns the font named n in the resources.
func (r *reader) font(res types.Dict, n string) (*font, error) {
	fonts := r.dict(res["Font"])
	if fonts == nil {
		return nil, fmt.Errorf("no font resources for /%s", n)
	}
	o, ok := fonts[n]
	if !ok {
		return nil, fmt.Errorf("unknown font /%s", n)
	}
	key := fontKey{res: n}
	if ir, ok := o.(types.IndirectRef); ok {
		key = fontKey{objNr: ir.ObjectNumber.Value()}
	}
	if f, ok := r.fonts[key]; ok {
		return f, nil
	}
	d := r.dict(o)
	if d == nil {
		return nil, fmt.Errorf("font /%s is not a dictionary", n)
	}
	f := &font{name: n, idx: len(r.list)}
	f.info.Obj = key.objNr
	if bf := d.NameEntry("BaseFont"); bf != nil {
		f.name = *bf
	}
	f.info.Name = f.name
	if st := d.NameEntry("Subtype"); st != nil {
		f.info.Subtype = *st
	}
	if tu, ok := d["ToUnicode"]; ok {
		f.info.ToUnicode = true
		if b, err := r.stream(tu); err == nil && b != nil {
			f.cmap = parseCMap(b)
			f.info.BadUnicode = f.cmap.bad()
		}
	}
	if f.info.Subtype == "Type0" {
		f.twoByte = true
		f.dw = 1000
		if e := d.NameEntry("Encoding"); e != nil && (*e == "Identity-H" || *e == "Identity-V") {
			f.identity = true
		}
		if desc := r.array(d["DescendantFonts"]); len(desc) > 0 {
			if cid := r.dict(desc[0]); cid != nil {
				if dw, ok := r.number(cid["DW"]); ok {
					f.dw = dw
				}
				f.widths = r.cidWidths(r.array(cid["W"]))
				if st := cid.NameEntry("Subtype"); st != nil {
					f.info.CIDSubtype = *st
				}
				r.program(&f.info, cid["FontDescriptor"])
				switch m, _ := r.deref(cid["CIDToGIDMap"]); v := m.(type) {
				case types.Name:
					f.info.CIDToGIDMap = "other"
					if v == "Identity" {
						f.info.CIDToGIDMap = "Identity"
					}
				case types.StreamDict:
					f.info.CIDToGIDMap = "stream"
					f.gidMap, _ = r.stream(cid["CIDToGIDMap"])
				}
			}
		}
	} else {
		r.program(&f.info, d["FontDescriptor"])
		f.widths = map[int]float64{}
		first, _ := r.number(d["FirstChar"])
		for i, w := range r.array(d["Widths"]) {
			f.widths[int(first)+i], _ = r.number(w)
		}
		if fd := r.dict(d["FontDescriptor"]); fd != nil {
			f.dw, _ = r.number(fd["MissingWidth"])
		}
		dec := charmap.Windows1252.NewDecoder()
		f.simple = func(c byte) string {
			s, err := dec.Bytes([]byte{c})
			if err != nil {
				return string(rune(c))
			}
			return string(s)
		}
	}
	r.fonts[key] = f
	r.list = append(r.list, f)
	return f, nil
}

// program reads what Font says of the font program of descriptor o:
// whether it is embedded and, for TrueType, its glyph count.
func (r *reader) program(info *Font, o types.Object) {
	fd := r.dict(o)
	if fd == nil {
		return
	}
	for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
		if _, ok := fd[k]; ok {
			info.Embedded = true
		}
	}
	if _, ok := fd["FontFile2"]; !ok {
		return
	}
	b, err := r.stream(fd["FontFile2"])
	if err != nil || len(b) < 12 {
		return
	}
	// The table directory: numTables at 4, 16-byte records from 12.
	n := int(b[4])<<8 | int(b[5])
	for i := 0; i < n && 12+16*(i+1) <= len(b); i++ {
		rec := b[12+16*i:]
		if string(rec[:4]) != "maxp" {
			continue
		}
		off := int(uint32(rec[8])<<24 | uint32(rec[9])<<16 | uint32(rec[10])<<8 | uint32(rec[11]))
		if off >= 0 && off+6 <= len(b) {
			info.Glyphs = int(b[off+4])<<8 | int(b[off+5])
		}
	}
}

// cidWidths reads a CIDFont /W array: c [w1 w2 …] or cfirst clast w.
func (r *reader) cidWidths(a types.Array) map[int]float64 {
	out := map[int]float64{}
	for i := 0; i < len(a); {
		c, ok := r.number(a[i])
		if !ok || i+1 >= len(a) {
			break
		}
		if ws := r.array(a[i+1]); ws != nil {
			for j, w := range ws {
				out[int(c)+j], _ = r.number(w)
			}
			i += 2
			continue
		}
		if i+2 >= len(a) {
			break
		}
		last, _ := r.number(a[i+1])
		w, _ := r.number(a[i+2])
		if last-c > 1<<16 {
			break
		}
		for k := int(c); k <= int(last); k++ {
			out[k] = w
		}
		i += 3
	}
	return out
}

// cmap is a parsed ToUnicode CMap.
type cmap struct {
	chars  map[int]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi int
	bytes  int      // code length in bytes
	dst    []uint16 // UTF-16 of lo's text; the last unit is incremented
	list   []string // or one text per code
}

// bad counts the entries that map a code to U+0000, U+FEFF or U+FFFE
// (for a bfrange: its first code, and every code of an array).
func (c *cmap) bad() int {
	isBad := func(s string) bool { return s == "\x00" || s == "\uFEFF" || s == "\uFFFE" }
	n := 0
	for _, t := range c.chars {
		if isBad(t) {
			n++
		}
	}
	for _, rg := range c.ranges {
		for _, t := range rg.list {
			if isBad(t) {
				n++
			}
		}
		if len(rg.dst) > 0 && isBad(string(utf16.Decode(rg.dst))) {
			n++
		}
	}
	return n
}

func (c *cmap) lookup(code, nbytes int) (string, bool) {
	if t, ok := c.chars[code]; ok {
		return t, true
	}
	for _, rg := range c.ranges {
		if code < rg.lo || code > rg.hi || (rg.bytes != 0 && rg.bytes != nbytes) {
			continue
		}
		off := code - rg.lo
		if rg.list != nil {
			if off < len(rg.list) {
				return rg.list[off], true
			}
			continue
		}
		if len(rg.dst) == 0 {
			continue
		}
		u := append([]uint16(nil), rg.dst...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

func codeOf(b []byte) int {
	c := 0
	for _, x := range b {
		c = c<<8 | int(x)
	}
	return c
}

func utf16Units(b []byte) []uint16 {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return u
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(b []byte) *cmap {
	c := &cmap{chars: map[int]string{}}
	lx := &lexer{b: b}
	var ops []any
	mode := ""
	for {
		o, err := lx.object()
		if err != nil || o == nil {
			break
		}
		kw, ok := o.(keyword)
		if !ok {
			ops = append(ops, o)
			switch mode {
			case "bfchar":
				if len(ops) == 2 {
					src, _ := ops[0].(pdfString)
					dst, _ := ops[1].(pdfString)
					c.chars[codeOf(src)] = string(utf16.Decode(utf16Units(dst)))
					ops = ops[:0]
				}
			case "bfrange":
				if len(ops) == 3 {
					lo, _ := ops[0].(pdfString)
					hi, _ := ops[1].(pdfString)
					rg := cmapRange{lo: codeOf(lo), hi: codeOf(hi), bytes: len(lo)}
					switch d := ops[2].(type) {
					case pdfString:
						rg.dst = utf16Units(d)
					case []any:
						for _, e := range d {
							s, _ := e.(pdfString)
							rg.list = append(rg.list, string(utf16.Decode(utf16Units(s))))
						}
					}
					c.ranges = append(c.ranges, rg)
					ops = ops[:0]
				}
			}
			continue
		}
		switch kw {
		case "beginbfchar":
			mode = "bfchar"
		case "beginbfrange":
			mode = "bfrange"
		default:
			mode = ""
		}
		ops = ops[:0]
	}
	return c
}

// Content stream objects: float64, pdfString, name, keyword, []any, dictObj.
type (
	pdfString []byte
	name      string
	keyword   string
	dictObj   map[string]any
)

// lexer reads objects of content streams and CMaps.
type lexer struct {
	b []byte
	i int
}

var errSyntax = errors.New("content stream syntax error")

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

func (lx *lexer) skipSpace() {
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		if isSpace(c) {
			lx.i++
			continue
		}
		if c == '%' {
			for lx.i < len(lx.b) && lx.b[lx.i] != '\n' && lx.b[lx.i] != '\r' {
				lx.i++
			}
			continue
		}
		return
	}
}

// object returns the next object or operator, nil at the end.
func (lx *lexer) object() (any, error) {
	lx.skipSpace()
	if lx.i >= len(lx.b) {
		return nil, nil
	}
	c := lx.b[lx.i]
	switch {
	case c == '(':
		return lx.literal()
	case c == '<' && lx.i+1 < len(lx.b) && lx.b[lx.i+1] == '<':
		lx.i += 2
		d := dictObj{}
		for {
			lx.skipSpace()
			if lx.i+1 < len(lx.b) && lx.b[lx.i] == '>' && lx.b[lx.i+1] == '>' {
				lx.i += 2
				return d, nil
			}
			k, err := lx.object()
			if err != nil {
				return nil, err
			}
			kn, ok := k.(name)
			if !ok {
				return nil, fmt.Errorf("%w: dictionary key at %d", errSyntax, lx.i)
			}
			v, err := lx.object()
			if err != nil {
				return nil, err
			}
			if v == nil {
				return nil, fmt.Errorf("%w: unterminated dictionary", errSyntax)
			}
			d[string(kn)] = v
		}
	case c == '<':
		return lx.hex()
	case c == '[':
		lx.i++
		var a []any
		for {
			lx.skipSpace()
			if lx.i < len(lx.b) && lx.b[lx.i] == ']' {
				lx.i++
				if a == nil {
					a = []any{}
				}
				return a, nil
			}
			v, err := lx.object()
			if err != nil {
				return nil, err
			}
			if v == nil {
				return nil, fmt.Errorf("%w: unterminated array", errSyntax)
			}
			a = append(a, v)
		}
	case c == '/':
		lx.i++
		start := lx.i
		for lx.i < len(lx.b) && !isSpace(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
			lx.i++
		}
		n, err := types.DecodeName(string(lx.b[start:lx.i]))
		if err != nil {
			n = string(lx.b[start:lx.i])
		}
		return name(n), nil
	case c == ')' || c == '>' || c == ']' || c == '{' || c == '}':
		lx.i++
		if c == '{' || c == '}' {
			return keyword(string(c)), nil
		}
		return nil, fmt.Errorf("%w: unexpected %q at %d", errSyntax, c, lx.i-1)
	}
	start := lx.i
	for lx.i < len(lx.b) && !isSpace(lx.b[lx.i]) && !isDelim(lx.b[lx.i]) {
		lx.i++
	}
	tok := string(lx.b[start:lx.i])
	if f, ok := parseNumber(tok); ok {
		return f, nil
	}
	return keyword(tok), nil
}

func parseNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	i, neg := 0, false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		i++
	}
	var v, scale float64 = 0, 0
	digits := false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = true
			v = v*10 + float64(c-'0')
			if scale != 0 {
				scale *= 10
			}
		case c == '.' && scale == 0:
			scale = 1
		default:
			return 0, false
		}
	}
	if !digits {
		return 0, false
	}
	if scale > 1 {
		v /= scale
	}
	if neg {
		v = -v
	}
	return v, true
}

// literal reads a (string) with its escapes and end-of-line rules.
func (lx *lexer) literal() (any, error) {
	lx.i++ // (
	var out []byte
	depth := 1
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return pdfString(out), nil
			}
			out = append(out, c)
		case '\r': // CR and CR LF are read as LF
			if lx.i < len(lx.b) && lx.b[lx.i] == '\n' {
				lx.i++
			}
			out = append(out, '\n')
		case '\\':
			if lx.i >= len(lx.b) {
				break
			}
			e := lx.b[lx.i]
			lx.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r': // line continuation
				if lx.i < len(lx.b) && lx.b[lx.i] == '\n' {
					lx.i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.i < len(lx.b) && lx.b[lx.i] >= '0' && lx.b[lx.i] <= '7'; k++ {
						v = v*8 + int(lx.b[lx.i]-'0')
						lx.i++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e) // \( \) \\ and unknown escapes
				}
			}
		default:
			out = append(out, c)
		}
	}
	return nil, fmt.Errorf("%w: unterminated string", errSyntax)
}

// hex reads a <hex string>.
func (lx *lexer) hex() (any, error) {
	lx.i++ // <
	var out []byte
	var hi byte
	half := false
	for lx.i < len(lx.b) {
		c := lx.b[lx.i]
		lx.i++
		var v byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return pdfString(out), nil
		case isSpace(c):
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return nil, fmt.Errorf("%w: bad hex digit %q", errSyntax, c)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, fmt.Errorf("%w: unterminated hex string", errSyntax)
}

// skipInlineImage skips from after BI to after EI.
func (lx *lexer) skipInlineImage() error {
	for {
		o, err := lx.object()
		if err != nil {
			return err
		}
		if o == nil {
			return fmt.Errorf("%w: unterminated inline image", errSyntax)
		}
		if k, ok := o.(keyword); ok && k == "ID" {
			break
		}
	}
	lx.i++ // the single white-space character after ID
	for j := lx.i; j+1 < len(lx.b); j++ {
		if lx.b[j] == 'E' && lx.b[j+1] == 'I' && isSpace(lx.b[j-1]) &&
			(j+2 == len(lx.b) || isSpace(lx.b[j+2]) || isDelim(lx.b[j+2])) {
			lx.i = j + 2
			return nil
		}
	}
	return fmt.Errorf("%w: inline image without EI", errSyntax)
}
