package mdimport

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/reportgen/reportgen/sources"
)

// similar is the least word similarity (Dice coefficient of the blocks'
// words, counted with repetition) at which a changed block is taken for
// the same block of the report as it was.
const similar = 0.6

// blockRef locates a block of a report: section i, block k.
type blockRef struct{ s, b int }

// kept is what keep found of the report as it was.
type kept struct {
	// blocks maps, for the blocks whose messages change ID (moved to
	// another section), the old message prefix to the new one.
	blocks map[string]string
	// paras maps the old IDs of the messages keyed by their place in a
	// block (paragraphs, list items, column headers, table cells) that
	// are still there under another ID (a paragraph, item, row or column
	// inserted or removed before them, their block moved) to their new
	// IDs; paraIDs holds the old IDs of all such messages of blocks still
	// there, which paras alone decides.
	paras   map[string]string
	paraIDs map[string]bool
	// vacated are the IDs of such messages whose text is now another (one
	// moved there, or a new one): a translation under the ID translates
	// a text that is elsewhere or gone.
	vacated []string
	// left are the old IDs of such messages that moved elsewhere in their
	// block: where no message has the ID now (a list item removed before
	// them, their parent item moved, a cell moved off the last row with
	// text), their translations go with their texts and none stays
	// behind.
	left map[string]bool
}

