package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/mdimport"
	"github.com/reportgen/reportgen/pipeline"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/translate"
)

// importUpdate re-imports a changed English document (and translations)
// into the existing report id: reportgen import --update.
func importUpdate(root, id string, en mdimport.Source, trs []mdimport.Source, cfg mdimport.Config, stdout, stderr io.Writer) int {
	reportFile := "sources/" + id + ".toml"
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(reportFile)))
	if err != nil {
		fmt.Fprintf(stderr, "reportgen import: --update: %v (import without --update to start a report)\n", err)
		return exitFail
	}
	old, diags := sources.Parse(reportFile, data)
	if old == nil || diags.HasErrors() {
		diags.WriteText(stderr)
		fmt.Fprintf(stderr, "reportgen import: --update: %s has errors; fix them first\n", reportFile)
		return exitFail
	}
	res, err := mdimport.Update(en, trs, cfg, old)
	res.Notes.WriteText(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "reportgen import: %v\n", err)
		return exitFail
	}

	// The report and its figures.
	proj := project.Open(root)
	write := func(name string, data []byte) bool {
		if old, err := proj.ReadFile(name); err == nil && bytes.Equal(old, data) {
			return true
		}
		if err := proj.WriteFile(name, data); err != nil {
			fmt.Fprintf(stderr, "reportgen import: %v\n", err)
			return false
		}
		fmt.Fprintln(stdout, "wrote", filepath.Join(root, filepath.FromSlash(name)))
		return true
	}
	ok := write(reportFile, res.Report)
	for _, f := range slices.Sorted(maps.Keys(res.Figures)) {
		ok = ok && write("sources/"+f, res.Figures[f])
	}
	proj.Close()
	if !ok {
		return exitFail
	}

	// The translations: those of blocks moved to another section follow
	// them, with the source hash they had; those of the translated
	// documents are merged where they differ from the catalogs.
	proj = project.Open(root)
	tp, ds := translate.Open(proj)
	if ds.HasErrors() {
		ds.WriteText(stderr)
		proj.Close()
		return exitFail
	}
	var langs []language.Tag
	for _, l := range res.Loaded.Languages {
		if l != res.Loaded.SourceLanguage {
			langs = append(langs, language.Make(l))
		}
	}
	tmp, err := os.MkdirTemp("", "reportgen-import-")
	if err != nil {
		fmt.Fprintf(stderr, "reportgen import: %v\n", err)
		proj.Close()
		return exitFail
	}
	defer os.RemoveAll(tmp)
	var files []string
	carried := map[string]map[string]string{} // lang → old ID → new ID
	vacated := map[string]bool{}
	for _, id := range res.Vacated {
		vacated[id] = true
	}
	// The translations under vacated IDs, as they were: replaced by the
	// one a moved text brings, or removed.
	before := map[string]map[string]locales.Translation{}
	for _, lang := range langs {
		tr := tp.Translations(lang)
		for _, id := range res.Vacated {
			if t, ok := tr[id]; ok {
				if before[lang.String()] == nil {
					before[lang.String()] = map[string]locales.Translation{}
				}
				before[lang.String()][id] = t
			}
		}
		hashes, _ := tp.Hashes(lang)
		var b bytes.Buffer
		n := 0
		entry := func(id, text, hash string) {
			if hash != "" {
				fmt.Fprintf(&b, "\n%s%s\n", translate.SourceHashComment, hash)
			} else {
				b.WriteString("\n")
			}
			toml.NewEncoder(&b).Encode(map[string]map[string]string{id: {"other": text}})
			n++
		}
		given := res.Translations[lang.String()] // of the translated document given, if any
		for _, from := range slices.Sorted(maps.Keys(res.Moved)) {
			to := res.Moved[from]
			t, ok := tr[from]
			if _, now := given[to]; ok && !now && !t.Forms.Plural() && t.Forms.Other != "" {
				if _, has := tr[to]; has && !vacated[to] {
					continue
				}
				entry(to, t.Forms.Other, hashes[from])
				if carried[lang.String()] == nil {
					carried[lang.String()] = map[string]string{}
				}
				carried[lang.String()][from] = to
			}
		}
		for _, mid := range slices.Sorted(maps.Keys(given)) {
			if t, ok := tr[mid]; ok && t.Forms.Other == given[mid] {
				continue
			}
			entry(mid, given[mid], "")
		}
		if n == 0 {
			continue
		}
		f := filepath.Join(tmp, "import."+lang.String()+".toml")
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			fmt.Fprintf(stderr, "reportgen import: %v\n", err)
			proj.Close()
			return exitFail
		}
		files = append(files, f)
	}
	if len(files) > 0 {
		mr, err := tp.Merge(files, tp.Checker(pipeline.Covers(proj)))
		if err != nil {
			fmt.Fprintf(stderr, "reportgen import: merging the translations: %v\n", err)
			proj.Close()
			return exitFail
		}
		for _, d := range mr.Diags {
			if d.Severity == diag.Error {
				fmt.Fprintf(stderr, "reportgen import: translation of %s refused: %s\n", d.Key, d.Msg)
			}
		}
		for _, f := range mr.Files {
			fmt.Fprintln(stdout, "wrote", filepath.Join(root, filepath.FromSlash(f)))
		}
		fmt.Fprintf(stdout, "translations: %d merged, %d refused\n", len(mr.Merged), len(mr.Refused))
	}
	proj.Close()

	// A vacated ID that no moved translation replaced loses its
	// translation (of a text now elsewhere or gone): it is missing. An ID
	// left (no message has it now) loses the translation that went with
	// its text.
	proj = project.Open(root)
	tp, _ = translate.Open(proj)
	replacedBy := map[string]map[string]string{} // lang → vacated ID → old ID whose translation it holds now
	for _, lang := range langs {
		l := lang.String()
		tr := tp.Translations(lang)
		var remove []string
		for _, id := range slices.Sorted(maps.Keys(before[l])) {
			for from, to := range carried[l] {
				if to == id {
					if replacedBy[l] == nil {
						replacedBy[l] = map[string]string{}
					}
					replacedBy[l][id] = from
				}
			}
			if t, ok := tr[id]; ok && t.Forms == before[l][id].Forms && replacedBy[l][id] == "" {
				remove = append(remove, id)
			}
		}
		// A text that moved off an ID no message has now takes its
		// translation along: none stays behind, obsolete.
		for _, id := range res.Left {
			if _, ok := carried[l][id]; ok {
				if _, has := tr[id]; has {
					remove = append(remove, id)
				}
			}
		}
		if len(remove) > 0 {
			if _, err := tp.Remove(lang, remove); err != nil {
				fmt.Fprintf(stderr, "reportgen import: removing the translations of %v: %v\n", remove, err)
				proj.Close()
				return exitFail
			}
		}
	}
	proj.Close()

	// What no block has any more: its translations are kept, obsolete,
	// and listed; then where each language stands.
	proj = project.Open(root)
	defer proj.Close()
	tp, _ = translate.Open(proj)
	gone := map[string]sources.Message{}
	for _, m := range res.Gone {
		gone[m.ID] = m
	}
	for _, lang := range langs {
		l := lang.String()
		tr := tp.Translations(lang)
		for _, m := range old.Messages {
			if t, ok := before[l][m.ID]; ok {
				to, moved := carried[l][m.ID]
				from := replacedBy[l][m.ID]
				if moved && from != "" {
					// Its translation followed its text, and the one of
					// the text now here took its place: nothing lost.
					continue
				}
				where := "goes with that text (no longer in the document)"
				if moved {
					where = "follows that text to " + to
				}
				what := "is missing"
				if from != "" {
					what = "holds the translation " + from + " had"
				}
				fmt.Fprintf(stderr, "%s:%d: warning: %s: a paragraph, list item, table row or column inserted or removed before it gives it another text; its translation (of %s:%d) %s, and it %s: %q\n",
					t.File, t.Line, m.ID, reportFile, m.Line, where, what, clipText(t.Forms.Other))
				continue
			}
			t, ok := tr[m.ID]
			if !ok {
				continue
			}
			if _, isGone := gone[m.ID]; isGone {
				fmt.Fprintf(stderr, "%s:%d: warning: %s: the translation of a text no longer in the document (%s:%d) is kept, obsolete: %q\n",
					t.File, t.Line, m.ID, reportFile, m.Line, clipText(t.Forms.Other))
			} else if to, moved := carried[l][m.ID]; moved && !slices.ContainsFunc(res.Loaded.Messages, func(x sources.Message) bool { return x.ID == m.ID }) {
				fmt.Fprintf(stderr, "%s:%d: warning: %s: its text moved; the translation is copied to %s and this one is obsolete\n", t.File, t.Line, m.ID, to)
			}
		}
	}
	for _, lang := range langs {
		if n := len(carried[lang.String()]); n > 0 {
			fmt.Fprintf(stdout, "%s: %d translations follow their texts to new IDs (a block moved to another section; a paragraph, list item, table row or column inserted or removed before them)\n", lang, n)
		}
	}
	sts, _ := tp.Status(langs...)
	for _, st := range sts {
		if st.Report == id {
			fmt.Fprintf(stdout, "%s: translated %d, stale %d, missing %d, obsolete %d (reportgen i18n status --lang %s --verbose lists them)\n",
				st.Lang, st.Translated, st.Stale, st.Missing, st.Obsolete, st.Lang)
		}
	}
	diags = pipeline.Check(proj, pipeline.Options{Reports: []string{id}})
	diags.WriteText(stderr)
	fmt.Fprintf(stdout, "%d notes (listed above with their lines); check: %s\n", len(res.Notes), summary(diags))
	if diags.HasErrors() {
		return exitFail
	}
	return exitOK
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return strings.ReplaceAll(s, "\n", " ")
}
