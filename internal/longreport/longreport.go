// Package longreport generates a long report for tests and benchmarks: the
// reference report's sections repeated n times (section IDs suffixed -2,
// -3 …), with its Russian translation repeated alike, as a project folder
// in memory that build.Project can read.
package longreport

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

var dateRE = regexp.MustCompile(`(?m)^date = .*$`)

// ID is the generated report's ID.
const ID = "long-report"

// Generate returns sources and locales folders holding the reference
// report repeated n times as report ID, with every catalog of the
// embedded locales (the Russian content repeated to match).
func Generate(n int) (src, loc fs.FS, err error) {
	ref, diags := sources.Load(sources.Embedded(), "central-asia-2021.toml", "central-asia-2021.toml")
	if ref == nil {
		return nil, nil, diags.Err()
	}
	rep := *ref.Report
	rep.ID = ID
	rep.InProgress = nil // the published languages only
	rep.Sections = nil
	for k := 1; k <= n; k++ {
		for _, s := range ref.Sections {
			if k > 1 {
				s.ID = fmt.Sprintf("%s-%d", s.ID, k)
			}
			rep.Sections = append(rep.Sections, s)
		}
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(&rep); err != nil {
		return nil, nil, err
	}
	// The encoder writes a date-time; a report's date is a local date.
	data := dateRE.ReplaceAll(buf.Bytes(), []byte("date = "+ref.Date.Format("2006-01-02")))
	srcFS := fstest.MapFS{ID + ".toml": {Data: data}}
	for _, name := range []string{"styles/house.toml", "styles/mark.png"} {
		data, err := fs.ReadFile(style.Embedded(), name)
		if err != nil {
			return nil, nil, err
		}
		srcFS[name] = &fstest.MapFile{Data: data}
	}

	cat, diags := locales.Load(locales.Embedded(), "locales", language.English)
	if diags.HasErrors() {
		return nil, nil, diags.Err()
	}
	locFS := fstest.MapFS{}
	files, _ := fs.Glob(locales.Embedded(), "*/interface.*.toml")
	for _, f := range files {
		data, _ := fs.ReadFile(locales.Embedded(), f)
		locFS[f] = &fstest.MapFile{Data: data}
	}
	for _, tag := range cat.Languages() {
		if tag == language.English {
			continue
		}
		msgs := map[string]string{}
		prefix := ref.ID + "."
		for _, id := range cat.IDs(tag) {
			if !strings.HasPrefix(id, prefix) {
				continue
			}
			e, _ := cat.Entry(tag, id)
			rest := strings.TrimPrefix(id, prefix)
			section, tail, found := strings.Cut(rest, ".")
			if !found || !isSection(ref, section) {
				msgs[ID+"."+rest] = e.Source()
				continue
			}
			for k := 1; k <= n; k++ {
				s := section
				if k > 1 {
					s = fmt.Sprintf("%s-%d", section, k)
				}
				msgs[ID+"."+s+"."+tail] = e.Source()
			}
		}
		var b bytes.Buffer
		for _, id := range sortedKeys(msgs) {
			fmt.Fprintf(&b, "%q = %q\n", id, msgs[id])
		}
		locFS[fmt.Sprintf("%s/%s.%s.toml", tag, ID, tag)] = &fstest.MapFile{Data: b.Bytes()}
	}
	return srcFS, locFS, nil
}

func isSection(r *sources.Loaded, id string) bool {
	for _, s := range r.Sections {
		if s.ID == id {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]string) []string {
	keys := slices.Sorted(maps.Keys(m))
	return keys
}
