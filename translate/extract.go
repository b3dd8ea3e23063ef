package translate

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/reportgen/reportgen/internal/tomlpos"
	"github.com/reportgen/reportgen/locales"
)

// TranslateFile returns the name of the translate file of lang:
// translate.<lang>.toml, as goi18n names it.
func TranslateFile(lang language.Tag) string { return "translate." + lang.String() + ".toml" }

// SourceHashComment starts the comment line of a translate file entry
// that records the entry's source hash (see Hash).
const SourceHashComment = "# source-hash: "

// PreviousComment starts the comment lines of a stale entry that show the
// translation it replaces.
const PreviousComment = "# previous translation"

// offered returns what a translate file offers to translate for src in
// lang: the source text in every form lang needs (a form the source lacks
// gets its "other"), or only "other" for a message without plural forms.
func offered(src locales.Source, lang language.Tag) locales.Forms {
	if !src.Forms.Plural() {
		return locales.Forms{Other: src.Forms.Other}
	}
	var f locales.Forms
	for _, n := range locales.RequiredForms(lang) {
		t := src.Forms.Get(n)
		if t == "" {
			t = src.Forms.Other
		}
		f.Set(n, t)
	}
	return f
}

// Extract returns the translate file of lang for sets: every message that
// is missing or stale, in source order, and how many there are. tr and
// hashes are lang's translations and recorded hashes, src the source
// language.
//
// The file is a go-i18n translate file: a table per message, keyed by its
// full ID, with go-i18n's "hash" (GoI18nHash) and the source text in
// "other" and, for counts, in every plural form lang needs; "description"
// when the source has one. Comments above each table say where the
// source is, give reportgen's own source hash (SourceHashComment) and, for
// a stale message, the translation it replaces (PreviousComment), so the
// file stays valid for goi18n merge.
func Extract(sets []Set, src, lang language.Tag, tr Translations, hashes locales.Hashes) ([]byte, int) {
	var body strings.Builder
	n := 0
	for _, set := range sets {
		st := Compute(set, src, lang, tr, hashes)
		todo := map[string]State{}
		for _, e := range st.Entries {
			if e.State == Missing || e.State == Stale {
				todo[e.ID] = e.State
			}
		}
		if len(todo) == 0 {
			continue
		}
		fmt.Fprintf(&body, "\n# ==== %s ====\n", set.Name)
		for _, m := range set.Messages {
			state, ok := todo[m.ID]
			if !ok {
				continue
			}
			n++
			body.WriteString("\n")
			where := m.File
			if m.Line > 0 {
				where = fmt.Sprintf("%s:%d", m.File, m.Line)
			}
			if state == Stale {
				t := tr[m.ID]
				fmt.Fprintf(&body, "# stale: the %s text changed after this translation (%s:%d); source %s\n", src, t.File, t.Line, where)
				if t.Forms.Plural() {
					for _, fn := range locales.FormNames {
						if x := t.Forms.Get(fn); x != "" {
							fmt.Fprintf(&body, "%s, %s: %s\n", PreviousComment, fn, tomlpos.Quote(x))
						}
					}
				} else {
					fmt.Fprintf(&body, "%s: %s\n", PreviousComment, tomlpos.Quote(t.Forms.Other))
				}
			} else {
				fmt.Fprintf(&body, "# missing; source %s\n", where)
			}
			fmt.Fprintf(&body, "%s%s\n", SourceHashComment, locales.Hash(m))
			fmt.Fprintf(&body, "[%s]\n", tomlpos.Quote(m.ID))
			if m.Description != "" {
				fmt.Fprintf(&body, "description = %s\n", tomlpos.Quote(m.Description))
			}
			fmt.Fprintf(&body, "hash = %s\n", tomlpos.Quote(locales.GoI18nHash(m)))
			f := offered(m, lang)
			for _, fn := range locales.FormNames {
				if x := f.Get(fn); x != "" {
					fmt.Fprintf(&body, "%s = %s\n", fn, tomlpos.Quote(x))
				}
			}
		}
	}
	var b strings.Builder
	name := display.English.Languages().Name(lang)
	fmt.Fprintf(&b, "# %d message(s) to translate into %s (%s) from %s, written by reportgen i18n extract.\n", n, name, lang, src)
	b.WriteString(`#
# Replace the text of "other" (and, for counts, of one, few, many …) with its
# translation. Keep every {{.Placeholder}}, *italic*, **bold**, [link text](URL)
# and <URL> as in the source; every plural form listed is needed. Leave an entry
# unchanged to skip it. Keep the "# source-hash:" comments and the "hash" keys:
# they say which text was translated. Then merge the file into locales/:
#
`)
	fmt.Fprintf(&b, "#     reportgen i18n merge %s\n", TranslateFile(lang))
	b.WriteString(body.String())
	return []byte(b.String()), n
}

// Extract returns the translate file of lang for the sets that are
// translated into lang (only the sets named in only, when given), and how
// many messages it holds.
func (p *Project) Extract(lang language.Tag, only ...string) ([]byte, int, error) {
	var sets []Set
	for _, s := range p.Sets {
		if !containsTag(s.Langs, lang) {
			continue
		}
		if len(only) > 0 && !slices.Contains(only, s.Name) {
			continue
		}
		sets = append(sets, s)
	}
	for _, name := range only {
		if !slices.ContainsFunc(p.Sets, func(s Set) bool { return s.Name == name }) {
			return nil, 0, fmt.Errorf("no report or catalog named %q", name)
		}
	}
	if len(sets) == 0 {
		return nil, 0, fmt.Errorf("nothing is translated into %s: no report lists it in languages and there is no locales/%s/ folder", lang, lang)
	}
	h, diags := p.Hashes(lang)
	if err := diags.Err(); err != nil {
		return nil, 0, err
	}
	data, n := Extract(sets, p.SourceLang, lang, p.Translations(lang), h)
	return data, n, nil
}
