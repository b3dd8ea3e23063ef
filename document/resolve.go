package document

import (
	"errors"
	"unicode"
	"unicode/utf8"

	"fmt"
	"strings"

	"golang.org/x/text/cases"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/markup"
	"github.com/reportgen/reportgen/sources"
)

// Creator is written as the PDF's creator.
const Creator = "reportgen"

// Resolve builds the edition of report r in language lang from the
// catalog. The catalog must hold r's source messages (see SourceEntries).
// Untranslated messages fall back to the source text with a warning;
// errors (a translation whose markup is broken or links somewhere not
// allowed, a template that fails) are collected, and the Document is nil
// when there is any. The checks of a translation against its source are
// locales.Checker's, which a build runs first.
func Resolve(r *sources.Loaded, cat *locales.Catalog, lang language.Tag) (*Document, diag.List) {
	return ResolveWith(r, cat, lang, Options{})
}

// Options adjust Resolve.
type Options struct {
	// Stale holds the messages whose translation was made from an older
	// source text: they are shown in the source language, marked, with a
	// warning, like untranslated ones.
	Stale map[string]bool
}

// ResolveWith is Resolve with options.
func ResolveWith(r *sources.Loaded, cat *locales.Catalog, lang language.Tag, opt Options) (*Document, diag.List) {
	src := r.SourceTag
	res := &resolver{r: r, cat: cat, lang: lang, src: src, loc: cat.Localizer(lang), srcLoc: cat.Localizer(src), stale: opt.Stale, diags: new(diag.List), reported: map[string]bool{}, counted: map[string]bool{}, fallback: map[string]bool{}}
	doc := res.document()
	if res.diags.HasErrors() {
		return nil, *res.diags
	}
	return doc, *res.diags
}

// SourceEntries turns a report's source messages into catalog entries, for
// locales.Catalog.AddSource.
func SourceEntries(r *sources.Loaded) []*locales.Entry {
	out := make([]*locales.Entry, len(r.Messages))
	for i, m := range r.Messages {
		out[i] = locales.NewEntry(m.ID, m.Text, m.File, m.Line, m.Col)
	}
	return out
}

type resolver struct {
	r         *sources.Loaded
	cat       *locales.Catalog
	lang, src language.Tag
	loc       *locales.Localizer
	srcLoc    *locales.Localizer
	stale     map[string]bool
	diags     *diag.List
	reported  map[string]bool
	names     []string
	// counted, messages and translated count distinct messages used.
	counted map[string]bool
	// fallback holds the messages shown in the source language.
	fallback map[string]bool
	// figures and tables count the figures and tables resolved; images
	// holds the figures' files.
	figures, tables      int
	images               map[string]ImageFile
	messages, translated int
	// marking is set while text composed from several messages is
	// (see markFallback); marked says a mark was made since it was set.
	marking, marked bool
}

// where returns the location of message id: the translation when the
// edition's catalog has it, else the source.
func (rs *resolver) where(id string) (string, int, int) {
	if e, ok := rs.cat.Entry(rs.lang, id); ok {
		return e.File, e.Line, e.Col
	}
	if e, ok := rs.cat.Entry(rs.src, id); ok {
		return e.File, e.Line, e.Col
	}
	return "", 0, 0
}

func (rs *resolver) errorf(id, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if rs.reported[id+"\x00"+msg] {
		return // a message used many times (a label piece) is reported once
	}
	rs.reported[id+"\x00"+msg] = true
	f, l, c := rs.where(id)
	rs.diags.Errorf(f, l, c, id, "%s", msg)
}

// own returns the ID of the report's own wording of interface message id
// in the edition's language (<report>.interface.<id>) when its catalogs
// have one, else id.
func (rs *resolver) own(id string) string {
	if strings.HasPrefix(id, rs.r.ID+".") {
		return id // the report's text
	}
	oid := rs.r.ID + "." + sources.Interface + "." + id
	if _, ok := rs.cat.Entry(rs.lang, oid); ok {
		return oid
	}
	return id
}

// text localizes message id; data may be nil.
func (rs *resolver) text(id string, data map[string]any) string {
	id = rs.own(id)
	loc, stale := rs.loc, rs.stale[id] && rs.lang != rs.src
	if stale {
		loc = rs.srcLoc
	}
	s, err := loc.Text(id, data)
	if stale {
		err = staleError(err)
	}
	s = rs.checked(id, s, err)
	if rs.marking {
		s = rs.markFallback(id, s, data, func(md map[string]any) string {
			s, _ := loc.Text(id, md)
			return s
		})
	}
	return s
}

