package tomlpos

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// posCase is one document with the positions expected in it.
type posCase struct {
	name  string
	doc   string
	pos   map[string]Pos // Pos(path)
	table map[string]Pos // Table(path)
	none  []string       // paths Pos must not find
	notab []string       // paths Table must not find
}

var posCases = []posCase{
	{
		name: "keys and comments",
		doc: `# comment "with" = quotes
id = "x" # trailing comment
  indented = 1
"quoted key" = 2
'literal.key' = 3
"esc\"aped" = 4
"a.b".c = 5
"tab\there" = 6
"\u0041\x42" = 7
'a"b' = 8
"" = 9
1234 = 10
`,
		pos: map[string]Pos{
			"id":            {2, 1},
			"indented":      {3, 3},
			`"quoted key"`:  {4, 1},
			`"literal.key"`: {5, 1},
			`"esc\"aped"`:   {6, 1},
			`"a.b"`:         {7, 1},
			`"a.b".c`:       {7, 1},
			`"tab\there"`:   {8, 1},
			"AB":            {9, 1},
			`"a\"b"`:        {10, 1},
			`""`:            {11, 1},
			"1234":          {12, 1},
			`"id"`:          {2, 1}, // needless quotes are accepted
			`"\u0041B"`:     {9, 1},
		},
		table: map[string]Pos{`"a.b"`: {7, 1}},
		none:  []string{"", "nope", "id.x", "id[0]", "a.b", `"a.b`, "id[", "[0]", "id..x", `"a.b"x`},
		notab: []string{"id", `"a.b".c`, "nope"},
	},
	{
		name: "dotted keys",
		doc: `a.b = 1
a.c.d = 2
time.start = "x"
site . "google.com" = true
3.14159 = "pi"
`,
		pos: map[string]Pos{
			"a":                 {1, 1},
			"a.b":               {1, 1},
			"a.c":               {2, 1},
			"a.c.d":             {2, 1},
			"time":              {3, 1},
			"time.start":        {3, 1},
			"site":              {4, 1},
			`site."google.com"`: {4, 1},
			"3.14159":           {5, 1},
		},
		table: map[string]Pos{"a": {1, 1}, "a.c": {2, 1}, "time": {3, 1}},
		notab: []string{"a.b", "time.start"},
	},
	{
		name: "tables",
		doc: `[central-asia-2021]
title = "T"

[central-asia-2021.opening.held]
name = "N"
  p1 = "P"
[ spaced . "quoted" ] # comment
x = 1
[x.y]
a = 1
  [x]
b = 2
[fruit]
apple.color = "red"
[fruit.apple.texture]
smooth = true
`,
		pos: map[string]Pos{
			"central-asia-2021":                   {1, 1},
			"central-asia-2021.title":             {2, 1},
			"central-asia-2021.opening":           {4, 1},
			"central-asia-2021.opening.held":      {4, 1},
			"central-asia-2021.opening.held.name": {5, 1},
			"central-asia-2021.opening.held.p1":   {6, 3},
			"spaced":                              {7, 1},
			"spaced.quoted":                       {7, 1},
			"spaced.quoted.x":                     {8, 1},
			"x":                                   {11, 3}, // explicit [x] wins over the implied one
			"x.y":                                 {9, 1},
			"x.y.a":                               {10, 1},
			"x.b":                                 {12, 1},
			"fruit.apple":                         {14, 1},
			"fruit.apple.color":                   {14, 1},
			"fruit.apple.texture":                 {15, 1},
			"fruit.apple.texture.smooth":          {16, 1},
		},
		table: map[string]Pos{
			"central-asia-2021":              {1, 1},
			"central-asia-2021.opening":      {4, 1},
			"central-asia-2021.opening.held": {4, 1},
			"x":                              {11, 3},
			"x.y":                            {9, 1},
			"fruit.apple":                    {14, 1},
			"fruit.apple.texture":            {15, 1},
		},
		notab: []string{"central-asia-2021.title", "x.b"},
	},
	{
		name: "arrays of tables",
		doc: `[[section]]
id = "s0"
  [[section.block]]
  kind = "a"
  [[section.block]]
  kind = "b"
[[section]]
id = "s1"
  [[section.block]]
  kind = "c"
  paragraphs = ["p0", "p1"]
  [section.block.meta]
  x = 1
[section.extra]
y = 2
[[annex]]
[[annex]]
  [[annex.item]]
  kind = "original"
[[ annex . item ]]
`,
		pos: map[string]Pos{
			"section":                           {1, 1},
			"section[0]":                        {1, 1},
			"section[0].id":                     {2, 1},
			"section[0].block":                  {3, 3},
			"section[0].block[0]":               {3, 3},
			"section[0].block[0].kind":          {4, 3},
			"section[0].block[1]":               {5, 3},
			"section[0].block[1].kind":          {6, 3},
			"section[1]":                        {7, 1},
			"section[1].id":                     {8, 1},
			"section[1].block":                  {9, 3},
			"section[1].block[0]":               {9, 3},
			"section[1].block[0].kind":          {10, 3},
			"section[1].block[0].paragraphs":    {11, 3},
			"section[1].block[0].paragraphs[0]": {11, 17},
			"section[1].block[0].paragraphs[1]": {11, 23},
			"section[1].block[0].meta":          {12, 3},
			"section[1].block[0].meta.x":        {13, 3},
			"section[1].extra":                  {14, 1},
			"section[1].extra.y":                {15, 1},
			"annex[0]":                          {16, 1},
			"annex[1].item[0].kind":             {19, 3},
			"annex[1].item[1]":                  {20, 1},
		},
		table: map[string]Pos{
			"section":             {1, 1},
			"section[1]":          {7, 1},
			"section[1].block[0]": {9, 3},
			"section[0].block[1]": {5, 3},
			"section[1].extra":    {14, 1},
			"annex[1].item[1]":    {20, 1},
		},
		none:  []string{"section[2]", "section[1].block[1]", "section[0].block[0].paragraphs", "annex[0].item"},
		notab: []string{"section[1].block[0].paragraphs", "section[1].block[0].paragraphs[0]"},
	},
	{
		name: "strings",
		doc: `a = "quote \" # not a comment"
b = 'lit # not a comment'
c = """
multi "quoted" line
# not a comment
with ""quotes"" and \""" escaped
"""
d = '''
literal ''two'' # not a comment
'''
e = """x""""
f = 1
g = """\
   text \
   """
h = '''x'''''
i = "x\\" # backslash at the end
`,
		pos: map[string]Pos{
			"a": {1, 1}, "b": {2, 1}, "c": {3, 1}, "d": {8, 1}, "e": {11, 1},
			"f": {12, 1}, "g": {13, 1}, "h": {16, 1}, "i": {17, 1},
		},
	},
	{
		name: "inline arrays",
		doc: `list = [
  "one",   # comment, with "quote" ]
  'two',
  [1, 2, [3]],
  """three
""",
]
after = [ ] # empty
nums = [1,2 ,3]
nested = [[
  "x" ,
  # comment
  "y"],
  ["z",],]
`,
		pos: map[string]Pos{
			"list":          {1, 1},
			"list[0]":       {2, 3},
			"list[1]":       {3, 3},
			"list[2]":       {4, 3},
			"list[2][0]":    {4, 4},
			"list[2][1]":    {4, 7},
			"list[2][2]":    {4, 10},
			"list[2][2][0]": {4, 11},
			"list[3]":       {5, 3},
			"after":         {8, 1},
			"nums":          {9, 1},
			"nums[0]":       {9, 9},
			"nums[1]":       {9, 11},
			"nums[2]":       {9, 14},
			"nested[0]":     {10, 11},
			"nested[0][0]":  {11, 3},
			"nested[0][1]":  {13, 3},
			"nested[1]":     {14, 3},
			"nested[1][0]":  {14, 4},
		},
		none:  []string{"list[4]", "after[0]", "nums[3]", "nested[1][1]"},
		notab: []string{"list", "list[0]"},
	},
	{
		name: "inline tables",
		doc: `time = { start = "08:30", end = "12:00" }
items = [ { languages = ["en"] }, { languages = ["en", "ru"], kind = "x" } ]
point = { x.y = 1, "q k" = 2 }
empty = {}
ml = {
  a = 1, # comment
  b = [2],
}
deep = { a = { b = { c = [ { d = 1 } ] } } }
`,
		pos: map[string]Pos{
			"time":                  {1, 1},
			"time.start":            {1, 10},
			"time.end":              {1, 27},
			"items":                 {2, 1},
			"items[0]":              {2, 11},
			"items[0].languages":    {2, 13},
			"items[0].languages[0]": {2, 26},
			"items[1]":              {2, 35},
			"items[1].languages":    {2, 37},
			"items[1].languages[0]": {2, 50},
			"items[1].languages[1]": {2, 56},
			"items[1].kind":         {2, 63},
			"point.x":               {3, 11},
			"point.x.y":             {3, 11},
			`point."q k"`:           {3, 20},
			"empty":                 {4, 1},
			"ml":                    {5, 1},
			"ml.a":                  {6, 3},
			"ml.b":                  {7, 3},
			"ml.b[0]":               {7, 8},
			"deep.a.b.c[0].d":       {9, 30},
		},
		table: map[string]Pos{
			"time":     {1, 10},
			"items[0]": {2, 13},
			"items[1]": {2, 37},
			"point":    {3, 11},
			"point.x":  {3, 11},
			"empty":    {4, 9},
			"ml":       {6, 3},
			"deep.a.b": {9, 22},
		},
		none:  []string{"time.middle", "items[2]", "empty.x"},
		notab: []string{"items", "time.start"},
	},
	{
		name: "numbers booleans dates",
		doc: `int = +99
flt = 6.626e-34
hex = 0xDEAD_BEEF
inf = -inf
bool = [true, false]
odt = 1979-05-27 07:32:00Z
ld = 1979-05-27 # comment
lt = 07:32:00.999
mixed = [1979-05-27T07:32:00-08:00, 1979-05-27 00:32:00.999999, 2 ]
after = 1
`,
		pos: map[string]Pos{
			"int": {1, 1}, "flt": {2, 1}, "hex": {3, 1}, "inf": {4, 1},
			"bool[0]": {5, 9}, "bool[1]": {5, 15},
			"odt": {6, 1}, "ld": {7, 1}, "lt": {8, 1},
			"mixed[0]": {9, 10}, "mixed[1]": {9, 37}, "mixed[2]": {9, 65},
			"after": {10, 1},
		},
		none: []string{"mixed[3]"},
	},
	{
		name: "utf-8 columns in runes",
		doc: `"ключ" = "значение"
arr = ["Привет", "мир", 'ё']
["раздел"]
"ключ 2" = { "вложенный" = "да", b = 1 }
t = { a = "ж", b = 2 }
`,
		pos: map[string]Pos{
			"ключ":            {1, 1},
			"arr[0]":          {2, 8},
			"arr[1]":          {2, 18},
			"arr[2]":          {2, 25},
			"раздел":          {3, 1},
			`раздел."ключ 2"`: {4, 1},
			`раздел."ключ 2".вложенный`: {4, 14},
			`раздел."ключ 2".b`:         {4, 34},
			"раздел.t.b":                {5, 16},
		},
	},
	{
		name: "crlf and byte order mark",
		doc:  "\ufeffa = 1\r\nb = [1,\r\n  2] # c\r\n[t]\r\nc = 3",
		pos: map[string]Pos{
			"a": {1, 1}, "b": {2, 1}, "b[0]": {2, 6}, "b[1]": {3, 3},
			"t": {4, 1}, "t.c": {5, 1},
		},
	},
}

