package style

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/internal/tomlpos"
)

// House is a loaded house style: the style, its fonts and its logo.
type House struct {
	Name   string
	Style  Style
	Family *fonts.Family
	// Logo is the logo image, or nil when the style has none.
	Logo *Image
}

// Image is a PNG image a style draws.
type Image struct {
	// Data is the PNG file.
	Data []byte
	// Width and Height are the image's size in pixels.
	Width, Height int
}

// Folders are where Load finds a style's files: the project's sources
// folder, which holds styles/<name>.toml and the images it names, and its
// fonts folder, each with the name shown in diagnostics.
type Folders struct {
	Sources    fs.FS
	SourcesDir string
	Fonts      fs.FS
	FontsDir   string
}

// Load reads styles/<name>.toml ("" is the built-in style's name) from
// the sources folder, over the built-in style, with its logo and its font
// family.
func Load(dirs Folders, name string) (*House, diag.List) {
	var diags diag.List
	if name == "" {
		name = BuiltIn
	}
	file := "styles/" + name + ".toml"
	shown := path.Join(dirs.SourcesDir, file)
	if st, err := fs.Stat(dirs.Sources, file); err == nil && st.Size() > MaxFileSize {
		diags.Errorf(shown, 0, 0, "", "file is %d bytes; the limit is %d", st.Size(), MaxFileSize)
		return nil, diags
	}
	data, err := fs.ReadFile(dirs.Sources, file)
	if err != nil {
		diags.Errorf(shown, 0, 0, "", "house style %q: %v", name, unwrap(err))
		return nil, diags
	}
	st, ds := Parse(shown, data)
	diags = append(diags, ds...)
	if ds.HasErrors() {
		// The fonts are checked all the same (every problem in one run),
		// unless their names are among the errors.
		f := st.Fonts
		for _, name := range []string{f.Regular, f.Bold, f.Italic, f.BoldItalic} {
			if !fs.ValidPath(name) || strings.Contains(name, "/") {
				return nil, diags
			}
		}
		_, ds := loadFamily(dirs, st.Fonts)
		return nil, append(diags, ds...)
	}
	h := &House{Name: name, Style: st}
	if st.Logo.File != "" {
		logoErr := func(format string, args ...any) (*House, diag.List) {
			// The file is indexed for the key's position only when the logo
			// is wrong.
			pos, _ := tomlpos.Build(data).Pos("logo.file")
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
		if fi, err := fs.Stat(dirs.Sources, logo); err == nil && fi.Size() > MaxFileSize {
			return logoErr("logo %s is %d bytes; the limit is %d", st.Logo.File, fi.Size(), MaxFileSize)
		}
		img, err := fs.ReadFile(dirs.Sources, logo)
		if err != nil {
			return logoErr("logo %s: %v", st.Logo.File, unwrap(err))
		}
		w, ht, problem := checkPNG(img)
		if problem != "" {
			return logoErr("logo %s %s", st.Logo.File, problem)
		}
		h.Logo = &Image{Data: img, Width: w, Height: ht}
	}
	fam, ds := loadFamily(dirs, st.Fonts)
	diags = append(diags, ds...)
	if fam == nil {
		return nil, diags
	}
	h.Family = fam
	return h, diags
}

// FontProbe is what every face of a house style must draw: the
// characters every edition has (its glyphs are read when the style loads,
// so an empty or damaged font file is found even when no report is laid
// out).
const FontProbe = " -—«»0123456789"

// loadFamily loads the font family f names and reads the glyphs of
// FontProbe from each face; nil with the error when it cannot.
func loadFamily(dirs Folders, f FontFiles) (*fonts.Family, diag.List) {
	var diags diag.List
	fam, err := fonts.Load(dirs.Fonts, fonts.FamilyFiles{Name: f.Family, Regular: f.Regular, Bold: f.Bold, Italic: f.Italic, BoldItal: f.BoldItalic})
	for face := fonts.Regular; err == nil && face <= fonts.BoldItalic; face++ {
		err = fam.Face(face).CheckGlyphs(FontProbe)
	}
	if err != nil {
		var fe *fonts.FileError
		if errors.As(err, &fe) {
			diags.Errorf(path.Join(dirs.FontsDir, fe.Name), 0, 0, "", "%v", fe.Err)
		} else {
			diags.Errorf(dirs.FontsDir, 0, 0, "", "%v", err)
		}
		return nil, diags
	}
	return fam, diags
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
