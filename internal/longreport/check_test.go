package longreport

import (
	"testing"

	"github.com/reportgen/reportgen/internal/pdfcheck/pdfchecktest"
)

// TestMain runs the tests with every PDF a build makes checked by
// pdfcheck before it is written (see pdfchecktest.Main).
func TestMain(m *testing.M) { pdfchecktest.Main(m) }
