// Package locales loads the message catalogs of a project and localizes
// messages from them.
//
// A catalog is a folder per language, locales/<lang>/, of go-i18n TOML
// message files named <anything>.<lang>.toml. Each file nests tables by
// message ID segments, so central-asia-2021.opening.held.p1 is written
//
//	[central-asia-2021.opening.held]
//	p1 = "…"
//
// and a message with plural forms is a table of CLDR forms:
//
//	[annexes.count]
//	one = "{{.Count}} annex"
//	other = "{{.Count}} annexes"
//
// The interface messages of the product (brand lines, "Page N of M", annex
// label pieces …) live in every language's folder; the content messages of
// a report live there too, except in the report's source language, whose
// text is the report file itself (added with AddSource).
//
// Load checks what go-i18n would only find when a message is used: every
// template parses, plural messages have every form the language needs, and
// a file's language matches its folder.
package locales

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/internal/unitext"
)

//go:embed */*.toml */*.sources glossary.toml
var embedded embed.FS

// Embedded returns the catalogs built into the binary.
func Embedded() fs.FS { return embedded }

// Limits of what Load accepts.
const (
	MaxFileSize = 16 << 20 // bytes in a catalog file
	MaxString   = 64 << 10 // bytes in one form of a message
	MaxKeyParts = 32       // parts of a dotted key or table header ("a.b.c" has 3)
	MaxKeys     = 100000   // keys in a catalog file, so about as many messages
)

// Entry is one message of one language with where it is written.
type Entry struct {
	Message *i18n.Message
	// File, Line and Col locate the message: its text, or the table of a
	// message with plural forms.
	File      string
	Line, Col int
	// at locates byte off of a form's text, when known.
	at func(form string, off int) (tomlpos.Pos, bool)
}

// Pos returns the line and column of byte off of the text of form (one,
// few, other …), or the message's own position when it is not known.
func (e *Entry) Pos(form string, off int) (line, col int) {
	if e.at != nil {
		if p, ok := e.at(form, off); ok {
			return p.Line, p.Col
		}
	}
	return e.Line, e.Col
}

// Catalog holds the messages of every language of a project.
type Catalog struct {
	source  language.Tag
	bundle  *i18n.Bundle
	entries map[language.Tag]map[string]*Entry
}

// New returns an empty catalog whose fallback language is source.
func New(source language.Tag) *Catalog {
	b := i18n.NewBundle(source)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	return &Catalog{source: source, bundle: b, entries: map[language.Tag]map[string]*Entry{}}
}

// Load reads every locales/<lang>/*.toml file of fsys (its root is the
// locales folder; prefix is the folder's path shown in diagnostics) into a
// new catalog whose fallback language is source.
func Load(fsys fs.FS, prefix string, source language.Tag) (*Catalog, diag.List) {
	return LoadLanguages(fsys, prefix, source, nil)
}

// LoadLanguages is Load for the folders of the source language and of
// langs only (all folders when langs is nil): a build of two editions
// need not parse the catalogs of a third.
func LoadLanguages(fsys fs.FS, prefix string, source language.Tag, langs []string) (*Catalog, diag.List) {
	folders := langs
	if langs != nil {
		folders = append(slices.Clip(langs), source.String())
	}
	return ParseFiles(fsys, prefix, folders).Catalog(source, langs)
}

// Files are the catalog files of a project, each parsed and checked once:
// a build of several reports assembles each report's catalog (its source
// language and its editions) from them, and can parse them while the
// reports load. Safe for concurrent use.
type Files struct {
	fsys    fs.FS
	prefix  string
	names   []string // every catalog file, sorted
	globErr error

	mu     sync.Mutex
	parsed map[string]*parsedFile // by name
}

// ParseFiles lists the catalog files of fsys (its root is the locales
// folder; prefix is the folder's path shown in diagnostics) and parses
// those in the folders of langs (every folder when langs is nil),
// concurrently.
func ParseFiles(fsys fs.FS, prefix string, langs []string) *Files {
	return ParseFilesExcept(fsys, prefix, langs, nil)
}

