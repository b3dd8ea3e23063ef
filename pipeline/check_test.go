package pipeline

import (
	"testing"

	"github.com/reportgen/reportgen/internal/pdfcheck/pdfchecktest"
)

// TestMain runs the tests with every PDF a build makes checked by
// pdfcheck before it is written (see pdfchecktest.Main).
func TestMain(m *testing.M) { pdfchecktest.Main(m) }

// TestChecked: the builds of the tests are checked.
func TestChecked(t *testing.T) {
	tagged(t)
	if n := pdfchecktest.Checked(); n == 0 {
		t.Error("the PDFs built are not checked")
	} else {
		t.Logf("%d PDFs checked so far", n)
	}
}
