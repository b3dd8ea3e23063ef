package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// escapes returns the target of the project folder d (root/name) when it
// is a symbolic link leading outside root, else "". Folders obey the
// confinement of files: a link that stays inside the project is followed,
// one that leaves it is refused.
func escapes(root, d string) string {
	st, err := os.Lstat(d)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	target, err := filepath.EvalSymlinks(d)
	if err != nil {
		return "" // a broken link: the folder is absent
	}
	if root == "" {
		root = "."
	}
	top, err := filepath.EvalSymlinks(root)
	if err != nil {
		return target
	}
	if !inside(top, target) {
		return target
	}
	return ""
}

// inside reports whether path lies in dir (both clean and absolute, or
// both relative to the same folder).
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// refusedFolder is the view of a project folder that may not be read:
// every read fails with err, and so does Glob, so that every command
// reports it where it lists the folder.
type refusedFolder struct{ err error }

func (r refusedFolder) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: r.err}
}

func (r refusedFolder) Glob(string) ([]string, error) { return nil, r.err }

// ErrOutside is what every read of a folder leading out of the project
// fails with (errors.Is): the folder is reported once, where it is
// listed, and readers of single files in it need not report it again.
var ErrOutside = errors.New("a project folder leads outside the project")

// outsideError is the error of a folder that is a symbolic link leading
// out of the project.
type outsideError struct{ msg string }

func (e *outsideError) Error() string { return e.msg }
func (e *outsideError) Unwrap() error { return ErrOutside }

// errOutside is the error of a folder that is a symbolic link leading out
// of the project.
func errOutside(name, target string) error {
	return &outsideError{fmt.Sprintf("%s is a symbolic link to %s, outside the project; a project's folders must be inside it", name, target)}
}

// confined is the view of a project folder opened with os.Root, whose
// refusal of a path leading out of the folder ("path escapes from
// parent") becomes a sentence naming where the path leads.
type confined struct {
	fsys fs.FS
	dir  string // the folder on disk
}

// leadsOutside is the error of a file of the project reached through a
// symbolic link that leaves the project's folder.
type leadsOutside struct{ target string }

func (e *leadsOutside) Error() string {
	if e.target == "" {
		return "the file leads through a symbolic link outside the project folder; a project's files must be inside it"
	}
	return fmt.Sprintf("the file leads through a symbolic link to %s, outside the project folder; a project's files must be inside it", e.target)
}

// explain rewrites os.Root's refusal of name into leadsOutside.
func (c confined) explain(name string, err error) error {
	var pe *fs.PathError
	if err == nil || !errors.As(err, &pe) || pe.Err.Error() != "path escapes from parent" {
		return err
	}
	target, terr := filepath.EvalSymlinks(filepath.Join(c.dir, filepath.FromSlash(name)))
	if terr != nil {
		target = ""
	}
	return &fs.PathError{Op: pe.Op, Path: pe.Path, Err: &leadsOutside{target}}
}

func (c confined) Open(name string) (fs.File, error) {
	f, err := c.fsys.Open(name)
	return f, c.explain(name, err)
}

func (c confined) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(c.fsys, name)
	return data, c.explain(name, err)
}

func (c confined) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(c.fsys, name)
	return fi, c.explain(name, err)
}

func (c confined) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(c.fsys, name)
	return es, c.explain(name, err)
}
