// Package sources loads and validates report content written in TOML.
//
// A report file (see schema.go for every key) holds the text of a report in
// its source language, its structure and its annex register. Load decodes
// it strictly: unknown keys, missing fields, duplicate IDs, references to
// unknown annexes, malformed inline markup and unsafe links are errors
// naming file:line:col. The report's strings become source messages
// (Messages) whose IDs are derived from their place in the file, so
// translators work from stable IDs and never open the report.
//
// The folder also embeds the reference report, so a binary with no files
// beside it still has something to build.
package sources

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/editdist"
	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/internal/unitext"
	"github.com/reportgen/reportgen/markup"
)

//go:embed *.toml figures/*.png
var embedded embed.FS

// Embedded returns the reports built into the binary.
func Embedded() fs.FS { return embedded }

// Limits of what Load accepts, so that a hostile or broken file fails with
// a clear message instead of exhausting the machine.
const (
	MaxFileSize = 16 << 20 // bytes in a report file
	MaxNesting  = 32       // depth of nested arrays and inline tables
	MaxString   = 64 << 10 // bytes in one string
	MaxAnnexes  = 1000     // annexes in the register
	// MaxAttendance bounds a participant count.
	MaxAttendance = 100_000
	MaxItems      = 100    // items of one annex
	MaxItemLang   = 20     // languages of one annex item
	MaxKeyParts   = 32     // parts of a dotted key or table header ("a.b.c" has 3)
	MaxKeys       = 100000 // keys in a report file
)

// Message is one translatable string of a report, in the source language.
type Message struct {
	// ID is the stable message ID (see schema.go).
	ID string
	// Text is the source text, with inline markup.
	Text string
	// Line and Col locate the text in File.
	File      string
	Line, Col int
	// Markup says whether the text may hold inline markup (body text) or is
	// plain (names, headings).
	Markup bool
}

// Loaded is a validated report with what was learnt while loading it.
type Loaded struct {
	*Report
	// File is the report's path as shown in diagnostics.
	File string
	// SourceTag, LanguageTags and InProgressTags are SourceLanguage,
	// Languages and InProgress parsed (language.Parse) when the report was
	// validated, in the same order: use them rather than parsing the
	// strings again.
	SourceTag                    language.Tag
	LanguageTags, InProgressTags []language.Tag
	// Messages are the report's translatable strings, in reading order.
	Messages []Message
	// Figures are the pictures of the report's figure blocks, by their
	// Block.Image path; Load reads them (Parse cannot: it has no folder).
	Figures map[string]*Figure

	index *tomlpos.Index
	byID  map[string]int
}

// Pos returns the line and column of a value of the report, by its path
// ("languages[1]", "section[2].block[0].name"); 0, 0 when unknown.
func (l *Loaded) Pos(path string) (line, col int) {
	if p, ok := l.index.Pos(path); ok {
		return p.Line, p.Col
	}
	return 0, 0
}

// EditionTags returns the tags of Editions: LanguageTags, then
// InProgressTags.
func (l *Loaded) EditionTags() []language.Tag {
	return append(append([]language.Tag(nil), l.LanguageTags...), l.InProgressTags...)
}

// Message returns the source message with the given ID.
func (l *Loaded) Message(id string) (Message, bool) {
	i, ok := l.byID[id]
	if !ok {
		return Message{}, false
	}
	return l.Messages[i], true
}

// LoadDir loads every report (*.toml) in the root of fsys, in file name
// order; files whose name starts with "_" or "." are skipped. House styles
// live in the styles/ subfolder and are not reports.
func LoadDir(fsys fs.FS, prefix string) ([]*Loaded, diag.List) {
	reports, _, diags := LoadDirOnly(fsys, prefix, nil)
	return reports, diags
}

// Head is what the top of a report file says before its first table:
// which report it is and its languages, read without loading the report.
type Head struct {
	// File is the report's path as shown in diagnostics.
	File string
	// ID, SourceLanguage, Languages and InProgress are those of Report.
	ID, SourceLanguage    string
	Languages, InProgress []string
}

// Editions returns Languages, then InProgress, as Report.Editions.
func (h Head) Editions() []string {
	return append(slices.Clip(h.Languages), h.InProgress...)
}

// LoadDirOnly is LoadDir narrowed to the reports of the IDs only (all
// when only is empty): a file whose head (ReadHead) names another report is not
// loaded, validated or reported on, and comes back as its Head. A file
// whose head cannot be read is loaded as LoadDir does, errors and all.
func LoadDirOnly(fsys fs.FS, prefix string, only []string) ([]*Loaded, []Head, diag.List) {
	var diags diag.List
	var skipped []Head
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		diags.Errorf(prefix, 0, 0, "", "%v", err)
		return nil, nil, diags
	}
	sort.Strings(names)
	var reports []*Loaded
	ids := map[string]string{}
	dupIDs := map[string]bool{}
	for _, name := range names {
		if strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") {
			continue
		}
		file := path.Join(prefix, name)
		// The file is read once: for its head, then for the report.
		data, ds := readFile(fsys, name, file)
		if len(only) > 0 && data != nil {
			if h, ok := parseHead(data); ok && !slices.Contains(only, h.ID) {
				h.File = file
				skipped = append(skipped, h)
				continue
			}
		}
		var r *Loaded
		if data != nil {
			r, ds = load(fsys, name, file, data)
		}
		diags = append(diags, ds...)
		if r == nil {
			continue
		}
		if other, dup := ids[r.ID]; dup {
			p, _ := r.index.Pos("id")
			diags.Errorf(r.File, p.Line, p.Col, r.ID, "report ID %q is already used by %s", r.ID, other)
			dupIDs[r.ID] = true
			continue
		}
		ids[r.ID] = r.File
		reports = append(reports, r)
	}
	// Neither report of a duplicated ID is built: which one is meant?
	reports = slices.DeleteFunc(reports, func(r *Loaded) bool { return dupIDs[r.ID] })
	if len(names) == 0 {
		diags.Errorf(prefix, 0, 0, "", "no report files (*.toml) found")
	}
	return reports, skipped, diags
}

