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
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/render"
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
}

// Open returns the project at root. A folder root lacks is replaced by its
// embedded default, so a root with no sources/ builds the reference
// report.
func Open(root string) Project {
	p := Project{SourcesDir: "sources", LocalesDir: "locales", FontsDir: "fonts"}
	dir := func(name string, embedded fs.FS) fs.FS {
		d := filepath.Join(root, name)
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return os.DirFS(d)
		}
		return embedded
	}
	p.Sources = dir("sources", sources.Embedded())
	p.Locales = dir("locales", locales.Embedded())
	p.Fonts = dir("fonts", fonts.Embedded())
	if st, err := os.Stat(filepath.Join(root, "sources")); err != nil || !st.IsDir() {
		p.Embedded = true
	}
	return p
}

// Options narrow and direct a build.
type Options struct {
	// OutDir is where PDFs are written; created if missing.
	OutDir string
	// Reports and Langs, when not empty, limit the build to these report
	// IDs and languages.
	Reports, Langs []string
	// Date, when not zero, is written into every PDF; else the
	// SOURCE_DATE_EPOCH environment variable, else the report's date.
	Date time.Time
}

// Result is one PDF written.
type Result struct {
	Report, Lang string
	Path         string
	Pages        int
	Bytes        int
	// Stats measures the PDF's typography.
	Stats layout.Stats
}

// Edition is one resolved and laid-out language edition, before writing.
type Edition struct {
	Report   *sources.Loaded
	Document *document.Document
	Pages    *layout.Pages
}

// Run builds every report of p in every language it lists (narrowed by
// opt) and writes the PDFs. Diagnostics of all reports are returned
// together; a report with errors writes nothing.
func Run(p Project, opt Options) ([]Result, diag.List) {
	var diags diag.List
	reports, ds := sources.LoadDir(p.Sources, p.SourcesDir)
	diags = append(diags, ds...)
	var results []Result
	for _, r := range reports {
		if len(opt.Reports) > 0 && !contains(opt.Reports, r.ID) {
			continue
		}
		hs, ds := p.HouseStyle(r.Style)
		diags = append(diags, ds...)
		if ds.HasErrors() {
			continue
		}
		eds, ds := Editions(p, r, hs, opt.Langs)
		diags = append(diags, ds...)
		if ds.HasErrors() {
			continue
		}
		for _, ed := range eds {
			res, err := Write(ed, opt, hs)
			if err != nil {
				diags.Errorf("", 0, 0, "", "%s.%s: %v", r.ID, ed.Document.Lang, err)
				continue
			}
			results = append(results, res)
		}
	}
	if len(opt.Reports) > 0 {
		for _, id := range opt.Reports {
			if !hasReport(reports, id) {
				diags.Errorf(p.SourcesDir, 0, 0, id, "no report with ID %q", id)
			}
		}
	}
	return results, diags
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
		logo := path.Join("styles", st.Logo.File)
		if !fs.ValidPath(logo) || strings.Contains(st.Logo.File, "..") || path.IsAbs(st.Logo.File) {
			diags.Errorf(shown, 0, 0, "", "logo %q must be a file beside the style, without \"..\"", st.Logo.File)
			return nil, diags
		}
		img, err := fs.ReadFile(p.Sources, logo)
		if err != nil {
			diags.Errorf(shown, 0, 0, "", "logo: %v", unwrap(err))
			return nil, diags
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(img))
		if err != nil || format != "png" {
			diags.Errorf(shown, 0, 0, "", "logo %s is not a PNG image", st.Logo.File)
			return nil, diags
		}
		hs.Style.Logo.PixelWidth, hs.Style.Logo.PixelHeight = cfg.Width, cfg.Height
		hs.Images[layout.LogoName] = img
	}
	f := st.Fonts
	fam, err := fonts.Load(p.Fonts, fonts.FamilyFiles{Name: f.Family, Regular: f.Regular, Bold: f.Bold, Italic: f.Italic, BoldItal: f.BoldItalic})
	if err != nil {
		diags.Errorf(p.FontsDir, 0, 0, "", "%v", err)
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

func hasReport(rs []*sources.Loaded, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Editions resolves, checks and lays out report r in each of its
// languages (only those in langs, when given).
func Editions(p Project, r *sources.Loaded, hs *HouseStyle, langs []string) ([]Edition, diag.List) {
	var diags diag.List
	src := language.Make(r.SourceLanguage)
	cat, ds := locales.Load(p.Locales, p.LocalesDir, src)
	diags = append(diags, ds...)
	if ds.HasErrors() {
		return nil, diags
	}
	if err := cat.AddSource(src, document.SourceEntries(r)); err != nil {
		diags.Errorf(r.File, 0, 0, "", "%v", err)
		return nil, diags
	}
	var eds []Edition
	for _, l := range r.Languages {
		if len(langs) > 0 && !contains(langs, l) {
			continue
		}
		doc, ds := document.Resolve(r, cat, language.Make(l))
		diags = append(diags, ds...)
		if doc == nil {
			continue
		}
		if cov := Coverage(doc, hs.Family, cat); len(cov) > 0 {
			diags = append(diags, cov...)
			continue
		}
		eds = append(eds, Edition{Report: r, Document: doc, Pages: layout.Layout(doc, hs.Style, hs.Family)})
	}
	if len(langs) > 0 {
		for _, l := range langs {
			if !contains(r.Languages, l) {
				diags.Warnf(r.File, 0, 0, r.ID, "report %q has no %q edition (languages = %v)", r.ID, l, r.Languages)
			}
		}
	}
	return eds, diags
}

// Coverage reports every character of doc that a face of fam cannot draw,
// with the message it comes from.
func Coverage(doc *document.Document, fam *fonts.Family, cat *locales.Catalog) diag.List {
	var diags diag.List
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

// Write renders ed and writes it atomically to OutDir/<report>.<lang>.pdf.
func Write(ed Edition, opt Options, hs *HouseStyle) (Result, error) {
	date, err := Date(opt, ed.Report.Report)
	if err != nil {
		return Result{}, err
	}
	var buf bytes.Buffer
	err = render.Write(&buf, ed.Pages, render.Options{
		Meta:   ed.Document.Meta,
		Lang:   ed.Document.Lang.String(),
		Date:   date,
		Family: hs.Family,
		Images: hs.Images,
	})
	if err != nil {
		return Result{}, err
	}
	name := fmt.Sprintf("%s.%s.pdf", ed.Report.ID, ed.Document.Lang)
	path := filepath.Join(opt.OutDir, name)
	if err := WriteFileAtomic(path, buf.Bytes()); err != nil {
		return Result{}, err
	}
	return Result{Report: ed.Report.ID, Lang: ed.Document.Lang.String(), Path: path, Pages: len(ed.Pages.Pages), Bytes: buf.Len(), Stats: ed.Pages.Stats}, nil
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, synced and renamed, so path holds either its old content or all
// of data.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+strings.TrimSuffix(filepath.Base(path), ".pdf")+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
