// Package gpos reads the pair kerning of an OpenType font: the pair
// adjustment lookups (GPOS lookup type 2, formats 1 and 2, also wrapped in
// extension lookups, type 9) of the `kern` feature of the default, Latin
// and Cyrillic scripts.
//
// Only the horizontal advance of the first glyph of a pair (the XAdvance
// of its first value record) is read: that is how fonts store kerning,
// and all a line of text set by advance widths can use. Contextual
// kerning, placement adjustments and the lookup flags (such as "ignore
// marks") are not applied.
//
// Every read is bounds-checked: a damaged table gives an error, never a
// panic, and no allocation larger than the table itself.
package gpos

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// Kerning is the pair kerning of one font. The zero value and nil have
// none. It is read only after Parse, so safe for concurrent use.
type Kerning struct {
	// lookups in lookup list order, each a list of subtables of which
	// the first that applies to a pair gives its adjustment.
	lookups [][]subtable
	// first marks the glyphs that start a pair of some subtable: most
	// glyph pairs are turned away by it.
	first []bool
	pairs int
	// work counts the glyphs and records read, against maxWork.
	work int
}

// maxWork bounds the work of reading one table (a damaged table could
// name every glyph in each of thousands of subtables): far more than a
// real font needs.
const maxWork = 1 << 25

var errTooLarge = errors.New("the kerning tables are too large to read")

// spend counts n units of work.
func (k *Kerning) spend(n int) error {
	k.work += n
	if n < 0 || k.work > maxWork {
		return errTooLarge
	}
	return nil
}

// subtable is one pair adjustment subtable, indexed by glyph.
type subtable struct {
	// cov is, for each glyph, its coverage index plus one (0: not
	// covered).
	cov []uint16
	// Format 1: the pairs of each covered glyph, sorted by second glyph.
	sets [][]pair
	// Format 2: the class of each glyph as first and as second glyph,
	// and the adjustments, class1*n2 + class2.
	class1, class2 []uint16
	n2             int
	values         []int16
}

type pair struct {
	second uint16
	value  int16
}

// Pairs returns the number of glyph pairs with a kerning value other than
// zero (format 1 pairs, and format 2 pairs of classes of the given
// coverage), counted as the font states them.
func (k *Kerning) Pairs() int {
	if k == nil {
		return 0
	}
	return k.pairs
}

// First reports whether glyph a starts any kerned pair: a quick test
// before Kern.
func (k *Kerning) First(a uint16) bool {
	return k != nil && int(a) < len(k.first) && k.first[a]
}

// Kern returns the adjustment of the advance of glyph a when glyph b
// follows it, in font units: negative moves b closer.
func (k *Kerning) Kern(a, b uint16) int {
	if !k.First(a) {
		return 0
	}
	sum := 0
	for _, lk := range k.lookups {
		for i := range lk {
			if v, ok := lk[i].kern(a, b); ok {
				sum += int(v)
				break
			}
		}
	}
	return sum
}

// kern returns the subtable's adjustment for the pair, and whether the
// subtable applies to it (then later subtables of its lookup are not
// looked at).
func (s *subtable) kern(a, b uint16) (int16, bool) {
	if int(a) >= len(s.cov) || s.cov[a] == 0 {
		return 0, false
	}
	ci := int(s.cov[a]) - 1
	if s.sets != nil {
		if ci >= len(s.sets) {
			return 0, false
		}
		set := s.sets[ci]
		i, found := slices.BinarySearchFunc(set, b, func(p pair, b uint16) int { return int(p.second) - int(b) })
		if !found {
			return 0, false
		}
		return set[i].value, true
	}
	if s.values == nil {
		return 0, true // no advance adjustments
	}
	c1 := int(s.class1[a])
	c2 := 0
	if int(b) < len(s.class2) {
		c2 = int(s.class2[b])
	}
	if c2 >= s.n2 {
		return 0, false
	}
	i := c1*s.n2 + c2
	if i >= len(s.values) {
		return 0, false
	}
	return s.values[i], true
}

