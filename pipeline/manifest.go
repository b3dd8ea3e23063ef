package pipeline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportgen/reportgen/project"
)

// Manifest describes the PDFs of a build, for release tooling.
type Manifest struct {
	// Revision is the git commit of the project, when it is a git
	// checkout.
	Revision string          `json:"revision,omitempty"`
	PDFs     []ManifestEntry `json:"pdfs"`
}

// ManifestEntry is one PDF of a Manifest.
type ManifestEntry struct {
	Report   string `json:"report"`
	Language string `json:"language"`
	File     string `json:"file"`
	Pages    int    `json:"pages"`
	Bytes    int    `json:"bytes"`
	SHA256   string `json:"sha256"`
	// Coverage is the share of the edition's messages translated into its
	// language (1 for the source language).
	Coverage   float64 `json:"coverage"`
	Translated int     `json:"translated"`
	Messages   int     `json:"messages"`
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// writeManifest writes manifest.json and SHA256SUMS into dir.
func writeManifest(p *project.Project, dir string, results []Result) error {
	m := Manifest{Revision: gitRevision(p.Root)}
	sorted := append([]Result(nil), results...)
	sort.Slice(sorted, func(i, j int) bool { return filepath.Base(sorted[i].Path) < filepath.Base(sorted[j].Path) })
	var sums strings.Builder
	for _, r := range sorted {
		cov := 1.0
		if r.Messages > 0 {
			cov = float64(r.Translated) / float64(r.Messages)
		}
		name := filepath.Base(r.Path)
		m.PDFs = append(m.PDFs, ManifestEntry{
			Report: r.Report, Language: r.Lang, File: name, Pages: r.Pages, Bytes: r.Bytes,
			SHA256: r.SHA256, Coverage: cov, Translated: r.Translated, Messages: r.Messages,
		})
		fmt.Fprintf(&sums, "%s  %s\n", r.SHA256, name)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := WriteFileAtomic(filepath.Join(dir, "manifest.json"), append(data, '\n')); err != nil {
		return err
	}
	return WriteFileAtomic(filepath.Join(dir, "SHA256SUMS"), []byte(sums.String()))
}

// gitRevision returns the commit checked out in root, read from .git
// without running git, or "" when root is not a git checkout.
func gitRevision(root string) string {
	if root == "" {
		return ""
	}
	gitDir := filepath.Join(root, ".git")
	if data, err := os.ReadFile(gitDir); err == nil { // a worktree: "gitdir: …"
		if dir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir: "); ok {
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(root, dir)
			}
			gitDir = dir
		}
	}
	head, err := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	ref, isRef := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: ")
	if !isRef {
		return strings.TrimSpace(string(head))
	}
	if data, err := os.ReadFile(filepath.Join(gitDir, filepath.FromSlash(ref))); err == nil {
		return strings.TrimSpace(string(data))
	}
	commonDir := gitDir
	if data, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		commonDir = filepath.Join(gitDir, strings.TrimSpace(string(data)))
		if data, err := os.ReadFile(filepath.Join(commonDir, filepath.FromSlash(ref))); err == nil {
			return strings.TrimSpace(string(data))
		}
	}
	f, err := os.Open(filepath.Join(commonDir, "packed-refs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sha, name, ok := strings.Cut(sc.Text(), " "); ok && name == ref {
			return sha
		}
	}
	return ""
}
