package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/language"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitLines waits up to d for stdout to hold n status lines and returns
// the last.
func waitLines(t *testing.T, out *syncBuffer, n int, d time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) >= n && lines[0] != "" {
			return lines[n-1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no status line %d within %v; output:\n%s", n, d, out.String())
	return ""
}

func TestWatchRebuildsAndSurvivesErrors(t *testing.T) {
	root := t.TempDir()
	var sink bytes.Buffer
	if code := run([]string{"new", "--root", root, "w"}, &sink, &sink); code != exitOK {
		t.Fatalf("new: %s", sink.String())
	}
	report := filepath.Join(root, "sources", "w.toml")
	good, _ := os.ReadFile(report)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() { done <- watch(ctx, root, filepath.Join(root, "output"), &stdout, &stderr) }()

	if l := waitLines(t, &stdout, 1, 10*time.Second); !strings.Contains(l, "ok (start): 2 PDFs") {
		t.Fatalf("first build: %q", l)
	}
	// Within a second of a save (plus the debounce), a rebuild.
	os.WriteFile(report, bytes.Replace(good, []byte("Title of the report"), []byte("A new title"), 1), 0o644)
	if l := waitLines(t, &stdout, 2, 3*time.Second); !strings.Contains(l, "ok (sources/w.toml)") {
		t.Errorf("rebuild: %q", l)
	}
	// A broken file: an error, and the watcher keeps going.
	os.WriteFile(report, bytes.Replace(good, []byte(`type = "moderator"`), []byte(`type = "moderatr"`), 1), 0o644)
	if l := waitLines(t, &stdout, 3, 3*time.Second); !strings.Contains(l, "FAILED") {
		t.Errorf("broken build: %q", l)
	}
	if !strings.Contains(stderr.String(), `sources/w.toml:`) || !strings.Contains(stderr.String(), `block type "moderatr" is not one of`) {
		t.Errorf("stderr lacks the positioned error:\n%s", stderr.String())
	}
	os.WriteFile(report, good, 0o644)
	if l := waitLines(t, &stdout, 4, 3*time.Second); !strings.Contains(l, "ok (sources/w.toml)") {
		t.Errorf("fixed build: %q", l)
	}
	// A translation rebuilds its language only.
	os.WriteFile(filepath.Join(root, "locales", "ru", "w.ru.toml"), []byte("[w]\ntitle = \"Название\"\n"), 0o644)
	if l := waitLines(t, &stdout, 5, 3*time.Second); !strings.Contains(l, "1 PDFs") || !strings.Contains(l, "w.ru.pdf") {
		t.Errorf("translation rebuild: %q", l)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d", code)
	}
}

// A translation rebuilds its language only; which catalogs are
// translations depends on the reports' source language, here French.
func TestWatchAffectedBySourceLanguage(t *testing.T) {
	root := t.TempDir()
	var sink bytes.Buffer
	if code := run([]string{"new", "--root", root, "--translate", "en", "w"}, &sink, &sink); code != exitOK {
		t.Fatalf("new: %s", sink.String())
	}
	report := filepath.Join(root, "sources", "w.toml")
	data, _ := os.ReadFile(report)
	data = bytes.Replace(data, []byte(`source-language = "en"`), []byte(`source-language = "fr"`), 1)
	data = bytes.Replace(data, []byte(`languages = ["en"] `), []byte(`languages = ["fr"] `), 1)
	os.WriteFile(report, data, 0o644)

	langs := sourceLanguages(root)
	if len(langs) != 1 || !langs[language.French] {
		t.Fatalf("source languages %v, want fr", langs)
	}
	isSource := func(folder string) bool { return langs[language.Make(folder)] }
	for _, tt := range []struct {
		changed string
		langs   []string // nil: every edition
	}{
		{"locales/en/w.en.toml", []string{"en"}},
		{"locales/fr/interface.fr.toml", nil},
		{"locales/glossary.toml", nil},
		{"sources/w.toml", nil},
	} {
		opt, why := affected(root, map[string]bool{filepath.Join(root, filepath.FromSlash(tt.changed)): true}, isSource)
		if !slices.Equal(opt.Langs, tt.langs) || why != tt.changed {
			t.Errorf("%s: languages %v (%s), want %v", tt.changed, opt.Langs, why, tt.langs)
		}
	}
	// The project builds, its source edition in French.
	stdout, stderr := runOK(t, exitOK, "build", "--root", root, "-o", t.TempDir())
	if !strings.Contains(stdout, "w.fr.pdf") || !strings.Contains(stdout, "w.en.pdf") {
		t.Errorf("build:\n%s\n%s", stdout, stderr)
	}
}
