package pdfpost

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
)

// PDFA1b returns a variant of a PDF that Tag wrote (with Options.Info)
// that claims PDF/A-1b (ISO 19005-1, level B) instead of PDF/A-2a: the
// same pages, structure tree and metadata, with what PDF/A-1 asks beyond
// PDF/A-2 and nothing else changed:
//   - XMP: pdfaid:part 1, pdfaid:conformance B (the pdfuaid claim and
//     its extension schema stay: PDF/A-1 allows extension schemas);
//   - no transparency (PDF/A-1 6.4): the pages' transparency group is
//     removed, and every image with a soft mask (fpdf writes PNG alpha
//     as one) is composited over white, the page it is drawn on, and
//     written without it (8-bit DeviceRGB or DeviceGray images, Flate
//     with or without PNG predictors; anything else is an error);
//   - a CIDSet in the descriptor of every CIDFontType2 subset (PDF/A-1
//     6.3.5), listing the CIDs its CIDToGIDMap maps to a glyph, and
//     CID 0;
//   - no EmbeddedFiles name tree in the catalog (PDF/A-1 6.1.11; fpdf
//     writes an empty one; a non-empty one is an error);
//   - a /Count in the outline dictionary (the number of top-level items:
//     fpdf's items are closed), which Apache PDFBox Preflight requires.
//
// The variant exists to be checked by a PDF/A-1 validator (PDFBox
// Preflight validates PDF/A-1b only); reportgen does not publish it.
func PDFA1b(pdf []byte) ([]byte, error) {
	f, err := parse(pdf)
	if err != nil {
		return nil, fmt.Errorf("PDF/A-1b variant: %w", err)
	}
	size := len(f.offsets)
	order, objs := f.objects()
	for _, k := range order {
		objs[k] = objs[k][bytes.IndexByte(objs[k], '\n')+1:] // the body after "k 0 obj\n"
	}
	var extra [][]byte // new objects, numbered from size
	newObj := func(b []byte) int {
		extra = append(extra, b)
		return size + len(extra) - 1
	}
	pageSet := map[int]bool{}
	for _, pn := range f.pages {
		pageSet[pn] = true
	}
	descMap := map[int]int{} // font descriptor → its CIDFont's CIDToGIDMap
	xmpDone := false
	for k := 1; k < size; k++ {
		b := objs[k]
		switch {
		case pageSet[k]:
			objs[k] = bytes.Replace(b, []byte("/Group <</Type /Group /S /Transparency /CS /DeviceRGB>>\n"), nil, 1)
		case k == f.root:
			if objs[k], err = withoutEmbeddedFiles(b); err != nil {
				return nil, err
			}
		case bytes.HasPrefix(b, []byte("<</Type /Outlines ")):
			n, err := topLevelItems(objs, refAfter(b, "/First "))
			if err != nil {
				return nil, err
			}
			objs[k] = slices.Concat([]byte("<</Type /Outlines /Count "+strconv.Itoa(n)+" "), b[len("<</Type /Outlines "):])
		case bytes.HasPrefix(b, []byte("<</Type /Font\n/Subtype /CIDFontType2\n")):
			d, m := refAfter(b, "/FontDescriptor "), refAfter(b, "/CIDToGIDMap ")
			if d <= 0 || d >= size || m <= 0 || m >= size {
				return nil, fmt.Errorf("PDF/A-1b variant: CIDFont %d without a descriptor or a CIDToGIDMap", k)
			}
			descMap[d] = m
		case bytes.HasPrefix(b, []byte("<</Type /XObject\n/Subtype /Image\n")) && bytes.Contains(b, []byte("\n/SMask ")):
			if objs[k], err = flattened(objs, k); err != nil {
				return nil, fmt.Errorf("PDF/A-1b variant: image %d: %w", k, err)
			}
		case bytes.HasPrefix(b, []byte("<</Type /Metadata /Subtype /XML ")):
			if objs[k], err = xmpPart1B(b); err != nil {
				return nil, err
			}
			xmpDone = true
		}
	}
	if !xmpDone {
		return nil, errors.New("PDF/A-1b variant: no XMP metadata (Tag without Options.Info?)")
	}
	for _, d := range slices.Sorted(maps.Keys(descMap)) {
		b := objs[d]
		if !bytes.HasPrefix(b, []byte("<</Type /FontDescriptor ")) || !bytes.Contains(b, []byte("/FontFile2 ")) {
			return nil, fmt.Errorf("PDF/A-1b variant: object %d is not an embedded TrueType font's descriptor", d)
		}
		m, err := streamData(objs[descMap[d]])
		if err != nil {
			return nil, fmt.Errorf("PDF/A-1b variant: CIDToGIDMap %d: %w", descMap[d], err)
		}
		set := cidSet(m)
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(set)
		w.Close()
		obj := newObj(append(fmt.Appendf(nil, "<</Length %d /Filter /FlateDecode>>\nstream\n", z.Len()), append(z.Bytes(), "\nendstream\nendobj\n"...)...))
		i := bytes.LastIndex(b, []byte(">>\nendobj"))
		if i < 0 {
			return nil, fmt.Errorf("PDF/A-1b variant: font descriptor %d not closed", d)
		}
		objs[d] = slices.Concat(b[:i], fmt.Appendf(nil, " /CIDSet %d 0 R", obj), b[i:])
	}

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)+len(extra)*2048))
	out.Write(pdf[:f.offsets[order[0]]])
	offsets := make([]int, size+len(extra))
	for _, k := range order {
		offsets[k] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n", k)
		out.Write(objs[k])
	}
	for i, b := range extra {
		offsets[size+i] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n", size+i)
		out.Write(b)
	}
	f.writeTail(out, offsets)
	return out.Bytes(), nil
}

