package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// edit replaces old, which must occur in the file rel of root, with new
// (the first occurrence).
func edit(t *testing.T, root, rel, old, new string) {
	t.Helper()
	file := filepath.Join(root, filepath.FromSlash(rel))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", rel, old)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, root, rel, data string) {
	t.Helper()
	file := filepath.Join(root, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(file), 0o755)
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// posIn returns "line:col" of the table [table] (key "") or of the text of
// its key key in the repository's file rel, as diagnostics give them.
func posIn(rel, table, key string) string {
	line := lineIn(rel, table, key)
	if key == "" {
		return fmt.Sprintf("%d:1", line)
	}
	data, _ := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(rel)))
	text := strings.Split(string(data), "\n")[line-1]
	return fmt.Sprintf("%d:%d", line, strings.Index(text, `"`)+2) // after the opening quote
}

// lineIn returns the line of the repository's file rel that holds the
// table [table] (key "") or its key key, so that expected diagnostics
// follow the catalogs as they change.
func lineIn(rel, table, key string) int {
	data, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(rel)))
	if err != nil {
		panic(err)
	}
	in := false
	for i, ln := range strings.Split(string(data), "\n") {
		switch {
		case ln == "["+table+"]":
			if key == "" {
				return i + 1
			}
			in = true
		case in && strings.HasPrefix(ln, "["):
			in = false
		case in && strings.HasPrefix(ln, key+" ="):
			return i + 1
		}
	}
	panic(fmt.Sprintf("%s has no %s in [%s]", rel, key, table))
}

const (
	report  = "sources/central-asia-2021.toml"
	ruCat   = "locales/ru/central-asia-2021.ru.toml"
	ruIface = "locales/ru/interface.ru.toml"
)

