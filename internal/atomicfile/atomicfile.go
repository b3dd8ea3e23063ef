// Package atomicfile writes files so that a reader, or a run stopped half
// way, finds either the old content or the new one, never part of it.
package atomicfile

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Write writes data to path through a temporary file in the same folder
// (".<name>.reportgen-<pid>-<random>.tmp"), synced, given perm and renamed into place. The
// folder is created when missing. On failure path is left as it was.
func Write(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(path)))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // nothing to remove after a successful rename
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
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Perm returns the permissions of the file at path, or def when there is
// no such file: a rewrite keeps what the user set.
func Perm(path string, def os.FileMode) os.FileMode {
	if st, err := os.Stat(path); err == nil {
		return st.Mode().Perm()
	}
	return def
}

// WriteIn is Write for name, a slash-separated path inside root: the
// folders, the temporary file and the rename are all resolved in root, so
// a name or a symbolic link leading out of it is refused (see os.Root).
func WriteIn(root *os.Root, name string, data []byte, perm os.FileMode) error {
	dir, base := path.Split(name)
	if dir != "" {
		if err := root.MkdirAll(path.Clean(dir), 0o755); err != nil {
			return err
		}
	}
	var tmp string
	var f *os.File
	for range 100 {
		tmp = dir + strings.Replace(tempPattern(base), "*", strconv.FormatUint(uint64(rand.Uint32()), 10), 1)
		var err error
		f, err = root.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	if f == nil {
		return &fs.PathError{Op: "createtemp", Path: name, Err: fs.ErrExist}
	}
	defer root.Remove(tmp) // nothing to remove after a successful rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return root.Rename(tmp, name)
}

// PermIn is Perm for name inside root.
func PermIn(root *os.Root, name string, def os.FileMode) os.FileMode {
	if st, err := root.Stat(name); err == nil {
		return st.Mode().Perm()
	}
	return def
}