// table is a bounds-checked view of part of the GPOS table.
type table []byte

var errShort = errors.New("offset or count beyond the end of the table")

func (t table) u16(off int) (int, error) {
	if off < 0 || off+2 > len(t) {
		return 0, errShort
	}
	return int(binary.BigEndian.Uint16(t[off:])), nil
}

func (t table) u32(off int) (int, error) {
	if off < 0 || off+4 > len(t) {
		return 0, errShort
	}
	return int(binary.BigEndian.Uint32(t[off:])), nil
}

// sub returns the part of t from off, which the 16-bit offset at at gives.
func (t table) sub(at int) (table, error) {
	off, err := t.u16(at)
	if err != nil {
		return nil, err
	}
	return t.from(off)
}

func (t table) from(off int) (table, error) {
	if off < 0 || off > len(t) {
		return nil, errShort
	}
	return t[off:], nil
}

// array checks that n records of size bytes fit from off.
func (t table) array(off, n, size int) error {
	if off < 0 || n < 0 || size < 0 || off+n*size > len(t) {
		return errShort
	}
	return nil
}

// Parse reads the kerning of a GPOS table of a font of numGlyphs glyphs.
// A font without a GPOS table (data empty) has none, which is no error.
func Parse(data []byte, numGlyphs int) (*Kerning, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if numGlyphs <= 0 || numGlyphs > 0x10000 {
		return nil, fmt.Errorf("GPOS: %d glyphs", numGlyphs)
	}
	t := table(data)
	major, err := t.u16(0)
	if err != nil {
		return nil, fmt.Errorf("GPOS header: %w", err)
	}
	if major != 1 {
		return nil, fmt.Errorf("GPOS version %d is not 1", major)
	}
	lookups, err := kernLookups(t)
	if err != nil {
		return nil, err
	}
	lookupList, err := t.sub(8)
	if err != nil {
		return nil, fmt.Errorf("GPOS lookup list: %w", err)
	}
	nLookups, err := lookupList.u16(0)
	if err != nil {
		return nil, fmt.Errorf("GPOS lookup list: %w", err)
	}
	k := &Kerning{first: make([]bool, numGlyphs)}
	for _, li := range lookups {
		if li >= nLookups {
			return nil, fmt.Errorf("GPOS: the kern feature names lookup %d of %d", li, nLookups)
		}
		lk, err := lookupList.sub(2 + 2*li)
		if err != nil {
			return nil, fmt.Errorf("GPOS lookup %d: %w", li, err)
		}
		subs, err := k.lookup(lk, numGlyphs)
		if err != nil {
			return nil, fmt.Errorf("GPOS lookup %d: %w", li, err)
		}
		if len(subs) > 0 {
			k.lookups = append(k.lookups, subs)
		}
	}
	return k, nil
}

