// Package diag defines the diagnostics every stage of a build reports: an
// error or warning with the file, line and column it is about and, where one
// is involved, the message ID or annex key.
//
// Stages collect diagnostics in a List instead of stopping at the first, so
// a user sees every problem of a build at once.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
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

// WriteText writes each diagnostic on a line of its own.
func (l List) WriteText(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	return nil
}

// jsonDiagnostic is the JSON form of a Diagnostic.
type jsonDiagnostic struct {
	Severity string `json:"severity"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Message  string `json:"message"`
	Key      string `json:"key,omitempty"`
}

// WriteJSON writes each diagnostic as one JSON object per line:
//
//	{"severity":"error","file":"sources/r.toml","line":3,"col":1,"message":"…","key":"…"}
func (l List) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	for _, d := range l {
		if err := enc.Encode(jsonDiagnostic{d.Severity.String(), d.File, d.Line, d.Col, d.Msg, d.Key}); err != nil {
			return err
		}
	}
	return nil
}

// WriteGitHub writes each diagnostic as a GitHub Actions workflow command
// (::error file=…,line=…,col=…::message), so it shows on the pull request.
func (l List) WriteGitHub(w io.Writer) error {
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	data := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	for _, d := range l {
		var props []string
		if d.File != "" {
			props = append(props, "file="+prop.Replace(d.File))
			if d.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", d.Line))
				if d.Col > 0 {
					props = append(props, fmt.Sprintf("col=%d", d.Col))
				}
			}
		}
		msg := d.Msg
		if d.Key != "" {
			msg += " [" + d.Key + "]"
		}
		cmd := "::" + d.Severity.String()
		if len(props) > 0 {
			cmd += " " + strings.Join(props, ",")
		}
		if _, err := fmt.Fprintf(w, "%s::%s\n", cmd, data.Replace(msg)); err != nil {
			return err
		}
	}
	return nil
}

// Unique returns the list without repeated diagnostics (the same text at
// the same place), keeping the first of each.
func (l List) Unique() List {
	seen := make(map[Diagnostic]bool, len(l))
	out := l[:0:0]
	for _, d := range l {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}
