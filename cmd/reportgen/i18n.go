package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/translate"
)

const i18nUsage = `Usage: reportgen i18n COMMAND [flags]

The translator's workflow. Translators own locales/ and never edit a report.

Commands:
  status            translated, missing and stale messages per report and language
  extract --lang L  write translate.L.toml: every missing or stale message with its
                    source text (and, when stale, the previous translation)
  merge FILE…       merge translated files into locales/L/, recording what source
                    text each translation was made from; refuse (and list) any
                    translation that fails the checks
  stamp --lang L    record the current source text of L's translations as the one
                    they were made from (after a fix that needs no new translation)

Run "reportgen i18n COMMAND --help" for its flags; "reportgen check" runs every
check on every catalog.
`

// runI18n dispatches the translator's commands.
func runI18n(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, i18nUsage)
		return exitUsage
	}
	switch args[0] {
	case "status":
		return runStatus(args[1:], stdout, stderr)
	case "extract":
		return runExtract(args[1:], stdout, stderr)
	case "merge":
		return runMerge(args[1:], stdout, stderr)
	case "stamp":
		return runStamp(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, i18nUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "reportgen i18n: unknown command %q\n\n%s", args[0], i18nUsage)
	return exitUsage
}

// flags is a flag set with the usage text and the --root flag every
// translator command has.
func newFlags(name, usage string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "project `folder` holding sources/ and locales/")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage, "\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs, root
}

// parse parses a command's flags; when the command must stop (-h, or a
// flag error it has printed) ok is false and code is the exit status.
//
// Flags may come before or after the other arguments, as in "reportgen
// import report.en.md --translation ru=report.ru.md"; "--" ends them.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// openTranslations opens the project at root and the translator's view
// of it (doing is what the command does, for the notice about the
// embedded reference report; "" for none); problems that stop it are
// printed. Close the project when done.
func openTranslations(root, doing string, stderr io.Writer) (*project.Project, *translate.Project, bool) {
	proj := openProject(root, doing, doing != "", stderr)
	p, diags := translate.Open(proj)
	if diags.HasErrors() {
		diags.WriteText(stderr)
		proj.Close()
		return nil, nil, false
	}
	return proj, p, true
}

func runStatus(args []string, stdout, stderr io.Writer) int {
	fs, root := newFlags("status", `Usage: reportgen i18n status [flags]

Prints, per report and language, the counts and percentages of translated,
missing and stale messages with a bar, and the IDs of the messages needing
work. Always exits 0 when the project can be read: "reportgen check" and
"reportgen build --strict" are the gates.
`, stderr)
	var langs listFlag
	fs.Var(&langs, "lang", "only these `languages`")
	verbose := fs.Bool("verbose", false, "show the source text of each message needing work")
	format := fs.String("format", "text", "`format`: text or json")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "reportgen i18n status: --format must be text or json\n")
		return exitUsage
	}
	var tags []language.Tag
	for _, l := range langs {
		tag, err := language.Parse(l)
		if err != nil {
			fmt.Fprintf(stderr, "reportgen i18n status: --lang: %q is not a language tag, e.g. ru\n", l)
			return exitUsage
		}
		tags = append(tags, tag)
	}
	proj, p, ok := openTranslations(*root, "reading", stderr)
	if !ok {
		return exitFail
	}
	defer proj.Close()
	sts, diags := p.Status(tags...)
	diags.WriteText(stderr)
	if *format == "json" {
		translate.WriteJSON(stdout, sts)
	} else {
		translate.WriteText(stdout, sts, *verbose)
	}
	return exitOK
}