// withoutEmbeddedFiles removes the catalog's /Names dictionary when it
// holds nothing but an empty EmbeddedFiles name tree, as fpdf writes it.
func withoutEmbeddedFiles(cat []byte) ([]byte, error) {
	i := bytes.Index(cat, []byte("\n/Names <<"))
	if i < 0 {
		return cat, nil
	}
	end := i + 1 + dictLen(cat[i+1+len("/Names "):]) + len("/Names ")
	if end <= i+1 {
		return nil, errors.New("PDF/A-1b variant: the catalog's /Names is not closed")
	}
	if string(bytes.Join(bytes.Fields(cat[i+1:end]), nil)) != "/Names<</EmbeddedFiles<</Names[]>>>>" {
		return nil, errors.New("PDF/A-1b variant: the catalog names more than an empty EmbeddedFiles tree")
	}
	return slices.Concat(cat[:i], cat[end:]), nil
}

// dictLen is the length of the dictionary b starts with ("<<" to the
// matching ">>"), 0 if it is not closed. Strings are not expected.
func dictLen(b []byte) int {
	depth := 0
	for i := 0; i+1 < len(b); i++ {
		switch {
		case b[i] == '<' && b[i+1] == '<':
			depth++
			i++
		case b[i] == '>' && b[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				return i + 1
			}
		}
	}
	return 0
}

// topLevelItems counts the outline items from first along their /Next.
func topLevelItems(objs [][]byte, first int) (int, error) {
	n := 0
	for k := first; k != 0; n++ {
		if k < 0 || k >= len(objs) || n > len(objs) {
			return 0, errors.New("PDF/A-1b variant: a broken outline")
		}
		k = refAfter(objs[k], "/Next ")
	}
	return n, nil
}

// xmpPart1B rewrites the PDF/A identification of Tag's XMP stream.
func xmpPart1B(obj []byte) ([]byte, error) {
	const a2 = "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>"
	const b1 = "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>"
	data, err := streamData(obj)
	if err != nil || !bytes.Contains(data, []byte(a2)) {
		return nil, errors.New("PDF/A-1b variant: no PDF/A-2a identification in the XMP metadata")
	}
	data = bytes.Replace(data, []byte(a2), []byte(b1), 1)
	return slices.Concat(fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", len(data)), data, []byte("\nendstream\nendobj\n")), nil
}

// streamData returns the data of a stream object's body (after
// "k 0 obj\n"), inflated when its filter is FlateDecode (without
// predictors).
func streamData(obj []byte) ([]byte, error) {
	i := bytes.Index(obj, []byte("stream\n"))
	if i < 0 {
		return nil, errors.New("not a stream")
	}
	n, ok := intAfter(obj[:i], "/Length ")
	if !ok || n < 0 || i+len("stream\n")+n > len(obj) {
		return nil, errors.New("bad stream length")
	}
	data := obj[i+len("stream\n") : i+len("stream\n")+n]
	if !bytes.Contains(obj[:i], []byte("/FlateDecode")) {
		return data, nil
	}
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(r, 64<<20))
}

// intAfter reads the integer after key in b.
func intAfter(b []byte, key string) (int, bool) {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return 0, false
	}
	b = bytes.TrimLeft(b[i+len(key):], " \n")
	j := 0
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	v, err := strconv.Atoi(string(b[:j]))
	return v, err == nil
}

