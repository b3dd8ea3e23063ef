-- texref.lua: hyphenates a list of words with LuaTeX's own hyphenation
-- routine (lang.hyphenate) and the hyph-utf8 patterns, to produce the
-- reference files tex-en.tsv and tex-ru.tsv. Not used by the Go build.
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