func TestPos(t *testing.T) {
	for _, tc := range posCases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := toml.Decode(tc.doc, new(map[string]any)); err != nil {
				t.Fatalf("test document is not valid TOML: %v", err)
			}
			ix := Build([]byte(tc.doc))
			for path, want := range tc.pos {
				if got, ok := ix.Pos(path); !ok || got != want {
					t.Errorf("Pos(%s) = %v, %v; want %v", path, got, ok, want)
				}
			}
			for path, want := range tc.table {
				if got, ok := ix.Table(path); !ok || got != want {
					t.Errorf("Table(%s) = %v, %v; want %v", path, got, ok, want)
				}
			}
			for _, path := range tc.none {
				if got, ok := ix.Pos(path); ok {
					t.Errorf("Pos(%s) = %v, true; want not found", path, got)
				}
			}
			for _, path := range tc.notab {
				if got, ok := ix.Table(path); ok {
					t.Errorf("Table(%s) = %v, true; want not found", path, got)
				}
			}
		})
	}
}

func TestPaths(t *testing.T) {
	doc := `z = 1
[b.c]
d = [{ e = 1 }]
[[b.f]]
[a]
`
	want := []string{"z", "b", "b.c", "b.c.d", "b.c.d[0]", "b.c.d[0].e", "b.f", "b.f[0]", "a"}
	if got := Build([]byte(doc)).Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths() = %q\nwant %q", got, want)
	}
}

