package tomlpos

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// scanned returns the items of data, one a line: kind, depth, position,
// the text of the item and, for a header or key, its parts unescaped.
func scanned(data []byte) ([]string, error) {
	var out []string
	s := NewScanner(data)
	for s.Next() {
		it := s.Item()
		p := s.Pos(it.Start)
		line := fmt.Sprintf("%s %d %d:%d %s", it.Kind, it.Depth, p.Line, p.Col, data[it.Start:it.End])
		if keys := s.AppendKey(nil); keys != nil {
			line += " → " + strings.Join(keys, "|")
		}
		out = append(out, line)
	}
	return out, s.Err()
}

func TestScanner(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "comments and blank lines",
			in:   "# head\n\n  # indented\nk = 1 # after\n#end",
			want: []string{
				"Comment 0 1:1 # head",
				"Comment 0 3:3 # indented",
				"Key 0 4:1 k → k",
				"Value 0 4:5 1",
				"Comment 0 4:7 # after",
				"Comment 0 5:1 #end",
			},
		},
		{
			name: "dotted and quoted keys",
			in:   "a.\"b.c\" . 'd' = 'x'\n\"\" = 1\n\"\\u00e9\\x41\\\"\" = 2\n'a\"b\\n' = 3\n3.14 = 4\n",
			want: []string{
				`Key 0 1:1 a."b.c" . 'd' → a|b.c|d`,
				`Value 0 1:17 'x'`,
				`Key 0 2:1 "" → `,
				`Value 0 2:6 1`,
				`Key 0 3:1 "\u00e9\x41\"" → éA"`,
				`Value 0 3:18 2`,
				`Key 0 4:1 'a"b\n' → a"b\n`,
				`Value 0 4:11 3`,
				`Key 0 5:1 3.14 → 3|14`,
				`Value 0 5:8 4`,
			},
		},
		{
			name: "tables and arrays of tables",
			in:   "[a]\n[ x . \"y z\" ] # c\n[[a.b]]\n  [[ a.b ]]\n",
			want: []string{
				"Table 0 1:1 [a] → a",
				`Table 0 2:1 [ x . "y z" ] → x|y z`,
				"Comment 0 2:15 # c",
				"ArrayTable 0 3:1 [[a.b]] → a|b",
				"ArrayTable 0 4:3 [[ a.b ]] → a|b",
			},
		},
		{
			name: "strings",
			in: `a = "q \" # not a comment"
b = 'lit \n # not a comment'
c = """
multi "quoted" line
# not a comment
with ""quotes"" and \""" escaped \
  """
d = '''x''two'''''
e = """""x"""""
f = "\\"
`,
			want: []string{
				"Key 0 1:1 a → a",
				`Value 0 1:5 "q \" # not a comment"`,
				"Key 0 2:1 b → b",
				`Value 0 2:5 'lit \n # not a comment'`,
				"Key 0 3:1 c → c",
				"Value 0 3:5 \"\"\"\nmulti \"quoted\" line\n# not a comment\nwith \"\"quotes\"\" and \\\"\"\" escaped \\\n  \"\"\"",
				"Key 0 8:1 d → d",
				"Value 0 8:5 '''x''two'''''",
				"Key 0 9:1 e → e",
				`Value 0 9:5 """""x"""""`,
				"Key 0 10:1 f → f",
				`Value 0 10:5 "\\"`,
			},
		},
		{
			name: "arrays",
			in:   "a = [1, [2, 3], # c\n  'x' , \"y\",\n]\nb = []\nc = [ [ ] ,]\n",
			want: []string{
				"Key 0 1:1 a → a",
				"ArrayStart 0 1:5 [",
				"Value 1 1:6 1",
				"ArrayStart 1 1:9 [",
				"Value 2 1:10 2",
				"Value 2 1:13 3",
				"ArrayEnd 1 1:14 ]",
				"Comment 1 1:17 # c",
				"Value 1 2:3 'x'",
				`Value 1 2:9 "y"`,
				"ArrayEnd 0 3:1 ]",
				"Key 0 4:1 b → b",
				"ArrayStart 0 4:5 [",
				"ArrayEnd 0 4:6 ]",
				"Key 0 5:1 c → c",
				"ArrayStart 0 5:5 [",
				"ArrayStart 1 5:7 [",
				"ArrayEnd 1 5:9 ]",
				"ArrayEnd 0 5:12 ]",
			},
		},
		{
			name: "inline tables",
			in:   "t = { x.y = 1, \"q k\" = [{}], }\nu = {\n  a = 1, # c\n}\n",
			want: []string{
				"Key 0 1:1 t → t",
				"InlineStart 0 1:5 {",
				"Key 1 1:7 x.y → x|y",
				"Value 1 1:13 1",
				`Key 1 1:16 "q k" → q k`,
				"ArrayStart 1 1:24 [",
				"InlineStart 2 1:25 {",
				"InlineEnd 2 1:26 }",
				"ArrayEnd 1 1:27 ]",
				"InlineEnd 0 1:30 }",
				"Key 0 2:1 u → u",
				"InlineStart 0 2:5 {",
				"Key 1 3:3 a → a",
				"Value 1 3:7 1",
				"Comment 1 3:10 # c",
				"InlineEnd 0 4:1 }",
			},
		},
		{
			name: "other values",
			in:   "d = 1979-05-27 07:32:00Z # c\nn = -inf\nb = [true,false]\n",
			want: []string{
				"Key 0 1:1 d → d",
				"Value 0 1:5 1979-05-27 07:32:00Z",
				"Comment 0 1:26 # c",
				"Key 0 2:1 n → n",
				"Value 0 2:5 -inf",
				"Key 0 3:1 b → b",
				"ArrayStart 0 3:5 [",
				"Value 1 3:6 true",
				"Value 1 3:11 false",
				"ArrayEnd 0 3:16 ]",
			},
		},
		{
			name: "CRLF and byte order mark",
			in:   "\ufeff[t] # h\r\nk = \"\"\"a\r\nb\"\"\" # c\r\n\r\nl = [\r\n 1]\r\n",
			want: []string{
				"Table 0 1:1 [t] → t",
				"Comment 0 1:5 # h",
				"Key 0 2:1 k → k",
				"Value 0 2:5 \"\"\"a\r\nb\"\"\"",
				"Comment 0 3:6 # c",
				"Key 0 5:1 l → l",
				"ArrayStart 0 5:5 [",
				"Value 1 6:2 1",
				"ArrayEnd 0 6:3 ]",
			},
		},
		{
			name: "columns in runes",
			in:   "\"ключ\" = [\"ж\", 'ё', \xff, 1]\n",
			want: []string{
				`Key 0 1:1 "ключ" → ключ`,
				"ArrayStart 0 1:10 [",
				`Value 1 1:11 "ж"`,
				"Value 1 1:16 'ё'",
				"Value 1 1:21 \xff",
				"Value 1 1:24 1",
				"ArrayEnd 0 1:25 ]",
			},
		},
		{
			name: "empty document",
			in:   "",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scanned([]byte(tt.in))
			if err != nil {
				t.Errorf("error: %v", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestScannerErrors checks where and why the Scanner stops, and that it
// gives the items before.
func TestScannerErrors(t *testing.T) {
	for _, tt := range []struct {
		in    string
		items int
		pos   Pos
		msg   string
	}{
		{"a = 1\nb = ", 3, Pos{2, 5}, "value expected"},
		{"a = \"x\ny\"", 1, Pos{1, 5}, "string is not closed"},
		{"a = '''x\n", 1, Pos{1, 5}, "multi-line string is not closed"},
		{"a = \"x\\qy\"", 1, Pos{1, 7}, "bad escape sequence"},
		{"a = \"\\u12G4\"", 1, Pos{1, 6}, "bad escape sequence"},
		{"a = \"\"\"\\x\"\"\"", 1, Pos{1, 8}, "bad escape sequence"},
		{"a = 1 2 = 3", 2, Pos{1, 9}, "unexpected text after the value"},
		{"[a] b = 1", 1, Pos{1, 5}, "unexpected text after the table header"},
		{"[a\nb = 1", 0, Pos{1, 3}, "table header is not closed with ]"},
		{"[[a]\n", 0, Pos{1, 5}, "array of tables header is not closed with ]]"},
		{"a b = 1", 0, Pos{1, 3}, "expected = after the key"},
		{"= 1", 0, Pos{1, 1}, "invalid key"},
		{"a. = 1", 0, Pos{1, 4}, "invalid key"},
		{"\"\"\"a\"\"\" = 1", 0, Pos{1, 1}, "a key cannot be a multi-line string"},
		{"a = [1 \"x\"]", 3, Pos{1, 8}, "expected , or ] after an element of an array"},
		{"a = [1 2 = 3]", 3, Pos{1, 10}, "expected , or ] after an element of an array"},
		{"a = [1,", 3, Pos{1, 8}, "array is not closed"},
		{"a = [,]", 2, Pos{1, 6}, "value expected"},
		{"a = {b = 1 c = 2}", 4, Pos{1, 14}, "expected , or } after a value of an inline table"},
		{"a = {b = 1 [}", 4, Pos{1, 12}, "expected , or } after a value of an inline table"},
		{"a = {b = 1,", 4, Pos{1, 12}, "inline table is not closed"},
		{"a = 1\r\rb = 2", 2, Pos{1, 7}, "unexpected text after the value"},
		{"a = \"x\"\n\xff = 1", 2, Pos{2, 1}, "invalid key"},
	} {
		got, err := scanned([]byte(tt.in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: no syntax error; items %q", tt.in, got)
			continue
		}
		if len(got) != tt.items || se.Pos != tt.pos || se.Msg != tt.msg {
			t.Errorf("%q: %d items, %v %q; want %d items, %v %q", tt.in, len(got), se.Pos, se.Msg, tt.items, tt.pos, tt.msg)
		}
		if s := NewScanner([]byte(tt.in)); s.Pos(se.Offset) != se.Pos {
			t.Errorf("%q: Offset %d is not at %v", tt.in, se.Offset, se.Pos)
		}
	}
}

func TestScannerPos(t *testing.T) {
	data := []byte("\ufeffa\tb\nж\xffx\n\nend")
	s := NewScanner(data)
	for _, tt := range []struct {
		off int
		pos Pos
	}{
		{0, Pos{1, 1}}, // in the byte order mark
		{3, Pos{1, 1}},
		{4, Pos{1, 2}},
		{5, Pos{1, 3}},
		{7, Pos{2, 1}},
		{9, Pos{2, 2}},  // after the two bytes of ж
		{10, Pos{2, 3}}, // an invalid byte counts as one
		{12, Pos{3, 1}},
		{4, Pos{1, 2}}, // backwards
		{13, Pos{4, 1}},
		{16, Pos{4, 4}},
		{99, Pos{4, 4}}, // past the end
	} {
		if got := s.Pos(tt.off); got != tt.pos {
			t.Errorf("Pos(%d) = %v, want %v", tt.off, got, tt.pos)
		}
	}
	// Long gaps are counted another way than short ones; both count as
	// stepping rune by rune does, from the start or from any earlier
	// offset.
	long := []byte(strings.Repeat("ж\n", 40) + strings.Repeat("é\xff\xe2\x82", 40))
	want := Pos{1, 1}
	whole, steps := NewScanner(long), NewScanner(long)
	for i := 0; i <= len(long); {
		if got := NewScanner(long).Pos(i); got != want {
			t.Fatalf("Pos(%d) = %v, want %v", i, got, want)
		}
		if got := steps.Pos(i); got != want {
			t.Fatalf("Pos(%d) after Pos(%d-1) = %v, want %v", i, i, got, want)
		}
		if i == len(long) {
			break
		}
		_, w := utf8.DecodeRuneInString(string(long[i:]))
		if long[i] == '\n' {
			want = Pos{want.Line + 1, 1}
		} else {
			want.Col++
		}
		i += w
	}
	if got := whole.Pos(len(long)); got != want {
		t.Errorf("Pos(end) = %v, want %v", got, want)
	}
}

func TestUnquote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`bare-key_1`, "bare-key_1"},
		{`""`, ""},
		{`''`, ""},
		{`"a\"b\\c"`, `a"b\c`},
		{`"\b\t\n\f\r\e"`, "\b\t\n\f\r\x1b"},
		{`"\x41\u00e9\U0001F600"`, "Aé😀"},
		{`"\uD800"`, "\uFFFD"}, // not a valid rune
		{`'C:\dir\'`, `C:\dir\`},
		{"'''\nfirst newline dropped'''", "first newline dropped"},
		{"'''\r\nCRLF too\r\n'''", "CRLF too\r\n"},
		{"'''x'''''", "x''"},
		{"\"\"\"\n  a \\\n\n   b \\  \n c\"\"\"", "  a b c"},
		{`"""x\""""`, `x"`},
		{`"""""x"""""`, `""x""`},
		{"\"\"\"a\r\nb\"\"\"", "a\r\nb"},
	} {
		if got := unquote([]byte(tt.in)); got != tt.want {
			t.Errorf("unquote(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if tt.in[0] == '"' || tt.in[0] == '\'' {
			if end, msg := skipString([]byte(tt.in), 0); end != len(tt.in) || msg != "" {
				t.Errorf("skipString(%q) = %d, %q", tt.in, end, msg)
			}
		}
	}
}

func TestIsBareKey(t *testing.T) {
	for k, want := range map[string]bool{
		"a": true, "A-b_9": true, "": false, "a.b": false, "a b": false, "ключ": false, `a"`: false,
	} {
		if IsBareKey(k) != want {
			t.Errorf("IsBareKey(%q) = %v", k, !want)
		}
	}
}

func TestStringPos(t *testing.T) {
	doc := "\ufeffp = \"Say *hi\"\n" +
		"e = \"\\\"q\\\" \\u00e9 *x\"\n" +
		"l.k = 'C:\\ [x'\n" +
		"arr = [ 'a', \"ж *\" ]\n" +
		"m = \"\"\"\nLine one \\\n   and\nthen *two.\"\"\"\n" +
		"n = 1\n"
	ix := Build([]byte(doc))
	for _, tt := range []struct {
		path string
		off  int
		pos  Pos
		ok   bool
	}{
		{"p", 0, Pos{1, 6}, true},
		{"p", 4, Pos{1, 10}, true},
		{"e", 0, Pos{2, 6}, true},
		{"e", 1, Pos{2, 8}, true},       // after the escaped quote
		{"e", 4, Pos{2, 12}, true},      // at \u00e9
		{"e", 5, Pos{2, 12}, true},      // inside what \u00e9 stands for
		{"e", 6, Pos{2, 18}, true},      // after it
		{"e", 7, Pos{2, 19}, true},      // the "*"
		{"e", 99, Pos{2, 21}, true},     // past the value: its closing quote
		{"l.k", 4, Pos{3, 12}, true},    // no escapes in a literal string
		{"arr[1]", 3, Pos{4, 17}, true}, // ж is two bytes
		{"arr[1]", 1, Pos{4, 16}, true}, // inside ж: the next character
		{"m", 0, Pos{6, 1}, true},       // the first newline is not in the value
		{"m", 9, Pos{6, 10}, true},      // the line-ending backslash before "and"
		{"m", 10, Pos{7, 5}, true},
		{"m", 18, Pos{8, 6}, true}, // the "*"
		{"n", 0, Pos{}, false},     // not a string
		{"l", 0, Pos{}, false},     // a table
		{"nope", 0, Pos{}, false},
	} {
		if got, ok := ix.StringPos(tt.path, tt.off); got != tt.pos || ok != tt.ok {
			t.Errorf("StringPos(%s, %d) = %v, %v; want %v, %v", tt.path, tt.off, got, ok, tt.pos, tt.ok)
		}
	}
	var nilIndex *Index
	if _, ok := nilIndex.StringPos("p", 0); ok {
		t.Error("nil Index found a string")
	}
}

// TestTooDeepStrings checks what the depth check gets right by reading
// strings as TOML does.
func TestTooDeepStrings(t *testing.T) {
	for _, tt := range []struct {
		in   string
		deep bool
		pos  Pos
	}{
		// Quotes that end a multi-line string with its last characters.
		{"a = \"\"\"x\"\"\"\"\nb = [[[[1]]]]\n", true, Pos{2, 8}},
		{"a = '''x'''''\nb = [[[[1]]]]\n", true, Pos{2, 8}},
		// A line-ending backslash before a newline.
		{"a = \"\"\"x\\\ny\"\"\"\nb = [[[[1]]]]\n", true, Pos{3, 8}},
		// Columns after strings, escapes and a byte order mark.
		{"a = [\"\\\"\", [[[1]]]]\n", true, Pos{1, 14}},
		{"a = [\"\"\"x\"\"\", [[[1]]]]\n", true, Pos{1, 17}},
		{"\ufeffb = [[[[1]]]]\n", true, Pos{1, 8}},
		// Nesting after a syntax error is not read (nor decoded).
		{"a = 1 = [[[[1]]]]\n", false, Pos{}},
	} {
		pos, deep := TooDeep([]byte(tt.in), 3)
		if deep != tt.deep || pos != tt.pos {
			t.Errorf("%q: %v %v, want %v %v", tt.in, deep, pos, tt.deep, tt.pos)
		}
		if _, err := toml.Decode(tt.in, new(map[string]any)); (err == nil) != tt.deep {
			t.Errorf("%q: decoding gives %v", tt.in, err)
		}
	}
}
