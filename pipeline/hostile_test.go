package pipeline

// TestHostileInputs feeds the build broken, oversized and malicious
// inputs, one per case, each in a fresh copy of the project: the build
// must fail with exactly the expected diagnostics, write nothing, and not
// panic. Every build runs in a child process (the test binary again),
// because a panic in one of Run's worker goroutines cannot be recovered
// and would take the whole test binary down.

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/project"
)

type hostileCase struct {
	name   string
	mutate func(p *hostileProject)
	strict bool
	// want lists the expected diagnostics (Diagnostic.String): errors
	// exactly and in the order the build reports them, warnings in any
	// order; no other warning is allowed. Positions are found in the
	// mutated files with w, so that edits of the reference report
	// elsewhere do not break the case.
	want func(w where) []string
	// bug says what is wrong today; the case's name is then in knownBugs
	// and want is the behaviour wanted once it is fixed.
	bug string
	// fixed says what the build did wrong before it was fixed: the
	// regression the case guards against.
	fixed string
}

// hostileProject is a copy of the project that a case mutates.
type hostileProject struct {
	t    *testing.T
	root string
}

func (p *hostileProject) path(rel string) string {
	return filepath.Join(p.root, filepath.FromSlash(rel))
}

func (p *hostileProject) read(rel string) []byte {
	data, err := os.ReadFile(p.path(rel))
	if err != nil {
		p.t.Fatal(err)
	}
	return data
}

