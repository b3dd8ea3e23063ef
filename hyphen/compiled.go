package hyphen

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// The pattern files are compiled ahead of time: patterns/hyph-*.trie holds
// the parsed patterns of the .tex file of the same name, the
// double-array trie and the exception list exactly as parse builds them,
// in a compact binary form that load reads in a fraction of the time
// parsing the TeX source takes. TestCompiledPatterns checks every .trie
// file against its .tex file; after updating a .tex file, regenerate with
//
//	go generate ./hyphen

//go:generate go test -run ^TestCompiledPatterns$ -update

// compiledMagic starts every compiled file; its number changes with the
// format.
const compiledMagic = "reportgen hyphen trie 1\n"

// compiledFile is the compiled form of a pattern file.
func compiledFile(texFile string) string {
	return strings.TrimSuffix(texFile, ".tex") + ".trie"
}

// encode writes h's trie and exceptions in the compiled form (all numbers
// little-endian):
//
//	magic
//	u32 n, n bytes         codes of the runes below n
//	u32 n, n × (u32, u8)   other runes and their codes, by rune
//	u32 n, n × 4 × i32     cells: base, check, valFirst, valLen
//	u32 n, n × 2 × u8      levels: pos, level
//	u32 n, n × exception   by word: u16 length and bytes of the word,
//	                       u8 count and the letter counts after which
//	                       it may be hyphenated
func (h *Hyphenator) encode() []byte {
	t := &h.trie
	b := []byte(compiledMagic)
	u32 := func(v uint32) { b = binary.LittleEndian.AppendUint32(b, v) }
	u32(uint32(len(t.codes)))
	b = append(b, t.codes...)
	high := slices.Sorted(maps.Keys(t.highCodes))
	u32(uint32(len(high)))
	for _, r := range high {
		u32(uint32(r))
		b = append(b, t.highCodes[r])
	}
	u32(uint32(len(t.cells)))
	for _, c := range t.cells {
		u32(uint32(c.base))
		u32(uint32(c.check))
		u32(uint32(c.valFirst))
		u32(uint32(c.valLen))
	}
	u32(uint32(len(t.val)))
	for _, v := range t.val {
		b = append(b, v.pos, v.level)
	}
	words := slices.Sorted(maps.Keys(h.exceptions))
	u32(uint32(len(words)))
	for _, w := range words {
		b = binary.LittleEndian.AppendUint16(b, uint16(len(w)))
		b = append(b, w...)
		after := h.exceptions[w]
		b = append(b, uint8(len(after)))
		b = append(b, after...)
	}
	return b
}

var errCompiled = errors.New("damaged compiled pattern file")

// decode reads the compiled form written by encode.
func decode(data []byte, leftMin, rightMin int) (*Hyphenator, error) {
	if !bytes.HasPrefix(data, []byte(compiledMagic)) {
		return nil, fmt.Errorf("%w: not a %q file", errCompiled, strings.TrimSpace(compiledMagic))
	}
	d := decoder{data: data[len(compiledMagic):]}
	h := &Hyphenator{leftMin: leftMin, rightMin: rightMin}
	t := &h.trie
	t.codes = bytes.Clone(d.bytes(d.count(1)))
	if n := d.count(5); n > 0 {
		t.highCodes = make(map[rune]uint8, n)
		for range n {
			r := rune(d.u32())
			t.highCodes[r] = d.bytes(1)[0]
		}
	}
	n := d.count(16)
	t.cells = make([]cell, n)
	for i := range t.cells {
		c := d.bytes(16)
		t.cells[i] = cell{
			base:     int32(binary.LittleEndian.Uint32(c)),
			check:    int32(binary.LittleEndian.Uint32(c[4:])),
			valFirst: int32(binary.LittleEndian.Uint32(c[8:])),
			valLen:   int32(binary.LittleEndian.Uint32(c[12:])),
		}
	}
	n = d.count(2)
	t.val = make([]level, n)
	for i := range t.val {
		v := d.bytes(2)
		t.val[i] = level{pos: v[0], level: v[1]}
	}
	n = d.count(3)
	h.exceptions = make(map[string][]uint8, n)
	for range n {
		w := string(d.bytes(int(d.u16())))
		var after []uint8
		if k := int(d.bytes(1)[0]); k > 0 {
			after = bytes.Clone(d.bytes(k))
		}
		h.exceptions[w] = after
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.data) > 0 {
		return nil, fmt.Errorf("%w: %d bytes after the end", errCompiled, len(d.data))
	}
	// The trie is used without bounds checks on what it points to.
	for i, c := range t.cells {
		if c.valFirst < 0 || c.valLen < 0 || int(c.valFirst)+int(c.valLen) > len(t.val) || c.check < -1 || int(c.check) >= len(t.cells) || c.base < 0 {
			return nil, fmt.Errorf("%w: cell %d out of range", errCompiled, i)
		}
	}
	if len(t.cells) == 0 {
		return nil, fmt.Errorf("%w: no trie", errCompiled)
	}
	for w := range h.exceptions {
		if !utf8.ValidString(w) {
			return nil, fmt.Errorf("%w: exception %q is not UTF-8", errCompiled, w)
		}
	}
	return h, nil
}

// decoder reads little-endian numbers and byte strings, remembering the
// first error (then returning zeros).
type decoder struct {
	data []byte
	err  error
}

var zeros [16]byte

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.data) {
		if d.err == nil {
			d.err = fmt.Errorf("%w: truncated", errCompiled)
		}
		if n >= 0 && n <= len(zeros) {
			return zeros[:n]
		}
		return nil
	}
	b := d.data[:n]
	d.data = d.data[n:]
	return b
}

func (d *decoder) u16() uint16 { return binary.LittleEndian.Uint16(d.bytes(2)) }
func (d *decoder) u32() uint32 { return binary.LittleEndian.Uint32(d.bytes(4)) }

// count reads a number of entries of at least size bytes each, refusing
// one the rest of the data cannot hold.
func (d *decoder) count(size int) int {
	n := int(d.u32())
	if d.err == nil && n > len(d.data)/size {
		d.err = fmt.Errorf("%w: %d entries do not fit in %d bytes", errCompiled, n, len(d.data))
		return 0
	}
	return n
}