func (rs *resolver) plural(id string, n int, data map[string]any) string {
	id = rs.own(id)
	loc, stale := rs.loc, rs.stale[id] && rs.lang != rs.src
	if stale {
		loc = rs.srcLoc
	}
	s, err := loc.Plural(id, n, data)
	if stale {
		err = staleError(err)
	}
	s = rs.checked(id, s, err)
	if rs.marking {
		s = rs.markFallback(id, s, data, func(md map[string]any) string {
			s, _ := loc.Plural(id, n, md)
			return s
		})
	}
	return s
}

// errStale marks a stale translation replaced by its source text.
var errStale = errors.New("stale")

func staleError(err error) error {
	if err != nil {
		return err
	}
	return errStale
}

func (rs *resolver) checked(id, s string, err error) string {
	if !rs.counted[id] {
		rs.counted[id] = true
		rs.messages++
		if err == nil {
			rs.translated++
		}
	}
	switch {
	case err == nil:
		return s
	case errors.Is(err, locales.ErrMissing), errors.Is(err, errStale):
		rs.fallback[id] = true
		if rs.reported[id] {
			return s
		}
		rs.reported[id] = true
		f, l, c := rs.where(id)
		if errors.Is(err, errStale) {
			rs.diags.Warnf(f, l, c, id, "the %s translation is stale: the %s text changed after it was translated; the %s text is used", rs.lang, rs.src, rs.src)
		} else {
			rs.diags.Warnf(f, l, c, id, "not translated into %s; the %s text is used", rs.lang, rs.src)
		}
		return s
	default:
		rs.errorf(id, "%v", err)
		return ""
	}
}

// spans localizes a message holding inline markup and parses it. (A
// translation's placeholders, links and emphasis are checked against the
// source by locales.Checker, before resolution; markup that does not
// parse is reported here too, in the checker's words, for callers that
// resolve without checking; a build shows it once.)
func (rs *resolver) spans(id string) Paragraph {
	s := rs.text(id, nil)
	spans, err := markup.Parse(s)
	if err != nil {
		var me *markup.Error
		if errors.As(err, &me) {
			err = errors.New(me.Msg)
		}
		rs.errorf(id, "%v", err)
		return Paragraph{ID: id}
	}
	if rs.lang != rs.src {
		for _, u := range markup.Links(spans) {
			if msg := sources.CheckURL(u); msg != "" {
				rs.errorf(id, "%s", msg)
			}
		}
	}
	return Paragraph{ID: id, Spans: spans, Fallback: rs.fallback[id]}
}

func (rs *resolver) plain(id string) Text {
	t := rs.text(id, nil)
	tx := Text{ID: id, Text: t, Fallback: rs.fallback[id]}
	if tx.Fallback && rs.lang != rs.src {
		tx.Lang = rs.src.String()
	}
	return tx
}

// fellBack reports whether message id (as the edition words it) is shown
// in the source language.
func (rs *resolver) fellBack(id string) bool { return rs.fallback[rs.own(id)] }

// part gives the spans of one part of a composed paragraph their
// language: the paragraph is set in the source language when any part
// falls back (paraFallback: Paragraph.Fallback), else in the edition's,
// so a part that falls back in one that does not is marked with the
// source language, and a part that does not in one that does with the
// edition's. spans are changed in place.
func (rs *resolver) part(spans []markup.Span, fallback, paraFallback bool) []markup.Span {
	lang := ""
	switch {
	case rs.lang == rs.src || fallback == paraFallback:
		return spans
	case fallback:
		lang = rs.src.String()
	default:
		lang = rs.lang.String()
	}
	for i := range spans {
		if spans[i].Lang == "" {
			spans[i].Lang = lang
		}
	}
	return spans
}

func (rs *resolver) document() *Document {
	r := rs.r
	id := r.ID
	doc := &Document{ReportID: id, Lang: rs.lang, Source: rs.src}
	doc.Brand = Brand{Organization: rs.text("brand.organization", nil), Tagline: rs.text("brand.tagline", nil)}
	doc.Title = rs.plain(id + ".title")
	doc.DocType = rs.text("doctype."+r.Kind, nil)
	doc.DateLine = rs.dateLine()
	doc.Attendance = rs.attendance()
	if r.Participants != "" {
		doc.Participants = rs.spans(id + ".participants")
	}
	if rs.lang != rs.src {
		doc.Notice = rs.text("notice.courtesy", map[string]any{"Source": languageName(rs.lang, rs.src)})
	}
	numbers := numberAnnexes(r.Report)
	for _, s := range r.Sections {
		doc.Sections = append(doc.Sections, rs.section(s, numbers))
	}
	if r.ClosingMarker != "" {
		doc.ClosingMarker = rs.plain(id + ".closing-marker")
	}
	doc.Names = rs.names
	doc.Images = rs.images
	doc.Messages, doc.Translated = rs.messages, rs.translated
	doc.Annexes = rs.annexList(numbers)
	if len(doc.Annexes) > 0 {
		doc.AnnexesHeading = rs.text("annexes.heading", nil)
		doc.AnnexesIntro = rs.plural("annexes.count", len(doc.Annexes), nil)
	}
	doc.Meta = Meta{
		Title:    doc.Title.Text,
		Author:   doc.Brand.Organization,
		Subject:  doc.DocType + ": " + doc.Title.Text,
		Creator:  Creator,
		Keywords: strings.Join([]string{id, rs.lang.String()}, " "),
	}
	footerID := "page.footer"
	rs.text(footerID, map[string]any{"Page": 1, "Pages": 1}) // check it once
	loc := rs.loc
	doc.Footer = func(n, total int) string {
		s, _ := loc.Text(footerID, map[string]any{"Page": n, "Pages": total})
		return s
	}
	return doc
}

