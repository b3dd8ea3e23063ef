package translate

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
)

// Translations are the messages of one language, by ID.
type Translations map[string]locales.Translation

// State is where the translation of one message stands.
type State int

// The states. A message of a set is Translated, Unverified, Stale or
// Missing; Obsolete is a translation of a message no source has any more.
const (
	// Translated: the catalog has a translation and its recorded source
	// hash is the source's current hash.
	Translated State = iota
	// Unverified: the catalog has a translation but no source hash is
	// recorded for it (a catalog written before hashes were kept, or by
	// hand); it is used, but nobody knows which text it translates. Stamp
	// records the current hashes once, when adopting the workflow.
	Unverified
	// Stale: the recorded source hash differs from the source's current
	// hash: the source changed after the translation was made. A stale
	// translation is kept and used until it is updated.
	Stale
	// Missing: the catalog has no translation; the build uses the source
	// text.
	Missing
	// Obsolete: the set's catalog file translates a message that no
	// source has any more.
	Obsolete
)

var stateNames = [...]string{"translated", "unverified", "stale", "missing", "obsolete"}

func (s State) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// MarshalText gives the state's name, for JSON.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Entry is one message in a Status.
type Entry struct {
	ID    string `json:"id"`
	State State  `json:"state"`
	// Source is the current source text (plural forms as
	// "one: …; other: …"); "" for an obsolete message.
	Source string `json:"source,omitempty"`
	// Translation is the catalog's translation, "" when missing.
	Translation string `json:"translation,omitempty"`
	// File and Line locate the translation, or the source when the
	// translation is missing.
	File string `json:"file"`
	Line int    `json:"line"`
}

// Status is the translation state of one set (report) in one language.
type Status struct {
	// Report is the set's name: a report ID or "interface".
	Report string `json:"report"`
	// Lang is the target language, Source the source language.
	Lang   string `json:"lang"`
	Source string `json:"source"`
	// Total is the number of source messages; Translated, Unverified,
	// Stale and Missing add up to it. Obsolete counts translations of
	// messages the source no longer has (not part of Total).
	Total      int `json:"total"`
	Translated int `json:"translated"`
	Unverified int `json:"unverified"`
	Stale      int `json:"stale"`
	Missing    int `json:"missing"`
	Obsolete   int `json:"obsolete"`
	// Entries are every message that is not Translated, in source
	// order, then the obsolete ones.
	Entries []Entry `json:"entries"`
}

// Compute returns the status of set in lang: tr are lang's translations,
// hashes the source hashes recorded for them, src the source language.
// Translations of IDs that are not in set are ignored.
func Compute(set Set, src, lang language.Tag, tr Translations, hashes locales.Hashes) Status {
	st := Status{Report: set.Name, Lang: lang.String(), Source: src.String(), Entries: []Entry{}}
	for _, m := range set.Messages {
		st.Total++
		e := Entry{ID: m.ID, Source: m.Forms.String()}
		t, ok := tr[m.ID]
		switch {
		case !ok || t.Forms.Empty():
			e.State = Missing
			e.File, e.Line = m.File, m.Line
			st.Missing++
		default:
			e.Translation = t.Forms.String()
			e.File, e.Line = t.File, t.Line
			switch h, ok := hashes[m.ID]; {
			case !ok || h == "":
				e.State = Unverified
				st.Unverified++
			case h != locales.Hash(m):
				e.State = Stale
				st.Stale++
			default:
				e.State = Translated
				st.Translated++
			}
		}
		if e.State != Translated {
			st.Entries = append(st.Entries, e)
		}
	}
	return st
}

// Percent returns the share of messages in state s, in percent of Total
// (100 for Translated and 0 for the others when the set is empty).
func (s Status) Percent(state State) float64 {
	n := map[State]int{Translated: s.Translated, Unverified: s.Unverified, Stale: s.Stale, Missing: s.Missing, Obsolete: s.Obsolete}[state]
	if s.Total == 0 {
		if state == Translated {
			return 100
		}
		return 0
	}
	return 100 * float64(n) / float64(s.Total)
}

// Done returns the share, in percent, of messages whose translation is
// current or unverified: what the edition shows translated and nobody
// knows to be out of date.
func (s Status) Done() float64 {
	if s.Total == 0 {
		return 100
	}
	return 100 * float64(s.Translated+s.Unverified) / float64(s.Total)
}

// Clean reports whether nothing needs work: no message is missing, stale
// or obsolete. Unverified translations do not count.
func (s Status) Clean() bool { return s.Missing == 0 && s.Stale == 0 && s.Obsolete == 0 }