// ParseFilesExcept is ParseFiles without the files whose every message
// is under one of the IDs in except (Under): the catalogs of reports a
// build does not load, neither parsed nor checked.
func ParseFilesExcept(fsys fs.FS, prefix string, langs, except []string) *Files {
	f := &Files{fsys: fsys, prefix: prefix, parsed: map[string]*parsedFile{}}
	f.names, f.globErr = fs.Glob(fsys, "*/*.toml")
	// A folder that is not a language tag is CheckLayout's, once.
	f.names = slices.DeleteFunc(f.names, func(name string) bool { return !languageFolder(path.Dir(name)) })
	if len(except) > 0 {
		f.names = slices.DeleteFunc(f.names, func(name string) bool {
			data, err := fs.ReadFile(fsys, name)
			return err == nil && len(data) <= MaxFileSize && Under(data, except)
		})
	}
	sort.Strings(f.names)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.parse(f.in(langs))
	return f
}

// in returns the names of the files in the folders of langs (all when
// nil).
func (f *Files) in(langs []string) []string {
	if langs == nil {
		return f.names
	}
	return slices.DeleteFunc(slices.Clone(f.names), func(name string) bool {
		return !slices.Contains(langs, path.Dir(name))
	})
}

// parse parses the files among names not parsed yet, concurrently; f.mu
// is held.
func (f *Files) parse(names []string) {
	names = slices.DeleteFunc(slices.Clone(names), func(name string) bool { return f.parsed[name] != nil })
	files := make([]*parsedFile, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				files[i] = parseFile(f.fsys, names[i], path.Join(f.prefix, names[i]))
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, name := range names {
		f.parsed[name] = files[i]
	}
}

// Catalog returns the catalog of the folders of the source language and
// of langs (all folders when langs is nil), whose fallback language is
// source, parsing the files not parsed yet. Files are added in name
// order: the catalog and its diagnostics are those of a serial load.
func (f *Files) Catalog(source language.Tag, langs []string) (*Catalog, diag.List) {
	c := New(source)
	var diags diag.List
	if f.globErr != nil {
		diags.Errorf(f.prefix, 0, 0, "", "%v", f.globErr)
		return c, diags
	}
	folders := langs
	if langs != nil {
		folders = append(slices.Clip(langs), source.String())
	}
	names := f.in(folders)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.parse(names)
	for _, name := range names {
		c.add(f.parsed[name], &diags)
	}
	return c, diags
}

// Under reports whether every message of data, a catalog or sidecar
// file, is under one of ids (its ID is one of them, a dot, then
// anything), as far as its lines tell without decoding it: every table
// header is [<id>] or [<id>.…], every key before the first is <id>.… or
// "<id>.…", and no string spans lines. It is false when in doubt, and for
// a file without messages.
func Under(data []byte, ids []string) bool {
	under := func(s string, ends string) bool {
		for _, id := range ids {
			if rest, ok := strings.CutPrefix(s, id); ok && rest != "" && strings.IndexByte(ends, rest[0]) >= 0 {
				return true
			}
		}
		return false
	}
	seen, inTable := false, false
	for line := range strings.Lines(string(data)) {
		if strings.Contains(line, `"""`) || strings.Contains(line, "'''") {
			return false
		}
		t := strings.TrimLeft(line, " \t")
		switch {
		case t == "" || t[0] == '\n' || t[0] == '\r' || t[0] == '#':
			continue
		case t[0] == '[':
			if strings.HasPrefix(t, "[[") || !under(t[1:], ".]") {
				return false
			}
			inTable = true
		case inTable:
			continue // a key of the table, under it
		default:
			if !under(strings.TrimPrefix(t, `"`), ".") {
				return false
			}
		}
		seen = true
	}
	return seen
}

// parsedFile is a catalog file read, parsed and checked on its own, ready
// to be added to a catalog.
type parsedFile struct {
	file  string
	tag   language.Tag
	diags diag.List // of the file as a whole; nothing to add when it has errors
	// entries are the file's messages in ID order, each with the
	// diagnostics of CheckMessage.
	entries []*Entry
	checks  []diag.List
}

// parseFile reads, parses and checks the catalog file name of fsys,
// shown as file in diagnostics.
func parseFile(fsys fs.FS, name, file string) *parsedFile {
	pf := &parsedFile{file: file}
	diags := &pf.diags
	dir := path.Dir(name)
	base := path.Base(name)
	parts := strings.Split(base, ".")
	if len(parts) < 3 {
		diags.Errorf(file, 0, 0, "", "catalog file names end in .<lang>.toml (e.g. interface.%s.toml)", dir)
		return pf
	}
	fileLang := parts[len(parts)-2]
	if fileLang != dir {
		diags.Errorf(file, 0, 0, "", "file is named for language %q but is in the folder of %q", fileLang, dir)
		return pf
	}
	tag, err := language.Parse(dir)
	if err != nil {
		diags.Errorf(file, 0, 0, "", "folder %q is not a BCP 47 language tag", dir)
		return pf
	}
	pf.tag = tag
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		diags.Errorf(file, 0, 0, "", "%v", err)
		return pf
	}
	if len(data) > MaxFileSize {
		diags.Errorf(file, 0, 0, "", "file is %d bytes; the limit is %d", len(data), MaxFileSize)
		return pf
	}
	if !utf8.Valid(data) {
		first, more := unitext.InvalidUTF8(data)
		for _, p := range first {
			diags.Errorf(file, p.Line, p.Col, "", "invalid UTF-8")
		}
		if more > 0 {
			diags.Errorf(file, 0, 0, "", "and %d more invalid UTF-8 sequences; the first %d are listed", more, unitext.MaxInvalidUTF8)
		}
		return pf
	}
	// The TOML decoder's memory grows with the square of a key's parts.
	if p, msg := tomlpos.Limits(data, 32, MaxKeyParts, MaxKeys); msg != "" {
		diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
		return pf
	}
	// One TOML decode, shared with go-i18n, which builds the messages
	// from it; a syntax error is reported with its line and column.
	var syntaxErr error
	msgs, err := i18n.ParseMessageBytes(data, func(b []byte, v any) error {
		_, syntaxErr = toml.Decode(string(b), v)
		return syntaxErr
	})
	if syntaxErr != nil {
		p, msg := tomlpos.DecodeError(data, syntaxErr)
		diags.Errorf(file, p.Line, p.Col, "", "%s", msg)
		return pf
	}
	if err != nil {
		diags.Errorf(file, 0, 0, "", "%v", err)
		return pf
	}
	index := tomlpos.Build(data)
	sort.Slice(msgs, func(i, j int) bool { return msgs[i].ID < msgs[j].ID })
	pf.entries = make([]*Entry, len(msgs))
	pf.checks = make([]diag.List, len(msgs))
	for i, m := range msgs {
		path := m.ID
		p, _ := index.Pos(path)
		if p.Line == 0 {
			p, _ = index.Table(path)
		}
		if p.Line == 0 { // written as one quoted key: "a.b.c" = "…"
			path = tomlpos.QuoteKey(m.ID)
			p, _ = index.Pos(path)
		}
		at := func(form string, off int) (tomlpos.Pos, bool) {
			if v, ok := index.StringPos(path, off); ok && form == "other" {
				return v, true // a message of one text
			}
			return index.StringPos(path+"."+form, off)
		}
		if v, ok := at("other", 0); ok && !hasPluralForms(m) {
			p = v // at its text, not its key
		}
		pf.entries[i] = &Entry{Message: m, File: file, Line: p.Line, Col: p.Col, at: at}
		CheckMessage(tag, pf.entries[i], &pf.checks[i])
		normalize(m)
	}
	return pf
}

