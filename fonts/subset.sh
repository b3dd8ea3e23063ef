#!/bin/sh
# Rebuilds the shipped Noto Sans faces of this folder from the Debian
# package fonts-noto-core (20201225-1, Debian 12), subset with fonttools'
# pyftsubset to the scripts reportgen supports. See README.md here.
#
#   apt-get install fonts-noto-core fonttools
#   sh fonts/subset.sh            # writes fonts/NotoSans-*.ttf
#
# The output is byte-for-byte reproducible with fonttools 4.38.0
# (Debian 12's python3-fonttools, run by Debian's python3).
set -eu

src=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
out=$(dirname "$0")

# Basic Latin, Latin-1, Latin Extended-A and -B; ə (U+0259, Azerbaijani);
# spacing modifier letters (ʻ ʼ) and combining diacritics; Cyrillic and
# Cyrillic Supplement (Russian, Kazakh, Kyrgyz, Tajik, Ukrainian …); Latin
# Extended Additional; general punctuation; super- and subscripts;
# currency signs (€ ₸ ₽ ₺ ₼); letterlike symbols and number forms (№ ™ ⅓);
# dotted circle; the Latin ligatures ﬁ ﬂ; zero-width no-break space; the
# replacement characters.
unicodes=U+0000-024F,U+0259,U+02B0-036F,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-218F,U+25CC,U+FB00-FB06,U+FEFF,U+FFFC-FFFD

for face in Regular Bold Italic BoldItalic; do
	pyftsubset "$src/NotoSans-$face.ttf" \
		--unicodes="$unicodes" \
		--layout-features=kern --drop-tables+=GSUB \
		--name-IDs='*' --name-languages='*' --name-legacy \
		--notdef-outline \
		--output-file="$out/NotoSans-$face.ttf"
done

# pyftsubset stores the advance widths of the trailing glyphs that share
# one (the combining accents) in hmtx's short form; fpdf writes into the
# font bytes when it embeds such a glyph. Store every glyph's metrics in
# full instead (hhea.numberOfHMetrics = maxp.numGlyphs): the widths are
# the same, and fpdf then only reads the fonts.
${PYTHON:-python3} - "$out"/NotoSans-Regular.ttf "$out"/NotoSans-Bold.ttf "$out"/NotoSans-Italic.ttf "$out"/NotoSans-BoldItalic.ttf <<'PY'
import struct, sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables.DefaultTable import DefaultTable
for path in sys.argv[1:]:
    font = TTFont(path, recalcBBoxes=False, recalcTimestamp=False)
    order = font.getGlyphOrder()
    hmtx = DefaultTable("hmtx")
    hmtx.data = b"".join(struct.pack(">Hh", *font["hmtx"][g]) for g in order)
    font["hmtx"] = hmtx
    font["hhea"].numberOfHMetrics = len(order)
    font.save(path)
PY
