package pipeline

import (
	"errors"
	"io/fs"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/style"
)

// LoadStyle loads the house style name ("" is the built-in one) of
// project p: styles/<name>.toml from its sources, its logo and its fonts.
// A sources folder leading out of the project gives no style and no
// diagnostic: the folder is reported where the reports are listed.
func LoadStyle(p *project.Project, name string) (*style.House, diag.List) {
	if name == "" {
		name = style.BuiltIn
	}
	if _, err := fs.Stat(p.Sources, "styles/"+name+".toml"); errors.Is(err, project.ErrOutside) {
		return nil, nil
	}
	return style.Load(style.Folders{Sources: p.Sources, SourcesDir: p.SourcesDir, Fonts: p.Fonts, FontsDir: p.FontsDir}, name)
}
