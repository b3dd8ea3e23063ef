// Package pipeline runs the whole pipeline for a project opened by
// package project (its reports, catalogs and fonts, or the embedded
// defaults): for every report and language it resolves, checks, lays out
// and writes a PDF. Check runs the same checks, and the translators',
// without writing anything.
//
// A PDF is written to a temporary file in the output folder, synced and
// renamed into place, so a failed or interrupted build never leaves a
// partial PDF and never replaces a good one.
package pipeline

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/reportgen/reportgen/internal/atomicfile"
	"github.com/reportgen/reportgen/sources"
)

// Date returns the date to write into PDFs: opt.Date, else
// SOURCE_DATE_EPOCH, else the report's date at midnight UTC.
func Date(opt Options, r *sources.Report) (time.Time, error) {
	if !opt.Date.IsZero() {
		return opt.Date.UTC(), nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	y, m, d := r.Date.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}

// WriteFileAtomic writes data to path (mode 0644) through a temporary
// file in the same folder, synced and renamed, so path holds either its old
// content or all of data.
func WriteFileAtomic(path string, data []byte) error {
	return atomicfile.Write(path, data, 0o644)
}
