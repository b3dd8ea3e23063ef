package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "a.toml")
	if err := Write(path, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("two"), Perm(path, 0o644)); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(data) != "two" || st.Mode().Perm() != 0o600 {
		t.Errorf("content %q, mode %v; want two, 0600 kept", data, st.Mode().Perm())
	}
	if p := Perm(filepath.Join(dir, "none"), 0o640); p != 0o640 {
		t.Errorf("Perm of a missing file = %v", p)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestWriteIn(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := WriteIn(root, "sub/a.toml", []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "sub", "a.toml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteIn(root, "sub/a.toml", []byte("two"), PermIn(root, "sub/a.toml", 0o644)); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "sub", "a.toml"))
	st, _ := os.Stat(filepath.Join(dir, "sub", "a.toml"))
	if string(data) != "two" || st.Mode().Perm() != 0o600 {
		t.Errorf("content %q, mode %v; want two, 0600 kept", data, st.Mode().Perm())
	}
	if p := PermIn(root, "none", 0o640); p != 0o640 {
		t.Errorf("PermIn of a missing file = %v", p)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "sub"))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// Out of the root: through "..", and through a symbolic link.
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../x.toml", "link/x.toml"} {
		if err := WriteIn(root, name, []byte("x"), 0o644); err == nil {
			t.Errorf("WriteIn(%q) wrote out of the root", name)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("written out of the root: %v", entries)
	}
}