func runExtract(args []string, stdout, stderr io.Writer) int {
	fs, root := newFlags("extract", `Usage: reportgen i18n extract --lang L [flags]

Writes translate.L.toml (in go-i18n's translate-file format) with every
message of language L that is missing or stale: its current source text and,
for a stale one, the previous translation in a comment. Translate the
"other" (and plural) texts, then run "reportgen i18n merge translate.L.toml".
`, stderr)
	lang := fs.String("lang", "", "the `language` to extract (required)")
	out := fs.String("o", "", "output `file` (default translate.<lang>.toml in the project folder)")
	var reports listFlag
	fs.Var(&reports, "report", "only this report's messages (`ID`, repeatable)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	tag, err := language.Parse(*lang)
	if *lang == "" || err != nil {
		fmt.Fprintln(stderr, "reportgen i18n extract: --lang is required, e.g. --lang ru")
		return exitUsage
	}
	proj, p, ok := openTranslations(*root, "reading", stderr)
	if !ok {
		return exitFail
	}
	defer proj.Close()
	data, n, err := p.Extract(tag, reports...)
	if err != nil {
		fmt.Fprintf(stderr, "reportgen i18n extract: %v\n", err)
		return exitFail
	}
	if n == 0 {
		fmt.Fprintf(stdout, "nothing to translate into %s\n", tag)
		return exitOK
	}
	if *out == "" {
		*out = filepath.Join(*root, translate.TranslateFile(tag))
	}
	if err := pipeline.WriteFileAtomic(*out, data); err != nil {
		fmt.Fprintf(stderr, "reportgen i18n extract: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "%s: %d messages to translate into %s\n", *out, n, tag)
	return exitOK
}

func runMerge(args []string, stdout, stderr io.Writer) int {
	fs, root := newFlags("merge", `Usage: reportgen i18n merge [flags] FILE…

Merges translated files (as written by extract) into the catalogs of their
language, in the catalogs' own order, and records the source text each
translation was made from. A translation that fails a check (placeholders,
markup and links, plural forms, font coverage …) is refused and listed; the
others are merged. Exits 1 when any translation was refused.
`, stderr)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "reportgen i18n merge: name the translated files to merge")
		return exitUsage
	}
	proj, p, ok := openTranslations(*root, "", stderr)
	if !ok {
		return exitFail
	}
	defer proj.Close()
	res, err := p.Merge(fs.Args(), p.Checker(pipeline.Covers(proj)))
	if err != nil {
		fmt.Fprintf(stderr, "reportgen i18n merge: %v\n", err)
		return exitFail
	}
	res.Diags.WriteText(stderr)
	fmt.Fprintf(stdout, "merged %d, unchanged %d, skipped %d (still in the source language), refused %d\n",
		len(res.Merged), len(res.Unchanged), len(res.Skipped), len(res.Refused))
	for _, id := range res.Refused {
		fmt.Fprintf(stdout, "  refused %s\n", id)
	}
	for _, f := range res.Files {
		fmt.Fprintf(stdout, "  wrote %s\n", f)
	}
	if len(res.Refused) > 0 {
		return exitFail
	}
	return exitOK
}

func runStamp(args []string, stdout, stderr io.Writer) int {
	fs, root := newFlags("stamp", `Usage: reportgen i18n stamp --lang L [flags] [ID…]

Records the current source text of L's translations (all of them, or the IDs
given) as the text they were made from: for adopting the workflow, or after a
change to the source that needs no new translation (a typo fix).
`, stderr)
	lang := fs.String("lang", "", "the `language` (required)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	tag, err := language.Parse(*lang)
	if *lang == "" || err != nil {
		fmt.Fprintln(stderr, "reportgen i18n stamp: --lang is required")
		return exitUsage
	}
	proj, p, ok := openTranslations(*root, "", stderr)
	if !ok {
		return exitFail
	}
	defer proj.Close()
	var ids []string
	if fs.NArg() > 0 {
		ids = fs.Args()
	}
	stamped, err := p.Stamp(tag, ids)
	if err != nil {
		fmt.Fprintf(stderr, "reportgen i18n stamp: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "recorded the source text of %d %s translations\n", len(stamped), tag)
	return exitOK
}

// runCheck runs every check of a build without writing a PDF.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, root := newFlags("check", `Usage: reportgen check [flags]

Runs every check a build runs, on every report, style, font and catalog,
without writing a PDF: the reports' schema and annexes; the house styles
and their fonts; the layout of locales/ and every catalog file; and, on
every translation an edition uses, placeholders, inline markup, links and
emphasis, plural forms, numbers written for placeholders, quotation marks,
the glossary, untranslated text, messages no source has, and font coverage.
Exits 1 on any error; warnings inform. With --strict it checks what
"reportgen build --strict" would publish, every warning an error, as that
build does: for pre-commit hooks and translators' CI.
`, stderr)
	format := fs.String("format", "text", "diagnostics `format`: text or json")
	strictMode := fs.Bool("strict", false, "check as \"reportgen build --strict\" builds: the published languages only (and --lang), every warning an error")
	var langs listFlag
	fs.Var(&langs, "lang", "check only these `languages`, e.g. ru")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "reportgen check: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	proj := openProject(*root, "checking", *format == "text", stderr)
	defer proj.Close()
	diags := pipeline.Check(proj, pipeline.Options{Strict: *strictMode, Langs: langs})
	printDiags(stderr, diags, *format)
	fmt.Fprintln(stdout, summary(diags))
	if diags.HasErrors() {
		return exitFail
	}
	return exitOK
}

// flagsFirst returns args with the flags (and their values) before the
// other arguments, which the flag package wants first.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // the flag package reports it
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i]) // the flag's value
		}
	}
	if len(rest) == 0 {
		return flags
	}
	return append(append(flags, "--"), rest...)
}