func TestQuoteKey(t *testing.T) {
	for in, want := range map[string]string{
		"id":      "id",
		"a-b_c":   "a-b_c",
		"ключ":    "ключ",
		"a.b":     `"a.b"`,
		"a[0]":    `"a[0]"`,
		`a"b`:     `"a\"b"`,
		"a b":     `"a b"`,
		"a\tb":    `"a\tb"`,
		"":        `""`,
		"a\x00b":  `"a\x00b"`,
		"\xff":    `"\xff"`,
		`back\sl`: `back\sl`,
	} {
		if got := QuoteKey(in); got != want {
			t.Errorf("QuoteKey(%q) = %s; want %s", in, got, want)
		}
	}
}

// TestNotFollowed checks that Build keeps what it found before input it cannot
// follow, and never returns nil.
func TestNotFollowed(t *testing.T) {
	for _, doc := range []string{"", "a = 1\nb = ", "a = 1\n[b\nc = 2", "a = 1\nb = \"unterminated\nc = 3", "a = [1, 2", "a = 1\n= 2", "a = 1 2\n"} {
		ix := Build([]byte(doc))
		if ix == nil {
			t.Fatalf("Build(%q) = nil", doc)
		}
		if _, ok := ix.Pos("a"); doc != "" && !ok {
			t.Errorf("Build(%q): a not found", doc)
		}
	}
	var nilIndex *Index
	if _, ok := nilIndex.Pos("a"); ok {
		t.Error("nil Index found a path")
	}
	if _, ok := nilIndex.Table("a"); ok {
		t.Error("nil Index found a table")
	}
	if nilIndex.Paths() != nil {
		t.Error("nil Index has paths")
	}
}