func (p *hostileProject) write(rel string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(p.path(rel)), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(p.path(rel), data, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// edit replaces old, which must occur once in rel, with new.
func (p *hostileProject) edit(rel, old, new string) {
	data := p.read(rel)
	if n := bytes.Count(data, []byte(old)); n != 1 {
		p.t.Fatalf("%s: %q occurs %d times, want once", rel, old, n)
	}
	p.write(rel, bytes.Replace(data, []byte(old), []byte(new), 1))
}

// editLine replaces the first line of rel that starts with prefix.
func (p *hostileProject) editLine(rel, prefix, line string) {
	lines := strings.Split(string(p.read(rel)), "\n")
	for i, ln := range lines {
		if strings.HasPrefix(ln, prefix) {
			lines[i] = line
			p.write(rel, []byte(strings.Join(lines, "\n")))
			return
		}
	}
	p.t.Fatalf("%s: no line starts with %q", rel, prefix)
}

func (p *hostileProject) remove(rel string) {
	if err := os.RemoveAll(p.path(rel)); err != nil {
		p.t.Fatal(err)
	}
}

// symlinkOutside moves rel out of the project and leaves a symbolic link
// to it in its place.
func (p *hostileProject) symlinkOutside(rel string) {
	outside := filepath.Join(p.t.TempDir(), filepath.Base(rel))
	if err := os.WriteFile(outside, p.read(rel), 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.remove(rel)
	if err := os.Symlink(outside, p.path(rel)); err != nil {
		p.t.Skipf("no symbolic links here: %v", err)
	}
}

// symlinkDirOutside moves the folder rel out of the project and leaves a
// symbolic link to it in its place.
func (p *hostileProject) symlinkDirOutside(rel string) {
	outside := filepath.Join(p.t.TempDir(), filepath.Base(rel))
	if err := os.Rename(p.path(rel), outside); err != nil {
		p.t.Fatal(err)
	}
	if err := os.Symlink(outside, p.path(rel)); err != nil {
		p.t.Skipf("no symbolic links here: %v", err)
	}
}

// link returns the target of the symbolic link rel.
func (w where) link(rel string) string {
	target, err := os.Readlink(filepath.Join(w.root, filepath.FromSlash(rel)))
	if err != nil {
		w.t.Fatal(err)
	}
	return target
}

// mutateFont rewrites the font file rel with f.
func (p *hostileProject) mutateFont(rel string, f func(data []byte)) {
	data := p.read(rel)
	f(data)
	p.write(rel, data)
}

// sfntTable returns the offset of table tag in the TrueType font data.
func (p *hostileProject) sfntTable(data []byte, tag string) int {
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		e := data[12+16*i:]
		if string(e[:4]) == tag {
			return int(binary.BigEndian.Uint32(e[8:]))
		}
	}
	p.t.Fatalf("the font has no %s table", tag)
	return 0
}

// where finds positions in the mutated project's files.
type where struct {
	t    *testing.T
	root string
}

func (w where) lines(file string) []string {
	data, err := os.ReadFile(filepath.Join(w.root, filepath.FromSlash(file)))
	if err != nil {
		w.t.Fatal(err)
	}
	return strings.Split(string(data), "\n")
}

func (w where) find(file, needle string) (line, col int) {
	for i, ln := range w.lines(file) {
		if j := strings.Index(ln, needle); j >= 0 {
			return i + 1, 1 + utf8.RuneCountInString(ln[:j])
		}
	}
	w.t.Fatalf("%s: %q not found", file, needle)
	return 0, 0
}

// at returns "file:line" of the first line of file holding needle.
func (w where) at(file, needle string) string {
	line, _ := w.find(file, needle)
	return fmt.Sprintf("%s:%d", file, line)
}

// text returns "file:line:col" of the text of a catalog message: the
// first character after the first quote of needle, found in file.
func (w where) text(file, needle string) string {
	line, col := w.find(file, needle)
	q := strings.Index(needle, `"`)
	return fmt.Sprintf("%s:%d:%d", file, line, col+utf8.RuneCountInString(needle[:q])+1)
}

// pos returns "file:line:col" of the first occurrence of needle in file,
// the column counted in characters.
func (w where) pos(file, needle string) string {
	line, col := w.find(file, needle)
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// count returns the number of lines of file that start with prefix.
func (w where) count(file, prefix string) int {
	n := 0
	for _, ln := range w.lines(file) {
		if strings.HasPrefix(ln, prefix) {
			n++
		}
	}
	return n
}

func (w where) size(file string) int64 {
	st, err := os.Stat(filepath.Join(w.root, filepath.FromSlash(file)))
	if err != nil {
		w.t.Fatal(err)
	}
	return st.Size()
}

const (
	reportFile = "sources/central-asia-2021.toml"
	ruCatalog  = "locales/ru/central-asia-2021.ru.toml"
	ruIface    = "locales/ru/interface.ru.toml"
	styleFile  = "sources/styles/house.toml"
	regular    = "fonts/NotoSans-Regular.ttf"

	// Links of the reference report's first paragraph, as the resolver
	// lists them (sorted).
	heldLinkGCM    = "https://migrationnetwork.un.org/resources/report-secretary-general-global-compact-safe-orderly-and-regular-migration"
	heldLinkReview = "https://migrationnetwork.un.org/regional-reviews"
	wmrLink        = "https://publications.iom.int/books/world-migration-report-2020"
	notAllowed     = `scheme %q is not allowed (only http, https and mailto)`
)

var hostileCases = []hostileCase{
	// TOML syntax.
	{
		name:   "report: malformed TOML",
		mutate: func(p *hostileProject) { p.edit(reportFile, `kind = "summary-report"`, `kind = "summary-report`) },
		want: func(w where) []string {
			return []string{w.at(reportFile, `kind = "summary-report`) + `:23: error: strings cannot contain newlines`}
		},
	},
	{
		name: "catalog: malformed TOML",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `heading = "Вступительное слово"`, `heading = "Вступительное слово`)
		},
		// The line ends after 30 characters (48 bytes).
		want: func(w where) []string {
			return []string{w.at(ruCatalog, `heading = "Вступительное слово`) + `:31: error: strings cannot contain newlines`}
		},
		fixed: "catalog syntax errors count the column in bytes, not characters",
	},
	{
		name: "catalog: truncated in the middle of a string",
		mutate: func(p *hostileProject) {
			data := p.read(ruCatalog)
			i := bytes.Index(data, []byte("Г-жа\u00a0Ренате Хельд приветствовала"))
			p.write(ruCatalog, data[:i+len("Г-жа\u00a0Ренате Хельд")])
		},
		// The file ends after `p1 = "Г-жа Ренате Хельд`: 23 characters.
		want: func(w where) []string {
			return []string{w.at(ruCatalog, `p1 = "Г-жа`+"\u00a0"+`Ренате Хельд`) + `:24: error: unexpected EOF; expected '"'`}
		},
		fixed: "catalog syntax errors count the column in bytes, not characters",
	},

	// Schema.
	{
		name:   "report: unknown key",
		mutate: func(p *hostileProject) { p.edit(reportFile, `name = "Ms. Renate Held"`, `nmae = "Ms. Renate Held"`) },
		want: func(w where) []string {
			return []string{
				w.pos(reportFile, `nmae = `) + `: error: unknown key "nmae" (section[1].block[1].nmae); did you mean "name"?`,
			}
		},
	},
	{
		name:   "report: wrong type",
		mutate: func(p *hostileProject) { p.edit(reportFile, `date = 2021-01-28`, `date = "2021-01-28"`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `date = "2021-01-28"`) + `: error: date must be a date such as 2021-01-28, not a string`}
		},
	},
	{
		// The second error follows from the first: both sections' headings
		// get the ID central-asia-2021.opening.heading.
		name:   "report: duplicate section ID",
		mutate: func(p *hostileProject) { p.edit(reportFile, `id = "closing"`, `id = "opening" # was closing`) },
		want: func(w where) []string {
			return []string{
				w.pos(reportFile, `id = "opening" # was closing`) + `: error: section id "opening" is used twice (first at line ` + func() string { l, _ := w.find(reportFile, `id = "opening"`); return strconv.Itoa(l) }() + `) [opening]`,
			}
		},
	},
	{
		name:   "report: ID that is an interface group",
		mutate: func(p *hostileProject) { p.edit(reportFile, `id = "central-asia-2021"`, `id = "annexes"`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `id = "annexes"`) + `: error: report id "annexes" is the name of a group of interface messages; choose another [annexes]`}
		},
	},
	{
		name:   "report: ID with a path",
		mutate: func(p *hostileProject) { p.edit(reportFile, `id = "central-asia-2021"`, `id = "../../evil"`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `id = "../../evil"`) + `: error: report id "../../evil" must be lower-case letters, digits and "-" [../../evil]`}
		},
	},
	{
		name: "report: style name with a path",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `kind = "summary-report"`, "kind = \"summary-report\"\nstyle = \"../../etc\"")
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `style = "../../etc"`) + `: error: style "../../etc" must name a file styles/<name>.toml: lower-case letters, digits and "-"`}
		},
	},
	{
		name: "report: second file with the same ID",
		mutate: func(p *hostileProject) {
			p.write("sources/copy.toml", p.read(reportFile))
		},
		want: func(w where) []string {
			return []string{w.pos("sources/copy.toml", `id = "central-asia-2021"`) + `: error: report ID "central-asia-2021" is already used by sources/central-asia-2021.toml [central-asia-2021]`}
		},
		fixed: "the first report with a duplicated ID is built and written although the build fails",
	},
	{
		name:   "sources: empty folder",
		mutate: func(p *hostileProject) { p.remove(reportFile) },
		want:   fixed(`sources: error: no report files (*.toml) found`),
	},

	// Annexes.
	{
		name:   "report: unknown annex",
		mutate: func(p *hostileProject) { p.edit(reportFile, `annexes = ["held-remarks"]`, `annexes = ["held-remark"]`) },
		want: func(w where) []string {
			return []string{
				w.pos(reportFile, `"held-remark"]`) + `: error: unknown annex "held-remark"; did you mean "held-remarks"? [held-remark]`,
				w.pos(reportFile, `key = "held-remarks"`) + `: warning: annex "held-remarks" is never referred to, so it gets no number and is not listed [held-remarks]`,
			}
		},
	},
	{
		name: "report: annex referenced twice in one block",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `annexes = ["held-remarks"]`, `annexes = ["held-remarks", "held-remarks"]`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `"held-remarks"]`) + `: error: annex "held-remarks" is listed twice [held-remarks]`}
		},
		fixed: "an annex listed twice in one block is accepted (and labelled twice)",
	},
	{
		name: "report: block refers to an annex with an invalid key",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `key = "held-remarks"`, `key = "Held_Remarks"`)
			p.edit(reportFile, `annexes = ["held-remarks"]`, `annexes = ["Held_Remarks"]`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `key = "Held_Remarks"`) + `: error: annex key "Held_Remarks" must be lower-case letters, digits and "-" [Held_Remarks]`}
		},
		fixed: `an invalid annex key also gives a wrong "unknown annex … annexes are defined with key = …" error and a "never referred to" warning`,
	},
	{
		name: "report: more than 1000 annexes",
		mutate: func(p *hostileProject) {
			var b strings.Builder
			for i := range 1001 {
				fmt.Fprintf(&b, "[[annex]] # number %d\nkey = \"extra-%d\"\ntitle = \"Extra %d\"\n  [[annex.item]]\n  languages = [\"en\"]\n  kind = \"original\"\n\n", i+1, i, i)
			}
			p.edit(reportFile, "[[annex]]\nkey = \"held-remarks\"", b.String()+"[[annex]]\nkey = \"held-remarks\"")
		},
		want: func(w where) []string {
			return []string{fmt.Sprintf("%s: error: the report has %d annexes; the limit is 1000", w.pos(reportFile, "[[annex]] # number 1001"), w.count(reportFile, "[[annex]]"))}
		},
		fixed: `past the annex limit every reference gives an "unknown annex" error and every annex a "never referred to" warning`,
	},

	// Inline markup.
	{
		name: "report: unbalanced markup in a paragraph",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `*no one will be safe until everyone is safe.*`, `*no one will be safe until everyone is safe.`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `*no one will be safe`) + `: error: italic * is not closed [central-asia-2021.opening.held.p3]`}
		},
	},
	{
		name: "catalog: unbalanced markup in a translation",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `*никто не будет в безопасности, пока в безопасности не будут все.*`, `**никто не будет в безопасности, пока в безопасности не будут все.*`)
		},
		want: func(w where) []string {
			return []string{w.text(ruCatalog, `p3 = "Региональный директор также`) + `: error: bold ** is not closed [central-asia-2021.opening.held.p3]`}
		},
	},

	// Links.
	{
		name:   "report: javascript: link",
		mutate: func(p *hostileProject) { p.edit(reportFile, "("+heldLinkReview+")", `(javascript:alert%281%29)`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `"Ms. Renate Held welcomed`) + `: error: link "javascript:alert%281%29": ` + fmt.Sprintf(notAllowed, "javascript") + ` [central-asia-2021.opening.held.p1]`}
		},
	},
	{
		name:   "report: file: link",
		mutate: func(p *hostileProject) { p.edit(reportFile, "("+heldLinkReview+")", `(file:///etc/passwd)`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `"Ms. Renate Held welcomed`) + `: error: link "file:///etc/passwd": ` + fmt.Sprintf(notAllowed, "file") + ` [central-asia-2021.opening.held.p1]`}
		},
	},
	{
		name:   "report: data: autolink",
		mutate: func(p *hostileProject) { p.edit(reportFile, "<"+wmrLink+">", `<data:text/html;base64,PHNjcmlwdD4=>`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `"Read the World Migration Report`) + `: error: link "data:text/html;base64,PHNjcmlwdD4=": ` + fmt.Sprintf(notAllowed, "data") + ` [central-asia-2021.world-migration-report.mcauliffe.p2]`}
		},
	},
	{
		name:   "catalog: javascript: link",
		mutate: func(p *hostileProject) { p.edit(ruCatalog, "("+heldLinkReview+")", `(JavaScript:alert%281%29)`) },
		want: func(w where) []string {
			at := w.text(ruCatalog, `p1 = "Г-жа`+"\u00a0"+`Ренате Хельд`)
			return []string{
				at + `: error: the translation lacks the link ` + heldLinkReview + ` and has the link JavaScript:alert%281%29, which the source does not; keep every link of the source [central-asia-2021.opening.held.p1]`,
				at + `: error: link "JavaScript:alert%281%29": ` + fmt.Sprintf(notAllowed, "javascript") + ` [central-asia-2021.opening.held.p1]`,
			}
		},
	},
	{
		name:   "catalog: file: link",
		mutate: func(p *hostileProject) { p.edit(ruCatalog, "("+heldLinkReview+")", `(file:///etc/passwd)`) },
		want: func(w where) []string {
			at := w.text(ruCatalog, `p1 = "Г-жа`+"\u00a0"+`Ренате Хельд`)
			return []string{
				at + `: error: the translation lacks the link ` + heldLinkReview + ` and has the link file:///etc/passwd, which the source does not; keep every link of the source [central-asia-2021.opening.held.p1]`,
				at + `: error: link "file:///etc/passwd": ` + fmt.Sprintf(notAllowed, "file") + ` [central-asia-2021.opening.held.p1]`,
			}
		},
	},
	{
		name:   "catalog: data: autolink",
		mutate: func(p *hostileProject) { p.edit(ruCatalog, "<"+wmrLink+">", `<data:text/html;base64,PHNjcmlwdD4=>`) },
		want: func(w where) []string {
			at := w.text(ruCatalog, `p2 = "С «Докладом`)
			return []string{
				at + `: error: the translation lacks the link ` + wmrLink + ` and has the link data:text/html;base64,PHNjcmlwdD4=, which the source does not; keep every link of the source [central-asia-2021.world-migration-report.mcauliffe.p2]`,
				at + `: error: link "data:text/html;base64,PHNjcmlwdD4=": ` + fmt.Sprintf(notAllowed, "data") + ` [central-asia-2021.world-migration-report.mcauliffe.p2]`,
			}
		},
	},

	// Markup in plain (interface) messages.
	{
		name: "catalog: link in a plain interface message",
		mutate: func(p *hostileProject) {
			p.editLine("locales/en/interface.en.toml", "organization = ", `organization = "[IOM](javascript:alert(1))"`)
		},
		want: func(w where) []string {
			return []string{w.text("locales/en/interface.en.toml", `organization = "`) + `: error: the text has inline markup, [IOM](javascript:alert(1)), but this message is plain text: it would be printed as typed, not as a link; remove the markup [brand.organization]`}
		},
		fixed: "the running header prints [IOM](javascript:alert(1)) as typed",
	},
	{
		name: "catalog: link in a plain interface translation",
		mutate: func(p *hostileProject) {
			p.editLine(ruIface, "tagline = ", `tagline = "Агентство ООН по миграции <https://example.org>"`)
		},
		want: func(w where) []string {
			return []string{w.text(ruIface, `tagline = "`) + `: error: the text has inline markup, <https://example.org>, but this message is plain text: it would be printed as typed, not as a link; remove the markup [brand.tagline]`}
		},
		fixed: "the running header prints <https://example.org> as typed",
	},

	// Message templates.
	{
		name: "catalog: Russian plural with only one and other",
		mutate: func(p *hostileProject) {
			var kept []string
			in := false
			for _, ln := range strings.Split(string(p.read(ruIface)), "\n") {
				if strings.HasPrefix(ln, "[") {
					in = ln == "[annexes.count]"
				}
				if in && (strings.HasPrefix(ln, "few =") || strings.HasPrefix(ln, "many =")) {
					continue
				}
				kept = append(kept, ln)
			}
			p.write(ruIface, []byte(strings.Join(kept, "\n")))
		},
		want: func(w where) []string {
			at := w.pos(ruIface, "[annexes.count]")
			return []string{
				at + `: error: plural form "few" is missing; ru needs one, few, many, other [annexes.count]`,
				at + `: error: plural form "many" is missing; ru needs one, few, many, other [annexes.count]`,
			}
		},
	},
	{
		name: "catalog: template calls a function",
		mutate: func(p *hostileProject) {
			p.editLine(ruIface, "footer = ", `footer = "Страница {{printf \"%d\" .Page}} из {{.Pages}}"`)
		},
		want: func(w where) []string {
			return []string{w.text(ruIface, `footer = "`) + `: error: form "other" uses {{printf "%d" .Page}}; a message may only insert data such as {{.Count}} [page.footer]`}
		},
	},
	{
		name: "catalog: stray character in a placeholder",
		mutate: func(p *hostileProject) {
			p.editLine(ruIface, "footer = ", `footer = "Страница {{.Page;}} из {{.Pages}}"`)
		},
		want: func(w where) []string {
			return []string{w.text(ruIface, `footer = "`) + `: error: form "other": "{{.Page;}}" is not a placeholder: a placeholder is a dot and a name in double braces, such as {{.Count}}, with nothing else inside [page.footer]`}
		},
		fixed: `"template error in form "other": page.footer:1: bad character U+003B ';'"`,
	},
	{
		name: "catalog: placeholder the source lacks",
		mutate: func(p *hostileProject) {
			p.editLine(ruIface, "footer = ", `footer = "Страница {{.Page}} из {{.Total}}"`)
		},
		want: func(w where) []string {
			return []string{w.text(ruIface, `footer = "`) + `: error: the translation lacks {{.Pages}} and has {{.Total}}, which the source does not; keep every placeholder of the source ({{.Page}} {{.Pages}}) [page.footer]`}
		},
	},
	{
		name: "catalog: placeholder in a content translation",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `heading = "Вступительное слово"`, `heading = "Вступительное слово {{.Secret}}"`)
		},
		want: func(w where) []string {
			return []string{w.text(ruCatalog, `heading = "Вступительное слово {{`) + `: error: the translation has {{.Secret}}, which the source does not; keep every placeholder of the source (none) [central-asia-2021.opening.heading]`}
		},
	},
	{
		// Report text becomes go-i18n messages, which are templates: the
		// action runs: {{printf "%0999999d" 0}} prints a million characters,
		// and a 64 KiB string can hold two thousand of them.
		name: "report: template action in source text",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `heading = "Opening remarks"`, `heading = "Opening {{printf \"%v\" .}} remarks"`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `{{printf`) + `: error: "{{" is not allowed in report text [central-asia-2021.opening.heading]`}
		},
		fixed: "report text is run as a Go template (actions execute, PDFs are written)",
	},
	{
		name: "report: unclosed template action in source text",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `heading = "Opening remarks"`, `heading = "Opening {{ remarks"`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `{{ remarks`) + `: error: "{{" is not allowed in report text [central-asia-2021.opening.heading]`}
		},
		fixed: `report text is run as a Go template ("template: :1: function "remarks" not defined")`,
	},

	// Fonts.
	{
		name:   "fonts: missing font file",
		mutate: func(p *hostileProject) { p.remove("fonts/NotoSans-Bold.ttf") },
		want:   fixed(`fonts/NotoSans-Bold.ttf: error: bold face of NotoSans: no such file or directory`),
		fixed:  `font diagnostics name the folder "fonts", not the font file`,
	},
	{
		name:   "fonts: garbage bytes",
		mutate: func(p *hostileProject) { p.write(regular, bytes.Repeat([]byte("garbage!"), 512)) },
		want:   fixed(regular + `: error: not a TrueType font`),
		fixed:  `font diagnostics name the folder "fonts", not the font file`,
	},
	{
		name: "fonts: OpenType/CFF font",
		mutate: func(p *hostileProject) {
			p.write("fonts/NotoSans-Italic.ttf", append([]byte("OTTO\x00\x0a\x00\x80\x00\x03\x00\x20"), make([]byte, 1024)...))
		},
		want:  fixed(`fonts/NotoSans-Italic.ttf: error: OpenType/CFF fonts are not supported; use a TrueType (.ttf) font`),
		fixed: `font diagnostics name the folder "fonts", not the font file`,
	},
	{
		name:   "fonts: truncated TrueType font",
		mutate: func(p *hostileProject) { p.write(regular, p.read(regular)[:100000]) },
		want:   fixed(regular + `: error: not a readable TrueType font: the file is damaged or incomplete; replace it with a good copy of the font`),
		fixed:  `font diagnostics name the folder "fonts", not the font file, and "sfnt: invalid source data" does not say the font is broken`,
	},
	{
		// golang.org/x/image/font/sfnt accepts it; fpdf reads the loca
		// table by head.indexToLocFormat, prints "Unknown loca table
		// format 7" and panics in a worker goroutine: the process dies.
		name: "fonts: bad loca format",
		mutate: func(p *hostileProject) {
			p.mutateFont(regular, func(data []byte) {
				head := p.sfntTable(data, "head")
				data[head+50], data[head+51] = 0, 7
			})
		},
		want:  fixed(regular + `: error: not a readable TrueType font: its head table is damaged (indexToLocFormat is 7, not 0 or 1); replace the file with a good copy of the font`),
		fixed: "fpdf panics on the font while writing the PDF and the process dies",
	},
	{
		// sfnt parses glyphs lazily; fpdf, subsetting the font, indexes
		// out of range and the process dies.
		name: "fonts: garbage glyph data",
		mutate: func(p *hostileProject) {
			p.mutateFont(regular, func(data []byte) {
				glyf := p.sfntTable(data, "glyf")
				for i := range 4096 {
					data[glyf+i] = byte(i * 7)
				}
			})
		},
		want:  fixed(regular + `: error: not a readable TrueType font: the outline of glyph 0 is damaged; replace the file with a good copy of the font`),
		fixed: "fpdf panics on the font while writing the PDF and the process dies",
	},
	{
		// OS/2 fsType 2 is "Restricted License embedding": the font must
		// not be embedded. fpdf prints "ERROR - copyright restrictions."
		// to stdout, skips the rest of the OS/2 table and writes the PDF.
		name: "fonts: licence forbids embedding",
		mutate: func(p *hostileProject) {
			p.mutateFont(regular, func(data []byte) {
				os2 := p.sfntTable(data, "OS/2")
				data[os2+8], data[os2+9] = 0, 2
			})
		},
		want:  fixed(regular + `: error: the font's licence does not allow embedding it in a PDF (OS/2 fsType 0x0002)`),
		fixed: "a font whose licence forbids embedding is embedded; fpdf's complaint goes to stdout",
	},
	{
		name: "catalog: character the font lacks",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `heading = "Вступительное слово"`, `heading = "Вступительное ☃ слово"`)
		},
		want: func(w where) []string {
			return []string{w.text(ruCatalog, `heading = "Вступительное ☃`) + `: error: character '☃' (U+2603) is not in font NotoSans (regular); the ru edition cannot show it [central-asia-2021.opening.heading]`}
		},
	},

	// Paths out of the project.
	{
		name:   "style: logo path with ..",
		mutate: func(p *hostileProject) { p.edit(styleFile, `file = "mark.png"`, `file = "../../etc/passwd"`) },
		want: func(w where) []string {
			return []string{w.pos(styleFile, `file = "../../etc/passwd"`) + `: error: logo "../../etc/passwd" must be a file beside the style, without ".."`}
		},
		fixed: "logo diagnostics have no line and column",
	},
	{
		name:   "style: absolute logo path",
		mutate: func(p *hostileProject) { p.edit(styleFile, `file = "mark.png"`, `file = "/etc/passwd"`) },
		want: func(w where) []string {
			return []string{w.pos(styleFile, `file = "/etc/passwd"`) + `: error: logo "/etc/passwd" must be a file beside the style, not an absolute path`}
		},
		fixed: `logo diagnostics have no line and column; an absolute path is refused as "without .."`,
	},
	{
		name:   "style: logo symlinked out of the project",
		mutate: func(p *hostileProject) { p.symlinkOutside("sources/styles/mark.png") },
		want: func(w where) []string {
			return []string{w.pos(styleFile, `file = "mark.png"`) + `: error: logo mark.png: the file leads through a symbolic link to ` + w.link("sources/styles/mark.png") + `, outside the project folder; a project's files must be inside it`}
		},
		fixed: `logo diagnostics have no line and column; "path escapes from parent" does not say where the file leads`,
	},
	{
		name: "style: font file name with ..",
		mutate: func(p *hostileProject) {
			p.edit(styleFile, `regular = "NotoSans-Regular.ttf"`, `regular = "../fonts/NotoSans-Regular.ttf"`)
		},
		want: func(w where) []string {
			return []string{w.pos(styleFile, `regular = "../fonts/`) + `: error: font file "../fonts/NotoSans-Regular.ttf" must be a file name in the fonts folder, without a folder or ".."`}
		},
		fixed: `a font name with ".." gives "fonts: … readfile ../fonts/NotoSans-Regular.ttf: invalid argument", without position`,
	},
	{
		name:   "fonts: font symlinked out of the project",
		mutate: func(p *hostileProject) { p.symlinkOutside(regular) },
		want: func(w where) []string {
			return []string{regular + `: error: regular face of NotoSans: the file leads through a symbolic link to ` + w.link(regular) + `, outside the project folder; a project's files must be inside it`}
		},
		fixed: `font diagnostics name the folder "fonts", not the font file; "path escapes from parent" does not say where the file leads`,
	},
	{
		name:   "catalog: symlinked out of the project",
		mutate: func(p *hostileProject) { p.symlinkOutside(ruCatalog) },
		want: func(w where) []string {
			return []string{ruCatalog + `: error: the file leads through a symbolic link to ` + w.link(ruCatalog) + `, outside the project folder; a project's files must be inside it`}
		},
		fixed: `catalog read errors repeat the operation and path ("openat ru/….toml: path escapes from parent")`,
	},
	{
		name:   "report: symlinked out of the project",
		mutate: func(p *hostileProject) { p.symlinkOutside(reportFile) },
		want: func(w where) []string {
			return []string{reportFile + `: error: the file leads through a symbolic link to ` + w.link(reportFile) + `, outside the project folder; a project's files must be inside it`}
		},
		fixed: `"path escapes from parent" does not say where the file leads`,
	},

	// Limits.
	{
		name: "report: huge file",
		mutate: func(p *hostileProject) {
			line := []byte("# padding padding padding padding padding padding padding\n")
			p.write(reportFile, append(p.read(reportFile), bytes.Repeat(line, (16<<20)/len(line)+1)...))
		},
		want: func(w where) []string {
			return []string{fmt.Sprintf("%s: error: file is %d bytes; the limit is 16777216", reportFile, w.size(reportFile))}
		},
	},
	{
		name: "report: string over 64 KiB",
		mutate: func(p *hostileProject) {
			p.editLine(reportFile, `    "Ms. Renate Held welcomed`, `    "`+strings.Repeat("a", 70000)+`",`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `"aaaa`) + `: error: text is 70000 bytes; the limit is 65536 [central-asia-2021.opening.held.p1]`}
		},
	},
	{
		name: "catalog: string over 64 KiB",
		mutate: func(p *hostileProject) {
			p.editLine(ruCatalog, `p2 = "Региональный директор представила`, `p2 = "`+strings.Repeat("д", 35000)+`"`)
		},
		want: func(w where) []string {
			return []string{w.text(ruCatalog, `p2 = "дддд`) + `: error: form "other" is 70000 bytes; the limit is 65536 [central-asia-2021.opening.held.p2]`}
		},
		fixed: "catalog strings have no size limit (report strings do: 64 KiB)",
	},
	{
		name: "report: arrays nested 100 deep",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `kind = "summary-report"`, "kind = \"summary-report\"\nextra = "+strings.Repeat("[", 100)+strings.Repeat("]", 100))
		},
		// At the 33rd "[".
		want: func(w where) []string {
			return []string{w.at(reportFile, "extra = [[[") + `:41: error: arrays or inline tables nested more than 32 deep`}
		},
	},
	{
		name: "catalog: arrays nested 100 deep",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, "[central-asia-2021]\n", "[central-asia-2021]\nextra = "+strings.Repeat("[", 100)+strings.Repeat("]", 100)+"\n")
		},
		want: func(w where) []string {
			return []string{w.at(ruCatalog, "extra = [[[") + `:41: error: arrays or inline tables nested more than 32 deep`}
		},
	},
	{
		// 200 KB that the TOML decoder took quadratic memory for: 24 GB
		// after 8 minutes.
		name: "report: dotted key of 100,000 parts",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `kind = "summary-report"`, `kind = "summary-report"`+"\n"+strings.Repeat("a.", 99999)+"a = 1")
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, "a.a.a.") + `: error: key has more than 32 dotted parts`}
		},
		fixed: "memory grows with the square of the key's parts (depth 4,000: 347 MB)",
	},
	{
		name: "catalog: dotted key of 100,000 parts",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, "[central-asia-2021]\n", "[central-asia-2021]\n"+strings.Repeat("a.", 99999)+"a = 1\n")
		},
		want: func(w where) []string {
			return []string{w.pos(ruCatalog, "a.a.a.") + `: error: key has more than 32 dotted parts`}
		},
		fixed: "fatal error: out of memory",
	},
	{
		name: "catalog: table header of 100,000 parts",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, "[central-asia-2021]\n", "[central-asia-2021]\n["+strings.Repeat("a.", 99999)+"a]\n")
		},
		want: func(w where) []string {
			return []string{w.pos(ruCatalog, "a.a.a.") + `: error: key has more than 32 dotted parts`}
		},
		fixed: "fatal error: out of memory",
	},
	{
		name: "catalog: more keys than the limit",
		mutate: func(p *hostileProject) {
			var b strings.Builder
			for i := range 100001 {
				fmt.Fprintf(&b, "m%d = \"x\"\n", i)
			}
			p.write("locales/ru/many.ru.toml", []byte(b.String()))
		},
		want: fixed(`locales/ru/many.ru.toml:100001:1: error: file has more than 100000 keys`),
	},
	{
		name: "style: dotted key of 100,000 parts",
		mutate: func(p *hostileProject) {
			p.edit(styleFile, `file = "mark.png"`, `file = "mark.png"`+"\n"+strings.Repeat("a.", 99999)+"a = 1")
		},
		want: func(w where) []string {
			return []string{w.pos(styleFile, "a.a.a.") + `: error: key has more than 32 dotted parts`}
		},
	},
	{
		// A few hundred bytes that declare 400 million pixels: decoded
		// whole, 5–11 GB.
		name: "style: logo of 20000 × 20000 pixels",
		mutate: func(p *hostileProject) {
			p.write("sources/styles/mark.png", pngFile(20000, 20000, 8, 6, 0, make([]byte, 1000)))
		},
		want: func(w where) []string {
			return []string{w.pos(styleFile, `file = "mark.png"`) + `: error: logo mark.png is 20000 × 20000 pixels; a logo may have at most 8192 pixels a side and 16777216 in all`}
		},
		fixed: "the logo is decoded whole: 5–11 GB",
	},
	{
		name: "style: logo whose pixel data is shorter than its header says",
		mutate: func(p *hostileProject) {
			p.write("sources/styles/mark.png", pngFile(192, 192, 8, 6, 0, make([]byte, 100*(1+4*192))))
		},
		want: func(w where) []string {
			return []string{w.pos(styleFile, `file = "mark.png"`) + `: error: logo mark.png is damaged: its pixel data does not match its size`}
		},
		fixed: "runtime error: slice bounds out of range, from the PDF writer",
	},
	{
		name: "style: interlaced logo",
		mutate: func(p *hostileProject) {
			p.write("sources/styles/mark.png", pngFile(8, 8, 8, 0, 1, make([]byte, 200)))
		},
		want: func(w where) []string {
			return []string{w.pos(styleFile, `file = "mark.png"`) + `: error: logo mark.png is interlaced; save it without interlacing`}
		},
		fixed: "interlacing not supported in PNG buffer, without the file's name",
	},
	{
		name: "report: interlaced figure",
		mutate: func(p *hostileProject) {
			p.write(reportFile, append(p.read(reportFile), "\n  [[section.block]]\n  type = \"figure\"\n  id = \"chart\"\n  image = \"figures/chart.png\"\n  alt = \"A chart\"\n"...))
			p.write("sources/figures/chart.png", pngFile(8, 8, 8, 0, 1, make([]byte, 79)))
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `image = "figures/chart.png"`) + `: error: image figures/chart.png is interlaced; save it without interlacing [chart]`}
		},
		fixed: `"central-asia-2021.en: image figures/chart.png: interlacing not supported in PNG buffer", from the PDF writer, without the report's file and line`,
	},
	{
		// Label composition was quadratic in the items: 18.8 s.
		name: "report: annex with 20,000 items",
		mutate: func(p *hostileProject) {
			item := "\n  [[annex.item]]\n  languages = [\"en\"]\n  kind = \"original\"\n"
			p.edit(reportFile, `title = "Opening remarks of the IOM Regional Director, Ms. Renate Held"`+"\n", `title = "Opening remarks of the IOM Regional Director, Ms. Renate Held"`+"\n"+strings.Repeat(item, 20000))
		},
		want: func(w where) []string {
			// At the 101st item.
			n := 0
			for i, ln := range w.lines(reportFile) {
				if ln == "  [[annex.item]]" {
					if n++; n == 101 {
						return []string{fmt.Sprintf("%s:%d:3: error: annex \"held-remarks\" has 20002 items; the limit is 100 [held-remarks]", reportFile, i+1)}
					}
				}
			}
			return nil
		},
		fixed: "label composition is quadratic in the items: 40,000 take 18.8 s",
	},
	// Characters a reader cannot see, or that reportgen cannot set.
	{
		name: "report: escaped ESC in a name",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `name = "Ms. Renate Held"`, `name = "Ms. Renate \u001b[31mHeld"`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `\u001b`) + `: error: U+001B ESCAPE is a control character; remove it [central-asia-2021.opening.held.name]`}
		},
		fixed: "terminal escapes reach the PDF (pdftotext shows them) with exit 0",
	},
	{
		name: "report: escaped bell, backspace and form feed",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `"Ms. Renate Held welcomed`, `"Ms. Renate Held\b\f\u0007 welcomed`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `\b\f`) + `: error: U+0008 BACKSPACE is a control character; remove it [central-asia-2021.opening.held.p1]`}
		},
		fixed: "control characters reach the PDF with exit 0",
	},
	{
		name: "report: DELETE and NEXT LINE in a name",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `name = "Ms. Renate Held"`, "name = \"Ms. Renate\u0085Held\\u007f\"")
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, "\u0085") + `: error: U+0085 NEXT LINE is a control character; remove it [central-asia-2021.opening.held.name]`}
		},
		fixed: "control characters reach the PDF with exit 0",
	},
	{
		name: "report: right-to-left override in a name",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `name = "Ms. Renate Held"`, "name = \"Ms. \u202eRenate Held\"")
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, "\u202e") + `: error: U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control character, which can reorder or hide text; remove it [central-asia-2021.opening.held.name]`}
		},
		fixed: "pdftotext shows the name reversed; exit 0",
	},
	{
		name: "report: bidi isolates in a paragraph",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `"Ms. Renate Held welcomed`, `"Ms. Renate Held \u2067welcomed\u2069`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `\u2067`) + `: error: U+2067 RIGHT-TO-LEFT ISOLATE is a bidirectional control character, which can reorder or hide text; remove it [central-asia-2021.opening.held.p1]`}
		},
		fixed: "bidi controls reach the PDF with exit 0",
	},
	{
		name:   "report: title of a no-break space and a zero-width space",
		mutate: func(p *hostileProject) { p.editLine(reportFile, `title = "Fostering`, `title = "\u00a0\u200b"`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `title = "\u00a0`) + `: error: title is missing or empty [central-asia-2021.title]`}
		},
		fixed: "a title of invisible characters counts as non-empty",
	},
	{
		name: "report: byte order mark inside a string",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `name = "Ms. Renate Held"`, "name = \"Ms. Renate \ufeffHeld\"")
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, "\ufeff") + `: error: U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark) is an invisible character; remove it [central-asia-2021.opening.held.name]`}
		},
		fixed: "the byte order mark is printed",
	},
	{
		name: "report: Arabic paragraph",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `"Ms. Renate Held welcomed`, `"مرحبا Ms. Renate Held welcomed`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `مرحبا`) + `: error: U+0645 ARABIC LETTER MEEM: reportgen cannot set Arabic text, which is written right to left [central-asia-2021.opening.held.p1]`}
		},
		fixed: "Arabic, with a font that has the glyphs, is drawn left to right and unjoined",
	},
	{
		name: "catalog: bidi override in a translation",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `p1 = "Г-жа`+"\u00a0"+`Ренате Хельд`, `p1 = "Г-жа`+"\u00a0"+`Ренате \u202eХельд`)
		},
		want: func(w where) []string {
			return []string{w.pos(ruCatalog, `\u202e`) + `: error: form "other": U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control character, which can reorder or hide text; remove it [central-asia-2021.opening.held.p1]`}
		},
		fixed: "bidi controls reach the PDF with exit 0",
	},
	{
		name: "catalog: Hebrew in a translation",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `p1 = "Г-жа`+"\u00a0"+`Ренате Хельд`, `p1 = "שלום Г-жа`+"\u00a0"+`Ренате Хельд`)
		},
		want: func(w where) []string {
			return []string{w.text(ruCatalog, `p1 = "שלום`) + `: error: form "other": U+05E9 HEBREW LETTER SHIN: reportgen cannot set Hebrew text, which is written right to left [central-asia-2021.opening.held.p1]`}
		},
	},
	{
		name: "catalog: stress mark with no precomposed letter",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `p1 = "Г-жа`+"\u00a0"+`Ренате Хельд`, `p1 = "Г-жа`+"\u00a0"+`Рена\u0301те Хельд`)
		},
		want: func(w where) []string {
			return []string{w.pos(ruCatalog, `\u0301`) + `: error: form "other": U+0301 COMBINING ACUTE ACCENT after 'а' has no precomposed form; reportgen cannot place it: use the composed letter or remove the mark [central-asia-2021.opening.held.p1]`}
		},
	},
	// Folders reached through symbolic links.
	{
		name:   "sources: folder symlinked out of the project",
		mutate: func(p *hostileProject) { p.symlinkDirOutside("sources") },
		want: func(w where) []string {
			return []string{`sources: error: sources is a symbolic link to ` + w.link("sources") + `, outside the project; a project's folders must be inside it`}
		},
		fixed: "the folder is read, wherever it leads, while a file symlinked out is refused",
	},
	{
		name:   "locales: folder symlinked out of the project",
		mutate: func(p *hostileProject) { p.symlinkDirOutside("locales") },
		want: func(w where) []string {
			return []string{`locales: error: locales is a symbolic link to ` + w.link("locales") + `, outside the project; a project's folders must be inside it`}
		},
		fixed: "the folder is read, wherever it leads, while a file symlinked out is refused",
	},
	{
		name:   "fonts: folder symlinked out of the project",
		mutate: func(p *hostileProject) { p.symlinkDirOutside("fonts") },
		want: func(w where) []string {
			return []string{`fonts/NotoSans-Regular.ttf: error: regular face of NotoSans: fonts is a symbolic link to ` + w.link("fonts") + `, outside the project; a project's folders must be inside it`}
		},
		fixed: "the folder is read, wherever it leads, while a file symlinked out is refused",
	},
	{
		name: "output: folder symlinked out of the project",
		mutate: func(p *hostileProject) {
			os.MkdirAll(p.path("output"), 0o755)
			p.symlinkDirOutside("output")
		},
		want: func(w where) []string {
			return []string{`error: the output folder ` + filepath.Join(w.root, "output") + ` leads through a symbolic link to ` + w.link("output") + `, outside the project; to write there, name it with -o`}
		},
		fixed: "the PDFs, manifest.json and SHA256SUMS are written wherever the link leads",
	},
	// Semantics.
	{
		name:   "report: annex number typed in a paragraph, strict",
		strict: true,
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `opened the event.`, `opened the event (see Annex 14).`)
		},
		want: func(w where) []string {
			return []string{
				w.pos(reportFile, `Annex 14`) + `: error: "Annex 14" is typed in the text: annex numbers are generated from the blocks' annexes = [...] and a typed one goes stale; refer to the annex there instead (--strict) [central-asia-2021.opening.held.p1]`,
				w.text(ruCatalog, `p1 = "Г-жа`) + `: error: the ru translation is stale: the en text changed after it was translated; the en text is used (--strict) [central-asia-2021.opening.held.p1]`,
			}
		},
		fixed: "a typed annex number passes silently and goes stale",
	},
	{
		name:   "catalog: annex number typed in a translation, strict",
		strict: true,
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `открыла мероприятие.`, `открыла мероприятие (см. Приложение 14).`)
		},
		want: func(w where) []string {
			return []string{w.pos(ruCatalog, `Приложение 14`) + `: error: "Приложение 14" is typed in the text: annex numbers are generated and a typed one goes stale; leave the number to the annex label (--strict) [central-asia-2021.opening.held.p1]`}
		},
		fixed: "a typed annex number passes silently and goes stale",
	},
	{
		name: "report: time span ending before it starts",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `start = "08:30", end = "12:00"`, `start = "12:00", end = "08:30"`)
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, `end = "08:30"`) + `: error: time.end 08:30 is not after time.start 12:00`}
		},
		fixed: "the title block shows 12:00 – 08:30",
	},
	{
		name: "report: crossed emphasis",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `opened the event.`, `opened *the **event* today**.`)
		},
		want: func(w where) []string {
			line, col := w.find(reportFile, `event* today`)
			return []string{fmt.Sprintf("%s:%d:%d: error: emphasis crosses: * closes while ** opened inside it is open; close ** first [central-asia-2021.opening.held.p1]", reportFile, line, col+len("event"))}
		},
		fixed: "crossed emphasis passes silently",
	},
	{
		name: "report: invalid UTF-8",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `name = "Ms. Renate Held"`, "name = \"Ms. Ren\xffate Held\"")
		},
		want: func(w where) []string {
			return []string{w.pos(reportFile, "\xff") + `: error: invalid UTF-8`}
		},
	},
	{
		name: "catalog: invalid UTF-8",
		mutate: func(p *hostileProject) {
			p.edit(ruCatalog, `name = "г-жа`+"\u00a0"+`Ренате Хельд"`, "name = \"г-жа\u00a0Рен\xffате Хельд\"")
		},
		want: func(w where) []string {
			return []string{w.pos(ruCatalog, "\xff") + `: error: invalid UTF-8`}
		},
		fixed: "invalid UTF-8 in a catalog has no line and column",
	},
	{
		name: "report: invalid UTF-8 in three places",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `name = "Ms. Renate Held"`, "name = \"Ms. Ren\xffate Held\"")
			p.edit(reportFile, `heading = "Opening remarks"`, "heading = \"Opening \xfe\xfdremarks\"")
			p.edit(reportFile, `name = "Mr. Zeynal Hajiev"`, "name = \"Mr. Zeynal Haj\xc3iev\"")
		},
		want: func(w where) []string {
			return []string{
				w.pos(reportFile, "\xfe") + `: error: invalid UTF-8`,
				w.pos(reportFile, "\xff") + `: error: invalid UTF-8`,
				w.pos(reportFile, "\xc3i") + `: error: invalid UTF-8`,
			}
		},
		fixed: "only the first invalid UTF-8 sequence of a file is reported",
	},
	{
		name: "catalog: invalid UTF-8 in 25 places",
		mutate: func(p *hostileProject) {
			p.write(ruCatalog, append(p.read(ruCatalog), strings.Repeat("# \xff\n", 25)...))
		},
		want: func(w where) []string {
			first, _ := w.find(ruCatalog, "\xff")
			var want []string
			for i := range 20 {
				want = append(want, fmt.Sprintf("%s:%d:3: error: invalid UTF-8", ruCatalog, first+i))
			}
			return append(want, ruCatalog+`: error: and 5 more invalid UTF-8 sequences; the first 20 are listed`)
		},
		fixed: "only the first invalid UTF-8 sequence of a file is reported",
	},
	{
		name: "report error and catalog invalid UTF-8 in one run",
		mutate: func(p *hostileProject) {
			p.edit(reportFile, `name = "Ms. Renate Held"`, `nmae = "Ms. Renate Held"`)
			p.edit(ruCatalog, `name = "г-жа`+"\u00a0"+`Ренате Хельд"`, "name = \"г-жа\u00a0Рен\xffате Хельд\"")
		},
		want: func(w where) []string {
			return []string{
				w.pos(reportFile, `nmae = `) + `: error: unknown key "nmae" (section[1].block[1].nmae); did you mean "name"?`,
				w.pos(ruCatalog, "\xff") + `: error: invalid UTF-8`,
			}
		},
		fixed: "before the strict gate (cmd/reportgen TestFourStages), a catalog's invalid UTF-8 was hidden while the report had an error",
	},

	// Catalogs.
	{
		name: "catalog: message defined twice",
		mutate: func(p *hostileProject) {
			p.write("locales/ru/extra.ru.toml", []byte("[central-asia-2021.opening]\nheading = \"Снова\"\n"))
		},
		want: func(w where) []string {
			return []string{`locales/ru/extra.ru.toml:2:12: error: message is defined twice (also at ` + w.at(ruCatalog, `heading = "Вступительное слово"`) + `) [central-asia-2021.opening.heading]`}
		},
	},
	{
		name: "catalog: file in the wrong language folder",
		mutate: func(p *hostileProject) {
			p.write("locales/ru/extra.fr.toml", []byte("[brand]\ntagline = \"x\"\n"))
		},
		want: fixed(`locales/ru/extra.fr.toml: error: file is named for language "fr" but is in the folder of "ru"`),
	},
	{
		// Today: one "not translated into de" warning per message, and a
		// de PDF all in English, courtesy-translation notice included.
		name:   "report: language without a catalog",
		mutate: func(p *hostileProject) { p.editLine(reportFile, "languages = ", `languages = ["en", "ru", "de"]`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `"de"]`) + `: error: language "de" has no catalog: add locales/de/*.de.toml or remove it from languages [de]`}
		},
		fixed: "a published language without any catalog builds an all-English PDF after a warning per message",
	},
	{
		// Today: the same warnings, as errors.
		name:   "report: language without a catalog, strict",
		strict: true,
		mutate: func(p *hostileProject) { p.editLine(reportFile, "languages = ", `languages = ["en", "ru", "de"]`) },
		want: func(w where) []string {
			return []string{w.pos(reportFile, `"de"]`) + `: error: language "de" has no catalog: add locales/de/*.de.toml or remove it from languages [de]`}
		},
		fixed: "a published language without any catalog gives an error per message instead of one",
	},
}