// kernLookups returns the indices of the lookups of the kern features of
// the scripts DFLT, latn and cyrl (their default language systems), in
// lookup list order; if none of those scripts has one, of every kern
// feature.
func kernLookups(t table) ([]int, error) {
	features, err := t.sub(6)
	if err != nil {
		return nil, fmt.Errorf("GPOS feature list: %w", err)
	}
	nFeatures, err := features.u16(0)
	if err != nil {
		return nil, fmt.Errorf("GPOS feature list: %w", err)
	}
	if err := features.array(2, nFeatures, 6); err != nil {
		return nil, fmt.Errorf("GPOS feature list: %w", err)
	}
	isKern := func(fi int) bool { return fi < nFeatures && string(features[2+6*fi:2+6*fi+4]) == "kern" }

	var use []int // feature indices
	scripts, err := t.sub(4)
	if err != nil {
		return nil, fmt.Errorf("GPOS script list: %w", err)
	}
	nScripts, err := scripts.u16(0)
	if err != nil {
		return nil, fmt.Errorf("GPOS script list: %w", err)
	}
	if err := scripts.array(2, nScripts, 6); err != nil {
		return nil, fmt.Errorf("GPOS script list: %w", err)
	}
	for i := range nScripts {
		switch string(scripts[2+6*i : 2+6*i+4]) {
		case "DFLT", "latn", "cyrl":
		default:
			continue
		}
		script, err := scripts.sub(2 + 6*i + 4)
		if err != nil {
			return nil, fmt.Errorf("GPOS script: %w", err)
		}
		off, err := script.u16(0)
		if err != nil {
			return nil, fmt.Errorf("GPOS script: %w", err)
		}
		if off == 0 {
			continue // no default language system
		}
		ls, err := script.from(off)
		if err != nil {
			return nil, fmt.Errorf("GPOS language system: %w", err)
		}
		n, err := ls.u16(4)
		if err != nil {
			return nil, fmt.Errorf("GPOS language system: %w", err)
		}
		if err := ls.array(6, n, 2); err != nil {
			return nil, fmt.Errorf("GPOS language system: %w", err)
		}
		for j := range n {
			if fi, _ := ls.u16(6 + 2*j); isKern(fi) {
				use = append(use, fi)
			}
		}
	}
	if len(use) == 0 {
		for fi := range nFeatures {
			if isKern(fi) {
				use = append(use, fi)
			}
		}
	}
	var lookups []int
	for _, fi := range use {
		f, err := features.sub(2 + 6*fi + 4)
		if err != nil {
			return nil, fmt.Errorf("GPOS feature %d: %w", fi, err)
		}
		n, err := f.u16(2)
		if err != nil {
			return nil, fmt.Errorf("GPOS feature %d: %w", fi, err)
		}
		if err := f.array(4, n, 2); err != nil {
			return nil, fmt.Errorf("GPOS feature %d: %w", fi, err)
		}
		for j := range n {
			li, _ := f.u16(4 + 2*j)
			lookups = append(lookups, li)
		}
	}
	slices.Sort(lookups)
	return slices.Compact(lookups), nil
}

// Lookup types.
const (
	pairAdjustment = 2
	extension      = 9
)

// lookup reads the pair adjustment subtables of a lookup; other lookup
// types give none.
func (k *Kerning) lookup(lk table, numGlyphs int) ([]subtable, error) {
	typ, err := lk.u16(0)
	if err != nil {
		return nil, err
	}
	n, err := lk.u16(4)
	if err != nil {
		return nil, err
	}
	if err := lk.array(6, n, 2); err != nil {
		return nil, err
	}
	var subs []subtable
	for i := range n {
		st, err := lk.sub(6 + 2*i)
		if err != nil {
			return nil, fmt.Errorf("subtable %d: %w", i, err)
		}
		styp := typ
		if typ == extension {
			f, err := st.u16(0)
			if err != nil {
				return nil, fmt.Errorf("extension subtable %d: %w", i, err)
			}
			if f != 1 {
				return nil, fmt.Errorf("extension subtable %d: format %d", i, f)
			}
			if styp, err = st.u16(2); err != nil {
				return nil, fmt.Errorf("extension subtable %d: %w", i, err)
			}
			off, err := st.u32(4)
			if err != nil {
				return nil, fmt.Errorf("extension subtable %d: %w", i, err)
			}
			if st, err = st.from(off); err != nil {
				return nil, fmt.Errorf("extension subtable %d: %w", i, err)
			}
		}
		if styp != pairAdjustment {
			continue
		}
		s, err := k.pairPos(st, numGlyphs)
		if err != nil {
			return nil, fmt.Errorf("pair adjustment subtable %d: %w", i, err)
		}
		subs = append(subs, s)
	}
	return subs, nil
}

// Value record fields.
const (
	xPlacement = 0x0001
	yPlacement = 0x0002
	xAdvance   = 0x0004
)