// Status returns the status of every set in every language it is
// translated into, narrowed to langs when not empty, with the diagnostics
// of reading the sidecars.
func (p *Project) Status(langs ...language.Tag) ([]Status, diag.List) {
	var out []Status
	var diags diag.List
	cache := map[language.Tag]Translations{}
	hcache := map[language.Tag]locales.Hashes{}
	for _, set := range p.Sets {
		for _, lang := range set.Langs {
			if len(langs) > 0 && !containsTag(langs, lang) {
				continue
			}
			tr, ok := cache[lang]
			if !ok {
				tr = p.Translations(lang)
				cache[lang] = tr
				h, ds := p.Hashes(lang)
				diags = append(diags, ds...)
				hcache[lang] = h
			}
			st := Compute(set, p.SourceLang, lang, tr, hcache[lang])
			// Obsolete: what the set's own catalog file translates that
			// no source has.
			file := CatalogFile(set.Name, lang)
			for _, id := range p.Catalog.IDs(lang) {
				t := tr[id]
				if _, isSource := p.Source(id); isSource || t.File != file {
					continue
				}
				st.Obsolete++
				st.Entries = append(st.Entries, Entry{ID: id, State: Obsolete, Translation: t.Forms.String(), File: t.File, Line: t.Line})
			}
			out = append(out, st)
		}
	}
	return out, diags
}

func containsTag(tags []language.Tag, t language.Tag) bool {
	for _, x := range tags {
		if x == t {
			return true
		}
	}
	return false
}

// BarWidth is the width of the bar WriteText draws.
const BarWidth = 24

// bar draws the shares of a status: # translated, + unverified, ~ stale,
// - missing.
func bar(s Status) string {
	if s.Total == 0 {
		return strings.Repeat("#", BarWidth)
	}
	var b strings.Builder
	cum, at := 0, 0
	for _, p := range []struct {
		n int
		c string
	}{{s.Translated, "#"}, {s.Unverified, "+"}, {s.Stale, "~"}, {s.Missing, "-"}} {
		cum += p.n
		end := int(math.Round(float64(BarWidth) * float64(cum) / float64(s.Total)))
		if p.n > 0 && end == at && at < BarWidth {
			end = at + 1 // a non-zero share shows at least one mark
		}
		end = min(end, BarWidth)
		b.WriteString(strings.Repeat(p.c, max(0, end-at)))
		at = max(at, end)
	}
	return b.String()
}

// WriteText writes statuses for people: per report, a line per language
// with a bar and the counts, then the IDs that need work (stale, missing,
// obsolete). verbose adds the unverified IDs and, under each ID, its
// source text and translation.
//
//	central-asia-2021
//	  ru   [######################~-]  96.7%  translated 58 (96.7%)  unverified 0  stale 1 (1.7%)  missing 1 (1.7%)
//	      stale      central-asia-2021.opening.held.p2  locales/ru/central-asia-2021.ru.toml:14
//	      missing    central-asia-2021.opening.held.p3
//
// The first percentage is Done: translated and unverified messages. The
// bar shows # translated, + unverified, ~ stale and - missing.
func WriteText(w io.Writer, sts []Status, verbose bool) error {
	ew := &errWriter{w: w}
	last := ""
	for i, s := range sts {
		if s.Report != last {
			if i > 0 {
				ew.printf("\n")
			}
			ew.printf("%s\n", s.Report)
			last = s.Report
		}
		ew.printf("  %-4s [%s] %5.1f%%  translated %d (%.1f%%)  unverified %d  stale %d (%.1f%%)  missing %d (%.1f%%)",
			s.Lang, bar(s), s.Done(), s.Translated, s.Percent(Translated), s.Unverified, s.Stale, s.Percent(Stale), s.Missing, s.Percent(Missing))
		if s.Obsolete > 0 {
			ew.printf("  obsolete %d", s.Obsolete)
		}
		ew.printf("\n")
		if s.Unverified > 0 {
			ew.printf("      %d %s translations have no record of the %s text they were made from (written by hand,\n", s.Unverified, s.Lang, s.Source)
			ew.printf("      not merged): review them, then run \"reportgen i18n stamp --lang %s\" to record it\n", s.Lang)
		}
		for _, e := range s.Entries {
			if e.State == Unverified && !verbose {
				continue
			}
			where := ""
			if e.State != Missing {
				where = fmt.Sprintf("  %s:%d", e.File, e.Line)
			}
			ew.printf("      %-10s %s%s\n", e.State, e.ID, where)
			if verbose {
				if e.Source != "" {
					ew.printf("        %-3s %s\n", s.Source+":", oneLine(e.Source))
				}
				if e.Translation != "" {
					ew.printf("        %-3s %s\n", s.Lang+":", oneLine(e.Translation))
				}
			}
		}
	}
	if len(sts) > 0 {
		ew.printf("\n# translated  + unverified  ~ stale  - missing\n")
	}
	return ew.err
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// jsonStatus is a Status with its percentages, as WriteJSON writes it.
type jsonStatus struct {
	Status
	Percent map[string]float64 `json:"percent"`
}

// WriteJSON writes statuses as one JSON document: {"statuses": [...]},
// each status with its counts, "percent" (done, translated, unverified,
// stale, missing; one decimal) and its entries.
func WriteJSON(w io.Writer, sts []Status) error {
	out := struct {
		Statuses []jsonStatus `json:"statuses"`
	}{Statuses: []jsonStatus{}}
	round := func(f float64) float64 { return math.Round(f*10) / 10 }
	for _, s := range sts {
		out.Statuses = append(out.Statuses, jsonStatus{Status: s, Percent: map[string]float64{
			"done":       round(s.Done()),
			"translated": round(s.Percent(Translated)),
			"unverified": round(s.Percent(Unverified)),
			"stale":      round(s.Percent(Stale)),
			"missing":    round(s.Percent(Missing)),
		}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