// pngFile returns a PNG file of a w × h image with the given bit depth,
// colour type and interlace method, whose pixel data is raw (scanlines
// with their filter bytes), compressed, whatever the header says.
func pngFile(w, h uint32, depth, colorType, interlace byte, raw []byte) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&out, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		out.WriteString(typ)
		out.Write(data)
		binary.Write(&out, binary.BigEndian, crc.Sum32())
	}
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	chunk("IHDR", append(ihdr, depth, colorType, 0, 0, interlace))
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}

func fixed(lines ...string) func(where) []string { return func(where) []string { return lines } }

// knownBugs are the cases whose bug is not fixed yet: their failures are
// logged, not reported. Remove a case once its bug is fixed.
var knownBugs = map[string]bool{}

// diagKey identifies a diagnostic without its position, to recognise the
// unmutated project's own diagnostics in a mutated copy whose lines moved.
func diagKey(d diag.Diagnostic) string {
	return fmt.Sprintf("%v\x00%s\x00%s\x00%s", d.Severity, d.File, d.Key, d.Msg)
}

// hostileResult is what a build in a child process reports.
type hostileResult struct {
	Diags []diag.Diagnostic
	// Panic is the panic a build raised (with its stack), recovered in
	// the child or read from its dying output.
	Panic string
}

