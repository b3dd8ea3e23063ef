package translate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRemove deletes translations: the lines of the messages go (a table
// header left empty with them), the rest of the catalog stays line for
// line, the recorded hashes go, and status counts them missing.
func TestRemove(t *testing.T) {
	for _, c := range []struct {
		name string
		ids  []string
		gone []string // lines that go
	}{
		{"one paragraph", []string{"mini.opening.held.p1"},
			[]string{`p1 = "Г-жа Хельд приветствовала делегатов и представила [региональный обзор ГДМ](https://migrationnetwork.un.org/regional-reviews)."`}},
		{"a table's only message", []string{"mini.closing.heading"},
			[]string{"[mini.closing]", `heading = "Заключительное слово"`}},
		{"unknown and repeated IDs skipped", []string{"mini.participants", "mini.nothing", "mini.participants"},
			[]string{`participants = "Представители правительств и страновые представительства МОМ"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := stamped(t)
			before, _ := os.ReadFile(filepath.Join(dir, miniRU))
			p := open(t, dir)
			st0, _ := p.Status(ru)
			done, err := p.Remove(ru, c.ids)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, id := range c.ids {
				if _, ok := p.Translations(ru)[id]; ok && !slices.Contains(want, id) {
					want = append(want, id)
				}
			}
			if !slices.Equal(done, want) {
				t.Errorf("removed %v, want %v", done, want)
			}
			after, _ := os.ReadFile(filepath.Join(dir, miniRU))
			var gone []string
			al := strings.Split(string(after), "\n")
			for _, ln := range strings.Split(string(before), "\n") {
				if i := slices.Index(al, ln); i >= 0 {
					al = append(al[:i], al[i+1:]...)
				} else {
					gone = append(gone, ln)
				}
			}
			if !slices.Equal(gone, c.gone) {
				t.Errorf("lines removed %q, want %q", gone, c.gone)
			}
			checkCatalogsLoad(t, dir)
			side, _ := os.ReadFile(filepath.Join(dir, miniRUSrc))
			for _, id := range done {
				if strings.Contains(string(side), id) {
					t.Errorf("the sidecar still records %s", id)
				}
			}
			st, _ := open(t, dir).Status(ru)
			found := false
			for i := range st {
				found = found || st[i].Report == "mini"
				if st[i].Report == "mini" && (st[i].Missing != st0[i].Missing+len(done) || st[i].Stale != st0[i].Stale || st[i].Obsolete != st0[i].Obsolete) {
					t.Errorf("status %+v, was %+v", st[i], st0[i])
				}
			}
			if !found {
				t.Errorf("no status of the report mini: %+v", st)
			}
		})
	}
}