// TestAcceptedInvalid covers documents that TOML forbids but BurntSushi/toml
// v1.6 accepts.
func TestAcceptedInvalid(t *testing.T) {
	// Headers and dotted keys that extend an inline table are followed.
	crossCheck(t, "extended inline table", "a = { b = 1 }\na.c = 2\n[a.d]\ne = 3\n[[a.f]]\n")
	ix := Build([]byte("a = { b = 1 }\na.c = 2\n[a.d]\ne = 3\n"))
	if got, ok := ix.Pos("a.d.e"); !ok || got != (Pos{4, 1}) {
		t.Errorf("Pos(a.d.e) = %v, %v; want {4 1}", got, ok)
	}
	// A dotted key that replaces an array is not: the scanner stops there.
	ix = Build([]byte("s = [1]\ns.x = false\nt = 2\n"))
	if _, ok := ix.Pos("s[0]"); !ok {
		t.Error("s[0] missing")
	}
	if _, ok := ix.Pos("s.x"); ok {
		t.Error("s.x found")
	}
}

// decodedPaths decodes doc with BurntSushi/toml and returns the path of every
// key and array element in it.
func decodedPaths(doc string) ([]string, error) {
	var m map[string]any
	if _, err := toml.Decode(doc, &m); err != nil {
		return nil, err
	}
	var out []string
	var walk func(path string, v any)
	walk = func(path string, v any) {
		out = append(out, path)
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				walk(path+"."+QuoteKey(k), c)
			}
		case []map[string]any:
			for i, c := range v {
				walk(path+"["+strconv.Itoa(i)+"]", c)
			}
		case []any:
			for i, c := range v {
				walk(path+"["+strconv.Itoa(i)+"]", c)
			}
		}
	}
	for k, c := range m {
		walk(QuoteKey(k), c)
	}
	return out, nil
}

