// Command reportgen turns TOML report content and go-i18n message catalogs
// into branded PDFs, one per report and language.
//
// Usage:
//
//	reportgen build [--root DIR] [-o DIR] [--report ID] [--lang L[,L…]]
//
// Exit status: 0 on success, 1 when the build fails, 2 on bad usage.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `reportgen turns TOML report content and go-i18n catalogs into PDFs.

Usage:
  reportgen build [flags]   build every report in every language it lists
  reportgen watch [flags]   build, then rebuild on every saved change
  reportgen new ID          scaffold a new report and its catalog stubs
  reportgen import FILE.md  make a report (and catalogs) of Markdown documents
  reportgen check           run every check on every report and catalog
  reportgen i18n COMMAND    the translator's workflow: status, extract, merge, stamp
  reportgen help            show this help

Run "reportgen COMMAND --help" for the flags of a command.

Exit status: 0 success, 1 build failed, 2 bad usage.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "watch":
		return runWatch(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "i18n":
		return runI18n(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "reportgen: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
}

// listFlag collects comma-separated or repeated values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "project `folder` holding sources/, locales/ and fonts/; without sources/ the embedded reference report is built")
	out := fs.String("o", "", "output `folder` (default: <root>/output)")
	var reports, langs listFlag
	fs.Var(&reports, "report", "build only the report with this `ID` (repeatable, or comma-separated)")
	fs.Var(&langs, "lang", "build only these `languages`, e.g. en,ru")
	strictMode := fs.Bool("strict", false, "fail (exit 1, no PDF of the report written) on any warning, such as an untranslated message: for CI and releases")
	shard := fs.String("shard", "", "build only slice `i/n` of the editions (1-based i), for a CI matrix")
	workers := fs.Int("j", 0, "editions built at once (default: one per CPU)")
	format := fs.String("format", "text", "diagnostics `format`: text or json (one JSON object per line)")
	standard := fs.String("pdf-standard", "ua", "PDF `standard`: ua for tagged PDFs (structure tree in reading order, artifacts marked, PDF/UA-1 and PDF/A-2a metadata), or none for plain PDFs, quicker to write and easier to debug")
	showStats := fs.Bool("stats", false, "print typographic statistics of each PDF: lines, hyphenation, word spacing, overfull lines, widows, orphans")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: reportgen build [flags]

Builds every report under <root>/sources in every language it lists into
<output>/<report-id>.<lang>.pdf, with <output>/manifest.json and
<output>/SHA256SUMS describing what was written. Diagnostics go to stderr
as file:line:col: error|warning: message [message-id]; with
GITHUB_ACTIONS=true they are also printed as workflow commands.

Exit status: 0 success, 1 build failed, 2 bad usage.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "reportgen build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "reportgen build: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	if *standard != "none" && *standard != "ua" {
		fmt.Fprintf(stderr, "reportgen build: --pdf-standard must be none or ua, not %q\n", *standard)
		return exitUsage
	}
	opt := pipeline.Options{Reports: reports, Langs: langs, Strict: *strictMode, Workers: *workers, PDFStandard: *standard}
	if *shard != "" {
		i, n, err := parseShard(*shard)
		if err != nil {
			fmt.Fprintf(stderr, "reportgen build: --shard: %v\n", err)
			return exitUsage
		}
		opt.Shard, opt.Shards = i-1, n
	}
	if *out == "" {
		*out = filepath.Join(*root, "output")
	}
	opt.OutDir = *out
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opt.Context = ctx
	proj := openProject(*root, "building", *format == "text", stderr)
	defer proj.Close()
	results, diags := pipeline.Run(proj, opt)
	printDiags(stderr, diags, *format)
	for _, r := range results {
		fmt.Fprintf(stdout, "%s  %d pages  %d bytes\n", r.Path, r.Pages, r.Bytes)
		if *showStats {
			r.Stats.WriteTo(stdout)
		}
	}
	if diags.HasErrors() {
		return exitFail
	}
	return exitOK
}

// openProject opens the project at root. When it is the embedded
// reference report (root has no sources/), it says so, with what the
// command is doing to it, unless the diagnostics are JSON (tools read
// stderr then).
func openProject(root, doing string, text bool, stderr io.Writer) *project.Project {
	proj := project.Open(root)
	if proj.Embedded && text {
		fmt.Fprintf(stderr, "reportgen: no sources/ folder in %s; %s the embedded reference report\n", root, doing)
	}
	return proj
}

// parseShard reads "i/n" with 1 <= i <= n.
func parseShard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		i, err = strconv.Atoi(a)
		if err == nil {
			n, err = strconv.Atoi(b)
		}
	}
	if !ok || err != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("%q is not i/n with 1 <= i <= n", s)
	}
	return i, n, nil
}

// printDiags writes diagnostics in the chosen format, and as GitHub
// workflow commands too when running in GitHub Actions.
func printDiags(w io.Writer, diags diag.List, format string) {
	if format == "json" {
		diags.WriteJSON(w)
	} else {
		diags.WriteText(w)
	}
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		diags.WriteGitHub(w)
	}
}

// summary counts diagnostics: "N errors, M warnings".
func summary(ds diag.List) string {
	errs := 0
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs++
		}
	}
	return fmt.Sprintf("%d errors, %d warnings", errs, len(ds)-errs)
}
