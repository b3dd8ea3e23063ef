package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/reportgen/reportgen/project"
)

const soakOutEnv = "REPORTGEN_SOAK_OUT"

// TestConcurrentBuildsIntoOneFolder builds the reference report into one
// output folder from 16 processes at once: every build succeeds, the
// folder ends with complete PDFs, manifest and checksums, no temporary
// file is left, and a user's own file is not touched.
func TestConcurrentBuildsIntoOneFolder(t *testing.T) {
	if out := os.Getenv(soakOutEnv); out != "" {
		_, diags := Run(project.Open(os.Getenv("REPORTGEN_SOAK_ROOT")), Options{OutDir: out, Reports: []string{"central-asia-2021"}, Langs: []string{"en", "ru"}, Workers: 1})
		if diags.HasErrors() {
			fmt.Println(diags.Err())
			os.Exit(1)
		}
		return
	}
	out := t.TempDir()
	notes := filepath.Join(out, ".notes.tmp")
	os.WriteFile(notes, []byte("mine"), 0o644)
	root := t.TempDir() // the embedded project
	const builds = 16
	var wg sync.WaitGroup
	errs := make([]string, builds)
	for i := range builds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentBuildsIntoOneFolder$", "-test.count=1")
			cmd.Env = append(os.Environ(), soakOutEnv+"="+out, "REPORTGEN_SOAK_ROOT="+root)
			if data, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Sprintf("build %d: %v\n%s", i, err, data)
			}
		}()
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Error(e)
		}
	}
	if data, err := os.ReadFile(notes); err != nil || string(data) != "mine" {
		t.Errorf("the user's .notes.tmp: %q, %v", data, err)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := ".notes.tmp SHA256SUMS central-asia-2021.en.pdf central-asia-2021.ru.pdf manifest.json"; strings.Join(names, " ") != want {
		t.Errorf("output folder: %q, want %q", names, want)
	}
	sums, _ := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	for _, ln := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		sum, name, _ := strings.Cut(ln, "  ")
		data, _ := os.ReadFile(filepath.Join(out, name))
		h := sha256.Sum256(data)
		if hex.EncodeToString(h[:]) != sum || !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
			t.Errorf("%s is not the complete PDF its checksum names", name)
		}
	}
}

// blockingFS is a folder whose reads wait until release is closed.
type blockingFS struct {
	fs.FS
	reading chan struct{} // closed at the first read
	once    *sync.Once
	release chan struct{}
}

func (b blockingFS) Open(name string) (fs.File, error) {
	b.once.Do(func() { close(b.reading) })
	<-b.release
	return b.FS.Open(name)
}

// TestInterruptWhileLoading cancels a build while it is loading the
// reports (their folder's reads wait until the test is done): Run returns
// at once, saying the build was interrupted, and writes nothing.
func TestInterruptWhileLoading(t *testing.T) {
	p := project.Open(t.TempDir())
	block := blockingFS{FS: p.Sources, reading: make(chan struct{}), once: new(sync.Once), release: make(chan struct{})}
	defer close(block.release)
	p.Sources = block
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-block.reading
		cancel()
	}()
	out := t.TempDir()
	results, diags := Run(p, Options{OutDir: out, Context: ctx})
	if len(results) != 0 || len(diags) != 1 || diags[0].String() != "error: build interrupted: context canceled; no PDF was written" {
		t.Errorf("results %v, diagnostics:\n%v", results, diags)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("written: %v", entries)
	}
}