// crossCheck asserts that the Index of doc records exactly the keys and
// elements BurntSushi/toml decodes from it, and the strings (checkStrings).
func crossCheck(t *testing.T, name, doc string) {
	t.Helper()
	want, err := decodedPaths(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	p := newParser([]byte(doc))
	if p.document(); !p.done || p.conflict {
		t.Errorf("%s: scanner stopped at line %d col %d (conflict: %v)", name, p.line, p.col, p.conflict)
	}
	ix := Build([]byte(doc))
	for _, p := range want {
		if _, ok := ix.Pos(p); !ok {
			t.Errorf("%s: decoded path %s missing from the index", name, p)
		}
	}
	got := ix.Paths()
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s: index paths differ from decoded paths\n got %q\nwant %q", name, got, want)
	}
	checkStrings(t, []byte(doc))
}

// bigDoc is a sizeable document in the shape of a report source.
const bigDoc = `# A report.
id = "central-asia-2021"
kind = "summary-report"
languages = ["en", "ru"]
date = 2021-01-28
time = { start = "08:30", end = "12:00", zone = "CET" }
annexes = [
  "held-remarks",   # first
  "prentice-remarks",
]
flags.draft = false
flags.review = { by = "ed", on = 2021-02-01 }

[[annex]]
key = "held-remarks"
title = "Opening remarks of the Regional Director, Ms. Renate Held"

  [[annex.item]]
  languages = ["en"]
  kind = "original"

  [[annex.item]]
  languages = ["ru"]
  kind = "courtesy-translation"

[[annex]]
key = "prentice-remarks"
title = """
Remarks of the Head of the "Secretariat" # not a comment
"""

  [[annex.item]]
  languages = ["en", "ru"]
  kind = 'original'

[[section]]
key = "opening"
heading = "Opening"

  [[section.block]]
  kind = "speech"
  speaker = { name = "Ms. Renate Held", role = "Regional Director" }
  paragraphs = [
    "Ms. Held welcomed the delegates \"warmly\".",
    '''A literal
paragraph with 'quotes' and # signs''',
    """Региональный директор — "МОМ".""",
  ]

  [[section.block]]
  kind = "list"
  items = [
    { text = "one", refs = [1, 2] },
    { text = "two", refs = [], sub = { a.b = "c" } },
  ]

[[section]]
key = "panel"
heading = "Panel"

  [section.meta]
  order = 2
  weights = [ [1.5, 2e3], [ -inf, nan ] ]

  [[section.block]]
  kind = "speech"
  paragraphs = ["p1", "p2", "p3"]

    [[section.block.note]]
    text = "note"

[central-asia-2021.opening.held]
name = "г-жа Ренате Хельд"
p1 = "Г-жа Ренате Хельд приветствовала делегатов."
"p 2" = 'буквально'

['quoted.table'."with spaces"]
"a[0]" = 1
`