// childMemory bounds the memory of every child build: a memory bomb
// fails its case instead of the machine. The reference build needs a
// small part of it.
const childMemory = 768 << 20

const (
	childRootEnv   = "REPORTGEN_HOSTILE_ROOT"
	childStrictEnv = "REPORTGEN_HOSTILE_STRICT"
	resultMarker   = "HOSTILE-RESULT "
)

// runChild is the child side: it builds the project at $REPORTGEN_HOSTILE_ROOT
// into its output/ folder and prints the result as one JSON line.
func runChild(root string) {
	var res hostileResult
	watchMemory(childMemory)
	func() {
		defer func() {
			if r := recover(); r != nil {
				res.Panic = fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
		}()
		_, res.Diags = Run(project.Open(root), Options{OutDir: filepath.Join(root, "output"), Strict: os.Getenv(childStrictEnv) == "1"})
	}()
	data, _ := json.Marshal(res)
	fmt.Printf("\n%s%s\n", resultMarker, data)
}

// watchMemory makes the GC work to stay under limit bytes and ends the
// process with a result naming the memory used when it cannot: a memory
// bomb is reported as the case's failure, not by the system killing the
// machine's largest process.
func watchMemory(limit int64) {
	debug.SetMemoryLimit(limit / 2)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
		for {
			metrics.Read(sample)
			if used := int64(sample[0].Value.Uint64()); used > limit {
				data, _ := json.Marshal(hostileResult{Panic: fmt.Sprintf("the build used %d MiB of memory; the limit is %d MiB", used>>20, limit>>20)})
				fmt.Printf("\n%s%s\n", resultMarker, data)
				os.Exit(3)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
}

// buildIsolated builds the project at root in a child process: a panic in
// one of Run's worker goroutines cannot be recovered and kills the
// process, which must not take the test binary down with it.
func buildIsolated(t *testing.T, root string, strict bool) hostileResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostileInputs$", "-test.count=1")
	cmd.Env = append(os.Environ(), childRootEnv+"="+root, childStrictEnv+"="+map[bool]string{true: "1"}[strict])
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		return hostileResult{Panic: "the build did not finish in 3 minutes"}
	}
	for _, ln := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(ln, resultMarker); ok {
			var res hostileResult
			if err := json.Unmarshal([]byte(rest), &res); err != nil {
				t.Fatalf("child result: %v", err)
			}
			if err != nil && res.Panic == "" { // a data race, say
				res.Panic = fmt.Sprintf("child failed (%v):\n%s", err, out)
			}
			return res
		}
	}
	// No result: the child died. Keep the panic and the top of its stack.
	text := string(out)
	if i := strings.Index(text, "panic:"); i >= 0 {
		text = text[i:]
	}
	if len(text) > 3000 {
		text = text[:3000] + "…"
	}
	return hostileResult{Panic: fmt.Sprintf("child exited (%v):\n%s", err, text)}
}

