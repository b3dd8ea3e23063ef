// Package pdfchecktest runs a package's tests with every PDF the
// pipeline builds checked by pdfcheck: a test binary's TestMain calls
// Main.
package pdfchecktest

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/reportgen/reportgen/internal/buildcheck"
	"github.com/reportgen/reportgen/internal/pdfcheck"
)

// checked records what the checker found.
var checked struct {
	sync.Mutex
	pdfs, failed int
	problems     []string
}

// Main runs the tests (m.Run) with every PDF a build makes checked by
// pdfcheck before it is written, tagged PDFs in Tagged mode and the
// others in Untagged mode, and exits. A PDF with a problem fails its
// build with an internal error that lists the problems, which fails the
// test that made it, and then the test binary, whatever that test
// expected of the build, with the problems listed again.
func Main(m *testing.M) {
	buildcheck.PDF = check
	code := m.Run()
	// A fuzzing worker reports through its fuzz target (which fails on
	// an internal error); its exit status is the fuzzer's.
	if w := flag.Lookup("test.fuzzworker"); w != nil && w.Value.String() == "true" {
		os.Exit(code)
	}
	checked.Lock()
	if testing.Verbose() {
		fmt.Fprintf(os.Stderr, "pdfcheck: %d PDFs checked\n", checked.pdfs)
	}
	if checked.failed > 0 {
		fmt.Fprintf(os.Stderr, "pdfcheck: %d of the %d PDFs the tests built have problems:\n%s\n", checked.failed, checked.pdfs, strings.Join(checked.problems, "\n"))
		code = 1
	}
	os.Exit(code)
}

// Off turns the checking off for the rest of tb, and on again when tb
// ends: a benchmark measures the build, not the checker (which costs more
// than the build itself).
func Off(tb testing.TB) {
	old := buildcheck.PDF
	buildcheck.PDF = nil
	tb.Cleanup(func() { buildcheck.PDF = old })
}

// Checked returns the number of PDFs checked so far.
func Checked() int {
	checked.Lock()
	defer checked.Unlock()
	return checked.pdfs
}

// check is buildcheck.PDF in the tests.
func check(pdf []byte, tagged bool) error {
	mode := pdfcheck.Untagged
	if tagged {
		mode = pdfcheck.Tagged
	}
	ps := pdfcheck.Check(pdf, mode)
	checked.Lock()
	defer checked.Unlock()
	checked.pdfs++
	if len(ps) == 0 {
		return nil
	}
	checked.failed++
	var b strings.Builder
	for i, p := range ps {
		if i == 20 {
			fmt.Fprintf(&b, "\n  … and %d more", len(ps)-i)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	checked.problems = append(checked.problems, b.String())
	return fmt.Errorf("pdfcheck: %d problems:%s", len(ps), b.String())
}