// keep gives the report made of the English (b) the IDs of the report as
// it was (old): sections, blocks and annex keys of what is still there,
// moved or changed, keep their IDs; what is new gets IDs that no section
// or block of the old report had, so that no translation of a removed
// block attaches itself to a new one. The paragraphs, list items (at
// every level), table columns and rows of a block still there are paired
// with its old ones (the same text, then in order or by similar words
// between those; see pairParts), so that the IDs a paragraph, item, row
// or column inserted or removed mid-block shifts are known. It notes what
// was removed, at its line in the old report.
func (im *importer) keep(b *built, old *sources.Loaded) kept {
	r, o := b.r, old.Report
	var nb, ob []blockRef
	for i, s := range r.Sections {
		for k := range s.Blocks {
			nb = append(nb, blockRef{i, k})
		}
	}
	for i, s := range o.Sections {
		for k := range s.Blocks {
			ob = append(ob, blockRef{i, k})
		}
	}
	nblk := func(x blockRef) *sources.Block { return &r.Sections[x.s].Blocks[x.b] }
	oblk := func(x blockRef) *sources.Block { return &o.Sections[x.s].Blocks[x.b] }
	match := map[blockRef]blockRef{} // new → old
	taken := map[blockRef]bool{}     // old blocks matched
	pair := func(n, ob blockRef) {
		match[n] = ob
		taken[ob] = true
	}

	// 1. The same content; 2. a speaker of the same name; 3. similar
	// words, the most similar pairs first.
	content := map[string][]blockRef{}
	for _, x := range ob {
		k := blockContent(oblk(x))
		content[k] = append(content[k], x)
	}
	for _, x := range nb {
		k := blockContent(nblk(x))
		if l := content[k]; len(l) > 0 {
			pair(x, l[0])
			content[k] = l[1:]
		}
	}
	for _, x := range nb {
		n := nblk(x)
		if _, ok := match[x]; ok || n.Type != sources.BlockSpeaker {
			continue
		}
		for _, y := range ob {
			if ov := oblk(y); !taken[y] && ov.Type == n.Type && ov.Name == n.Name {
				pair(x, y)
				break
			}
		}
	}
	type cand struct {
		n, o blockRef
		sim  float64
	}
	var cands []cand
	words := map[blockRef]map[string]int{}
	for _, y := range ob {
		if !taken[y] {
			words[y] = wordCounts(blockText(oblk(y)))
		}
	}
	for _, x := range nb {
		if _, ok := match[x]; ok {
			continue
		}
		wx := wordCounts(blockText(nblk(x)))
		for _, y := range ob {
			if !taken[y] && oblk(y).Type == nblk(x).Type {
				if s := dice(wx, words[y]); s >= similar {
					cands = append(cands, cand{x, y, s})
				}
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.sim, a.sim) })
	for _, c := range cands {
		if _, ok := match[c.n]; !ok && !taken[c.o] {
			pair(c.n, c.o)
		}
	}

	// Sections: the same heading, else the old section most of its
	// blocks come from, else the one after the old section of the
	// section before it.
	secMatch := make([]int, len(r.Sections))
	secTaken := map[int]bool{}
	for i := range secMatch {
		secMatch[i] = -1
	}
	for i, s := range r.Sections {
		for j, os := range o.Sections {
			if !secTaken[j] && os.Heading == s.Heading {
				secMatch[i], secTaken[j] = j, true
				break
			}
		}
	}
	for i, s := range r.Sections {
		if secMatch[i] >= 0 {
			continue
		}
		votes := map[int]int{}
		for k := range s.Blocks {
			if y, ok := match[blockRef{i, k}]; ok && !secTaken[y.s] {
				votes[y.s]++
			}
		}
		best := -1
		for j, v := range votes {
			if best < 0 || v > votes[best] || v == votes[best] && j < best {
				best = j
			}
		}
		if best >= 0 {
			secMatch[i], secTaken[best] = best, true
		}
	}
	for i := range r.Sections {
		j := 0
		if i > 0 {
			if secMatch[i-1] < 0 {
				continue
			}
			j = secMatch[i-1] + 1
		}
		if secMatch[i] < 0 && j < len(o.Sections) && !secTaken[j] {
			secMatch[i], secTaken[j] = j, true
		}
	}

	// 4. By position: an unmatched block after a block matched in the
	// same section (or first in it) is the unmatched old block of the
	// same type after that block's counterpart.
	for i, s := range r.Sections {
		j := secMatch[i]
		if j < 0 {
			continue
		}
		prev := -1
		for k := range s.Blocks {
			x := blockRef{i, k}
			if y, ok := match[x]; ok {
				if y.s == j {
					prev = y.b
				}
				continue
			}
			y := blockRef{j, prev + 1}
			if y.b < len(o.Sections[j].Blocks) && !taken[y] && oblk(y).Type == nblk(x).Type {
				pair(x, y)
				prev = y.b
			}
		}
	}

	// IDs of sections: kept when matched; else new, and never one the old
	// report had.
	secIDs := map[string]bool{}
	for _, s := range o.Sections {
		secIDs[s.ID] = true
	}
	for i := range r.Sections {
		if j := secMatch[i]; j >= 0 {
			r.Sections[i].ID = o.Sections[j].ID
		}
	}
	for i := range r.Sections {
		if secMatch[i] < 0 {
			r.Sections[i].ID = unique(b.sections[i].base, "section", secIDs)
		}
	}
	// IDs of blocks: kept when matched (and free in the section: a block
	// moved into a section that has its ID gets a new one); else new, and
	// never one the old section had.
	moved := map[string]string{}
	for i := range r.Sections {
		s := &r.Sections[i]
		ids := map[string]bool{}
		if j := secMatch[i]; j >= 0 {
			for _, x := range o.Sections[j].Blocks {
				ids[x.ID] = true
			}
		}
		assigned := map[int]bool{}
		for k := range s.Blocks {
			if y, ok := match[blockRef{i, k}]; ok && y.s == secMatch[i] {
				s.Blocks[k].ID = oblk(y).ID
				assigned[k] = true
			}
		}
		for k := range s.Blocks {
			if assigned[k] {
				continue
			}
			y, ok := match[blockRef{i, k}]
			if ok && !ids[oblk(y).ID] {
				s.Blocks[k].ID = oblk(y).ID
				ids[s.Blocks[k].ID] = true
			} else {
				s.Blocks[k].ID = unique(b.sections[i].blocks[k].base, b.sections[i].blocks[k].base, ids)
			}
			if ok {
				moved[o.ID+"."+o.Sections[y.s].ID+"."+oblk(y).ID] = r.ID + "." + s.ID + "." + s.Blocks[k].ID
			}
		}
		b.sections[i].id = s.ID
		for k := range s.Blocks {
			b.sections[i].blocks[k].id = s.Blocks[k].ID
		}
	}

	// Annex keys: the key the old report's counterpart of the first block
	// that refers to an annex gave it at the same place, else the key of
	// the old annex of the same title, else a new key no old annex had.
	keys := map[string]string{} // made → kept
	oldKeys := map[string]bool{}
	keyTaken := map[string]bool{}
	for _, a := range o.Annexes {
		oldKeys[a.Key] = true
	}
	for _, x := range nb {
		y, ok := match[x]
		if !ok {
			continue
		}
		for p, key := range nblk(x).Annexes {
			if _, done := keys[key]; done || p >= len(oblk(y).Annexes) {
				continue
			}
			if k := oblk(y).Annexes[p]; !keyTaken[k] && oldKeys[k] {
				keys[key], keyTaken[k] = k, true
			}
		}
	}
	for _, a := range r.Annexes {
		if _, done := keys[a.Key]; done {
			continue
		}
		for _, oa := range o.Annexes {
			if oa.Title == a.Title && !keyTaken[oa.Key] {
				keys[a.Key], keyTaken[oa.Key] = oa.Key, true
				break
			}
		}
	}
	for _, a := range r.Annexes {
		if _, done := keys[a.Key]; !done {
			all := map[string]bool{}
			for k := range oldKeys {
				all[k] = true
			}
			for k := range keyTaken {
				all[k] = true
			}
			k := unique(a.Key, "annex", all)
			keys[a.Key], keyTaken[k] = k, true
		}
	}
	for i := range r.Annexes {
		r.Annexes[i].Key = keys[r.Annexes[i].Key]
	}
	for i := range r.Sections {
		for k := range r.Sections[i].Blocks {
			for p, key := range r.Sections[i].Blocks[k].Annexes {
				r.Sections[i].Blocks[k].Annexes[p] = keys[key]
			}
		}
	}
	for n, key := range b.groups {
		b.groups[n] = keys[key]
	}

	// Paragraphs, list items, table columns, rows and cells of the
	// blocks still there.
	k := kept{blocks: moved, paras: map[string]string{}, paraIDs: map[string]bool{}, left: map[string]bool{}}
	for _, x := range nb {
		y, ok := match[x]
		if !ok {
			continue
		}
		pp := pairParts(oblk(y), nblk(x))
		oldPrefix := o.ID + "." + o.Sections[y.s].ID + "." + oblk(y).ID
		newPrefix := r.ID + "." + r.Sections[x.s].ID + "." + nblk(x).ID
		had := map[string]bool{}
		for _, key := range pp.was {
			k.paraIDs[oldPrefix+"."+key] = true
			had[key] = true
		}
		for _, key := range pp.now {
			if from, ok := pp.from[key]; ok && (from != key || oldPrefix != newPrefix) {
				k.paras[oldPrefix+"."+from] = newPrefix + "." + key
				if oldPrefix == newPrefix {
					k.left[oldPrefix+"."+from] = true
				}
			}
		}
		for _, key := range pp.now {
			if from, ok := pp.from[key]; oldPrefix == newPrefix && had[key] && (!ok || from != key) {
				k.vacated = append(k.vacated, newPrefix+"."+key)
			}
		}
		for _, g := range pp.gone {
			line, _ := old.Pos(fmt.Sprintf("section[%d].block[%d].%s", y.s, y.b, g.path))
			if line == 0 {
				line, _ = old.Pos(fmt.Sprintf("section[%d].block[%d].id", y.s, y.b))
			}
			im.notes.Warnf(old.File, line, 0, "", "%s of %s block %q of section %q is not in the document any more: removed", g.what, oblk(y).Type, oblk(y).ID, o.Sections[y.s].ID)
		}
	}

	// The items of the annexes still there: a title follows its item
	// when one is inserted or removed before it.
	for _, a := range r.Annexes {
		j := slices.IndexFunc(o.Annexes, func(oa sources.Annex) bool { return oa.Key == a.Key })
		if j < 0 {
			continue
		}
		was, now := itemTexts(o.Annexes[j].Items), itemTexts(a.Items)
		prefix := r.ID + ".annex." + a.Key + "."
		if o.ID != r.ID {
			continue // not an update of the same report: nothing is kept
		}
		for n := range was {
			k.paraIDs[fmt.Sprintf("%s%d.title", prefix, n+1)] = true
		}
		from := pairParagraphs(was, now)
		for i, n := range from {
			switch {
			case n >= 0 && n != i:
				k.paras[fmt.Sprintf("%s%d.title", prefix, n+1)] = fmt.Sprintf("%s%d.title", prefix, i+1)
				k.left[fmt.Sprintf("%s%d.title", prefix, n+1)] = true
				fallthrough
			case n < 0:
				if i < len(was) {
					k.vacated = append(k.vacated, fmt.Sprintf("%s%d.title", prefix, i+1))
				}
			}
		}
	}

	// What is gone.
	for j, os := range o.Sections {
		if !secTaken[j] {
			line, _ := old.Pos(fmt.Sprintf("section[%d].heading", j))
			im.notes.Warnf(old.File, line, 0, "", "section %q (%s) is not in the document any more: removed", os.Heading, os.ID)
		}
		for k, x := range os.Blocks {
			if !taken[blockRef{j, k}] {
				line, _ := old.Pos(fmt.Sprintf("section[%d].block[%d].id", j, k))
				im.notes.Warnf(old.File, line, 0, "", "%s block %q of section %q is not in the document any more: removed", x.Type, x.ID, os.ID)
			}
		}
	}
	return k
}

