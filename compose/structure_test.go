package compose_test

import (
	"testing"

	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/layout"
)

// TestStructure checks what the display list tells a backend about the
// reference report: every drawn item's structure element, the running
// header and footer as artifacts, the title first, section headings at
// level 1 and annex entries at level 2, and every link inside the
// document pointing at an anchor.
func TestStructure(t *testing.T) {
	if document.AnchorPrefix != layout.DestPrefix {
		t.Fatalf("document links to anchors with %q, layout reads %q", document.AnchorPrefix, layout.DestPrefix)
	}
	docs, h := referenceDocs(t)
	for _, lang := range []string{"en", "ru"} {
		doc := docs[lang]
		pages := lay(doc, h)
		els := pages.Elements
		if len(els) == 0 || els[0].Role != display.Decoration {
			t.Fatalf("%s: element 0 is %+v, want decoration", lang, els)
		}
		anchors := map[string]bool{}
		for _, pg := range pages.Pages {
			for _, a := range pg.Anchors {
				anchors[a.Name] = true
			}
		}
		var roles []display.Role
		seen := map[display.Elem]bool{}
		headings := map[int]int{}
		for pi, pg := range pages.Pages {
			for _, tx := range pg.Texts {
				if int(tx.Elem) >= len(els) {
					t.Fatalf("%s page %d: %q names element %d of %d", lang, pi+1, tx.Text, tx.Elem, len(els))
				}
				el := els[tx.Elem]
				switch {
				case tx.Text == doc.Brand.Organization || tx.Text == doc.Brand.Tagline:
					if el.Role != display.Header {
						t.Errorf("%s page %d: running header %q is %v", lang, pi+1, tx.Text, el.Role)
					}
				case tx.Text == doc.Footer(pi+1, len(pages.Pages)):
					if el.Role != display.Footer {
						t.Errorf("%s page %d: footer is %v", lang, pi+1, el.Role)
					}
				case el.Role.Artifact():
					t.Errorf("%s page %d: text %q is an artifact (%v)", lang, pi+1, tx.Text, el.Role)
				}
				if !el.Role.Artifact() && !seen[tx.Elem] {
					seen[tx.Elem] = true
					roles = append(roles, el.Role)
					if el.Role == display.Heading {
						headings[el.Level]++
					}
				}
			}
			for _, l := range pg.Links {
				if (l.URL == "") == (l.Dest == "") {
					t.Errorf("%s page %d: link %+v needs a URL or a destination", lang, pi+1, l)
				}
				if l.Dest != "" && !anchors[l.Dest] {
					t.Errorf("%s page %d: link to unknown anchor %q", lang, pi+1, l.Dest)
				}
				if els[l.Elem].Role.Artifact() {
					t.Errorf("%s page %d: link %q is an artifact", lang, pi+1, l.URL+l.Dest)
				}
			}
		}
		if len(roles) == 0 || roles[0] != display.Title {
			t.Errorf("%s: the first element read is %v, want the title", lang, roles)
		}
		// Sections plus the list of annexes; the reference report's
		// speaker sub-headings and its seven annexes at level 2.
		if headings[1] != len(doc.Sections)+1 || headings[2] < len(doc.Annexes) {
			t.Errorf("%s: headings by level %v for %d sections and %d annexes", lang, headings, len(doc.Sections), len(doc.Annexes))
		}
	}
}