func TestCrossCheck(t *testing.T) {
	crossCheck(t, "bigDoc", bigDoc)
	for _, tc := range posCases {
		crossCheck(t, tc.name, tc.doc)
	}
	// The project's own documents, when the package sits in its repository.
	files, _ := filepath.Glob("../../sources/*.toml")
	more, _ := filepath.Glob("../../locales/*/*.toml")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		crossCheck(t, f, string(b))
	}
}

// TestCrossCheckPositions checks, for every path of bigDoc, that the text at
// its position plausibly starts it: a header or the key for keys, a value for
// array elements.
func TestCrossCheckPositions(t *testing.T) {
	lines := strings.Split(bigDoc, "\n")
	ix := Build([]byte(bigDoc))
	for _, p := range ix.Paths() {
		pos, _ := ix.Pos(p)
		line := []rune(lines[pos.Line-1])
		if pos.Col > len(line) {
			t.Errorf("%s: column %d past the end of line %d", p, pos.Col, pos.Line)
			continue
		}
		rest := string(line[pos.Col-1:])
		if strings.HasSuffix(p, "]") {
			if !strings.ContainsAny(rest[:1], `"'[{0123456789+-tfin`) {
				t.Errorf("%s at %v: %q does not start a value", p, pos, rest)
			}
			continue
		}
		last := p[strings.LastIndexAny(p, ".]")+1:]
		if k, err := strconv.Unquote(last); err == nil {
			last = k
		}
		if !strings.HasPrefix(rest, "[") && !strings.Contains(rest, last) {
			t.Errorf("%s at %v: %q holds neither a header nor the key", p, pos, rest)
		}
	}
}

func seeds(f *testing.F) {
	f.Add([]byte(bigDoc))
	for _, tc := range posCases {
		f.Add([]byte(tc.doc))
	}
}

// FuzzBuild checks that Build never panics. It runs the scanner without
// Build's recover, so that a panic the recover would hide still fails, and
// checks that every recorded path resolves to a position inside the input.
// It checks the Scanner's items (checkScanner) and that TooDeep and
// StringPos do not panic either.
func FuzzBuild(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := newParser(data)
		p.document() // must not panic
		ix := Build(data)
		lines := strings.Count(string(data), "\n") + 1
		for _, path := range ix.Paths() {
			pos, ok := ix.Pos(path)
			if !ok {
				t.Fatalf("recorded path %q not found", path)
			}
			if pos.Line < 1 || pos.Col < 1 || pos.Line > lines {
				t.Fatalf("path %q at impossible position %v", path, pos)
			}
			for _, off := range []int{0, 1, 2, 5, 1 << 20} {
				if sp, ok := ix.StringPos(path, off); ok && (sp.Line < pos.Line || sp.Line > lines || sp.Col < 1) {
					t.Fatalf("StringPos(%q, %d) at impossible position %v", path, off, sp)
				}
			}
		}
		checkScanner(t, data)
		TooDeep(data, 2)
	})
}