// ReadHead reads the head of the report file name of fsys: the keys
// before its first table header, decoded alone. It reports false when
// that is not possible (the file does not read, is too large, its head
// does not decode, names no ID or no languages, or a language that is
// not a tag): only Load can tell what is wrong.
// A head that reads says nothing of the rest of the file.
func ReadHead(fsys fs.FS, name string) (Head, bool) {
	data, _ := readFile(fsys, name, "")
	if data == nil {
		return Head{}, false
	}
	return parseHead(data)
}

// parseHead reads the head of the report file data, as ReadHead does.
func parseHead(data []byte) (Head, bool) {
	if len(data) > MaxFileSize {
		return Head{}, false
	}
	// The head ends at the first line that starts with "[": a table
	// header, or a line inside a multi-line string or array, which then
	// does not decode.
	head := data
	for off := 0; off < len(data); {
		line := data[off:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		if t := bytes.TrimLeft(line, " \t"); len(t) > 0 && t[0] == '[' {
			head = data[:off]
			break
		}
		off += len(line)
	}
	// The limits Parse checks before decoding, for the same reasons.
	if !utf8.Valid(head) {
		return Head{}, false
	}
	if _, msg := tomlpos.Limits(head, MaxNesting, MaxKeyParts, MaxKeys); msg != "" {
		return Head{}, false
	}
	var h struct {
		ID             string   `toml:"id"`
		SourceLanguage string   `toml:"source-language"`
		Languages      []string `toml:"languages"`
		InProgress     []string `toml:"in-progress"`
	}
	if _, err := toml.NewDecoder(bytes.NewReader(head)).Decode(&h); err != nil || h.ID == "" || len(h.Languages) == 0 {
		return Head{}, false
	}
	for _, l := range append([]string{h.SourceLanguage}, append(h.Languages, h.InProgress...)...) {
		if _, err := language.Parse(l); err != nil {
			return Head{}, false
		}
	}
	return Head{ID: h.ID, SourceLanguage: h.SourceLanguage, Languages: h.Languages, InProgress: h.InProgress}, true
}

// Load reads the report at name in fsys; file is the path shown in
// diagnostics. It returns nil when the report has errors.
func Load(fsys fs.FS, name, file string) (*Loaded, diag.List) {
	data, diags := readFile(fsys, name, file)
	if data == nil {
		return nil, diags
	}
	return load(fsys, name, file, data)
}

// readFile reads the report file name of fsys, within MaxFileSize by its
// size before it is read; nil and the error when it cannot.
func readFile(fsys fs.FS, name, file string) ([]byte, diag.List) {
	var diags diag.List
	st, err := fs.Stat(fsys, name)
	if err != nil {
		diags.Errorf(file, 0, 0, "", "%v", unwrapPathError(err))
		return nil, diags
	}
	if st.Size() > MaxFileSize {
		diags.Errorf(file, 0, 0, "", "file is %d bytes; the limit is %d", st.Size(), MaxFileSize)
		return nil, diags
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		diags.Errorf(file, 0, 0, "", "%v", unwrapPathError(err))
		return nil, diags
	}
	return data, nil
}

// load parses data, the report file name of fsys, and loads its figures.
func load(fsys fs.FS, name, file string, data []byte) (*Loaded, diag.List) {
	l, diags := Parse(file, data)
	if l == nil {
		return nil, diags
	}
	l.loadFigures(fsys, path.Dir(name), &diags)
	if diags.HasErrors() {
		return nil, diags
	}
	return l, diags
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// invalidUTF8 reports the invalid UTF-8 sequences of a file, the first
// unitext.MaxInvalidUTF8 each at its position.
func invalidUTF8(diags *diag.List, file string, data []byte) {
	first, more := unitext.InvalidUTF8(data)
	for _, p := range first {
		diags.Errorf(file, p.Line, p.Col, "", "invalid UTF-8")
	}
	if more > 0 {
		diags.Errorf(file, 0, 0, "", "and %d more invalid UTF-8 sequences; the first %d are listed", more, unitext.MaxInvalidUTF8)
	}
}

// Parse decodes and validates report data; file is the path shown in
// diagnostics. It returns nil when the report has errors.
func Parse(file string, data []byte) (*Loaded, diag.List) {
	var diags diag.List
	if len(data) > MaxFileSize {
		diags.Errorf(file, 0, 0, "", "file is %d bytes; the limit is %d", len(data), MaxFileSize)
		return nil, diags
	}
	if !utf8.Valid(data) {
		invalidUTF8(&diags, file, data)
		return nil, diags
	}
	// The TOML decoder's memory grows with the square of a key's parts.
	if p, msg := tomlpos.Limits(data, MaxNesting, MaxKeyParts, MaxKeys); msg != "" {
		diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
		return nil, diags
	}
	// Decode generically first: a syntax error shows here, and the types
	// of the values can then be checked one by one, each at its own
	// position (BurntSushi/toml stops at the first wrong type and names
	// only a line, for [[section.block]] keys that of the last block).
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		decodeError(&diags, file, data, err)
		return nil, diags
	}
	var rep Report
	l := &Loaded{Report: &rep, File: file, index: tomlpos.Build(data), byID: map[string]int{}}
	v := validator{l: l, diags: &diags, raw: raw}
	v.checkType("", "", raw, reflect.TypeFor[Report]())
	if diags.HasErrors() {
		return nil, diags
	}
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&rep)
	if err != nil {
		decodeError(&diags, file, data, err)
		return nil, diags
	}
	v.unknownKeys(slices.DeleteFunc(md.Undecoded(), inListItem))
	v.report()
	if diags.HasErrors() {
		return nil, diags
	}
	return l, diags
}