// pairParagraphs pairs the paragraphs of a block now (now) with those it
// had (was): it returns, for each paragraph now, the index of the one it
// was, or -1 for a new one. Equal texts are paired first, in order
// (their longest common subsequence); between two such pairs, as many
// paragraphs now as before are paired in order (changed texts), else
// those with similar words, the most similar first. It serves for list
// items, table columns and rows and annex items too.
//
// The work is bounded whatever the input: the texts equal at both ends
// are paired first, and what is left between is compared pair by pair
// only up to maxPairCells pairs (else only equal counts pair, in order)
// and by words only up to maxWordPairs pairs (else nothing pairs there):
// what is not paired is new or removed, never misattributed.
func pairParagraphs(was, now []string) []int {
	from := make([]int, len(now))
	for i := range from {
		from[i] = -1
	}
	p := 0
	for p < len(was) && p < len(now) && was[p] == now[p] {
		from[p] = p
		p++
	}
	q := 0
	for q < len(was)-p && q < len(now)-p && was[len(was)-1-q] == now[len(now)-1-q] {
		from[len(now)-1-q] = len(was) - 1 - q
		q++
	}
	for i, j := range pairMiddle(was[p:len(was)-q], now[p:len(now)-q]) {
		if j >= 0 {
			from[p+i] = p + j
		}
	}
	return from
}

