// Package project opens a project folder: the one place that decides what
// build, check, watch, new and the translators' commands read, and where
// they write.
//
// A project folder (the root) holds up to three folders:
//
//	sources/   the reports (*.toml) and the house styles (styles/<name>.toml, the files they name)
//	locales/   the catalogs (<lang>/*.<lang>.toml), their sidecars and glossary.toml
//	fonts/     the font files the house styles name
//
// Open gives an fs.FS view of each. A folder the project has is opened
// with os.OpenRoot: no path read through its view leaves the folder,
// through ".." or through a symbolic link, so a project cannot make
// reportgen read files outside it. What the project lacks comes from the
// copy built into the binary:
//
//   - no sources/: the embedded reference report (sources.Embedded()) and
//     the built-in house style (style.Embedded()); Embedded is then true.
//   - a sources/ folder: the project's own files, and the files of the
//     built-in styles/ folder (house.toml and its logo) that it does not
//     have. The reference report is not shown.
//   - no locales/: every embedded catalog (locales.Embedded()): the
//     interface messages, the reference report's translations and the
//     glossary.
//   - a locales/ folder: the project's own files, and the built-in
//     interface catalogs (<lang>/interface.<lang>.toml) that it does not
//     have, each with its sidecar. The reference report's translations and
//     the built-in glossary are not shown.
//   - no fonts/: the embedded fonts (fonts.Embedded()). A fonts/ folder
//     replaces them whole.
//
// So reportgen run in an empty folder builds the reference report, and a
// new project needs only its report.
//
// WriteFile and CreateFile write into the project folder atomically
// (internal/atomicfile), through the os.Root of the folder written to, so
// writes are confined as reads are. A Project is a snapshot: what is
// written after Open, a folder created included, is seen by the next Open.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/atomicfile"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

// GlossaryFile is where a project keeps its glossary, relative to its
// root.
const GlossaryFile = "locales/glossary.toml"

// Project is an opened project folder: where reports, catalogs and fonts
// come from.
type Project struct {
	// Sources, Locales and Fonts are the views of the three folders: the
	// project's own, with the embedded fall-backs described in the package
	// documentation.
	Sources, Locales, Fonts fs.FS
	// SourcesDir, LocalesDir and FontsDir are the folders' paths relative
	// to Root, as shown in diagnostics ("sources", "locales", "fonts").
	SourcesDir, LocalesDir, FontsDir string
	// Embedded says the reports are the embedded reference report: the
	// project has no sources/ folder.
	Embedded bool
	// Root is the project folder ("" when unknown).
	Root string

	roots map[string]*os.Root // the folders opened, by name
}

// Open opens the project at root. A folder root lacks, or root itself,
// is replaced by its embedded default (see the package documentation), so
// Open never fails; a folder that is there but cannot be opened counts as
// absent.
func Open(root string) *Project {
	p := &Project{SourcesDir: "sources", LocalesDir: "locales", FontsDir: "fonts", Root: root, roots: map[string]*os.Root{}}
	own := func(name string) fs.FS {
		d := filepath.Join(root, name)
		if target := escapes(root, d); target != "" {
			return refusedFolder{errOutside(name, target)}
		}
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			// An os.Root refuses paths that leave the folder, through ".."
			// or through a symbolic link.
			if r, err := os.OpenRoot(d); err == nil {
				p.roots[name] = r
				return confined{r.FS(), d}
			}
		}
		return nil
	}
	if fsys := own(p.SourcesDir); fsys != nil {
		p.Sources = overlay{fsys, only{style.Embedded(), isStyle}}
	} else {
		p.Sources, p.Embedded = overlay{sources.Embedded(), only{style.Embedded(), isStyle}}, true
	}
	if fsys := own(p.LocalesDir); fsys != nil {
		p.Locales = overlay{fsys, only{locales.Embedded(), func(name string) bool { return isInterfaceCatalog(fsys, name) }}}
	} else {
		p.Locales = locales.Embedded()
	}
	if fsys := own(p.FontsDir); fsys != nil {
		p.Fonts = fsys
	} else {
		p.Fonts = fonts.Embedded()
	}
	return p
}

// Close closes the folders Open opened; the views cannot be read after.
func (p *Project) Close() error {
	var errs []error
	for name, r := range p.roots {
		errs = append(errs, r.Close())
		delete(p.roots, name)
	}
	return errors.Join(errs...)
}