// decodeError reports an error of BurntSushi/toml. The line and column of a
// ParseError are recomputed from its byte offset: the library counts the
// column in bytes, not runes, and puts an offset at the start of a line at
// the end of the line before.
func decodeError(diags *diag.List, file string, data []byte, err error) {
	p, msg := tomlpos.DecodeError(data, err)
	diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
}

// validator checks a decoded report and collects its messages.
type validator struct {
	l     *Loaded
	diags *diag.List
	raw   map[string]any // the document, decoded generically
	// misspelt holds, by the path of their table, the keys an unknown
	// key was taken for ("titel": "title"): that key is not also
	// reported missing.
	misspelt map[string][]string
	// dupPrefixes are the message ID prefixes of sections and blocks
	// whose id is used twice: their messages are not also reported as
	// produced twice.
	dupPrefixes []string
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	listItemType = reflect.TypeFor[ListItem]()
)

// checkType reports every value of raw (a generically decoded document)
// whose type does not fit the schema type t; path is its tomlpos path and
// what names it in messages. Keys the schema does not know are left to
// unknownKeys.
func (v *validator) checkType(path, what string, val any, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		if _, ok := val.(time.Time); ok {
			return
		}
	case t == listItemType:
		if v.listItemType(path, what, val) {
			return
		}
	case t.Kind() == reflect.String:
		if _, ok := val.(string); ok {
			return
		}
	case t.Kind() == reflect.Bool:
		if _, ok := val.(bool); ok {
			return
		}
	case t.Kind() == reflect.Int:
		if _, ok := val.(int64); ok {
			return
		}
	case t.Kind() == reflect.Map:
		if m, ok := val.(map[string]any); ok {
			for k, x := range m {
				p := tomlpos.QuoteKey(k)
				if path != "" {
					p = path + "." + p
				}
				v.checkType(p, k, x, t.Elem())
			}
			return
		}
	case t.Kind() == reflect.Struct:
		if m, ok := val.(map[string]any); ok {
			for i := range t.NumField() {
				f := t.Field(i)
				name := f.Tag.Get("toml")
				if x, ok := m[name]; ok && name != "" {
					p := name
					if path != "" {
						p = path + "." + name
					}
					v.checkType(p, name, x, f.Type)
				}
			}
			return
		}
	case t.Kind() == reflect.Slice:
		elem := func(i int) (string, string) {
			return fmt.Sprintf("%s[%d]", path, i), fmt.Sprintf("element %d of %s", i+1, what)
		}
		switch a := val.(type) {
		case []any:
			for i, e := range a {
				p, w := elem(i)
				v.checkType(p, w, e, t.Elem())
			}
			return
		case []map[string]any:
			for i, e := range a {
				p, _ := elem(i)
				v.checkType(p, what, e, t.Elem())
			}
			return
		}
	}
	v.errorf(path, "", "%s must be %s, not %s", what, describeType(t), describeValue(val))
}

// listItemType checks a list item, a string or a table of text and items,
// reporting the unknown keys of a table (they are decoded by hand, so
// MetaData.Undecoded does not see them). It reports whether val has the
// shape of a list item.
func (v *validator) listItemType(path, what string, val any) bool {
	switch x := val.(type) {
	case string:
		return true
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			switch k {
			case "text":
				v.checkType(path+".text", "text", x[k], reflect.TypeFor[string]())
			case "items":
				v.checkType(path+".items", "items", x[k], reflect.TypeFor[[]ListItem]())
			default:
				v.errorf(path+"."+k, "", "unknown key %q in a list item; an item has text and items", k)
			}
		}
		return true
	}
	return false
}

func describeType(t reflect.Type) string {
	switch {
	case t == timeType:
		return "a date such as 2021-01-28"
	case t == listItemType:
		return "a string or a table { text = …, items = […] }"
	case t.Kind() == reflect.String:
		return "a string"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Int:
		return "a whole number"
	case t.Kind() == reflect.Struct:
		return "a table"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return "an array of tables"
	case t.Kind() == reflect.Slice:
		return "an array of strings"
	}
	return t.String()
}

func describeValue(val any) string {
	switch x := val.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return "a date"
		case "time-local":
			return "a time of day"
		}
		return "a date-time"
	case []any:
		return "an array"
	case []map[string]any:
		return "an array of tables"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", val)
}

