package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/sources"
)

var reportID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// runNew scaffolds a report and its catalog stubs.
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "project `folder`")
	var langs listFlag
	fs.Var(&langs, "translate", "`languages` to start translations for (default ru)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: reportgen new [flags] ID

Creates sources/ID.toml, a report with every block kind shown once and
explained, that builds at once; sources/report.schema.json for editors with
TOML schema support; and a catalog stub locales/<lang>/ID.<lang>.toml for each
translation. Existing files are never overwritten.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || !reportID.MatchString(fs.Arg(0)) {
		fmt.Fprintln(stderr, "reportgen new: give one report ID: lower-case letters, digits and \"-\"")
		return exitUsage
	}
	id := fs.Arg(0)
	if len(langs) == 0 {
		langs = listFlag{"ru"}
	}
	report, catalogs := sources.Scaffold(id, langs)
	files := map[string][]byte{
		filepath.Join(*root, "sources", id+".toml"):           report,
		filepath.Join(*root, "sources", "report.schema.json"): sources.JSONSchema(),
	}
	for l, data := range catalogs {
		files[filepath.Join(*root, "locales", l, id+"."+l+".toml")] = data
	}
	if _, err := os.Stat(filepath.Join(*root, "sources", id+".toml")); err == nil {
		fmt.Fprintf(stderr, "reportgen new: sources/%s.toml exists already\n", id)
		return exitFail
	}
	for path, data := range files {
		if _, err := os.Stat(path); err == nil {
			continue // the schema or a stub from an earlier report
		}
		if err := pipeline.WriteFileAtomic(path, data); err != nil {
			fmt.Fprintf(stderr, "reportgen new: %v\n", err)
			return exitFail
		}
		fmt.Fprintln(stdout, "created", path)
	}
	fmt.Fprintf(stdout, "Build it with: reportgen build --root %s --report %s\n", *root, id)
	return exitOK
}
