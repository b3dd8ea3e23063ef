package pdfchecktest

import (
	"strings"
	"testing"
)

// TestCheckFails: a PDF with problems fails its build, with the
// problems in the error, and is counted as failed.
func TestCheckFails(t *testing.T) {
	err := check([]byte("%PDF-1.7\nnot a PDF\n"), true)
	if err == nil || !strings.Contains(err.Error(), "PDF: syntax") {
		t.Errorf("a broken PDF: %v", err)
	}
	checked.Lock()
	defer checked.Unlock()
	if checked.pdfs != 1 || checked.failed != 1 || len(checked.problems) != 1 {
		t.Errorf("counted %d PDFs, %d failed, %d problem lists", checked.pdfs, checked.failed, len(checked.problems))
	}
	checked.pdfs, checked.failed, checked.problems = 0, 0, nil
}
