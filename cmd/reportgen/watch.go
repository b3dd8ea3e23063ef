package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
)

// runWatch rebuilds the PDFs a saved change affects, until interrupted.
func runWatch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "project `folder` holding sources/, locales/ and fonts/")
	out := fs.String("o", "", "output `folder` (default: <root>/output)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: reportgen watch [flags]

Builds every report once, then rebuilds within a second of every saved change
under sources/, locales/ or fonts/: a translation rebuilds the editions of its
language, anything else every edition. Prints
one status line per rebuild and keeps running after an error. Ctrl-C stops.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *out == "" {
		*out = filepath.Join(*root, "output")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return watch(ctx, *root, *out, stdout, stderr)
}

// watch runs the watch loop until ctx is done.
func watch(ctx context.Context, root, out string, stdout, stderr io.Writer) int {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(stderr, "reportgen watch: %v\n", err)
		return exitFail
	}
	defer w.Close()
	watched := 0
	for _, dir := range []string{"sources", "locales", "fonts"} {
		filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if w.Add(path) == nil {
					watched++
				}
			}
			return nil
		})
	}
	if watched == 0 {
		fmt.Fprintf(stderr, "reportgen watch: no sources/, locales/ or fonts/ folder in %s\n", root)
		return exitFail
	}
	rebuild := func(opt pipeline.Options, why string) {
		opt.OutDir = out
		opt.Context = ctx
		start := time.Now()
		proj := project.Open(root)
		results, diags := pipeline.Run(proj, opt)
		proj.Close()
		diags.WriteText(stderr)
		var names []string
		for _, r := range results {
			names = append(names, filepath.Base(r.Path))
		}
		status := "ok"
		if diags.HasErrors() {
			status = "FAILED"
		}
		fmt.Fprintf(stdout, "%s %s (%s): %d PDFs in %v [%s], %s\n",
			time.Now().Format("15:04:05"), status, why, len(results), time.Since(start).Round(time.Millisecond), strings.Join(names, " "), summary(diags))
	}
	rebuild(pipeline.Options{}, "start")

	// The reports' source languages, read when a change to locales/ needs
	// them and forgotten when a report changes. A folder whose name is no
	// language tag counts as a source language: everything is rebuilt.
	var sourceLangs map[language.Tag]bool
	isSource := func(folder string) bool {
		if sourceLangs == nil {
			sourceLangs = sourceLanguages(root)
		}
		tag, err := language.Parse(folder)
		return err != nil || sourceLangs[tag]
	}

	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return exitOK
		case ev, ok := <-w.Events:
			if !ok {
				return exitOK
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.Add(ev.Name)
				}
			}
			if ev.Has(fsnotify.Write) || ev.Has(fsnotify.Create) || ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				pending[ev.Name] = true
				timer.Reset(150 * time.Millisecond) // editors save in bursts
			}
		case err, ok := <-w.Errors:
			if ok {
				fmt.Fprintf(stderr, "reportgen watch: %v\n", err)
			}
		case <-timer.C:
			for path := range pending {
				if rel, err := filepath.Rel(root, path); err != nil || strings.HasPrefix(filepath.ToSlash(rel)+"/", "sources/") {
					sourceLangs = nil
				}
			}
			opt, why := affected(root, pending, isSource)
			pending = map[string]bool{}
			rebuild(opt, why)
		}
	}
}

// affected narrows a rebuild to what the changed files touch. A
// translation (a file of locales/<lang>/, where lang is no report's source
// language: isSource says) rebuilds its language only; anything else
// (reports, fonts, styles, the glossary, the source language's catalogs,
// which every edition falls back on) every edition.
func affected(root string, changed map[string]bool, isSource func(lang string) bool) (pipeline.Options, string) {
	var opt pipeline.Options
	var langs, why []string
	all := false
	for path := range changed {
		rel, err := filepath.Rel(root, path)
		if err != nil {
			all = true
			continue
		}
		rel = filepath.ToSlash(rel)
		why = append(why, rel)
		parts := strings.Split(rel, "/")
		if len(parts) == 3 && parts[0] == "locales" && !isSource(parts[1]) {
			langs = append(langs, parts[1]) // a translation: that language only
		} else {
			all = true
		}
	}
	if !all {
		opt.Langs = langs
	}
	return opt, strings.Join(why, ", ")
}

// sourceLanguages returns the source languages of the reports of the
// project at root that load.
func sourceLanguages(root string) map[language.Tag]bool {
	proj := project.Open(root)
	defer proj.Close()
	reports, _ := proj.LoadReports()
	langs := map[language.Tag]bool{}
	for _, r := range reports {
		langs[r.SourceTag] = true
	}
	return langs
}
