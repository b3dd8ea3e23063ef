package gpos

import (
	"encoding/binary"
	"os"
	"testing"
)

// w is a big-endian table writer for hand-made GPOS tables.
type w []byte

func (b w) u16(vs ...int) w {
	for _, v := range vs {
		b = binary.BigEndian.AppendUint16(b, uint16(v))
	}
	return b
}

func (b w) u32(v int) w { return binary.BigEndian.AppendUint32(b, uint32(v)) }

func (b w) tag(s string) w { return append(b, s...) }

// gposWith builds a GPOS table of one script (script) whose default
// language system has one kern feature, of one lookup of type typ whose
// subtables are subs (each laid out after the lookup).
func gposWith(script string, typ int, subs ...w) []byte {
	// header 10, script list at 10, feature list, lookup list.
	scriptList := w{}.u16(1).tag(script).u16(8). // one script at 8
							u16(4, 0).           // Script: default lang sys at 4, no others
							u16(0, 0xFFFF, 1, 0) // LangSys: feature 0
	featureList := w{}.u16(1).tag("kern").u16(8).
		u16(0, 1, 0) // Feature: no params, lookup 0
	lookup := w{}.u16(typ, 0, len(subs))
	off := 6 + 2*len(subs)
	for _, s := range subs {
		lookup = lookup.u16(off)
		off += len(s)
	}
	for _, s := range subs {
		lookup = append(lookup, s...)
	}
	lookupList := w{}.u16(1, 4)
	lookupList = append(lookupList, lookup...)
	t := w{}.u16(1, 0, 10, 10+len(scriptList), 10+len(scriptList)+len(featureList))
	t = append(t, scriptList...)
	t = append(t, featureList...)
	return append(t, lookupList...)
}

// format1 is a PairPos format 1 subtable: first glyph 5 (coverage format
// 1), pairs 5+6 → -70 and 5+9 → 20, value format 1 vf (XAdvance and the
// fields before it), value format 2 XAdvance.
func format1(vf int) w {
	before := 0
	if vf&xPlacement != 0 {
		before++
	}
	if vf&yPlacement != 0 {
		before++
	}
	after := valueSize(vf)/2 - before - 1
	rec := func(g, v int) w {
		r := w{}.u16(g)
		for range before {
			r = r.u16(99)
		}
		r = r.u16(v)
		for range after {
			r = r.u16(77)
		}
		return r.u16(55) // value 2
	}
	pairSet := w{}.u16(2)
	pairSet = append(pairSet, rec(6, -70)...)
	pairSet = append(pairSet, rec(9, 20)...)
	cov := w{}.u16(1, 1, 5)
	s := w{}.u16(1, 12, vf, xAdvance, 1, 12+len(cov))
	s = append(s, cov...)
	return append(s, pairSet...)
}

// format2 is a PairPos format 2 subtable: glyphs 10–12 (coverage format
// 2) of first class 1 (class def format 2), and glyph 20 of second class
// 1, 21 of 2 (format 1): 10+20 → -40, 10+21 → -15, 10+other → 0.
func format2() w {
	cov := w{}.u16(2, 1, 10, 12, 0)
	cd1 := w{}.u16(2, 1, 10, 12, 1)
	cd2 := w{}.u16(1, 20, 2, 1, 2)
	// 2 first classes × 3 second classes, XAdvance only.
	values := w{}.u16(0, 0, 0, 0, -40, -15)
	hdr := 16
	s := w{}.u16(2, hdr+len(values), xAdvance, 0, hdr+len(values)+len(cov), hdr+len(values)+len(cov)+len(cd1), 2, 3)
	s = append(s, values...)
	s = append(s, cov...)
	s = append(s, cd1...)
	return append(s, cd2...)
}

// ext wraps a subtable in an extension subtable.
func ext(s w) w { return append(w{}.u16(1, pairAdjustment).u32(8), s...) }

