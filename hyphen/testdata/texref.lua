-- texref.lua: hyphenates a list of words with LuaTeX's own hyphenation
-- routine (lang.hyphenate) and the hyph-utf8 patterns, to produce the
-- reference files tex-en.tsv, tex-ru.tsv and tex-fr.tsv. Not used by the
-- Go build.
--
-- Run from a directory holding this file (see README.md):
--   printf '\\catcode`\\{=1 \\catcode`\\}=2 \\directlua{dofile("texref.lua")}\\end\n' > texref.tex
--   PATF=hyph-ru.pat.txt HYPF=hyph-ru.hyp.txt LMIN=2 RMIN=2 WORDS=words.txt OUTF=out.tsv \
--     luatex --ini --interaction=batchmode ./texref.tex
-- PATF/HYPF are hyph-utf8's plain-text patterns and exceptions, LMIN/RMIN
-- \lefthyphenmin and \righthyphenmin, WORDS one word a line; OUTF gets
-- "word<TAB>hyphenated word" lines, with "-" at every discretionary.

local out = io.open(os.getenv("OUTF"), "w")
local lmin, rmin = tonumber(os.getenv("LMIN")), tonumber(os.getenv("RMIN"))
local function slurp(f) local h = assert(io.open(f)) local s = h:read("a") h:close() return s end

-- LuaTeX hyphenates only glyphs of a real font (not \nullfont).
local chars = {}
for c = 32, 0x24F do chars[c] = { width = 0 } end
for c = 0x400, 0x4FF do chars[c] = { width = 0 } end
local fid = font.define({ name = "texref", size = 655360, characters = chars, parameters = {}, hyphenchar = 45 })

-- hjcodes (letters and their lower case) must be set before the patterns load.
local l = lang.new()
for c = 97, 122 do l:sethjcode(c, c) end        -- a-z
for c = 65, 90 do l:sethjcode(c, c + 32) end    -- A-Z
for c = 0x430, 0x44F do l:sethjcode(c, c) end   -- а-я
for c = 0x410, 0x42F do l:sethjcode(c, c + 32) end -- А-Я
l:sethjcode(0x451, 0x451)                       -- ё
l:sethjcode(0x401, 0x451)                       -- Ё
for c = 0xE0, 0xFF do if c ~= 0xF7 then l:sethjcode(c, c) end end      -- à-ÿ
for c = 0xC0, 0xDE do if c ~= 0xD7 then l:sethjcode(c, c + 32) end end -- À-Þ
-- Latin Extended-A (ā, ś, œ …): a capital letter, then its small letter.
local function pairs_from(first, last)
  for c = first, last, 2 do l:sethjcode(c, c + 1) l:sethjcode(c + 1, c + 1) end
end
pairs_from(0x100, 0x12F) pairs_from(0x132, 0x137) pairs_from(0x139, 0x148)
pairs_from(0x14A, 0x177) pairs_from(0x179, 0x17E)
for _, c in ipairs({ 0x131, 0x138, 0x149, 0x17F }) do l:sethjcode(c, c) end -- ı ĸ ŉ ſ
l:sethjcode(0x178, 0xFF)                        -- Ÿ
l:sethjcode(39, 39)                             -- ' (hyph-fr patterns; \lccode`\'=`\' in TeX)
l:patterns(slurp(os.getenv("PATF")))
l:hyphenation(slurp(os.getenv("HYPF")))

local glyph, disc = node.id("glyph"), node.id("disc")
for word in io.lines(os.getenv("WORDS")) do
  local head = node.new("glue")
  local tail = head
  for _, cp in utf8.codes(word) do
    local g = node.new("glyph")
    g.subtype, g.font, g.char, g.lang = 1, fid, cp, l:id()
    g.left, g.right, g.uchyph = lmin, rmin, 1
    tail.next, g.prev, tail = g, tail, g
  end
  local e = node.new("glue")
  tail.next, e.prev, tail = e, tail, e
  lang.hyphenate(head, tail)
  local parts = {}
  for n in node.traverse(head) do
    if n.id == glyph then parts[#parts + 1] = utf8.char(n.char)
    elseif n.id == disc then parts[#parts + 1] = "-" end
  end
  out:write(word, "\t", table.concat(parts), "\n")
end
out:close()
