package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

// Project is the inputs of a build: where reports, catalogs and fonts come
// from.
type Project struct {
	// Sources, Locales and Fonts are the three folders; each is the
	// project's own when it has one, else the embedded default.
	Sources, Locales, Fonts fs.FS
	// SourcesDir, LocalesDir and FontsDir are the folders' names as shown
	// in diagnostics.
	SourcesDir, LocalesDir, FontsDir string
	// Embedded says the reports are the embedded reference report.
	Embedded bool
	// Root is the project folder ("" when unknown).
	Root string
}

// Open returns the project at root. A folder root lacks is replaced by its
// embedded default, so a root with no sources/ builds the reference
// report.
func Open(root string) Project {
	p := Project{SourcesDir: "sources", LocalesDir: "locales", FontsDir: "fonts", Root: root}
	dir := func(name string, embedded fs.FS) fs.FS {
		d := filepath.Join(root, name)
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			// An os.Root refuses paths that leave the folder, through ".."
			// or through a symbolic link: a project cannot make the build
			// read files outside it.
			if r, err := os.OpenRoot(d); err == nil {
				return r.FS()
			}
		}
		return embedded
	}
	// The built-in house style is there for every project: a project's
	// styles come on top of it.
	p.Sources = overlay{dir("sources", sources.Embedded()), only{style.Embedded(), isStyle}}
	// A project's catalogs come on top of the built-in interface messages:
	// a new project needs none to build.
	p.Locales = dir("locales", locales.Embedded())
	if p.Locales != locales.Embedded() {
		p.Locales = overlay{p.Locales, only{locales.Embedded(), isInterfaceCatalog}}
	}
	p.Fonts = dir("fonts", fonts.Embedded())
	if st, err := os.Stat(filepath.Join(root, "sources")); err != nil || !st.IsDir() {
		p.Embedded = true
	}
	return p
}

// overlay reads files from top, and from base what top lacks. Glob and
// ReadDir list both.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return f, err // a file that is there, or one that may not be read
	}
	return o.base.Open(name)
}

// Glob lists the matches of both layers, each name once.
func (o overlay) Glob(pattern string) ([]string, error) {
	a, err := fs.Glob(o.top, pattern)
	if err != nil {
		return nil, err
	}
	b, _ := fs.Glob(o.base, pattern)
	seen := map[string]bool{}
	var out []string
	for _, n := range append(a, b...) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out, nil
}

// only shows the files of a file system that match, so that the built-in
// house style and interface messages are there for every project but the
// built-in report and its translations are not.
type only struct {
	fsys  fs.FS
	match func(name string) bool
}

func (o only) Open(name string) (fs.File, error) {
	if name != "." && !o.match(name) && !isFolder(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.fsys.Open(name)
}

// Glob lists the matching files only.
func (o only) Glob(pattern string) ([]string, error) {
	names, err := fs.Glob(o.fsys, pattern)
	var out []string
	for _, n := range names {
		if o.match(n) {
			out = append(out, n)
		}
	}
	return out, err
}

func isStyle(name string) bool { return strings.HasPrefix(name, "styles/") }

func isInterfaceCatalog(name string) bool {
	m, _ := path.Match("*/interface.*.toml", name)
	s, _ := path.Match("*/interface.*.sources", name)
	return m || s
}

// isFolder reports whether name is a top-level folder (styles/, en/ …)
// that matching files could be in.
func isFolder(name string) bool {
	return !strings.Contains(name, "/") && !strings.Contains(name, ".")
}
