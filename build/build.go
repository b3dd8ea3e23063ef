// Package build runs the whole pipeline for a project: it finds the
// project's reports, catalogs and fonts (or the embedded defaults), and
// for every report and language resolves, checks, lays out and writes a
// PDF.
//
// A PDF is written to a temporary file in the output folder, synced and
// renamed into place, so a failed or interrupted build never leaves a
// partial PDF and never replaces a good one.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/png" // logo files
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/atomicfile"
	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/sources"
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
	p.Sources = dir("sources", sources.Embedded())
	if p.Sources != sources.Embedded() {
		p.Sources = overlay{p.Sources, only{sources.Embedded(), isStyle}}
	}
	// A project's catalogs come on top of the built-in interface messages,
	// and its styles on top of the built-in house style: a new project
	// needs neither to build.
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

// HouseStyle is a loaded house style with its fonts and images.
type HouseStyle struct {
	Style  layout.Style
	Family *fonts.Family
	// Images are the PNG files the style draws, by display-list name.
	Images map[string][]byte
}

// HouseStyle loads styles/<name>.toml from the project's sources ("" is
// "house"), its logo and its font family.
func (p Project) HouseStyle(name string) (*HouseStyle, diag.List) {
	var diags diag.List
	if name == "" {
		name = "house"
	}
	file := "styles/" + name + ".toml"
	shown := path.Join(p.SourcesDir, file)
	data, err := fs.ReadFile(p.Sources, file)
	if err != nil {
		diags.Errorf(shown, 0, 0, "", "house style %q: %v", name, unwrap(err))
		return nil, diags
	}
	st, ds := layout.ParseStyle(shown, data)
	diags = append(diags, ds...)
	if ds.HasErrors() {
		return nil, diags
	}
	hs := &HouseStyle{Style: st, Images: map[string][]byte{}}
	if st.Logo.File != "" {
		pos, _ := tomlpos.Build(data).Pos("logo.file")
		logoErr := func(format string, args ...any) (*HouseStyle, diag.List) {
			diags.Errorf(shown, pos.Line, pos.Col, "", format, args...)
			return nil, diags
		}
		logo := path.Join("styles", st.Logo.File)
		switch {
		case path.IsAbs(st.Logo.File) || filepath.IsAbs(st.Logo.File):
			return logoErr("logo %q must be a file beside the style, not an absolute path", st.Logo.File)
		case !fs.ValidPath(logo) || strings.Contains(st.Logo.File, ".."):
			return logoErr("logo %q must be a file beside the style, without \"..\"", st.Logo.File)
		}
		img, err := fs.ReadFile(p.Sources, logo)
		if err != nil {
			return logoErr("logo %s: %v", st.Logo.File, unwrap(err))
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(img))
		if err != nil || format != "png" {
			return logoErr("logo %s is not a PNG image", st.Logo.File)
		}
		hs.Style.Logo.PixelWidth, hs.Style.Logo.PixelHeight = cfg.Width, cfg.Height
		hs.Images[layout.LogoName] = img
	}
	f := st.Fonts
	fam, err := fonts.Load(p.Fonts, fonts.FamilyFiles{Name: f.Family, Regular: f.Regular, Bold: f.Bold, Italic: f.Italic, BoldItal: f.BoldItalic})
	if err != nil {
		var fe *fonts.FileError
		if errors.As(err, &fe) {
			diags.Errorf(path.Join(p.FontsDir, fe.Name), 0, 0, "", "%v", fe.Err)
		} else {
			diags.Errorf(p.FontsDir, 0, 0, "", "%v", err)
		}
		return nil, diags
	}
	hs.Family = fam
	return hs, diags
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Coverage reports every character of doc that a face of fam cannot draw,
// with the message it comes from.
func Coverage(doc *document.Document, fam *fonts.Family, cat *locales.Catalog) diag.List {
	var diags diag.List
	// The document's characters, each once, in order of first appearance:
	// a long report has few distinct characters and many of each.
	var chars distinctRunes
	doc.Walk(func(_, text string) { chars.add(text) })
	chars.add(" -—«»0123456789")
	all := string(chars.order)
	// Every glyph the PDF will embed must be readable.
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		if err := fam.Face(f).CheckGlyphs(all); err != nil {
			var fe *fonts.FileError
			if errors.As(err, &fe) {
				diags.Errorf(path.Join("fonts", fe.Name), 0, 0, "", "%v", fe.Err)
			} else {
				diags.Errorf("fonts", 0, 0, "", "%v", err)
			}
			return diags
		}
	}
	// Which message holds a missing character is looked up only when one
	// is missing.
	missing := false
	for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
		for _, r := range fam.Face(f).Missing(all) {
			missing = missing || fonts.IsDrawn(r) && !unicode.IsSpace(r)
		}
	}
	if !missing {
		return diags
	}
	seen := map[string]bool{}
	doc.Walk(func(id, text string) {
		for f := fonts.Regular; f <= fonts.BoldItalic; f++ {
			for _, r := range fam.Face(f).Missing(text) {
				if !fonts.IsDrawn(r) || unicode.IsSpace(r) {
					continue
				}
				key := id + "\x00" + string(r)
				if seen[key] {
					continue
				}
				seen[key] = true
				file, line, col := "", 0, 0
				if e, ok := cat.Entry(doc.Lang, id); ok {
					file, line, col = e.File, e.Line, e.Col
				} else if e, ok := cat.Entry(doc.Source, id); ok {
					file, line, col = e.File, e.Line, e.Col
				}
				diags.Errorf(file, line, col, id, "character %q (U+%04X) is not in font %s (%s); the %s edition cannot show it", r, r, fam.Name, f, doc.Lang)
			}
		}
	})
	return diags
}

// distinctRunes collects characters, each once, in order of first
// appearance.
type distinctRunes struct {
	order []rune
	bmp   [0x10000 / 64]uint64 // seen, for the Basic Multilingual Plane
	other map[rune]bool        // seen, beyond it
}

func (d *distinctRunes) add(s string) {
	for _, r := range s {
		if r >= 0 && r < 0x10000 {
			if d.bmp[r/64]&(1<<(r%64)) != 0 {
				continue
			}
			d.bmp[r/64] |= 1 << (r % 64)
		} else {
			if d.other[r] {
				continue
			}
			if d.other == nil {
				d.other = map[rune]bool{}
			}
			d.other[r] = true
		}
		d.order = append(d.order, r)
	}
}

// Date returns the date to write into PDFs: opt.Date, else
// SOURCE_DATE_EPOCH, else the report's date at midnight UTC.
func Date(opt Options, r *sources.Report) (time.Time, error) {
	if !opt.Date.IsZero() {
		return opt.Date.UTC(), nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	y, m, d := r.Date.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}

// WriteFileAtomic writes data to path (mode 0644) through a temporary
// file in the same folder, synced and renamed, so path holds either its old
// content or all of data.
func WriteFileAtomic(path string, data []byte) error {
	return atomicfile.Write(path, data, 0o644)
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
