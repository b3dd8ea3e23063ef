package document_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/markup"
)

const listReport = `id = "r"
kind = "summary-report"
source-language = "en"
languages = ["en", "ru"]
title = "T"
date = 2021-01-28

[[section]]
id = "s"
heading = "S"

  [[section.block]]
  type = "list"
  id = "l"
  numbered = %s
  paragraphs = ["The priorities are:"]
  items = [
    "One",
    { text = "Two:", items = ["a", "b", { text = "c", items = ["x", "y", "z", "w"] }] },
  ]
`

// TestListMarkers resolves a three-level list, numbered and bulleted, in
// English and Russian: each language marks items by its own conventions.
func TestListMarkers(t *testing.T) {
	ru := fstest.MapFS{"ru/r.ru.toml": {Data: []byte(`[r]
title = "Т"
[r.s]
heading = "С"
[r.s.l]
p1 = "Приоритеты:"
i1 = "Один"
i2 = "Два:"
i2-1 = "а"
i2-2 = "б"
i2-3 = "в"
i2-3-1 = "x"
i2-3-2 = "y"
i2-3-3 = "z"
i2-3-4 = "w"
`)}}
	for _, tt := range []struct {
		numbered, lang string
		want           string
	}{
		{"true", "en", "1. One | 2. Two: | a) a | b) b | c) c | i. x | ii. y | iii. z | iv. w"},
		{"true", "ru", "1. Один | 2. Два: | а) а | б) б | в) в | i) x | ii) y | iii) z | iv) w"},
		{"false", "en", "• One | • Two: | – a | – b | – c | ‣ x | ‣ y | ‣ z | ‣ w"},
	} {
		doc, diags := resolve(t, strings.Replace(listReport, "%s", tt.numbered, 1), tt.lang, ru)
		if doc == nil || diags.HasErrors() {
			t.Fatalf("%s %s: %v", tt.numbered, tt.lang, diags)
		}
		blk := doc.Sections[0].Blocks[0]
		if blk.Kind != document.List || len(blk.Paragraphs) != 1 {
			t.Fatalf("block %+v", blk)
		}
		var got []string
		var walk func([]document.ListItem)
		walk = func(items []document.ListItem) {
			for _, it := range items {
				got = append(got, it.Marker+" "+markup.Plain(it.Text.Spans))
				walk(it.Items)
			}
		}
		walk(blk.Items)
		if s := strings.Join(got, " | "); s != tt.want {
			t.Errorf("numbered %s, %s:\n got %s\nwant %s", tt.numbered, tt.lang, s, tt.want)
		}
	}
}