// normalize puts the forms of m into NFC, once they are checked.
func normalize(m *i18n.Message) {
	for _, f := range []*string{&m.Zero, &m.One, &m.Two, &m.Few, &m.Many, &m.Other} {
		*f = unitext.NFC(*f)
	}
}

// add adds the messages of a parsed file to c, after those of the files
// before it: a message defined twice is an error at its second place.
func (c *Catalog) add(pf *parsedFile, diags *diag.List) {
	*diags = append(*diags, pf.diags...)
	if pf.diags.HasErrors() {
		return
	}
	msgs := make([]*i18n.Message, len(pf.entries))
	for i, e := range pf.entries {
		msgs[i] = e.Message
	}
	if err := c.bundle.AddMessages(pf.tag, msgs...); err != nil {
		diags.Errorf(pf.file, 0, 0, "", "%v", err)
		return
	}
	entries := c.entries[pf.tag]
	if entries == nil {
		entries = map[string]*Entry{}
		c.entries[pf.tag] = entries
	}
	for i, e := range pf.entries {
		id := e.Message.ID
		if prev, dup := entries[id]; dup {
			diags.Errorf(e.File, e.Line, e.Col, id, "message is defined twice (also at %s:%d)", prev.File, prev.Line)
			continue
		}
		entries[id] = e
		*diags = append(*diags, pf.checks[i]...)
		if pf.tag == c.source && !pf.checks[i].HasErrors() {
			// The source language's catalog messages are interface
			// messages, plain text; a report's are its own file.
			CheckPlain(e, diags)
		}
	}
}

