package pipeline

import (
	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/style"
)

// LoadStyle loads the house style name ("" is the built-in one) of
// project p: styles/<name>.toml from its sources, its logo and its fonts.
func LoadStyle(p *project.Project, name string) (*style.House, diag.List) {
	return style.Load(style.Folders{Sources: p.Sources, SourcesDir: p.SourcesDir, Fonts: p.Fonts, FontsDir: p.FontsDir}, name)
}