func TestKern(t *testing.T) {
	cases := []struct {
		name  string
		table []byte
		a, b  uint16
		want  int
	}{
		{"format 1", gposWith("latn", 2, format1(xAdvance)), 5, 6, -70},
		{"format 1, second pair", gposWith("latn", 2, format1(xAdvance)), 5, 9, 20},
		{"format 1, no pair", gposWith("latn", 2, format1(xAdvance)), 5, 7, 0},
		{"format 1, first not covered", gposWith("latn", 2, format1(xAdvance)), 6, 6, 0},
		{"format 1, placements first", gposWith("latn", 2, format1(xPlacement|yPlacement|xAdvance)), 5, 6, -70},
		{"format 1, device offsets after", gposWith("latn", 2, format1(xAdvance|0x0010|0x0080)), 5, 9, 20},
		{"format 2", gposWith("cyrl", 2, format2()), 11, 20, -40},
		{"format 2, class 2", gposWith("cyrl", 2, format2()), 12, 21, -15},
		{"format 2, class 0", gposWith("cyrl", 2, format2()), 10, 30, 0},
		{"format 2, beyond the glyphs", gposWith("cyrl", 2, format2()), 10, 200, 0},
		{"first subtable that applies", gposWith("DFLT", 2, format1(xAdvance), format2()), 5, 6, -70},
		{"second subtable", gposWith("DFLT", 2, format1(xAdvance), format2()), 10, 20, -40},
		{"extension", gposWith("latn", extension, ext(format2())), 10, 21, -15},
		{"other script, any kern feature", gposWith("grek", 2, format2()), 10, 20, -40},
		{"other lookup type", gposWith("latn", 1, format2()), 10, 20, 0},
	}
	for _, c := range cases {
		k, err := Parse(c.table, 100)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := k.Kern(c.a, c.b); got != c.want {
			t.Errorf("%s: Kern(%d, %d) = %d, want %d", c.name, c.a, c.b, got, c.want)
		}
	}
}

func TestDamaged(t *testing.T) {
	good := gposWith("latn", 2, format1(xAdvance), format2())
	if _, err := Parse(good, 100); err != nil {
		t.Fatal(err)
	}
	// Every cut of it reads without a panic; cutting into the header or
	// a subtable fails.
	for n := range len(good) {
		Parse(good[:n], 100)
	}
	if _, err := Parse(good[:len(good)-1], 100); err == nil {
		t.Error("a table one byte short read")
	}
	bad := append([]byte(nil), good...)
	bad[0] = 2 // version
	if _, err := Parse(bad, 100); err == nil {
		t.Error("version 2 read")
	}
	if k, err := Parse(nil, 100); k != nil || err != nil || k.Kern(1, 2) != 0 {
		t.Errorf("no table: %v, %v", k, err)
	}
}

// notoGPOS returns the GPOS table of the shipped regular face.
func notoGPOS(t testing.TB) ([]byte, int) {
	data, err := os.ReadFile("../../NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	find := func(tag string) []byte {
		n := int(binary.BigEndian.Uint16(data[4:]))
		for i := range n {
			rec := data[12+16*i:]
			if string(rec[:4]) == tag {
				off, l := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
				return data[off : off+l]
			}
		}
		t.Fatalf("no %s table", tag)
		return nil
	}
	return find("GPOS"), int(binary.BigEndian.Uint16(find("maxp")[4:]))
}

func TestNoto(t *testing.T) {
	data, n := notoGPOS(t)
	k, err := Parse(data, n)
	if err != nil {
		t.Fatal(err)
	}
	if k.Pairs() < 10000 {
		t.Errorf("%d kerned pairs, want many more", k.Pairs())
	}
}

func FuzzGPOS(f *testing.F) {
	data, n := notoGPOS(f)
	f.Add(data, uint16(n), uint16(36), uint16(82))
	f.Add(gposWith("latn", 2, format1(xAdvance), format2()), uint16(100), uint16(5), uint16(6))
	f.Add(gposWith("latn", extension, ext(format2())), uint16(100), uint16(10), uint16(21))
	f.Fuzz(func(t *testing.T, data []byte, n, a, b uint16) {
		k, err := Parse(data, int(n))
		if err != nil {
			return
		}
		k.Kern(a, b)
		k.Kern(b, a)
		k.First(a)
		k.Pairs()
	})
}