// checkScanner reads data with a Scanner and checks its items: in order,
// not overlapping, inside data, with depths that match the starts and ends
// of arrays and inline tables, and keys whose parts are inside them.
func checkScanner(t *testing.T, data []byte) {
	t.Helper()
	s := NewScanner(data)
	var open []Kind
	last := Pos{1, 1}
	prevEnd := 0
	for s.Next() {
		it := s.Item()
		if it.Start < prevEnd || it.End < it.Start || it.End > len(data) {
			t.Fatalf("%s item at %d:%d after an item ending at %d, in %d bytes", it.Kind, it.Start, it.End, prevEnd, len(data))
		}
		prevEnd = it.End
		switch it.Kind {
		case ArrayEnd, InlineEnd:
			if len(open) == 0 || open[len(open)-1] != map[Kind]Kind{ArrayEnd: ArrayStart, InlineEnd: InlineStart}[it.Kind] {
				t.Fatalf("%s at %d closes %v", it.Kind, it.Start, open)
			}
			open = open[:len(open)-1]
		case Table, ArrayTable:
			if len(open) != 0 {
				t.Fatalf("%s at %d inside %v", it.Kind, it.Start, open)
			}
		case Key:
			if len(open) != 0 && open[len(open)-1] != InlineStart {
				t.Fatalf("key at %d inside %v", it.Start, open)
			}
		}
		if it.Depth != len(open) {
			t.Fatalf("%s at %d has depth %d inside %v", it.Kind, it.Start, it.Depth, open)
		}
		switch it.Kind {
		case ArrayStart, InlineStart:
			open = append(open, it.Kind)
		case Table, ArrayTable, Key:
			if len(it.Parts) == 0 || it.Parts[0].Start < it.Start || it.Parts[len(it.Parts)-1].End > it.End {
				t.Fatalf("%s at %d:%d has parts %v", it.Kind, it.Start, it.End, it.Parts)
			}
			if keys := s.AppendKey(nil); len(keys) != len(it.Parts) {
				t.Fatalf("%s at %d: keys %q for parts %v", it.Kind, it.Start, keys, it.Parts)
			}
		}
		p := s.Pos(it.Start)
		if p.Line < last.Line || p.Line == last.Line && p.Col < last.Col {
			t.Fatalf("%s at %d is at %v, before %v", it.Kind, it.Start, p, last)
		}
		last = p
	}
	if s.Err() == nil && len(open) > 0 {
		t.Fatalf("no error, but %v are not closed", open)
	}
	if o := s.Offset(); o < prevEnd || o > len(data) {
		t.Fatalf("stopped at %d, after an item ending at %d, in %d bytes", o, prevEnd, len(data))
	}
}

// FuzzAgainstDecoder checks that, on every input BurntSushi/toml accepts,
// the scanner follows the whole input and records exactly the keys and
// elements BurntSushi/toml decodes, and that its strings have the values
// BurntSushi/toml decodes (checkStrings). BurntSushi/toml v1.6 accepts some invalid
// documents (a dotted key that replaces an array: s = [1] then s.x = 1); the
// scanner stops at those, as a conflict, and the input is skipped.
func FuzzAgainstDecoder(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err := decodedPaths(string(data))
		if err != nil {
			return
		}
		p := newParser(data)
		p.document()
		if p.conflict {
			t.Skip("BurntSushi/toml accepts a conflict the scanner stops at")
		}
		if !p.done {
			t.Fatalf("scanner stopped at line %d col %d of input BurntSushi/toml accepts", p.line, p.col)
		}
		got := (&Index{root: p.root}).Paths()
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("index paths differ from decoded paths\n got %q\nwant %q", got, want)
		}
		checkStrings(t, data)
	})
}

// checkStrings checks, for every string value of data (which
// BurntSushi/toml decodes), that the string literal the Index has for
// its path has the decoded value, and that StringPos goes forward through
// it.
func checkStrings(t *testing.T, data []byte) {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatal(err)
	}
	ix := Build(data)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case string:
			n := ix.lookup(path)
			end, msg := skipString(data, n.val)
			if got := unquote(data[n.val:end]); msg != "" || got != v {
				t.Fatalf("%s: %q decodes to %q (%s), want %q", path, data[n.val:end], got, msg, v)
			}
			prev := Pos{}
			for off := 0; off <= len(v); off++ {
				p, ok := ix.StringPos(path, off)
				if !ok || p.Line < prev.Line || p.Line == prev.Line && p.Col < prev.Col {
					t.Fatalf("%s: StringPos(%d) = %v, %v after %v", path, off, p, ok, prev)
				}
				prev = p
			}
		case map[string]any:
			for k, c := range v {
				walk(path+"."+QuoteKey(k), c)
			}
		case []map[string]any:
			for i, c := range v {
				walk(path+"["+strconv.Itoa(i)+"]", c)
			}
		case []any:
			for i, c := range v {
				walk(path+"["+strconv.Itoa(i)+"]", c)
			}
		}
	}
	for k, c := range m {
		walk(QuoteKey(k), c)
	}
}
