// Package buildcheck lets tests check every PDF a build makes: package
// pipeline calls PDF, when it is set, on each PDF it has built, before
// writing it. It is nil outside tests (package pdfchecktest sets it).
package buildcheck

// PDF checks a PDF the pipeline built (tagged: written with
// --pdf-standard ua); an error fails its edition as an internal error.
var PDF func(pdf []byte, tagged bool) error