// AddSource adds messages of the source language that do not come from a
// catalog file (a report's own text).
func (c *Catalog) AddSource(tag language.Tag, entries []*Entry) error {
	msgs := make([]*i18n.Message, len(entries))
	m := c.entries[tag]
	if m == nil {
		m = map[string]*Entry{}
		c.entries[tag] = m
	}
	for i, e := range entries {
		msgs[i] = e.Message
		m[e.Message.ID] = e
	}
	return c.bundle.AddMessages(tag, msgs...)
}

// Languages returns the languages that have at least one message.
func (c *Catalog) Languages() []language.Tag {
	var tags []language.Tag
	for t := range c.entries {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].String() < tags[j].String() })
	return tags
}

// Entry returns the message id of language tag, if that language's
// catalog has it.
func (c *Catalog) Entry(tag language.Tag, id string) (*Entry, bool) {
	e, ok := c.entries[tag][id]
	return e, ok
}

// IDs returns the message IDs of a language, sorted.
func (c *Catalog) IDs(tag language.Tag) []string {
	ids := slices.Sorted(maps.Keys(c.entries[tag]))
	return ids
}

// CheckMessage runs the checks of a message alone, when its catalog
// loads: a form too long, a template that does not parse or does more
// than insert data, a message without text, a plural form the language
// needs missing (error) or one it never uses (warning). Checker.Compare
// runs those against the message's source.
func CheckMessage(tag language.Tag, e *Entry, diags *diag.List) {
	m := e.Message
	forms := FormsOf(m)
	hasPlural := forms.Plural()
	for _, f := range FormNames {
		src := forms.Get(f)
		if src == "" {
			continue
		}
		line, col := e.Pos(f, 0)
		if len(src) > MaxString {
			diags.Errorf(e.File, line, col, m.ID, "form %q is %d bytes; the limit is %d", f, len(src), MaxString)
			continue
		}
		if bad, found := unitext.Check(src); found {
			l, c := e.Pos(f, bad.Offset)
			diags.Errorf(e.File, l, c, m.ID, "form %q: %s", f, bad.Msg)
			continue
		}
		if off, typed := unitext.TypedAnnexNumber(src); off >= 0 {
			l, c := e.Pos(f, off)
			diags.Warnf(e.File, l, c, m.ID, "%q is typed in the text: annex numbers are generated and a typed one goes stale; leave the number to the annex label", typed)
		}
		if !strings.Contains(src, "{{") {
			continue // plain text: no template to check
		}
		if _, err := template.New(m.ID).Parse(src); err != nil {
			diags.Errorf(e.File, line, col, m.ID, "form %q: %s", f, templateProblem(src, err))
			continue
		}
		if bad := onlyFields(m.ID, src); bad != "" {
			diags.Errorf(e.File, line, col, m.ID, "form %q uses %s; a message may only insert data such as {{.Count}}", f, bad)
		}
	}
	if !hasPlural {
		if !unitext.Visible(m.Other) {
			diags.Errorf(e.File, e.Line, e.Col, m.ID, "message has no text (\"other\" is empty)")
		}
		return
	}
	for _, f := range RequiredForms(tag) {
		if forms.Get(f) == "" {
			diags.Errorf(e.File, e.Line, e.Col, m.ID, "plural form %q is missing; %s needs %s", f, tag, strings.Join(RequiredForms(tag), ", "))
		}
	}
	known := KnownForms(tag)
	for _, f := range FormNames {
		if forms.Get(f) != "" && !slices.Contains(known, f) {
			line, col := e.Pos(f, 0)
			diags.Warnf(e.File, line, col, m.ID, "plural form %q is not used in %s and is ignored", f, tag)
		}
	}
}