// LoadReports loads and validates every report of the project's sources
// (sources.LoadDir), with their paths in diagnostics under SourcesDir.
func (p *Project) LoadReports() ([]*sources.Loaded, diag.List) {
	return sources.LoadDir(p.Sources, p.SourcesDir)
}

// LoadReportsOnly is LoadReports narrowed to the reports of the IDs only
// (sources.LoadDirOnly): the files of other reports come back as their
// heads, not loaded.
func (p *Project) LoadReportsOnly(only []string) ([]*sources.Loaded, []sources.Head, diag.List) {
	return sources.LoadDirOnly(p.Sources, p.SourcesDir, only)
}

// view returns the view holding name, a slash-separated path relative to
// the root, and name's path in it.
func (p *Project) view(name string) (fs.FS, string, bool) {
	dir, rest, _ := strings.Cut(name, "/")
	switch dir {
	case p.SourcesDir:
		return p.Sources, rest, true
	case p.LocalesDir:
		return p.Locales, rest, true
	case p.FontsDir:
		return p.Fonts, rest, true
	}
	return nil, "", false
}

// ReadFile reads name, a slash-separated path relative to the root in one
// of the three folders ("locales/ru/x.ru.toml"), through its view: with
// the embedded fall-backs, as a build reads it.
func (p *Project) ReadFile(name string) ([]byte, error) {
	fsys, rest, ok := p.view(name)
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(fsys, rest)
}

// WriteFile writes data to name, a slash-separated path relative to the
// root, atomically: a reader finds the old content or the new, never part
// of it. Missing folders are created (the root too); an existing file
// keeps its permissions, a new one gets 0644. The write is confined like
// reading: in one of the three folders it goes through the folder's own
// os.Root when Open opened it, anywhere else through one opened on the
// root, and a path that leaves it is refused.
func (p *Project) WriteFile(name string, data []byte) error {
	return p.write(name, data, false)
}

// CreateFile is WriteFile for a file that must not exist yet: when the
// project folder has a file at name already (the embedded fall-backs do
// not count), it writes nothing and returns an error for which
// errors.Is(err, fs.ErrExist) holds. The check and the write are two
// steps, not one atomic operation.
func (p *Project) CreateFile(name string, data []byte) error {
	return p.write(name, data, true)
}

func (p *Project) write(name string, data []byte, create bool) error {
	if !fs.ValidPath(name) || name == "." {
		return &fs.PathError{Op: "write", Path: name, Err: fs.ErrInvalid}
	}
	dir, rest, _ := strings.Cut(name, "/")
	r := p.roots[dir]
	if r == nil || rest == "" {
		top := p.Root
		if top == "" {
			top = "."
		}
		if err := os.MkdirAll(top, 0o755); err != nil {
			return err
		}
		var err error
		if r, err = os.OpenRoot(top); err != nil {
			return err
		}
		defer r.Close()
		rest = name
	}
	if create {
		if _, err := r.Lstat(rest); err == nil {
			return &fs.PathError{Op: "create", Path: name, Err: fs.ErrExist}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := atomicfile.WriteIn(r, rest, data, atomicfile.PermIn(r, rest, 0o644)); err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(p.Root, filepath.FromSlash(name)), unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the operation and path of an os.Root error, which name
// the file relative to the folder it was written in; the caller names it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// overlay reads files from top, and from base what top lacks. Glob lists
// both.
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

// isInterfaceCatalog reports whether name is a built-in interface catalog
// to show beside the catalogs of own: an interface.<lang>.toml, or the
// sidecar of one that own does not have (a sidecar records the hashes of
// its own catalog's translations, not of the project's).
func isInterfaceCatalog(own fs.FS, name string) bool {
	if m, _ := path.Match("*/interface.*.toml", name); m {
		return true
	}
	if s, _ := path.Match("*/interface.*"+sidecarExt, name); s {
		_, err := fs.Stat(own, strings.TrimSuffix(name, sidecarExt)+".toml")
		return errors.Is(err, fs.ErrNotExist)
	}
	return false
}

// sidecarExt is the extension of a catalog's sidecar (translate.SidecarExt).
const sidecarExt = ".sources"

// isFolder reports whether name is a top-level folder (styles/, en/ …)
// that matching files could be in.
func isFolder(name string) bool {
	return !strings.Contains(name, "/") && !strings.Contains(name, ".")
}
