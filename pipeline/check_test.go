package pipeline

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/reportgen/reportgen/internal/pdfcheck"
)

// checked records what the checker found in the PDFs the tests build.
var checked struct {
	sync.Mutex
	pdfs, failed int
	problems     []string
}

// TestMain runs the tests with every PDF a build makes checked by
// pdfcheck before it is written (tagged PDFs in Tagged mode, the others
// in Untagged mode): a PDF with a problem fails its build, which fails
// the test that made it (an internal error), and the test binary,
// whatever that test expected of the build.
func TestMain(m *testing.M) {
	checkPDF = checkBuilt
	code := m.Run()
	// A fuzzing worker reports through its fuzz target (FuzzProject
	// fails on an internal error); its exit status is the fuzzer's.
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

// checkBuilt is checkPDF in the tests.
func checkBuilt(pdf []byte, tagged bool) error {
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
			fmt.Fprintf(&b, "\n… and %d more", len(ps)-i)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	checked.problems = append(checked.problems, b.String())
	return fmt.Errorf("pdfcheck: %d problems:%s", len(ps), b.String())
}

// TestChecked: the builds of the tests are checked.
func TestChecked(t *testing.T) {
	tagged(t)
	checked.Lock()
	defer checked.Unlock()
	if checkPDF == nil || checked.pdfs == 0 {
		t.Error("the PDFs built are not checked")
	}
	t.Logf("%d PDFs checked so far", checked.pdfs)
}

// TestCheckBuiltFails: a PDF with problems fails its build, with the
// problems in the error.
func TestCheckBuiltFails(t *testing.T) {
	err := checkBuilt([]byte("%PDF-1.7\nnot a PDF\n"), true)
	checked.Lock()
	checked.pdfs--
	checked.failed--
	checked.problems = checked.problems[:len(checked.problems)-1]
	checked.Unlock()
	if err == nil || !strings.Contains(err.Error(), "PDF: syntax") {
		t.Errorf("a broken PDF: %v", err)
	}
}