// placeholderRE matches what may stand inside {{ }}: a dot and a name.
var placeholderRE = regexp.MustCompile(`^-?\s*\.[\pL_][\pL\pN_]*\s*-?$`)

// templateProblem says, in a translator's terms, what is wrong with src,
// a form whose template does not parse (err): the first {{ not closed, or
// the first {{…}} that is not a placeholder. Go's own message ("bad
// character U+003B ';'") is the last resort.
func templateProblem(src string, err error) string {
	rest := src
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			break
		}
		rest = rest[i:]
		end := strings.Index(rest[2:], "}}")
		next := strings.Index(rest[2:], "{{")
		if end < 0 || (next >= 0 && next < end) {
			upto := rest
			if next >= 0 {
				upto = rest[:2+next]
			}
			return fmt.Sprintf("%q opens a placeholder but does not close it with \"}}\"", clip(upto))
		}
		action := rest[:2+end+2]
		if !placeholderRE.MatchString(action[2 : len(action)-2]) {
			return fmt.Sprintf("%q is not a placeholder: a placeholder is a dot and a name in double braces, such as {{.Count}}, with nothing else inside", clip(action))
		}
		rest = rest[len(action):]
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return "the text is not a valid message template (" + msg + ")"
}

// clip shortens s to 40 characters, for quoting.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// onlyFields returns "" when the template src only inserts data fields
// ({{.Name}}), else the first other action it uses: functions, pipelines,
// conditions and loops could reach beyond the data we pass.
func onlyFields(id, src string) string {
	if !strings.Contains(src, "{{") {
		return ""
	}
	trees, err := parseTemplate(id, src)
	if err != nil {
		return ""
	}
	for _, tr := range trees {
		for _, n := range tr.Root.Nodes {
			switch n := n.(type) {
			case *parse.TextNode:
			case *parse.ActionNode:
				p := n.Pipe
				if len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
					return "{{" + p.String() + "}}"
				}
				if _, ok := p.Cmds[0].Args[0].(*parse.FieldNode); !ok {
					return "{{" + p.String() + "}}"
				}
			default:
				return n.String()
			}
		}
	}
	return ""
}

// parseTemplate parses a message template without resolving function
// names, so that any function a translator writes is seen, not rejected
// as undefined.
func parseTemplate(id, src string) (map[string]*parse.Tree, error) {
	t := parse.New(id)
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	_, err := t.Parse(src, "{{", "}}", trees)
	return trees, err
}

// MaxCount is the largest count a message is given: a report has at most
// 1000 annexes (sources.MaxAnnexes).
const MaxCount = 1000

// RequiredForms returns the plural forms go-i18n picks in a language for
// the counts a report can have (0 to MaxCount), plus "other", which
// go-i18n always requires: a plural message must have all of them.
func RequiredForms(tag language.Tag) []string { return pluralForms(tag).required }

// KnownForms returns every plural form of a language's CLDR rule as
// go-i18n applies it (RequiredForms included): French "many" is for a
// million and more, so it is known but not required. A form outside it is
// never used.
func KnownForms(tag language.Tag) []string { return pluralForms(tag).known }

type formSets struct{ required, known []string }

var formCache sync.Map // language.Tag → formSets

// pluralForms finds the forms go-i18n, which renders the messages, picks
// for whole numbers up to MaxCount (required), and for millions and
// decimals as well (known), by asking it. For a language go-i18n has no
// rule for, it asks golang.org/x/text's CLDR data.
func pluralForms(tag language.Tag) formSets {
	if fs, ok := formCache.Load(tag); ok {
		return fs.(formSets)
	}
	var fs formSets
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "forms", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err == nil {
		loc := i18n.NewLocalizer(b, tag.String())
		seen := map[string]bool{"other": true}
		pick := func(n any) {
			if f, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "forms", PluralCount: n}); err == nil {
				seen[f] = true
			}
		}
		for n := range MaxCount + 1 {
			pick(n)
		}
		fs.required = formsIn(seen)
		for _, n := range []any{1_000_000, 2_000_000, 10_000_000, "0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.5", "11.5"} {
			pick(n)
		}
		fs.known = formsIn(seen)
	} else {
		seen := map[string]bool{"other": true}
		names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
		for i := range MaxCount + 1 {
			seen[names[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)]] = true
		}
		fs.required = formsIn(seen)
		fs.known = fs.required
	}
	formCache.Store(tag, fs)
	return fs
}

