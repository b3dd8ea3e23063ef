package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/mdimport"
	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/translate"
)

// runImport makes a report and its catalogs of Markdown documents.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "project `folder`")
	id := fs.String("id", "", "the report's `ID` (default: the English file's name without .en.md or .md)")
	var trs listFlag
	fs.Var(&trs, "translation", "a translation, `lang=file.md` (repeatable, or comma-separated)")
	update := fs.Bool("update", false, "re-import a changed document into the existing report, keeping the IDs of what is still there")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: reportgen import [flags] REPORT.en.md
       reportgen import --update [flags] REPORT.en.md

Makes sources/ID.toml of a report written in Markdown (as a word processor
or pandoc exports it) and, for each translation, a copy of the same document
in another language, locales/<lang>/ID.<lang>.toml with its sidecar stamped:
the translations were made from exactly this English. Figures are copied to
sources/figures/. Then prints what it could not map, each with its file and
line, and checks the report. An existing report or catalog is never
overwritten, except with --update: then the report is made again of the
changed document, and what is still there (unchanged, changed or moved)
keeps its IDs, so its translations stay attached; changed texts become stale
for translators and new ones missing (i18n status). A translation whose block
is gone is kept in its catalog, obsolete, and listed with its line. The
translations given are merged where they differ from the catalogs. See
"Start from a document: importing from Markdown" in the README for the conventions.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "reportgen import: name one English Markdown file")
		return exitUsage
	}
	enFile := fs.Arg(0)
	if *id == "" {
		base := filepath.Base(enFile)
		base = strings.TrimSuffix(base, filepath.Ext(base))
		base = strings.TrimSuffix(base, ".en")
		*id = strings.ToLower(base)
	}
	if !reportID.MatchString(*id) {
		fmt.Fprintf(stderr, "reportgen import: %q is not a report ID (lower-case letters, digits and \"-\"); give one with --id\n", *id)
		return exitUsage
	}
	en, err := os.ReadFile(enFile)
	if err != nil {
		fmt.Fprintf(stderr, "reportgen import: %v\n", err)
		return exitFail
	}
	var sources []mdimport.Source
	for _, t := range trs {
		lang, file, ok := strings.Cut(t, "=")
		tag, err := language.Parse(lang)
		if !ok || err != nil || file == "" {
			fmt.Fprintf(stderr, "reportgen import: --translation %q is not lang=file.md, e.g. ru=report.ru.md\n", t)
			return exitUsage
		}
		if tag.String() == "en" || slices.ContainsFunc(sources, func(s mdimport.Source) bool { return s.Lang == tag.String() }) {
			fmt.Fprintf(stderr, "reportgen import: --translation %s is given twice or is the source language\n", tag)
			return exitUsage
		}
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stderr, "reportgen import: %v\n", err)
			return exitFail
		}
		sources = append(sources, mdimport.Source{File: file, Lang: tag.String(), Data: data})
	}

	// Refuse before reading anything else: nothing is overwritten.
	reportFile := "sources/" + *id + ".toml"
	if !*update {
		targets := []string{reportFile}
		for _, s := range sources {
			targets = append(targets, translate.CatalogFile(*id, language.Make(s.Lang)))
		}
		for _, f := range targets {
			if _, err := os.Stat(filepath.Join(*root, filepath.FromSlash(f))); err == nil {
				fmt.Fprintf(stderr, "reportgen import: %s exists already; the report is not imported (re-importing into an existing report: --update)\n", filepath.Join(*root, filepath.FromSlash(f)))
				return exitFail
			}
		}
	}

	proj := project.Open(*root)
	cat, _ := locales.Load(proj.Locales, proj.LocalesDir, language.English)
	var kinds []string
	for _, mid := range cat.IDs(language.English) {
		if k, ok := strings.CutPrefix(mid, "doctype."); ok {
			kinds = append(kinds, k)
		}
	}
	proj.Close()
	dir := filepath.Dir(enFile)
	cfg := mdimport.Config{
		ID:    *id,
		Kinds: kinds,
		Message: func(lang, mid string) string {
			if e, ok := cat.Entry(language.Make(lang), mid); ok && e.Message != nil {
				return e.Message.Other
			}
			return ""
		},
		ReadFigure: func(name string) ([]byte, error) {
			if filepath.IsAbs(name) || strings.Contains(filepath.ToSlash(filepath.Clean(name)), "../") {
				return nil, errors.New("not a file beside the Markdown file")
			}
			return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		},
	}
	if *update {
		return importUpdate(*root, *id, mdimport.Source{File: enFile, Lang: "en", Data: en}, sources, cfg, stdout, stderr)
	}
	res, err := mdimport.Import(mdimport.Source{File: enFile, Lang: "en", Data: en}, sources, cfg)
	res.Notes.WriteText(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "reportgen import: %v\n", err)
		return exitFail
	}

	proj = project.Open(*root)
	type file struct {
		name string // relative to the root
		data []byte
	}
	files := []file{{reportFile, res.Report}}
	for _, f := range slices.Sorted(maps.Keys(res.Figures)) {
		files = append(files, file{"sources/" + f, res.Figures[f]})
	}
	for _, s := range sources {
		files = append(files, file{translate.CatalogFile(*id, language.Make(s.Lang)), res.Catalogs[s.Lang]})
	}
	for i, f := range files {
		err := proj.CreateFile(f.name, f.data)
		if errors.Is(err, os.ErrExist) && i > 0 && strings.HasPrefix(f.name, "sources/figures/") {
			if old, _ := os.ReadFile(filepath.Join(*root, filepath.FromSlash(f.name))); string(old) == string(f.data) {
				continue
			}
			err = fmt.Errorf("%s exists already with other content: rename the picture in the Markdown file", f.name)
		}
		if err != nil {
			fmt.Fprintf(stderr, "reportgen import: %v\n", err)
			proj.Close()
			return exitFail
		}
		fmt.Fprintln(stdout, "created", filepath.Join(*root, filepath.FromSlash(f.name)))
	}
	proj.Close()

	// The sidecars: the translations were made from exactly this English.
	if len(sources) > 0 {
		proj = project.Open(*root)
		tp, diags := translate.Open(proj)
		if diags.HasErrors() {
			diags.WriteText(stderr)
		}
		for _, s := range sources {
			tag := language.Make(s.Lang)
			var ids []string
			for mid, t := range tp.Translations(tag) {
				if strings.HasPrefix(mid, *id+".") && t.File == translate.CatalogFile(*id, tag) {
					ids = append(ids, mid)
				}
			}
			if len(ids) == 0 {
				continue
			}
			slices.Sort(ids)
			stamped, err := tp.Stamp(tag, ids)
			if err != nil {
				fmt.Fprintf(stderr, "reportgen import: recording the source text of the %s translations: %v\n", tag, err)
				proj.Close()
				return exitFail
			}
			fmt.Fprintf(stdout, "created %s (%d %s translations, stamped)\n", filepath.Join(*root, filepath.FromSlash(locales.SidecarFile(translate.CatalogFile(*id, tag)))), len(stamped), tag)
		}
		proj.Close()
	}

	proj = project.Open(*root)
	defer proj.Close()
	diags := pipeline.Check(proj, pipeline.Options{Reports: []string{*id}})
	diags.WriteText(stderr)
	fmt.Fprintf(stdout, "%d things not mapped (listed above with their lines); check: %s\n", len(res.Notes), summary(diags))
	fmt.Fprintf(stdout, "Build it with: reportgen build --root %s --report %s\n", *root, *id)
	if diags.HasErrors() {
		return exitFail
	}
	return exitOK
}