// The bounds of pairParagraphs' work: pairs of texts compared for
// equality, and by their words.
const (
	maxPairCells = 1 << 22
	maxWordPairs = 1 << 14
)

// pairMiddle is pairParagraphs on what lies between the equal texts at
// both ends.
func pairMiddle(was, now []string) []int {
	n, m := len(was), len(now)
	from := make([]int, m)
	for i := range from {
		from[i] = -1
	}
	if n == 0 || m == 0 {
		return from
	}
	if (n+1)*(m+1) > maxPairCells {
		if n == m {
			for i := range from {
				from[i] = i
			}
		}
		return from
	}
	// The longest common subsequence of equal texts.
	type anchor struct{ j, i int }
	anchors := []anchor{{-1, -1}}
	for j, i := range lcs(was, now) {
		if i >= 0 {
			from[i] = j
			anchors = append(anchors, anchor{j, i})
		}
	}
	anchors = append(anchors, anchor{n, m})
	// The gaps between equal texts.
	for a := 0; a+1 < len(anchors); a++ {
		j0, j1 := anchors[a].j+1, anchors[a+1].j
		i0, i1 := anchors[a].i+1, anchors[a+1].i
		if j1 <= j0 || i1 <= i0 {
			continue
		}
		if j1-j0 == i1-i0 {
			for d := 0; d < i1-i0; d++ {
				from[i0+d] = j0 + d
			}
			continue
		}
		if (j1-j0)*(i1-i0) > maxWordPairs {
			continue
		}
		type cand struct {
			j, i int
			sim  float64
		}
		var cands []cand
		wj := make([]map[string]int, j1-j0)
		for j := j0; j < j1; j++ {
			wj[j-j0] = wordCounts(was[j])
		}
		for i := i0; i < i1; i++ {
			wi := wordCounts(now[i])
			for j := j0; j < j1; j++ {
				if s := dice(wi, wj[j-j0]); s >= similar {
					cands = append(cands, cand{j, i, s})
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.sim, a.sim) })
		taken := map[int]bool{}
		for _, c := range cands {
			if from[c.i] < 0 && !taken[c.j] {
				from[c.i], taken[c.j] = c.j, true
			}
		}
	}
	return from
}

// blockContent is everything a block says, for finding it unchanged.
func blockContent(b *sources.Block) string {
	return b.Type + "\x00" + blockText(b) + "\x00" + fmt.Sprint(b.Heading, b.Numbered, b.Image, len(b.Annexes))
}

// blockText is the text of a block, its parts separated by newlines.
func blockText(b *sources.Block) string {
	parts := []string{b.Name, b.Role, b.Text, b.Alt, b.Caption}
	parts = append(parts, b.Paragraphs...)
	var walk func(items []sources.ListItem)
	walk = func(items []sources.ListItem) {
		for _, it := range items {
			parts = append(parts, it.Text)
			walk(it.Items)
		}
	}
	walk(b.Items)
	for _, c := range b.Columns {
		parts = append(parts, c.Header+"\x01"+c.Align)
	}
	for _, row := range b.Rows {
		parts = append(parts, strings.Join(row, "\x01"))
	}
	return strings.Join(parts, "\n")
}

func wordCounts(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127 && r != '\u00a0' && r != '\u2009' && r != '\u202f')
	}) {
		m[w]++
	}
	return m
}

// dice is the Dice coefficient of two multisets of words.
func dice(a, b map[string]int) float64 {
	na, nb, common := 0, 0, 0
	for w, n := range a {
		na += n
		common += min(n, b[w])
	}
	for _, n := range b {
		nb += n
	}
	if na+nb == 0 {
		return 1
	}
	return 2 * float64(common) / float64(na+nb)
}

// itemTexts are what the items of an annex say, for pairing them.
func itemTexts(items []sources.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, fmt.Sprint(it.Kind, it.Languages, it.Title))
	}
	return out
}
