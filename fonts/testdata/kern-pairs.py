# Writes kern-pairs.txt: the nonzero pair kerning of the shipped faces as
# fontTools reads their GPOS kern lookups, for fonts_test.go to check
# fonts.Font.Kern against. Run from the repository root:
#
#   python3 fonts/testdata/kern-pairs.py      # Debian's python3-fonttools
import string
from fontTools.ttLib import TTFont


def kern(font, a, b):
    """The XAdvance of the first glyph of pair a, b by the kern feature's
    pair adjustment lookups: in each, the first subtable that applies."""
    cmap = font.getBestCmap()
    ga, gb = cmap.get(ord(a)), cmap.get(ord(b))
    gpos = font["GPOS"].table
    total = 0
    feature = [f for f in gpos.FeatureList.FeatureRecord if f.FeatureTag == "kern"][0]
    for li in feature.Feature.LookupListIndex:
        lookup = gpos.LookupList.Lookup[li]
        if lookup.LookupType != 2:
            continue
        for st in lookup.SubTable:
            if ga not in st.Coverage.glyphs:
                continue
            if st.Format == 1:
                ps = st.PairSet[st.Coverage.glyphs.index(ga)]
                v = [r for r in ps.PairValueRecord if r.SecondGlyph == gb]
                if not v:
                    continue
                total += getattr(v[0].Value1, "XAdvance", 0) or 0
                break
            c1 = st.ClassDef1.classDefs.get(ga, 0)
            c2 = st.ClassDef2.classDefs.get(gb, 0)
            total += getattr(st.Class1Record[c1].Class2Record[c2].Value1, "XAdvance", 0) or 0
            break
    return total


punct = ".,;:!?'\"()-–—’“”«»„…"
chars = "".join(sorted(set(string.ascii_letters + string.digits + punct + "".join(chr(c) for c in range(0x410, 0x450)) + "Ёё")))
with open("fonts/testdata/kern-pairs.txt", "w") as out:
    out.write("# Nonzero pair kerning of the shipped faces, in font units (1/1000 em),\n")
    out.write("# as fontTools 4.38.0 reads their GPOS kern lookups (type 2), for every\n")
    out.write("# pair of the characters on the next line; pairs not listed are 0.\n")
    out.write(chars + "\n")
    for face in ["Regular", "Bold", "Italic", "BoldItalic"]:
        font = TTFont("fonts/NotoSans-%s.ttf" % face)
        for a in chars:
            for b in chars:
                k = kern(font, a, b)
                if k:
                    out.write("%s %s%s %d\n" % (face, a, b, k))
