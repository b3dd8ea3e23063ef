package pipeline

import (
	"errors"
	"io/fs"
	"slices"
	"sync"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/style"
)

// LoadStyle loads the house style name ("" is the built-in one) of
// project p: styles/<name>.toml from its sources, its logo and its fonts.
// A sources folder leading out of the project gives no style and no
// diagnostic: the folder is reported where the reports are listed.
// A style all embedded (a project with neither sources/ nor fonts/ of its
// own) is loaded once per process and shared: a House is never changed
// once loaded.
func LoadStyle(p *project.Project, name string) (*style.House, diag.List) {
	if name == "" {
		name = style.BuiltIn
	}
	if _, err := fs.Stat(p.Sources, "styles/"+name+".toml"); errors.Is(err, project.ErrOutside) {
		return nil, nil
	}
	load := func() (*style.House, diag.List) {
		return style.Load(style.Folders{Sources: p.Sources, SourcesDir: p.SourcesDir, Fonts: p.Fonts, FontsDir: p.FontsDir}, name)
	}
	if !p.Embedded || p.Fonts != fonts.Embedded() {
		return load()
	}
	v, _ := embeddedStyles.LoadOrStore(embeddedStyle{name, p.SourcesDir, p.FontsDir}, &loadedStyle{})
	ls := v.(*loadedStyle)
	ls.once.Do(func() { ls.house, ls.diags = load() })
	return ls.house, slices.Clip(ls.diags)
}

// embeddedStyles holds the embedded house styles loaded, by embeddedStyle.
var embeddedStyles sync.Map

// embeddedStyle is an embedded house style as loaded: its name, and the
// folders its diagnostics name.
type embeddedStyle struct{ name, sourcesDir, fontsDir string }

// loadedStyle is a house style loaded once.
type loadedStyle struct {
	once  sync.Once
	house *style.House
	diags diag.List
}