// cidSet is the CIDSet of a CIDToGIDMap (two bytes per CID, big-endian
// glyph index): one bit per CID from the high bit of the first byte, set
// for CID 0 and every CID mapped to a glyph other than 0, without
// trailing zero bytes.
func cidSet(m []byte) []byte {
	set := make([]byte, (len(m)/2+7)/8)
	last := 0
	for cid := 0; 2*cid+1 < len(m); cid++ {
		if cid == 0 || m[2*cid] != 0 || m[2*cid+1] != 0 {
			set[cid/8] |= 0x80 >> (cid % 8)
			last = cid/8 + 1
		}
	}
	return set[:max(last, 1)]
}

// flattened returns image object k composited over white, without its
// soft mask.
func flattened(objs [][]byte, k int) ([]byte, error) {
	img := objs[k]
	head := img[:max(bytes.Index(img, []byte("stream\n")), 0)]
	mk := refAfter(head, "/SMask ")
	if mk <= 0 || mk >= len(objs) {
		return nil, errors.New("soft mask is not an object")
	}
	w, okW := intAfter(head, "/Width ")
	h, okH := intAfter(head, "/Height ")
	if !okW || !okH || w <= 0 || h <= 0 || w*h > 1<<26 {
		return nil, errors.New("bad size")
	}
	colors := 0
	switch {
	case bytes.Contains(head, []byte("/ColorSpace /DeviceRGB")):
		colors = 3
	case bytes.Contains(head, []byte("/ColorSpace /DeviceGray")):
		colors = 1
	default:
		return nil, errors.New("neither DeviceRGB nor DeviceGray")
	}
	pix, err := samples(img, w, h, colors)
	if err != nil {
		return nil, err
	}
	alpha, err := samples(objs[mk], w, h, 1)
	if err != nil {
		return nil, fmt.Errorf("soft mask: %w", err)
	}
	for i := range pix {
		a := int(alpha[i/colors])
		pix[i] = byte((int(pix[i])*a + 255*(255-a) + 127) / 255)
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(pix)
	zw.Close()
	cs := "/DeviceRGB"
	if colors == 1 {
		cs = "/DeviceGray"
	}
	return slices.Concat(fmt.Appendf(nil, "<</Type /XObject\n/Subtype /Image\n/Width %d\n/Height %d\n/ColorSpace %s\n/BitsPerComponent 8\n/Filter /FlateDecode\n/Length %d>>\nstream\n", w, h, cs, z.Len()),
		z.Bytes(), []byte("\nendstream\nendobj\n")), nil
}

// samples decodes an 8-bit image stream of w×h pixels of n components:
// Flate, with PNG predictors (Predictor ≥ 10) or none.
func samples(obj []byte, w, h, n int) ([]byte, error) {
	head := obj[:max(bytes.Index(obj, []byte("stream\n")), 0)]
	if bpc, ok := intAfter(head, "/BitsPerComponent "); !ok || bpc != 8 {
		return nil, errors.New("not 8 bits per component")
	}
	if !bytes.Contains(head, []byte("/Filter /FlateDecode")) {
		return nil, errors.New("not Flate-encoded")
	}
	data, err := streamData(obj)
	if err != nil {
		return nil, err
	}
	row := w * n
	if p, ok := intAfter(head, "/Predictor "); !ok || p < 10 {
		if len(data) < row*h {
			return nil, errors.New("image data cut short")
		}
		return data[:row*h], nil
	}
	if len(data) < (row+1)*h {
		return nil, errors.New("image data cut short")
	}
	out := make([]byte, row*h)
	prev := make([]byte, row)
	for y := 0; y < h; y++ {
		src := data[y*(row+1)+1 : (y+1)*(row+1)]
		cur := out[y*row : (y+1)*row]
		for x := 0; x < row; x++ {
			var a, c int
			b := int(prev[x])
			if x >= n {
				a = int(cur[x-n])
				c = int(prev[x-n])
			}
			var pred int
			switch data[y*(row+1)] {
			case 0:
			case 1:
				pred = a
			case 2:
				pred = b
			case 3:
				pred = (a + b) / 2
			case 4:
				p := a + b - c
				pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
				switch {
				case pa <= pb && pa <= pc:
					pred = a
				case pb <= pc:
					pred = b
				default:
					pred = c
				}
			default:
				return nil, errors.New("unknown PNG filter")
			}
			cur[x] = src[x] + byte(pred)
		}
		prev = cur
	}
	return out, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
