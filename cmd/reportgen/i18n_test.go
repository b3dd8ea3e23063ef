package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/reportgen/reportgen/internal/projecttest"
)

// copyRepo copies the project folders of the repository into a temporary
// project.
func copyRepo(t *testing.T) string { return projecttest.Copy(t, filepath.Join("..", "..")) }

func runOK(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != want {
		t.Fatalf("reportgen %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, want, stdout.String(), stderr.String())
	}
	return stdout.String(), stderr.String()
}

// TestTranslatorCycle walks the cycle the README describes: an English
// paragraph changes; status shows its translation stale; a draft build
// marks it and a strict build fails; extract lists it with the old
// translation; a fixed file is merged; status and strict build are clean.
func TestTranslatorCycle(t *testing.T) {
	root := copyRepo(t)
	report := filepath.Join(root, "sources", "central-asia-2021.toml")
	data, _ := os.ReadFile(report)
	data = bytes.Replace(data, []byte("Ms. Renate Held welcomed delegates and opened the event."), []byte("Ms. Renate Held warmly welcomed delegates and opened the event."), 1)
	os.WriteFile(report, data, 0o644)
	const id = "central-asia-2021.opening.held.p1"

	out, _ := runOK(t, exitOK, "i18n", "status", "--root", root, "--lang", "ru")
	if !strings.Contains(out, "stale 1") || !strings.Contains(out, "stale      "+id) {
		t.Errorf("status after the change:\n%s", out)
	}
	_, stderr := runOK(t, exitOK, "build", "--root", root, "--lang", "ru", "-o", filepath.Join(root, "draft"))
	if !strings.Contains(stderr, "warning: the ru translation is stale") || !strings.Contains(stderr, "["+id+"]") {
		t.Errorf("draft build:\n%s", stderr)
	}
	_, stderr = runOK(t, exitFail, "build", "--root", root, "--strict", "-o", filepath.Join(root, "strict"))
	if !strings.Contains(stderr, "error: the ru translation is stale") {
		t.Errorf("strict build:\n%s", stderr)
	}

	out, _ = runOK(t, exitOK, "i18n", "extract", "--root", root, "--lang", "ru")
	file := filepath.Join(root, "translate.ru.toml")
	extracted, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("extract wrote nothing: %s", out)
	}
	text := string(extracted)
	if !strings.Contains(text, `["`+id+`"]`) || !strings.Contains(text, "warmly welcomed") || !strings.Contains(text, "# previous translation: \"Г-жа\u00a0Ренате Хельд приветствовала") {
		t.Errorf("translate.ru.toml:\n%s", text)
	}
	if strings.Count(text, "\n[") > 1 || strings.Count(text, "\n[\"") > 1 {
		t.Errorf("extract lists more than the stale message:\n%s", text)
	}

	// A translation that drops a link is refused.
	bad := strings.Replace(text, `other = "Ms. Renate Held warmly welcomed`, `other = "Г-жа Ренате Хельд тепло приветствовала`, 1)
	bad = strings.Replace(bad, "](https://migrationnetwork.un.org/regional-reviews)", "]", 1)
	bad = strings.Replace(bad, "[regional review of the GCM in the UNECE region]", "regional review of the GCM in the UNECE region", 1)
	os.WriteFile(file, []byte(bad), 0o644)
	out, stderr = runOK(t, exitFail, "i18n", "merge", "--root", root, file)
	if !strings.Contains(out, "refused "+id) || !strings.Contains(stderr, "link") {
		t.Errorf("merge of a broken translation:\n%s\n%s", out, stderr)
	}

	// The fixed translation merges, as a small diff.
	catalog := filepath.Join(root, "locales", "ru", "central-asia-2021.ru.toml")
	before, _ := os.ReadFile(catalog)
	// The whole paragraph translated: the previous translation with the
	// change (a half-English one fails the glossary in a strict build).
	prev := regexp.MustCompile(`# previous translation: (".*")`).FindStringSubmatch(text)
	if prev == nil {
		t.Fatalf("no previous translation in:\n%s", text)
	}
	good := regexp.MustCompile(`(?m)^other = "Ms\. Renate Held warmly welcomed.*$`).ReplaceAllLiteralString(text, "other = "+strings.Replace(prev[1], "приветствовала", "тепло приветствовала", 1))
	os.WriteFile(file, []byte(good), 0o644)
	out, _ = runOK(t, exitOK, "i18n", "merge", "--root", root, file)
	if !strings.Contains(out, "merged 1") {
		t.Errorf("merge:\n%s", out)
	}
	after, _ := os.ReadFile(catalog)
	if changed := diffLines(string(before), string(after)); changed != 1 {
		t.Errorf("merge changed %d lines of the catalog, want 1", changed)
	}
	out, _ = runOK(t, exitOK, "i18n", "status", "--root", root, "--lang", "ru")
	if !strings.Contains(out, "stale 0") || !strings.Contains(out, "missing 0") {
		t.Errorf("status after the merge:\n%s", out)
	}
	runOK(t, exitOK, "build", "--root", root, "--strict", "-o", filepath.Join(root, "release"))

	// French is in progress: strict leaves it out, and fails when asked.
	_, stderr = runOK(t, exitFail, "build", "--root", root, "--strict", "--lang", "fr", "-o", filepath.Join(root, "fr"))
	if n := strings.Count(stderr, "not translated into fr"); n < 20 {
		t.Errorf("strict fr build lists %d missing messages", n)
	}
	out, _ = runOK(t, exitOK, "i18n", "status", "--root", root, "--lang", "fr", "--format", "json")
	if !strings.Contains(out, `"lang": "fr"`) && !strings.Contains(out, `"lang":"fr"`) {
		t.Errorf("json status:\n%s", out)
	}
}

