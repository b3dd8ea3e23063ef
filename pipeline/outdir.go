package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkOutDir refuses an output folder inside the project folder root that
// a symbolic link leads out of it: a cloned project could otherwise have
// its output/ point at any folder of the user's and overwrite a
// manifest.json or SHA256SUMS there. An output folder named outside the
// project (-o) is the user's choice, symbolic links included.
func checkOutDir(root, out string) error {
	if root == "" {
		root = "."
	}
	absRoot, err1 := filepath.Abs(root)
	absOut, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil || !within(absRoot, absOut) {
		return nil
	}
	realRoot, err := filepath.EvalSymlinks(absRoot)
	if err != nil {
		return nil
	}
	// The folder may not exist yet: resolve what does.
	existing, rest := absOut, ""
	for {
		if real, err := filepath.EvalSymlinks(existing); err == nil {
			realOut := filepath.Join(real, rest)
			if !within(realRoot, realOut) {
				return fmt.Errorf("the output folder %s leads through a symbolic link to %s, outside the project; to write there, name it with -o", out, realOut)
			}
			return nil
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return nil
		}
		existing, rest = parent, filepath.Join(filepath.Base(existing), rest)
	}
}

// within reports whether path is dir or lies inside it (both absolute).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(os.PathSeparator))
}