// valueSize is the size in bytes of a value record of the format.
func valueSize(format int) int { return 2 * bits.OnesCount16(uint16(format)&0xFF) }

// xAdvanceAt is the offset of XAdvance in a value record of the format,
// or -1 if the record has none.
func xAdvanceAt(format int) int {
	if format&xAdvance == 0 {
		return -1
	}
	return 2 * bits.OnesCount16(uint16(format)&(xPlacement|yPlacement))
}

// pairPos reads a pair adjustment subtable (format 1 or 2).
func (k *Kerning) pairPos(st table, numGlyphs int) (subtable, error) {
	var s subtable
	// Four tables of a value per glyph.
	if err := k.spend(4 * numGlyphs); err != nil {
		return s, err
	}
	format, err := st.u16(0)
	if err != nil {
		return s, err
	}
	cov, err := st.sub(2)
	if err != nil {
		return s, fmt.Errorf("coverage: %w", err)
	}
	s.cov, err = coverage(cov, numGlyphs, k)
	if err != nil {
		return s, fmt.Errorf("coverage: %w", err)
	}
	vf1, err := st.u16(4)
	if err != nil {
		return s, err
	}
	vf2, err := st.u16(6)
	if err != nil {
		return s, err
	}
	size1, size2 := valueSize(vf1), valueSize(vf2)
	at := xAdvanceAt(vf1)
	switch format {
	case 1:
		n, err := st.u16(8)
		if err != nil {
			return s, err
		}
		if err := st.array(10, n, 2); err != nil {
			return s, fmt.Errorf("pair sets: %w", err)
		}
		s.sets = make([][]pair, n)
		rec := 2 + size1 + size2
		for i := range n {
			ps, err := st.sub(10 + 2*i)
			if err != nil {
				return s, fmt.Errorf("pair set %d: %w", i, err)
			}
			m, err := ps.u16(0)
			if err != nil {
				return s, fmt.Errorf("pair set %d: %w", i, err)
			}
			if err := ps.array(2, m, rec); err != nil {
				return s, fmt.Errorf("pair set %d: %w", i, err)
			}
			if err := k.spend(m + 1); err != nil {
				return s, err
			}
			set := make([]pair, 0, m)
			for j := range m {
				r := 2 + j*rec
				g, _ := ps.u16(r)
				v := 0
				if at >= 0 {
					v, _ = ps.u16(r + 2 + at)
				}
				set = append(set, pair{uint16(g), int16(v)})
			}
			// Sorted as the format requires; a font that does not
			// sort them still works, its first record of a glyph
			// winning.
			slices.SortStableFunc(set, func(a, b pair) int { return int(a.second) - int(b.second) })
			set = slices.CompactFunc(set, func(a, b pair) bool { return a.second == b.second })
			for _, p := range set {
				if p.value != 0 {
					k.pairs++
				}
			}
			s.sets[i] = set
		}
	case 2:
		cd1, err := st.sub(8)
		if err != nil {
			return s, fmt.Errorf("class definition 1: %w", err)
		}
		cd2, err := st.sub(10)
		if err != nil {
			return s, fmt.Errorf("class definition 2: %w", err)
		}
		n1, err := st.u16(12)
		if err != nil {
			return s, err
		}
		n2, err := st.u16(14)
		if err != nil {
			return s, err
		}
		rec := size1 + size2
		if err := st.array(16, n1*n2, rec); err != nil {
			return s, fmt.Errorf("class records: %w", err)
		}
		if err := k.spend(n1*n2 + n1 + n2); err != nil {
			return s, err
		}
		if s.class1, err = classDef(cd1, numGlyphs, k); err != nil {
			return s, fmt.Errorf("class definition 1: %w", err)
		}
		if s.class2, err = classDef(cd2, numGlyphs, k); err != nil {
			return s, fmt.Errorf("class definition 2: %w", err)
		}
		s.n2 = n2
		if at >= 0 {
			// rec ≥ 2 here, so the table holds every value read.
			s.values = make([]int16, n1*n2)
			for i := range s.values {
				v, _ := st.u16(16 + i*rec + at)
				s.values[i] = int16(v)
			}
		}
		// Count the pairs: glyphs of the coverage by class, and
		// glyphs by second class (class 0 is every other glyph).
		per1 := make([]int, n1)
		for g, c := range s.cov {
			if c != 0 && int(s.class1[g]) < n1 {
				per1[s.class1[g]]++
			}
		}
		per2 := make([]int, n2)
		for _, c := range s.class2 {
			if int(c) < n2 {
				per2[c]++
			}
		}
		for i, v := range s.values {
			if v != 0 {
				k.pairs += per1[i/n2] * per2[i%n2]
			}
		}
	default:
		return s, fmt.Errorf("format %d", format)
	}
	for g, c := range s.cov {
		if c != 0 {
			k.first[g] = true
		}
	}
	return s, nil
}

