package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"github.com/reportgen/reportgen/project"
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
	proj := project.Open(*root)
	defer proj.Close()
	// The report first: when it exists, nothing is written.
	type file struct {
		name string // relative to the root
		data []byte
	}
	files := []file{{"sources/" + id + ".toml", report}, {"sources/report.schema.json", sources.JSONSchema()},
		{"sources/" + sources.ScaffoldFigureFile, sources.ScaffoldFigure()}}
	for _, l := range slices.Sorted(maps.Keys(catalogs)) {
		files = append(files, file{"locales/" + l + "/" + id + "." + l + ".toml", catalogs[l]})
	}
	for i, f := range files {
		err := proj.CreateFile(f.name, f.data)
		switch {
		case errors.Is(err, os.ErrExist) && i == 0:
			fmt.Fprintf(stderr, "reportgen new: sources/%s.toml exists already\n", id)
			return exitFail
		case errors.Is(err, os.ErrExist):
			continue // the schema or a stub from an earlier report
		case err != nil:
			fmt.Fprintf(stderr, "reportgen new: %v\n", err)
			return exitFail
		}
		fmt.Fprintln(stdout, "created", filepath.Join(*root, filepath.FromSlash(f.name)))
	}
	fmt.Fprintf(stdout, "Build it with: reportgen build --root %s --report %s\n", *root, id)
	return exitOK
}