var (
	baselineMu    sync.Mutex
	baselineCache = map[bool]map[string]bool{}
)

// baseline returns the diagnostics of the unmutated project, which every
// case's build repeats (warnings about a translation under way, say) and
// which are not the case's business.
func baseline(t *testing.T, strict bool) map[string]bool {
	t.Helper()
	baselineMu.Lock()
	defer baselineMu.Unlock()
	if b, ok := baselineCache[strict]; ok {
		return b
	}
	res := buildIsolated(t, copyProject(t), strict)
	if res.Panic != "" {
		t.Fatalf("the unmutated project's build panicked: %s", res.Panic)
	}
	if !strict && diag.List(res.Diags).HasErrors() {
		t.Fatalf("the unmutated project does not build:\n%v", diag.List(res.Diags).Err())
	}
	b := map[string]bool{}
	for _, d := range res.Diags {
		b[diagKey(d)] = true
	}
	baselineCache[strict] = b
	return b
}

// TestHostileInputs breaks a copy of the project in one way per case and
// checks that the build fails with exactly the expected diagnostics, writes
// nothing and does not panic. A case whose name is in knownBugs logs its
// failures instead: it states the behaviour wanted once the bug is fixed.
func TestHostileInputs(t *testing.T) {
	if root := os.Getenv(childRootEnv); root != "" {
		runChild(root)
		return
	}
	names := map[string]bool{}
	for _, c := range hostileCases {
		if names[c.name] {
			t.Errorf("case %q is listed twice", c.name)
		}
		names[c.name] = true
	}
	for name := range knownBugs {
		if !names[name] {
			t.Errorf("knownBugs names no case: %q", name)
		}
	}
	for _, c := range hostileCases {
		if knownBugs[c.name] && c.bug == "" {
			t.Errorf("case %q is in knownBugs but does not say what the bug is", c.name)
		}
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			base := baseline(t, c.strict)
			root := copyProject(t)
			p := &hostileProject{t: t, root: root}
			c.mutate(p)
			res := buildIsolated(t, root, c.strict)

			var problems []string
			if res.Panic != "" {
				problems = append(problems, "the build panicked: "+res.Panic)
			}
			var wantErrs, wantWarns []string
			var want []string
			if c.want != nil {
				want = c.want(where{t, root})
			}
			for _, w := range want {
				if strings.Contains(w, ": warning: ") {
					wantWarns = append(wantWarns, w)
				} else {
					wantErrs = append(wantErrs, w)
				}
			}
			var gotErrs, gotWarns []string
			for _, d := range res.Diags {
				switch {
				case base[diagKey(d)]:
				case d.Severity == diag.Warning:
					gotWarns = append(gotWarns, d.String())
				default:
					gotErrs = append(gotErrs, d.String())
				}
			}
			if len(wantErrs) == 0 {
				problems = append(problems, "the case expects no error")
			}
			if !slices.Equal(gotErrs, wantErrs) {
				problems = append(problems, fmt.Sprintf("errors:\n  got  %s\n  want %s", strings.Join(quoteAll(gotErrs), "\n       "), strings.Join(quoteAll(wantErrs), "\n       ")))
			}
			for _, w := range wantWarns {
				if !slices.Contains(gotWarns, w) {
					problems = append(problems, fmt.Sprintf("missing warning %q", w))
				}
			}
			for _, w := range gotWarns {
				if !slices.Contains(wantWarns, w) {
					problems = append(problems, fmt.Sprintf("unexpected warning %q", w))
				}
			}
			// Nothing in the output folder: no PDF, manifest, checksums or
			// temporary file.
			out := filepath.Join(root, "output")
			filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
				if err == nil && path != out {
					rel, _ := filepath.Rel(out, path)
					problems = append(problems, "written despite the errors: "+filepath.ToSlash(rel))
				}
				return nil
			})

			switch {
			case len(problems) == 0 && knownBugs[c.name]:
				t.Logf("known bug %q is fixed: remove the case from knownBugs", c.bug)
			case len(problems) == 0:
			case knownBugs[c.name]:
				t.Logf("known bug (%s):\n%s", c.bug, strings.Join(problems, "\n"))
			default:
				t.Error(strings.Join(problems, "\n"))
			}
		})
	}
}

func quoteAll(list []string) []string {
	if len(list) == 0 {
		return []string{"(none)"}
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}