// formsIn lists the forms in seen in CLDR order.
func formsIn(seen map[string]bool) []string {
	var out []string
	for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

// ErrMissing is returned (wrapped) by Localizer methods when the message
// is not translated into the localizer's language; the text returned with
// it is the source language's.
var ErrMissing = errors.New("message is not translated")

// Localizer renders messages in one language.
type Localizer struct {
	c   *Catalog
	tag language.Tag
	loc *i18n.Localizer
}

// Localizer returns a localizer for tag.
func (c *Catalog) Localizer(tag language.Tag) *Localizer {
	return &Localizer{c: c, tag: tag, loc: i18n.NewLocalizer(c.bundle, tag.String())}
}

// Tag returns the localizer's language.
func (l *Localizer) Tag() language.Tag { return l.tag }

// Text renders message id with data. When the language lacks the message
// it returns the source text and an error wrapping ErrMissing; any other
// error (unknown message, template failure) comes with "".
func (l *Localizer) Text(id string, data map[string]any) (string, error) {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// Plural renders message id for count; data may be nil, and gets Count.
func (l *Localizer) Plural(id string, count int, data map[string]any) (string, error) {
	d := map[string]any{"Count": count}
	for k, v := range data {
		d[k] = v
	}
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: count})
}

func (l *Localizer) localize(cfg *i18n.LocalizeConfig) (out string, err error) {
	if _, ok := l.c.entries[l.tag][cfg.MessageID]; !ok {
		// go-i18n's matcher may answer for a related language (it maps
		// kk or be to ru); a message of another language is a missing one.
		src := l.c.source
		if _, ok := l.c.entries[src][cfg.MessageID]; !ok {
			return "", fmt.Errorf("unknown message %q", cfg.MessageID)
		}
		fb := i18n.NewLocalizer(l.c.bundle, src.String())
		s, err := safeLocalize(fb, cfg)
		if err != nil {
			return "", err
		}
		return s, fmt.Errorf("%w into %s", ErrMissing, l.tag)
	}
	return safeLocalize(l.loc, cfg)
}

// safeLocalize turns a panic inside a translator's template (a call of a
// method the data does not have, say) into an error.
func safeLocalize(loc *i18n.Localizer, cfg *i18n.LocalizeConfig) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("template of %q failed: %v", cfg.MessageID, r)
		}
	}()
	s, err := loc.Localize(cfg)
	if err != nil {
		return "", err
	}
	return s, nil
}

// Source returns the text of a source-language entry for tests and tools.
func (e *Entry) Source() string { return e.Message.Other }

// NewEntry returns an entry for a single-form message written at
// file:line:col.
func NewEntry(id, text, file string, line, col int) *Entry {
	return &Entry{Message: &i18n.Message{ID: id, Other: text}, File: file, Line: line, Col: col}
}

// Placeholders returns the names of the data fields a message's forms use
// ({{.Count}} gives "Count"), sorted and without duplicates.
func Placeholders(m *i18n.Message) ([]string, error) {
	set := map[string]bool{}
	for _, src := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if !strings.Contains(src, "{{") {
			continue
		}
		trees, err := parseTemplate(m.ID, src)
		if err != nil {
			return nil, err
		}
		for _, tr := range trees {
			walkFields(tr.Root, set)
		}
	}
	out := slices.Sorted(maps.Keys(set))
	return out, nil
}

func walkFields(n parse.Node, set map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkFields(c, set)
		}
	case *parse.ActionNode:
		walkFields(n.Pipe, set)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkFields(c, set)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkFields(a, set)
		}
	case *parse.FieldNode:
		set[strings.Join(n.Ident, ".")] = true
	case *parse.IfNode:
		walkFields(n.Pipe, set)
		walkFields(n.List, set)
		walkFields(n.ElseList, set)
	case *parse.RangeNode:
		walkFields(n.Pipe, set)
		walkFields(n.List, set)
		walkFields(n.ElseList, set)
	case *parse.WithNode:
		walkFields(n.Pipe, set)
		walkFields(n.List, set)
		walkFields(n.ElseList, set)
	}
}

// hasPluralForms reports whether m has a form besides other.
func hasPluralForms(m *i18n.Message) bool {
	return m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != ""
}