// diffLines counts the lines of a that differ from b, for files of the
// same length.
func diffLines(a, b string) int {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) != len(lb) {
		return -1
	}
	n := 0
	for i := range la {
		if la[i] != lb[i] {
			n++
		}
	}
	return n
}

func TestCheckCommand(t *testing.T) {
	root := copyRepo(t)
	out, _ := runOK(t, exitOK, "check", "--root", root)
	if !strings.Contains(out, "0 errors") {
		t.Errorf("check of the repository: %s", out)
	}
	catalog := filepath.Join(root, "locales", "ru", "central-asia-2021.ru.toml")
	data, _ := os.ReadFile(catalog)
	data = bytes.ReplaceAll(data, []byte("Алматинск"), []byte("Алма-Атинск"))
	data = bytes.Replace(data, []byte("«"), []byte("“"), 1)
	data = bytes.Replace(data, []byte("»"), []byte("”"), 1)
	os.WriteFile(catalog, data, 0o644)
	_, stderr := runOK(t, exitOK, "check", "--root", root)
	for _, want := range []string{`glossary: the source says "Almaty Process"`, "use «…»"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check does not flag %q:\n%s", want, stderr)
		}
	}

	// Markup in a plain interface message, of the source language and
	// in a translation: each reported once, though every report's catalog
	// holds it.
	for _, f := range []struct{ file, old, new, want string }{
		{"locales/ru/interface.ru.toml", `tagline = "Агентство ООН по миграции"`, `tagline = "*Агентство* ООН по миграции"`,
			"locales/ru/interface.ru.toml:5:12: error: the text has inline markup, *Агентство*, but this message is plain text: it would be printed as typed, not as italic text; remove the markup [brand.tagline]\n"},
		{"locales/en/interface.en.toml", `organization = "International Organization for Migration (IOM)"`, `organization = "[IOM](javascript:alert(1))"`,
			"locales/en/interface.en.toml:6:17: error: the text has inline markup, [IOM](javascript:alert(1)), but this message is plain text: it would be printed as typed, not as a link; remove the markup [brand.organization]\n"},
	} {
		name := filepath.Join(root, filepath.FromSlash(f.file))
		data, _ := os.ReadFile(name)
		if !bytes.Contains(data, []byte(f.old)) {
			t.Fatalf("%s: no %s", f.file, f.old)
		}
		os.WriteFile(name, bytes.Replace(data, []byte(f.old), []byte(f.new), 1), 0o644)
		_, stderr = runOK(t, exitFail, "check", "--root", root)
		if n := strings.Count(stderr, f.want); n != 1 {
			t.Errorf("check reports %q %d times:\n%s", f.want, n, stderr)
		}
	}
}

// TestGoi18nReadsOurFiles runs go-i18n's own goi18n merge (a tool of this
// module) on our catalogs and on an extracted translate file: teams using
// goi18n can keep doing so.
func TestGoi18nReadsOurFiles(t *testing.T) {
	root := copyRepo(t)
	report := filepath.Join(root, "sources", "central-asia-2021.toml")
	data, _ := os.ReadFile(report)
	os.WriteFile(report, bytes.Replace(data, []byte("opened the event."), []byte("opened the meeting."), 1), 0o644)
	runOK(t, exitOK, "i18n", "extract", "--root", root, "--lang", "ru")
	out := t.TempDir()
	args := []string{"tool", "goi18n", "merge", "-sourceLanguage", "en", "-outdir", out,
		filepath.Join(root, "locales", "en", "interface.en.toml"),
		filepath.Join(root, "locales", "ru", "interface.ru.toml"),
		filepath.Join(root, "locales", "ru", "central-asia-2021.ru.toml"),
		filepath.Join(root, "translate.ru.toml"),
	}
	cmd := exec.Command("go", args...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	active, err := os.ReadFile(filepath.Join(out, "active.ru.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// goi18n keeps the messages of its source files: the interface ones
	// (a report's English lives in the report, not in a catalog).
	for _, want := range []string{"Международная организация по миграции (МОМ)", "Страница {{.Page}} из {{.Pages}}"} {
		if !strings.Contains(string(active), want) {
			t.Errorf("goi18n's active.ru.toml lacks %q", want)
		}
	}
}