func (v *validator) pos(path string) tomlpos.Pos {
	if p, ok := v.l.index.Pos(path); ok {
		return p
	}
	// Fall back to the enclosing table, then to the top of the file.
	for path != "" {
		if p, ok := v.l.index.Table(path); ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return tomlpos.Pos{Line: 1, Col: 1}
}

func (v *validator) errorf(path, key, format string, args ...any) {
	if strings.Contains(format, " is missing") && v.followsMisspelling(path, format) {
		return
	}
	p := v.pos(path)
	v.diags.Errorf(v.l.File, p.Line, p.Col, key, format, args...)
}

func (v *validator) warnf(path, key, format string, args ...any) {
	p := v.pos(path)
	v.diags.Warnf(v.l.File, p.Line, p.Col, key, format, args...)
}

// followsMisspelling reports whether "… is missing" (format) at path is
// about a key an unknown key was taken for: "title is missing" after
// `unknown key "titel"; did you mean "title"?`.
func (v *validator) followsMisspelling(path, format string) bool {
	parent, last := "", path
	if i := strings.LastIndex(path, "."); i >= 0 {
		parent, last = path[:i], path[i+1:]
	}
	if slices.Contains(v.misspelt[parent], last) {
		return true
	}
	for _, k := range v.misspelt[path] {
		if strings.Contains(format, k+" is missing") {
			return true
		}
	}
	return false
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// countedPath writes a tomlpos path as authors count: the third
// [[section]]'s first block is section[3].block[1].
func countedPath(p string) string {
	return indexRE.ReplaceAllStringFunc(p, func(ix string) string {
		n, _ := strconv.Atoi(ix[1 : len(ix)-1])
		return "[" + strconv.Itoa(n+1) + "]"
	})
}

// keyPath writes k the way tomlpos writes paths (without array indexes).
func keyPath(k toml.Key) string {
	parts := make([]string, len(k))
	for i, s := range k {
		parts[i] = tomlpos.QuoteKey(s)
	}
	return strings.Join(parts, ".")
}

// unknownKeys reports every key the schema does not know, at each place it
// occurs. Only the outermost unknown key is reported, not the keys inside
// an unknown table.
func (v *validator) unknownKeys(keys []toml.Key) {
	if len(keys) == 0 {
		return
	}
	want := map[string]toml.Key{}
	for _, k := range keys {
		want[keyPath(k)] = k
	}
	inUnknown := func(k toml.Key) bool {
		for i := 1; i < len(k); i++ {
			if _, ok := want[keyPath(k[:i])]; ok {
				return true
			}
		}
		return false
	}
	reported := map[string]bool{}
	for _, p := range v.l.index.Paths() {
		if strings.HasSuffix(p, "]") {
			continue // an array element: its array is reported
		}
		bare := indexRE.ReplaceAllString(p, "")
		k, ok := want[bare]
		if !ok || inUnknown(k) {
			continue
		}
		name := k[len(k)-1]
		where := ""
		parent := ""
		if len(k) > 1 {
			parent = p[:len(p)-len(tomlpos.QuoteKey(name))-1]
			where = " (" + countedPath(p) + ")" // a nested key: which block
		}
		hint, best := suggest(keyPath(k[:len(k)-1]), name)
		if best != "" {
			if v.misspelt == nil {
				v.misspelt = map[string][]string{}
			}
			v.misspelt[parent] = append(v.misspelt[parent], best)
		}
		v.errorf(p, "", "unknown key %q%s%s", name, where, hint)
		reported[bare] = true
	}
	for _, k := range keys {
		if !reported[keyPath(k)] && !inUnknown(k) {
			v.errorf("", "", "unknown key %q", k.String())
		}
	}
}

// known lists the keys of each table, for suggestions.
var known = map[string][]string{
	"":                      {"id", "kind", "source-language", "style", "languages", "in-progress", "title", "date", "end-date", "place", "time", "attendance", "participants", "closing-marker", "links", "annex", "section"},
	"time":                  {"start", "end", "zone"},
	"attendance":            {"in-person", "online"},
	"annex":                 {"key", "title", "item"},
	"annex.item":            {"languages", "kind", "title", "url"},
	"section":               {"id", "heading", "block"},
	"section.block":         {"type", "id", "name", "role", "heading", "annexes", "text", "paragraphs", "items", "numbered", "image", "alt", "caption", "columns", "rows"},
	"section.block.columns": {"header", "width", "align"},
}

// suggest proposes the closest known key of table parent for a misspelt
// key: the hint for the message, and the key ("" for none).
func suggest(parent, key string) (string, string) {
	best, bestDist := "", 3
	for _, k := range known[parent] {
		if d := editdist.Levenshtein(key, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return "", ""
	}
	return fmt.Sprintf("; did you mean %q?", best), best
}

// nearestKey returns the defined key (of keys) nearest to a misspelt
// one, if one is close enough to be meant; never the key itself.
func nearestKey(key string, keys map[string]bool) string {
	best, bestDist := "", max(3, len([]rune(key))/4+1)
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if d := editdist.Levenshtein(key, k); d > 0 && d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// reserved are names that cannot be section, block or annex keys: they are
// either fixed parts of message IDs or keys go-i18n reserves in a catalog
// table (a table with such a key is read as one message).
var reserved = map[string]bool{
	"title": true, "participants": true, "closing-marker": true, "annex": true, "heading": true,
	"place": true, "time-zone": true, Interface: true,
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
}

func (v *validator) checkID(path, what, id string) bool {
	switch {
	case id == "":
		v.errorf(path, "", "%s is missing", what)
	case !idRE.MatchString(id):
		v.errorf(path, id, "%s %q must be lower-case letters, digits and \"-\"", what, id)
	case reserved[id]:
		v.errorf(path, id, "%s %q is a reserved word; choose another", what, id)
	default:
		return true
	}
	return false
}

// Interface is the segment of a report's own wording of an interface
// message: <report>.interface.<message ID> in a catalog replaces the
// message for that report only («КРАТКИЙ ОТЧЕТ» for one report's
// doctype.summary-report).
const Interface = "interface"

// interfaceRoots are the first segments of the interface messages'
// IDs; a report ID may not shadow them.
var interfaceRoots = map[string]bool{
	"brand": true, "doctype": true, "page": true, "notice": true, "date": true,
	"month": true, "list": true, "marker": true, "annex": true, "annexes": true, "attendance": true, "figure": true, "table": true,
}

func (v *validator) report() {
	r := v.l.Report
	if v.checkID("id", "report id", r.ID) && interfaceRoots[r.ID] {
		v.errorf("id", r.ID, "report id %q is the name of a group of interface messages; choose another", r.ID)
	}
	if r.Kind == "" {
		v.errorf("kind", "", "kind is missing (the document type, e.g. \"summary-report\")")
	} else if !idRE.MatchString(r.Kind) {
		v.errorf("kind", "", "kind %q must be lower-case letters, digits and \"-\"", r.Kind)
	}
	if r.Style != "" && !idRE.MatchString(r.Style) {
		v.errorf("style", "", "style %q must name a file styles/<name>.toml: lower-case letters, digits and \"-\"", r.Style)
	}
	v.languages()
	v.requireText("title", r.ID+".title", "title", r.Title, false)
	if r.Date.IsZero() {
		v.errorf("", "", "date is missing (the day of the event, e.g. date = 2021-01-28)")
	} else if d, _ := v.raw["date"].(time.Time); d.Location().String() != "date-local" {
		// BurntSushi/toml gives a local date (2021-01-28) this zone name
		// and a date-time (even at midnight) or a time of day another.
		// Only the generic decoding keeps it: decoding into a time.Time
		// field turns every value into a date-time.
		v.errorf("date", "", "date must be a local date such as 2021-01-28, without time or offset")
	}
	v.meetingDetails()
	if r.Participants != "" {
		v.text("participants", r.ID+".participants", r.Participants, true)
	}
	annexes := v.annexes()
	referenced := map[string]bool{}
	v.sections(annexes, referenced)
	for i, a := range r.Annexes {
		if len(r.Annexes) > MaxAnnexes {
			break
		}
		if a.Key != "" && !referenced[a.Key] && idRE.MatchString(a.Key) {
			v.warnf(fmt.Sprintf("annex[%d].key", i), a.Key, "annex %q is never referred to, so it gets no number and is not listed", a.Key)
		}
	}
	if r.ClosingMarker != "" {
		v.text("closing-marker", r.ID+".closing-marker", r.ClosingMarker, false)
	}
	v.localizedLinks()
}

// meetingDetails checks the end date, place, time span and attendance,
// and records the place and time zone as messages.
func (v *validator) meetingDetails() {
	r := v.l.Report
	if !r.EndDate.IsZero() {
		if d, _ := v.raw["end-date"].(time.Time); d.Location().String() != "date-local" {
			v.errorf("end-date", "", "end-date must be a local date such as 2021-01-29, without time or offset")
		} else if !r.Date.IsZero() && !r.EndDate.After(r.Date) {
			v.errorf("end-date", "", "end-date %s is not after date %s; leave it out for an event of one day", r.EndDate.Format(time.DateOnly), r.Date.Format(time.DateOnly))
		}
	}
	if r.Place != "" {
		v.text("place", r.ID+".place", r.Place, false)
	}
	if t := r.Time; t != nil {
		var at [2]time.Time
		ok := true
		for i, f := range []struct{ key, val string }{{"start", t.Start}, {"end", t.End}} {
			var err error
			if at[i], err = time.Parse("15:04", f.val); err != nil || len(f.val) != len("15:04") {
				v.errorf("time."+f.key, "", "time.%s %q must be HH:MM", f.key, f.val)
				ok = false
			}
		}
		if ok && !at[1].After(at[0]) {
			v.errorf("time.end", "", "time.end %s is not after time.start %s", t.End, t.Start)
		}
		if t.Zone != "" {
			v.text("time.zone", r.ID+".time-zone", t.Zone, false)
		}
	}
	if a := r.Attendance; a != nil {
		for _, f := range []struct {
			key string
			n   int
		}{{"in-person", a.InPerson}, {"online", a.Online}} {
			if f.n < 0 || f.n > MaxAttendance {
				v.errorf("attendance."+f.key, "", "attendance.%s = %d is outside 0…%d", f.key, f.n, MaxAttendance)
			}
		}
		if a.InPerson == 0 && a.Online == 0 {
			v.errorf("attendance", "", "attendance counts no one; give in-person, online or both, or leave it out")
		}
	}
}

// languages checks the report's languages and keeps them parsed in the
// Loaded's tags.
func (v *validator) languages() {
	r := v.l.Report
	if r.SourceLanguage == "" {
		v.errorf("source-language", "", "source-language is missing (the language the report is written in, e.g. \"en\")")
	} else if t, err := language.Parse(r.SourceLanguage); err != nil {
		v.errorf("source-language", "", "source-language %q is not a BCP 47 language tag", r.SourceLanguage)
	} else {
		v.l.SourceTag = t
	}
	if len(r.Languages) == 0 {
		v.errorf("languages", "", "languages is missing (the editions to build, e.g. [\"en\", \"ru\"])")
		return
	}
	seen := map[string]bool{}
	for i, lang := range r.Languages {
		p := fmt.Sprintf("languages[%d]", i)
		t, err := language.Parse(lang)
		if err != nil {
			v.errorf(p, "", "%q is not a BCP 47 language tag", lang)
		}
		v.l.LanguageTags = append(v.l.LanguageTags, t)
		if seen[lang] {
			v.errorf(p, "", "language %q is listed twice", lang)
		}
		seen[lang] = true
	}
	if r.SourceLanguage != "" && !seen[r.SourceLanguage] {
		v.errorf("languages", "", "languages must include the source language %q", r.SourceLanguage)
	}
	for i, lang := range r.InProgress {
		p := fmt.Sprintf("in-progress[%d]", i)
		t, err := language.Parse(lang)
		v.l.InProgressTags = append(v.l.InProgressTags, t)
		switch {
		case err != nil:
			v.errorf(p, "", "%q is not a BCP 47 language tag", lang)
		case seen[lang]:
			v.errorf(p, "", "language %q is listed twice (a language is either published or in progress)", lang)
		}
		seen[lang] = true
	}
}

func (v *validator) annexes() map[string]bool {
	keys := map[string]bool{}
	if n := len(v.l.Annexes); n > MaxAnnexes {
		v.errorf(fmt.Sprintf("annex[%d]", MaxAnnexes), "", "the report has %d annexes; the limit is %d", n, MaxAnnexes)
		for _, a := range v.l.Annexes {
			keys[a.Key] = true // no follow-on errors
		}
		return keys
	}
	for i, a := range v.l.Annexes {
		base := fmt.Sprintf("annex[%d]", i)
		if v.checkID(base+".key", "annex key", a.Key) && keys[a.Key] {
			first := slices.IndexFunc(v.l.Annexes, func(b Annex) bool { return b.Key == a.Key })
			v.errorf(base+".key", a.Key, "annex key %q is defined twice (first at line %d)", a.Key, v.pos(fmt.Sprintf("annex[%d].key", first)).Line)
			continue // its messages would be produced twice: no follow-on
		}
		if a.Key != "" {
			keys[a.Key] = true // known, even if invalid: no follow-on errors
		}
		if a.Title == "" {
			// A draft can be built without it (the list of annexes shows
			// the key); --strict, which fails on warnings, cannot.
			v.warnf(base, a.Key, "annex %q has no title: the list of annexes shows its key instead; add title = \"…\"", a.Key)
		} else {
			v.requireText(base+".title", fmt.Sprintf("%s.annex.%s.title", v.l.ID, a.Key), "annex title", a.Title, false)
		}
		if len(a.Items) == 0 {
			v.errorf(base, a.Key, "annex %q has no items; add at least one [[annex.item]] with its languages", a.Key)
		}
		if n := len(a.Items); n > MaxItems {
			v.errorf(fmt.Sprintf("%s.item[%d]", base, MaxItems), a.Key, "annex %q has %d items; the limit is %d", a.Key, n, MaxItems)
			continue
		}
		for j, it := range a.Items {
			ip := fmt.Sprintf("%s.item[%d]", base, j)
			if len(it.Languages) == 0 {
				v.errorf(ip, a.Key, "annex item has no languages")
			}
			if n := len(it.Languages); n > MaxItemLang {
				v.errorf(fmt.Sprintf("%s.languages[%d]", ip, MaxItemLang), a.Key, "annex item has %d languages; the limit is %d", n, MaxItemLang)
				continue
			}
			for k, lang := range it.Languages {
				if _, err := language.Parse(lang); err != nil {
					v.errorf(fmt.Sprintf("%s.languages[%d]", ip, k), a.Key, "%q is not a BCP 47 language tag", lang)
				}
			}
			switch it.Kind {
			case KindOriginal, KindTranslation, KindCourtesyTranslation:
			case "":
				v.errorf(ip, a.Key, "annex item kind is missing (original, translation or courtesy-translation)")
			default:
				v.errorf(ip+".kind", a.Key, "annex item kind %q is not one of original, translation, courtesy-translation", it.Kind)
			}
			if it.Title != "" && it.TitleIsMessage() {
				v.text(ip+".title", fmt.Sprintf("%s.annex.%s.%d.title", v.l.ID, a.Key, j+1), it.Title, false)
			}
			if it.TitleTranslated != nil && it.Title == "" {
				v.errorf(ip+".title-translated", a.Key, "title-translated applies to the item's title, and it has none")
			}
			if it.TitleLanguage != "" {
				if _, err := language.Parse(it.TitleLanguage); err != nil {
					v.errorf(ip+".title-language", a.Key, "%q is not a BCP 47 language tag", it.TitleLanguage)
				} else if it.TitleIsMessage() {
					v.errorf(ip+".title-language", a.Key, "title-language applies to a title shown as written (title-translated = false)")
				}
			}
			if it.Note != "" {
				v.text(ip+".note", fmt.Sprintf("%s.annex.%s.%d.note", v.l.ID, a.Key, j+1), it.Note, false)
			}
			switch t := it.Translates; {
			case t == 0:
			case it.Kind == KindOriginal:
				v.errorf(ip+".translates", a.Key, "an original translates nothing; translates applies to a translation or courtesy translation")
			case t < 1 || t > len(a.Items) || t == j+1:
				v.errorf(ip+".translates", a.Key, "translates = %d is not another item of annex %q (1 to %d)", t, a.Key, len(a.Items))
			}
			if it.URL != "" {
				if msg := CheckURL(it.URL); msg != "" {
					v.errorf(ip+".url", a.Key, "%s", msg)
				}
			}
		}
	}
	return keys
}

func (v *validator) sections(annexes, referenced map[string]bool) {
	r := v.l.Report
	if len(r.Sections) == 0 {
		v.errorf("", "", "the report has no [[section]]")
	}
	seen := map[string]bool{}
	for i, s := range r.Sections {
		sp := fmt.Sprintf("section[%d]", i)
		if v.checkID(sp+".id", "section id", s.ID) {
			if seen[s.ID] {
				first := slices.IndexFunc(r.Sections, func(x Section) bool { return x.ID == s.ID })
				v.errorf(sp+".id", s.ID, "section id %q is used twice (first at line %d)", s.ID, v.pos(fmt.Sprintf("section[%d].id", first)).Line)
				v.dupPrefixes = append(v.dupPrefixes, r.ID+"."+s.ID+".")
			}
			seen[s.ID] = true
		}
		prefix := r.ID + "." + s.ID
		v.requireText(sp+".heading", prefix+".heading", "section heading", s.Heading, false)
		blocks := map[string]bool{}
		if len(s.Blocks) == 0 {
			v.errorf(sp, s.ID, "section %q has no [[section.block]]", s.ID)
		}
		for j, b := range s.Blocks {
			bp := fmt.Sprintf("%s.block[%d]", sp, j)
			if v.checkID(bp+".id", "block id", b.ID) {
				if blocks[b.ID] {
					first := slices.IndexFunc(s.Blocks, func(x Block) bool { return x.ID == b.ID })
					v.errorf(bp+".id", b.ID, "block id %q is used twice in section %q (first at line %d)", b.ID, s.ID, v.pos(fmt.Sprintf("%s.block[%d].id", sp, first)).Line)
					v.dupPrefixes = append(v.dupPrefixes, prefix+"."+b.ID+".")
				}
				blocks[b.ID] = true
			}
			v.block(bp, prefix+"."+b.ID, b, annexes, referenced)
		}
	}
}

// fieldsOf lists which optional fields each block type takes.
var fieldsOf = map[string][]string{
	BlockSpeaker:    {"name", "role", "heading", "annexes", "paragraphs"},
	BlockModerator:  {"text", "annexes"},
	BlockText:       {"paragraphs"},
	BlockSubheading: {"text"},
	BlockList:       {"paragraphs", "items", "numbered"},
	BlockFigure:     {"image", "alt", "caption"},
	BlockTable:      {"columns", "rows", "caption"},
}

func (v *validator) block(bp, prefix string, b Block, annexes, referenced map[string]bool) {
	allowed, ok := fieldsOf[b.Type]
	if !ok {
		if b.Type == "" {
			v.errorf(bp, b.ID, "block type is missing (speaker, moderator, text, subheading, list, figure or table)")
		} else {
			v.errorf(bp+".type", b.ID, "block type %q is not one of speaker, moderator, text, subheading, list, figure, table", b.Type)
		}
		return
	}
	set := map[string]bool{
		"name": b.Name != "", "role": b.Role != "", "heading": b.Heading,
		"annexes": len(b.Annexes) > 0, "text": b.Text != "", "paragraphs": len(b.Paragraphs) > 0,
		"items": len(b.Items) > 0, "numbered": b.Numbered,
		"image": b.Image != "", "alt": b.Alt != "", "caption": b.Caption != "",
		"columns": len(b.Columns) > 0, "rows": len(b.Rows) > 0,
	}
	for _, f := range []string{"name", "role", "heading", "annexes", "text", "paragraphs", "items", "numbered", "image", "alt", "caption", "columns", "rows"} {
		if set[f] && !contains(allowed, f) {
			v.errorf(bp+"."+f, b.ID, "%s does not apply to a %s block", f, b.Type)
		}
	}
	switch b.Type {
	case BlockSpeaker:
		v.requireText(bp+".name", prefix+".name", "speaker name", b.Name, false)
		if b.Role != "" {
			v.text(bp+".role", prefix+".role", b.Role, false)
		}
	case BlockModerator, BlockSubheading:
		v.requireText(bp+".text", prefix+".text", b.Type+" text", b.Text, true)
	}
	listed := map[string]bool{}
	for k, key := range b.Annexes {
		ap := fmt.Sprintf("%s.annexes[%d]", bp, k)
		if listed[key] {
			v.errorf(ap, key, "annex %q is listed twice", key)
			continue
		}
		listed[key] = true
		if !annexes[key] {
			if near := nearestKey(key, annexes); near != "" {
				v.errorf(ap, key, "unknown annex %q; did you mean %q?", key, near)
			} else {
				v.errorf(ap, key, "unknown annex %q: no [[annex]] has this key; define it, or refer to one of the report's annexes", key)
			}
			continue
		}
		referenced[key] = true
	}
	if b.Type == BlockSpeaker || b.Type == BlockText || b.Type == BlockList {
		if len(b.Paragraphs) == 0 && b.Type == BlockText {
			v.errorf(bp, b.ID, "text block has no paragraphs")
		}
		for k, p := range b.Paragraphs {
			v.requireText(fmt.Sprintf("%s.paragraphs[%d]", bp, k), fmt.Sprintf("%s.p%d", prefix, k+1), "paragraph", p, true)
		}
	}
	if b.Type == BlockFigure {
		v.figure(bp, prefix, b)
	}
	if b.Type == BlockTable {
		v.table(bp, prefix, b)
	}
	if b.Type == BlockList {
		if len(b.Items) == 0 {
			v.errorf(bp, b.ID, "list block has no items")
		}
		v.listItems(bp+".items", prefix+".i", b.ID, b.Items, 1)
	}
}

// listItems checks the items of a list at depth (from 1) and records
// their texts: item n of a list whose items are numbered id+"<n>" gets
// the message ID id+"<n>", and its own items id+"<n>-<m>".
func (v *validator) listItems(path, id, key string, items []ListItem, depth int) {
	if depth > MaxListDepth {
		v.errorf(path, key, "lists nest at most %d levels deep", MaxListDepth)
		return
	}
	for i, it := range items {
		ip := fmt.Sprintf("%s[%d]", path, i)
		iid := fmt.Sprintf("%s%d", id, i+1)
		tp := ip
		if len(it.Items) > 0 || v.isTable(ip) {
			tp = ip + ".text"
		}
		v.requireText(tp, iid, "list item", it.Text, true)
		if len(it.Items) > 0 {
			v.listItems(ip+".items", iid+"-", key, it.Items, depth+1)
		}
	}
}

// isTable reports whether the value at path (in the generically decoded
// document) is a table.
func (v *validator) isTable(path string) bool {
	_, ok := lookup(v.raw, path).(map[string]any)
	return ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (v *validator) requireText(path, id, what, text string, withMarkup bool) {
	if !unitext.Visible(text) {
		v.errorf(path, id, "%s is missing or empty", what)
		return
	}
	v.text(path, id, text, withMarkup)
}

// text validates one translatable string and records it as a message.
// Body text is parsed as inline markup; plain strings (names, headings)
// are taken literally.
func (v *validator) text(path, id, text string, withMarkup bool) {
	if len(text) > MaxString {
		v.errorf(path, id, "text is %d bytes; the limit is %d", len(text), MaxString)
		return
	}
	p := v.pos(path)
	// Catalog messages are go-i18n templates; a report's text is not, and
	// "{{" in it would run as one.
	if i := strings.Index(text, "{{"); i >= 0 {
		at := v.stringPos(path, p, i)
		v.diags.Errorf(v.l.File, at.Line, at.Col, id, "\"{{\" is not allowed in report text")
		return
	}
	if bad, found := unitext.Check(text); found {
		at := v.stringPos(path, p, bad.Offset)
		v.diags.Errorf(v.l.File, at.Line, at.Col, id, "%s", bad.Msg)
		return
	}
	var spans []markup.Span
	if withMarkup {
		var err error
		spans, err = markup.Parse(text)
		if err != nil {
			at := p
			var me *markup.Error
			if errors.As(err, &me) {
				at = v.stringPos(path, p, me.Offset)
				err = errors.New(me.Msg)
			}
			v.diags.Errorf(v.l.File, at.Line, at.Col, id, "%v", err)
			return
		}
	}
	for _, u := range markup.Links(spans) {
		if msg := CheckURL(u); msg != "" {
			v.diags.Errorf(v.l.File, p.Line, p.Col, id, "%s", msg)
		}
	}
	if i, dup := v.l.byID[id]; dup && !slices.ContainsFunc(v.dupPrefixes, func(p string) bool { return strings.HasPrefix(id, p) }) {
		v.diags.Errorf(v.l.File, p.Line, p.Col, id, "message ID %q is produced twice (first at line %d)", id, v.l.Messages[i].Line)
		return
	}
	if off, typed := unitext.TypedAnnexNumber(text); off >= 0 {
		at := v.stringPos(path, p, off)
		v.diags.Warnf(v.l.File, at.Line, at.Col, id, "%q is typed in the text: annex numbers are generated from the blocks' annexes = [...] and a typed one goes stale; refer to the annex there instead", typed)
	}
	v.l.byID[id] = len(v.l.Messages)
	text = unitext.NFC(text) // positions above are in the text as written
	v.l.Messages = append(v.l.Messages, Message{ID: id, Text: text, File: v.l.File, Line: p.Line, Col: p.Col, Markup: withMarkup})
}

// stringPos returns the position in the document of byte off of the
// string value at path, or p when the index does not have it.
func (v *validator) stringPos(path string, p tomlpos.Pos, off int) tomlpos.Pos {
	if at, ok := v.l.index.StringPos(path, off); ok {
		return at
	}
	return p
}

// CheckURL returns "" when u is a link target a published PDF may carry
// (http, https or mailto with a host or address), else what is wrong.
func CheckURL(u string) string {
	parsed, err := url.Parse(u)
	if err != nil {
		return fmt.Sprintf("link %q is not a valid URL", u)
	}
	switch strings.ToLower(parsed.Scheme) {
	case "http", "https":
		if parsed.Host == "" {
			return fmt.Sprintf("link %q has no host", u)
		}
	case "mailto":
		if parsed.Opaque == "" {
			return fmt.Sprintf("link %q has no address", u)
		}
	case "":
		return fmt.Sprintf("link %q must be an absolute http, https or mailto URL", u)
	default:
		return fmt.Sprintf("link %q: scheme %q is not allowed (only http, https and mailto)", u, parsed.Scheme)
	}
	return ""
}

// inListItem reports whether key lies inside a list item, whose keys
// listItemType checks (MetaData.Undecoded lists them all: list items are
// decoded by hand).
func inListItem(key toml.Key) bool {
	for i := 2; i < len(key); i++ {
		if key[i-1] == "items" && key[i-2] == "block" && key[0] == "section" {
			return true
		}
	}
	return false
}

// lookup returns the value at a path such as "section[1].block[0].items[2]"
// in a generically decoded document, or nil.
func lookup(doc map[string]any, path string) any {
	var cur any = doc
	for seg := range strings.SplitSeq(path, ".") {
		name, idx, _ := strings.Cut(seg, "[")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[name]
		for idx != "" {
			var n string
			n, idx, _ = strings.Cut(idx, "]")
			idx = strings.TrimPrefix(idx, "[")
			i, err := strconv.Atoi(n)
			if err != nil {
				return nil
			}
			switch a := cur.(type) {
			case []any:
				if i < 0 || i >= len(a) {
					return nil
				}
				cur = a[i]
			case []map[string]any:
				if i < 0 || i >= len(a) {
					return nil
				}
				cur = a[i]
			default:
				return nil
			}
		}
	}
	return cur
}

// localizedLinks checks the report's localized links: each source address
// is one the text links to, each language one the report is translated
// into, each address one a link may have.
func (v *validator) localizedLinks() {
	r := v.l.Report
	if len(r.Links) == 0 {
		return
	}
	used := map[string]bool{}
	for _, m := range v.l.Messages {
		if !m.Markup {
			continue
		}
		if spans, err := markup.Parse(m.Text); err == nil {
			for _, u := range markup.Links(spans) {
				used[u] = true
			}
		}
	}
	translated := map[string]bool{}
	for _, l := range r.Editions() {
		if l != r.SourceLanguage {
			translated[l] = true
		}
	}
	for _, u := range slices.Sorted(maps.Keys(r.Links)) {
		p := "links." + tomlpos.QuoteKey(u)
		if msg := CheckURL(u); msg != "" {
			v.errorf(p, "", "%s", msg)
			continue
		}
		if !used[u] {
			v.warnf(p, "", "no text links to %s, so its localized addresses are never used", u)
		}
		for _, l := range slices.Sorted(maps.Keys(r.Links[u])) {
			lp := p + "." + tomlpos.QuoteKey(l)
			alt := r.Links[u][l]
			switch {
			case !translated[l]:
				v.errorf(lp, "", "%q is not a language the report is translated into (%s)", l, strings.Join(slices.Sorted(maps.Keys(translated)), ", "))
			case CheckURL(alt) != "":
				v.errorf(lp, "", "%s", CheckURL(alt))
			case alt == u:
				v.warnf(lp, "", "the %s address is the source's; leave it out", l)
			}
		}
	}
}
