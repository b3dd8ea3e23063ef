// Package pipeline runs the whole pipeline for a project opened by
// package project (its reports, catalogs and fonts, or the embedded
// defaults): for every report and language it resolves, checks, lays out
// and writes a PDF. Check runs the same checks, and the translators',
// without writing anything.
//
// A PDF is written to a temporary file in the output folder, synced and
// renamed into place, so a failed or interrupted build never leaves a
// partial PDF and never replaces a good one.
package pipeline

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

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/atomicfile"
	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
)

// HouseStyle is a loaded house style with its fonts and images.
type HouseStyle struct {
	Style  layout.Style
	Family *fonts.Family
	// Images are the PNG files the style draws, by display-list name.
	Images map[string][]byte
}

// LoadHouseStyle loads styles/<name>.toml from the project's sources (""
// is "house"), its logo and its font family.
func LoadHouseStyle(p *project.Project, name string) (*HouseStyle, diag.List) {
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