// coverage reads a coverage table: for each glyph below numGlyphs, its
// coverage index plus one, or 0.
func coverage(t table, numGlyphs int, k *Kerning) ([]uint16, error) {
	format, err := t.u16(0)
	if err != nil {
		return nil, err
	}
	n, err := t.u16(2)
	if err != nil {
		return nil, err
	}
	cov := make([]uint16, numGlyphs)
	switch format {
	case 1:
		if err := t.array(4, n, 2); err != nil {
			return nil, err
		}
		if err := k.spend(n); err != nil {
			return nil, err
		}
		for i := range n {
			if g, _ := t.u16(4 + 2*i); g < numGlyphs && cov[g] == 0 && i < 0xFFFF {
				cov[g] = uint16(i + 1)
			}
		}
	case 2:
		if err := t.array(4, n, 6); err != nil {
			return nil, err
		}
		for i := range n {
			start, _ := t.u16(4 + 6*i)
			end, _ := t.u16(4 + 6*i + 2)
			idx, _ := t.u16(4 + 6*i + 4)
			if err := k.spend(1 + max(0, min(end, numGlyphs-1)-start+1)); err != nil {
				return nil, err
			}
			for g := start; g <= end && g < numGlyphs; g++ {
				if ci := idx + g - start; cov[g] == 0 && ci < 0xFFFF {
					cov[g] = uint16(ci + 1)
				}
			}
		}
	default:
		return nil, fmt.Errorf("format %d", format)
	}
	return cov, nil
}

// classDef reads a class definition table: the class of each glyph below
// numGlyphs (0 for glyphs it does not name).
func classDef(t table, numGlyphs int, k *Kerning) ([]uint16, error) {
	format, err := t.u16(0)
	if err != nil {
		return nil, err
	}
	cls := make([]uint16, numGlyphs)
	switch format {
	case 1:
		start, err := t.u16(2)
		if err != nil {
			return nil, err
		}
		n, err := t.u16(4)
		if err != nil {
			return nil, err
		}
		if err := t.array(6, n, 2); err != nil {
			return nil, err
		}
		if err := k.spend(n); err != nil {
			return nil, err
		}
		for i := range n {
			if g := start + i; g < numGlyphs {
				c, _ := t.u16(6 + 2*i)
				cls[g] = uint16(c)
			}
		}
	case 2:
		n, err := t.u16(2)
		if err != nil {
			return nil, err
		}
		if err := t.array(4, n, 6); err != nil {
			return nil, err
		}
		for i := range n {
			start, _ := t.u16(4 + 6*i)
			end, _ := t.u16(4 + 6*i + 2)
			c, _ := t.u16(4 + 6*i + 4)
			if err := k.spend(1 + max(0, min(end, numGlyphs-1)-start+1)); err != nil {
				return nil, err
			}
			for g := start; g <= end && g < numGlyphs; g++ {
				cls[g] = uint16(c)
			}
		}
	default:
		return nil, fmt.Errorf("format %d", format)
	}
	return cls, nil
}