// TestStrictGate: every check runs in every build; a draft build
// (and check) shows warnings and exits 0, build --strict and check
// --strict fail on them, wherever raised, and write no PDF; each problem
// is one diagnostic, whichever command finds it.
func TestStrictGate(t *testing.T) {
	for _, tt := range []struct {
		name   string
		mutate func(t *testing.T, root string)
		// want is the one diagnostic (a substring of its line, from
		// "file:line" on) the problem gives, as a draft build and check
		// print it; severity is its severity there.
		want     string
		severity string
	}{
		{"annex never referred to (raised while loading)", func(t *testing.T, root string) {
			edit(t, root, report, "[[section]]", "[[annex]]\nkey = \"spare\"\ntitle = \"Spare\"\n  [[annex.item]]\n  languages = [\"en\"]\n  kind = \"original\"\n\n[[section]]")
		}, `: warning: annex "spare" is never referred to, so it gets no number and is not listed [spare]`, "warning"},
		{"straight quotes in Russian", func(t *testing.T, root string) {
			edit(t, root, ruCat, "«", `\"`)
			edit(t, root, ruCat, "»", `\"`)
		}, `: warning: quotation marks " are not ru typography; use «…» (and „…“ inside them)`, "warning"},
		{"plural form Russian does not use", func(t *testing.T, root string) {
			edit(t, root, ruIface, "[annexes.count]\n", "[annexes.count]\ntwo = \"К отчёту прилагаются {{.Count}} приложения.\"\n")
		}, fmt.Sprintf(`locales/ru/interface.ru.toml:%d:8: warning: plural form "two" is not used in ru and is ignored [annexes.count]`, lineIn(ruIface, "annexes.count", "")+1), "warning"},
		{"a number written for the placeholder", func(t *testing.T, root string) {
			edit(t, root, ruIface, "many = \"К отчёту прилагается {{.Count}} приложений", "many = \"К отчёту прилагается 5 приложений")
		}, fmt.Sprintf(`locales/ru/interface.ru.toml:%d:1: error: the translation (form many) writes 5 where the source has {{.Count}}; write the placeholder [annexes.count]`, lineIn(ruIface, "annexes.count", "")), "error"},
		{"italic span dropped", func(t *testing.T, root string) {
			edit(t, root, ruCat, "*никто не будет в безопасности, пока в безопасности не будут все.*", "никто не будет в безопасности, пока в безопасности не будут все.")
		}, fmt.Sprintf(`locales/ru/central-asia-2021.ru.toml:%s: error: the translation has 0 italic span(s), the source 1; keep the source's emphasis [central-asia-2021.opening.held.p3]`, posIn(ruCat, "central-asia-2021.opening.held", "p3")), "error"},
		{"link changed: one diagnostic", func(t *testing.T, root string) {
			edit(t, root, ruCat, "(https://migrationnetwork.un.org/regional-reviews)", "(https://example.org/review)")
		}, fmt.Sprintf(`locales/ru/central-asia-2021.ru.toml:%s: error: the translation lacks the link https://migrationnetwork.un.org/regional-reviews and has the link https://example.org/review, which the source does not; keep every link of the source [central-asia-2021.opening.held.p1]`, posIn(ruCat, "central-asia-2021.opening.held", "p1")), "error"},
		{"catalog table with a mistyped block ID", func(t *testing.T, root string) {
			edit(t, root, ruCat, "[central-asia-2021.opening.held]", "[central-asia-2021.opening.hled]")
		}, fmt.Sprintf(`locales/ru/central-asia-2021.ru.toml:%s: warning: no report and no en catalog has this message, so its translation is never used: an ID mistyped, or a message the source no longer has; did you mean "central-asia-2021.opening.held.name"? [central-asia-2021.opening.hled.name]`, posIn(ruCat, "central-asia-2021.opening.held", "name")), "warning"},
		{"glossary term missing", func(t *testing.T, root string) {
			edit(t, root, ruCat, "Алматинск", "Алма-Атинск")
		}, `: warning: glossary: the source says "Almaty Process"; the ru translation should use "Алматинский процесс"`, "warning"},
		{"regional folder beside ru", func(t *testing.T, root string) {
			data, _ := os.ReadFile(filepath.Join(root, ruCat))
			write(t, root, "locales/ru-RU/active.ru-RU.toml", string(data))
		}, `locales/ru-RU: error: no report is in ru-RU (the reports' languages are en, fr, ru), so its files are not read: a catalog folder is named by a language as reports list it; did you mean locales/ru/?`, "error"},
		{"catalog outside a language folder", func(t *testing.T, root string) {
			write(t, root, "locales/messages.toml", "[brand]\norganization = \"x\"\n")
		}, `locales/messages.toml: error: a catalog file is not read outside a language folder: move it to locales/<lang>/messages.<lang>.toml`, "error"},
		{"folder that is not a language", func(t *testing.T, root string) {
			write(t, root, "locales/russian/x.ru.toml", "[brand]\norganization = \"x\"\n")
		}, `locales/russian: error: folder "russian" is not a language tag, so its files are not read`, "error"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := copyRepo(t)
			tt.mutate(t, root)
			code := exitOK
			if tt.severity == "error" {
				code = exitFail
			}
			for _, args := range [][]string{
				{"check", "--root", root},
				{"build", "--root", root, "--lang", "en,ru", "-o", filepath.Join(root, "draft")},
			} {
				_, stderr := runOK(t, code, args...)
				if n := strings.Count(stderr, tt.want); n != 1 {
					t.Errorf("%s: %d times %q in:\n%s", args[0], n, tt.want, stderr)
				}
				if strings.Contains(tt.want, "[") {
					key := tt.want[strings.LastIndex(tt.want, "["):]
					if n := strings.Count(stderr, key); n != 1 {
						t.Errorf("%s: %s has %d diagnostics, want 1:\n%s", args[0], key, n, stderr)
					}
				}
			}
			strictWant := tt.want
			if tt.severity == "warning" {
				strictWant = strings.Replace(strictWant, ": warning: ", ": error: ", 1)
				if i := strings.LastIndex(strictWant, " ["); i >= 0 {
					strictWant = strictWant[:i] + " (--strict)" + strictWant[i:]
				} else {
					strictWant += " (--strict)"
				}
			}
			for _, args := range [][]string{
				{"check", "--strict", "--root", root},
				{"build", "--strict", "--root", root, "-o", filepath.Join(root, "release")},
			} {
				out, stderr := runOK(t, exitFail, args...)
				if !strings.Contains(stderr, strictWant) {
					t.Errorf("%s: no %q in:\n%s", strings.Join(args[:2], " "), strictWant, stderr)
				}
				if strings.Contains(out, ".pdf") {
					t.Errorf("%s wrote PDFs:\n%s", strings.Join(args[:2], " "), out)
				}
			}
			if pdfs, _ := filepath.Glob(filepath.Join(root, "release", "*.pdf")); len(pdfs) > 0 {
				t.Errorf("build --strict wrote %v", pdfs)
			}
		})
	}
}

// TestFourStages: a report error, a bad style value, a broken template
// and an empty font file give four diagnostics, and nothing else, in one
// run of check and of build.
func TestFourStages(t *testing.T) {
	root := copyRepo(t)
	edit(t, root, report, "\ntitle = ", "\ntitel = ")
	edit(t, root, "sources/styles/house.toml", `size = "A4"`, `size = "A44"`)
	edit(t, root, ruIface, "few = \"К отчёту прилагаются {{.Count}}", "few = \"К отчёту прилагаются {{.Count}")
	write(t, root, "fonts/NotoSans-Italic.ttf", "")
	want := []string{
		`sources/central-asia-2021.toml:17:1: error: unknown key "titel"; did you mean "title"?`,
		fmt.Sprintf(`locales/ru/interface.ru.toml:%s: error: form "few": "{{.Count} приложения; приложения пронум…" opens a placeholder but does not close it with "}}" [annexes.count]`, posIn(ruIface, "annexes.count", "few")),
		`sources/styles/house.toml:8:1: error: page size "A44" is not A4, A5, Letter, Legal or custom`,
		`fonts/NotoSans-Italic.ttf: error: not a TrueType font (file too short)`,
	}
	for _, args := range [][]string{
		{"check", "--root", root},
		{"build", "--root", root, "-o", filepath.Join(root, "out")},
	} {
		_, stderr := runOK(t, exitFail, args...)
		got := strings.Split(strings.TrimSpace(stderr), "\n")
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got %s\nwant %s", args[0], strings.Join(got, "\n     "), strings.Join(want, "\n     "))
		}
	}
}