func (rs *resolver) section(s sources.Section, numbers map[string]int) Section {
	prefix := rs.r.ID + "." + s.ID
	sec := Section{ID: s.ID, Heading: rs.plain(prefix + ".heading")}
	for _, b := range s.Blocks {
		bp := prefix + "." + b.ID
		blk := Block{}
		switch b.Type {
		case sources.BlockSpeaker:
			blk.Kind = Speaker
			if b.Heading {
				blk.Kind = SpeakerHeading
			}
			blk.Lead = rs.speakerLine(bp, b, numbers)
			if b.Heading {
				blk.Outline = markup.Plain(blk.Lead.Spans)
				if i := strings.Index(blk.Outline, " ("); i > 0 && len(b.Annexes) > 0 {
					blk.Outline = blk.Outline[:i]
				}
			}
		case sources.BlockModerator:
			blk.Kind = Moderator
			blk.Lead = rs.spans(bp + ".text")
			blk.Lead.Spans = withStyle(blk.Lead.Spans, markup.Bold)
			if len(b.Annexes) > 0 {
				blk.Lead.Spans = append(blk.Lead.Spans, rs.part(rs.annexLabel(b.Annexes, numbers), false, blk.Lead.Fallback)...)
			}
		case sources.BlockText:
			blk.Kind = Plain
		case sources.BlockSubheading:
			blk.Kind = Subheading
			blk.Lead = rs.spans(bp + ".text")
			blk.Outline = markup.Plain(blk.Lead.Spans)
		case sources.BlockList:
			blk.Kind = List
		case sources.BlockFigure:
			blk.Kind = FigureBlock
			blk.Figure = rs.figure(bp, b)
		case sources.BlockTable:
			blk.Kind = TableBlock
			blk.Table = rs.table(bp, b)
		}
		for i := range b.Paragraphs {
			blk.Paragraphs = append(blk.Paragraphs, rs.spans(fmt.Sprintf("%s.p%d", bp, i+1)))
		}
		blk.Items = rs.listItems(bp+".i", b.Items, b.Numbered, 1)
		sec.Blocks = append(sec.Blocks, blk)
	}
	return sec
}

// speakerLine composes "Name, Role" in bold and the annex label in italic.
func (rs *resolver) speakerLine(bp string, b sources.Block, numbers map[string]int) Paragraph {
	// The line starts a paragraph: "г-жа Ренате Хельд" becomes "Г-жа …".
	name := rs.text(bp+".name", nil)
	rs.names = append(rs.names, name)
	line := capitalize(name, rs.lang)
	nameFB, roleFB := rs.fellBack(bp+".name"), false
	var spans []markup.Span
	if b.Role != "" {
		role := rs.text(bp+".role", nil)
		roleFB = rs.fellBack(bp + ".role")
		if roleFB != nameFB {
			// One part falls back: two spans, split at the space, so
			// that the words are the same.
			spans = []markup.Span{{Text: line + ", ", Style: markup.Bold}, {Text: role, Style: markup.Bold}}
			rs.part(spans[:1], nameFB, true)
			rs.part(spans[1:], roleFB, true)
		} else {
			line += ", " + role
		}
	}
	if spans == nil {
		spans = []markup.Span{{Text: line, Style: markup.Bold}}
	}
	fallback := nameFB || roleFB
	if len(b.Annexes) > 0 {
		spans = append(spans, rs.part(rs.annexLabel(b.Annexes, numbers), false, fallback)...)
	}
	return Paragraph{ID: bp + ".name", Spans: spans, Fallback: fallback}
}

// withStyle adds style s to every span.
func withStyle(spans []markup.Span, s markup.Style) []markup.Span {
	out := make([]markup.Span, len(spans))
	for i, sp := range spans {
		sp.Style |= s
		out[i] = sp
	}
	return out
}

// capitalize upper-cases the first letter of s by the rules of lang.
func capitalize(s string, lang language.Tag) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsLower(r) {
		return s
	}
	return cases.Upper(lang).String(s[:size]) + s[size:]
}
