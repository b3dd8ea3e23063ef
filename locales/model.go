package locales

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// FormNames are the CLDR plural forms in the order used everywhere: in hashes, in translate files and in rewritten catalogs.
var FormNames = [...]string{"zero", "one", "two", "few", "many", "other"}

// Forms is the text of a message per CLDR plural form. A message without
// plural forms has only Other.
type Forms struct {
	Zero, One, Two, Few, Many, Other string
}

// Get returns the text of form name ("zero" … "other"); "" for an unknown
// name.
func (f Forms) Get(name string) string {
	switch name {
	case "zero":
		return f.Zero
	case "one":
		return f.One
	case "two":
		return f.Two
	case "few":
		return f.Few
	case "many":
		return f.Many
	case "other":
		return f.Other
	}
	return ""
}

// Set sets the text of form name; an unknown name is ignored.
func (f *Forms) Set(name, text string) {
	switch name {
	case "zero":
		f.Zero = text
	case "one":
		f.One = text
	case "two":
		f.Two = text
	case "few":
		f.Few = text
	case "many":
		f.Many = text
	case "other":
		f.Other = text
	}
}

// Plural reports whether any form other than Other has text: the message
// is used with a count.
func (f Forms) Plural() bool {
	return f.Zero != "" || f.One != "" || f.Two != "" || f.Few != "" || f.Many != ""
}

// Empty reports whether no form has text.
func (f Forms) Empty() bool { return !f.Plural() && f.Other == "" }

// String returns Other for a single-form message and "one: …; other: …"
// (the forms that have text) for a plural one.
func (f Forms) String() string {
	if !f.Plural() {
		return f.Other
	}
	var parts []string
	for _, n := range FormNames {
		if t := f.Get(n); t != "" {
			parts = append(parts, n+": "+t)
		}
	}
	return strings.Join(parts, "; ")
}

// Joined returns the texts of the forms that have text, one per line.
func (f Forms) Joined() string {
	var parts []string
	for _, n := range FormNames {
		if t := f.Get(n); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// FormsOf returns the forms of a go-i18n message.
func FormsOf(m *i18n.Message) Forms {
	return Forms{Zero: m.Zero, One: m.One, Two: m.Two, Few: m.Few, Many: m.Many, Other: m.Other}
}

// Message returns a go-i18n message with the forms of f.
func (f Forms) Message(id string) *i18n.Message {
	return &i18n.Message{ID: id, Zero: f.Zero, One: f.One, Two: f.Two, Few: f.Few, Many: f.Many, Other: f.Other}
}

// Source is one message in the source language: a report's string
// (sources.Message) or an interface message of the source language's
// catalog (locales/en/interface.en.toml).
type Source struct {
	// ID is the message ID.
	ID string
	// Forms is the source text; a report string has only Other.
	Forms Forms
	// Description is the go-i18n description of a catalog message, if any.
	Description string
	// File, Line and Col locate the source text.
	File      string
	Line, Col int
	// Markup says the text is inline markup (body text): translations
	// are parsed as markup and must keep its links.
	Markup bool
	// Links are the report's localized links: by source address, the
	// address a translation into a language (BCP 47, as the report
	// writes it) may use instead, and no other.
	Links map[string]map[string]string
}

// Translation is one message of a language's catalog.
type Translation struct {
	ID    string
	Forms Forms
	// File, Line and Col locate the translation (the catalog file, or
	// the translate file being merged).
	File      string
	Line, Col int
}

// HashPrefix is the length, in hex digits, of the SHA-256 digest kept in a
// source hash.
const HashPrefix = 16

// Hash returns the source hash of a message: "sha256-" followed by the
// first HashPrefix hex digits of the SHA-256 of
//
//	for each form f of zero, one, two, few, many, other:
//	    f " " len(text) "\n" text "\n"
//	"description " len(description) "\n" description "\n"
//
// where len is the length in bytes written in decimal and text is the
// form's text exactly as decoded (an absent form has length 0). Unlike
// go-i18n's hash (GoI18nHash), it changes when any plural form changes.
func Hash(s Source) string {
	h := sha256.New()
	for _, n := range FormNames {
		t := s.Forms.Get(n)
		fmt.Fprintf(h, "%s %d\n%s\n", n, len(t), t)
	}
	fmt.Fprintf(h, "description %d\n%s\n", len(s.Description), s.Description)
	return "sha256-" + hex.EncodeToString(h.Sum(nil))[:HashPrefix]
}

// GoI18nHash returns the hash goi18n merge gives a source message:
// "sha1-" and the hex SHA-1 of its description followed by its other
// form. Translate files carry it in "hash" so they stay valid for goi18n.
func GoI18nHash(s Source) string {
	h := sha1.New()
	_, _ = io.WriteString(h, s.Description)
	_, _ = io.WriteString(h, s.Forms.Other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}