// TestReportAndCatalogErrors: a catalog's problems are reported when a
// report has one too (every invalid UTF-8 sequence of it), by check and
// by build.
func TestReportAndCatalogErrors(t *testing.T) {
	root := copyRepo(t)
	edit(t, root, report, "\ntitle = ", "\ntitel = ")
	edit(t, root, ruCat, `heading = "Вступительное слово"`, "heading = \"Вступительное \xffслово\"")
	edit(t, root, ruCat, `name = "г-жа`+"\u00a0"+`Ренате Хельд"`, "name = \"г-жа\u00a0Рен\xfeате Хельд\"")
	var at []string
	data, _ := os.ReadFile(filepath.Join(root, ruCat))
	for i, ln := range strings.Split(string(data), "\n") {
		if !utf8.ValidString(ln) {
			j := strings.IndexFunc(ln, func(r rune) bool { return r == utf8.RuneError })
			at = append(at, fmt.Sprintf("%s:%d:%d: error: invalid UTF-8", ruCat, i+1, 1+utf8.RuneCountInString(ln[:j])))
		}
	}
	want := append([]string{`sources/central-asia-2021.toml:17:1: error: unknown key "titel"; did you mean "title"?`}, at...)
	if len(at) != 2 {
		t.Fatalf("invalid UTF-8 at %v", at)
	}
	for _, args := range [][]string{
		{"check", "--root", root},
		{"build", "--root", root, "-o", filepath.Join(root, "out")},
	} {
		_, stderr := runOK(t, exitFail, args...)
		got := strings.Split(strings.TrimSpace(stderr), "\n")
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got %s\nwant %s", args[0], strings.Join(got, "\n     "), strings.Join(want, "\n     "))
		}
	}
}

// TestPrintedCommandsExist runs every "reportgen …" command the program
// suggests (in help, in the files extract writes, in sidecars and
// catalogs, in status) with --help: each must exist.
func TestPrintedCommandsExist(t *testing.T) {
	root := copyRepo(t)
	edit(t, root, report, "Ms. Renate Held welcomed delegates", "Ms. Renate Held warmly welcomed delegates")
	var text strings.Builder
	for _, args := range [][]string{
		{"help"}, {"i18n", "help"}, {"build", "--help"}, {"check", "--help"}, {"watch", "--help"}, {"new", "--help"},
		{"i18n", "status", "--help"}, {"i18n", "extract", "--help"}, {"i18n", "merge", "--help"}, {"i18n", "stamp", "--help"},
		{"i18n", "status", "--root", root},
		{"i18n", "extract", "--root", root, "--lang", "ru"},
	} {
		var stdout, stderr bytes.Buffer
		run(args, &stdout, &stderr)
		text.WriteString(stdout.String() + stderr.String())
	}
	for _, glob := range []string{"translate.ru.toml", "locales/*/*.sources", "locales/*/*.toml", "locales/glossary.toml"} {
		files, _ := filepath.Glob(filepath.Join(root, glob))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			text.Write(data)
		}
	}
	// A file written by hand: status tells its translator to stamp.
	write(t, root, "locales/ru/interface.ru.sources", "")
	var stdout, stderr bytes.Buffer
	run([]string{"i18n", "status", "--root", root, "--lang", "ru"}, &stdout, &stderr)
	if !strings.Contains(stdout.String(), `then run "reportgen i18n stamp --lang ru"`) {
		t.Errorf("status of unverified translations does not say what to do:\n%s", stdout.String())
	}
	text.WriteString(stdout.String())

	cmds := map[string]bool{}
	for _, m := range regexp.MustCompile(`reportgen (i18n [a-z]+|[a-z0-9]+)`).FindAllStringSubmatch(text.String(), -1) {
		cmds[m[1]] = true
	}
	if !cmds["i18n merge"] || !cmds["i18n stamp"] || !cmds["check"] {
		t.Fatalf("commands found: %v", cmds)
	}
	for c := range cmds {
		if c == "turns" || c == "in" || c == "i18n in" {
			continue // prose: "reportgen turns …", "messages of reportgen in English", "run reportgen i18n in the project folder"
		}
		var stdout, stderr bytes.Buffer
		if code := run(append(strings.Fields(c), "--help"), &stdout, &stderr); code != exitOK {
			t.Errorf("the program suggests \"reportgen %s\", which fails (exit %d): %s", c, code, stderr.String())
		}
	}
}
