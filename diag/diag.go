// Package diag defines the diagnostics every stage of a build reports: an
// error or warning with the file, line and column it is about and, where one
// is involved, the message ID or annex key.
//
// Stages collect diagnostics in a List instead of stopping at the first, so
// a user sees every problem of a build at once.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a diagnostic fails the build.
type Severity uint8

// The severities.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the inputs.
type Diagnostic struct {
	Severity Severity
	// File is the path of the file, as the user named it (relative to the
	// project root), or "" when no file is involved.
	File string
	// Line and Col are 1-based; 0 when unknown.
	Line, Col int
	// Msg says what is wrong, in a sentence without a final period.
	Msg string
	// Key is the message ID or annex key involved, or "".
	Key string
}

// String formats d as "file:line:col: severity: message [key]".
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Msg)
	if d.Key != "" {
		fmt.Fprintf(&b, " [%s]", d.Key)
	}
	return b.String()
}

// List is an ordered collection of diagnostics. The zero value is ready to
// use.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf appends an error at file:line:col about key.
func (l *List) Errorf(file string, line, col int, key, format string, args ...any) {
	l.Add(Diagnostic{Severity: Error, File: file, Line: line, Col: col, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at file:line:col about key.
func (l *List) Warnf(file string, line, col int, key, format string, args ...any) {
	l.Add(Diagnostic{Severity: Warning, File: file, Line: line, Col: col, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders the list by file, line and column, keeping the order of
// diagnostics at the same place.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the list as an error when it holds errors, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l}
}

// ListError is the error form of a List that holds errors.
type ListError struct{ List List }

func (e *ListError) Error() string {
	var b strings.Builder
	n := 0
	for _, d := range e.List {
		if d.Severity != Error {
			continue
		}
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
		n++
	}
	return b.String()
}
