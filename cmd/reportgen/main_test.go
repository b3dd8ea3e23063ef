package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	empty := t.TempDir()
	broken := t.TempDir()
	os.MkdirAll(filepath.Join(broken, "sources"), 0o755)
	os.WriteFile(filepath.Join(broken, "sources", "bad.toml"), []byte("id = \"bad\"\ntitel = \"x\"\n"), 0o644)
	out := t.TempDir()
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, exitUsage, "", "Usage:"},
		{"unknown command", []string{"bild"}, exitUsage, "", `unknown command "bild"`},
		{"help", []string{"--help"}, exitOK, "reportgen build", ""},
		{"build help", []string{"build", "--help"}, exitOK, "", "-root folder"},
		{"bad flag", []string{"build", "--nope"}, exitUsage, "", "flag provided but not defined: -nope"},
		{"extra argument", []string{"build", "x"}, exitUsage, "", `unexpected argument "x"`},
		{"embedded", []string{"build", "--root", empty, "-o", out, "--lang", "en"}, exitOK, "central-asia-2021.en.pdf", "building the embedded reference report"},
		{"broken", []string{"build", "--root", broken, "-o", t.TempDir()}, exitFail, "", `sources/bad.toml:2:1: error: unknown key "titel"; did you mean "title"?`},
		{"unknown report", []string{"build", "--root", empty, "-o", t.TempDir(), "--report", "nope"}, exitFail, "", `no report with ID "nope"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q lacks %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(out, "central-asia-2021.en.pdf")); err != nil {
		t.Errorf("embedded build wrote no PDF: %v", err)
	}
}
