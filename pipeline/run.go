package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/compose"
	"github.com/reportgen/reportgen/diag"
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/internal/atomicfile"
	"github.com/reportgen/reportgen/internal/buildcheck"
	"github.com/reportgen/reportgen/layout"
	"github.com/reportgen/reportgen/locales"
	"github.com/reportgen/reportgen/project"
	"github.com/reportgen/reportgen/render"
	"github.com/reportgen/reportgen/sources"
	"github.com/reportgen/reportgen/style"
)

// Options narrow and direct a build.
type Options struct {
	// OutDir is where PDFs are written; created if missing.
	OutDir string
	// Reports and Langs, when not empty, limit the build to these report
	// IDs and languages.
	Reports, Langs []string
	// Date, when not zero, is written into every PDF; else the
	// SOURCE_DATE_EPOCH environment variable, else the report's date.
	Date time.Time
	// Strict builds the published languages only (and those of Langs)
	// and turns every warning into an error, wherever it is raised
	// (loading, resolution, checks, layout): a release build fails on an
	// untranslated message instead of falling back to the source text,
	// and writes no PDF at all when there is any error.
	Strict bool
	// Check runs every stage but rendering and writes nothing: Run
	// returns no results, only the diagnostics.
	Check bool
	// Shard and Shards select a deterministic slice of the editions to
	// build: those whose index in (report ID, language) order is Shard
	// modulo Shards. Shards 0 builds everything.
	Shard, Shards int
	// Workers is how many editions are built at once; 0 means one per CPU.
	Workers int
	// PDFStandard is the standard the PDFs are written to: "" (the
	// default) or "ua" for tagged PDFs (a structure tree in reading
	// order, artifacts marked, PDF/UA-1 and PDF/A-2a metadata; see README,
	// "Accessibility and archiving"), "none" for plain PDFs, quicker to
	// write and easier to read when debugging.
	PDFStandard string
	// Context, when not nil, cancels the build: no PDF is written after
	// it is done.
	Context context.Context
}

// Result is one PDF written.
type Result struct {
	Report, Lang string
	Path         string
	Pages        int
	Bytes        int
	// SHA256 is the hex digest of the PDF.
	SHA256 string
	// Translated and Messages count the edition's messages that were
	// translated into its language, and all of them.
	Translated, Messages int
	// Stats measures the PDF's typography.
	Stats layout.Stats
}

// Edition is one resolved and laid-out language edition, before writing.
type Edition struct {
	Report   *sources.Loaded
	Document *document.Document
	// Pages is the display list; Stats measures its typography.
	Pages *display.Document
	Stats layout.Stats
	// Style is the house style the edition is laid out in.
	Style *style.House
}

// renderOptions are what ed is written into a PDF with.
func (ed *Edition) renderOptions() render.Options {
	return render.Options{Family: ed.Style.Family}
}

// job is one edition to build.
type job struct {
	report *sources.Loaded
	lang   string
	tag    language.Tag // lang, parsed
	cat    *locales.Catalog
	style  *style.House
	stale  map[string]bool
	gloss  *locales.Glossary
	// out
	pdf   []byte
	res   Result
	diags diag.List
}

// Run builds every report of p in every language it lists (narrowed by
// opt) and writes the PDFs, then the manifest and checksums of what it
// wrote. Editions are built concurrently; the output is byte-identical to
// a serial build. Diagnostics come back in report and language order; a
// report with any error writes none of its PDFs, and a strict build with
// any error writes none at all.
func Run(p *project.Project, opt Options) ([]Result, diag.List) {
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	var langs []string // every language folder, unless narrowed
	if len(opt.Langs) > 0 {
		langs = opt.Langs
	}
	if !opt.Check {
		if err := checkOutDir(p.Root, opt.OutDir); err != nil {
			var diags diag.List
			diags.Errorf("", 0, 0, "", "%v", err)
			return nil, diags
		}
	}
	// Loading, layout and rendering run apart from the caller, which
	// returns as soon as ctx is done, whatever stage they are at: they
	// only compute, and what they leave is never written. Writing, fast,
	// starts only when they are done and ctx is not.
	type built struct {
		jobs   []*job
		failed map[string]bool
		diags  diag.List
	}
	done := make(chan built, 1)
	go func() {
		var b built
		defer func() {
			if r := recover(); r != nil {
				b.diags.Errorf("", 0, 0, "", "internal error: %v", r)
			}
			done <- b
		}()
		b.jobs, b.failed, b.diags = buildAll(ctx, p, opt, langs)
	}()
	var b built
	select {
	case b = <-done:
	case <-ctx.Done():
	}
	jobs, failed, diags := b.jobs, b.failed, b.diags
	if opt.Strict {
		// Every warning, wherever raised (loading a report, a catalog, a
		// style), and a release is all or nothing.
		diags = strict(diags)
		if diags.HasErrors() {
			for _, j := range jobs {
				failed[j.report.ID] = true
			}
		}
	}
	if err := ctx.Err(); err != nil {
		diags.Errorf("", 0, 0, "", "build interrupted: %v; no PDF was written", err)
		return nil, diags
	}
	if opt.Check {
		return nil, diags
	}
	removeStaleTemps(opt.OutDir)
	var results []Result
	for _, j := range jobs {
		if failed[j.report.ID] {
			continue
		}
		path := filepath.Join(opt.OutDir, j.res.Path)
		if err := WriteFileAtomic(path, j.pdf); err != nil {
			diags.Errorf("", 0, 0, "", "%s: %v", path, err)
			continue
		}
		j.res.Path = path
		results = append(results, j.res)
	}
	if len(results) > 0 {
		if err := writeManifest(p, opt.OutDir, results); err != nil {
			diags.Errorf("", 0, 0, "", "manifest: %v", err)
		}
	}
	return results, diags
}

// buildAll loads the reports of p and their catalogs and styles, runs the
// project's checks, and builds the editions (narrowed by opt) into
// memory, stopping early when ctx is done.
func buildAll(ctx context.Context, p *project.Project, opt Options, langs []string) ([]*job, map[string]bool, diag.List) {
	reports, skipped, files, diags := load(p, langs, opt.Reports)
	if ctx.Err() != nil {
		return nil, map[string]bool{}, diags
	}
	loadFailed := diags.HasErrors()
	diags = unbuiltWarnings(diags, reports, opt.Reports)
	gloss, ds := loadGlossary(p)
	diags = append(diags, ds...)
	for _, id := range opt.Reports {
		// A report that failed to load has no ID to compare: its errors
		// are reported, not a follow-on "no report".
		if !hasReport(reports, id) && !loadFailed {
			diags.Errorf(p.SourcesDir, 0, 0, id, "no report with ID %q", id)
		}
	}

	// Jobs in a fixed order: reports by file name, languages as listed.
	var jobs []*job
	failed := map[string]bool{}
	styles := houseStyles{p: p}
	side := sidecars{p: p, skipped: skipped}
	for _, r := range reports {
		if len(opt.Reports) > 0 && !contains(opt.Reports, r.ID) {
			continue
		}
		hs := styles.get(r.Style, &diags)
		if hs == nil {
			failed[r.ID] = true
			continue
		}
		cat, ds := catalogFor(files, r, opt.Langs)
		diags = append(diags, ds...)
		if ds.HasErrors() {
			failed[r.ID] = true
			continue
		}
		for _, l := range opt.Langs {
			if !contains(r.Editions(), l) {
				diags.Warnf(r.File, 0, 0, r.ID, "report %q has no %q edition (languages = %v, in-progress = %v)", r.ID, l, r.Languages, r.InProgress)
			}
		}
		tags := r.EditionTags()
		for i, l := range r.Editions() {
			if len(opt.Langs) > 0 && !contains(opt.Langs, l) {
				continue
			}
			// A strict build publishes: languages in progress only when
			// asked for by name (and then it fails on what is missing).
			if opt.Strict && !r.Published(l) && !contains(opt.Langs, l) {
				continue
			}
			stale, ds := side.staleIDs(r, cat, l, tags[i])
			diags = append(diags, ds...)
			jobs = append(jobs, &job{report: r, lang: l, tag: tags[i], cat: cat, style: hs, stale: stale, gloss: gloss})
		}
	}
	// The project's checks read what the editions read and change none
	// of it: they run beside them, their diagnostics first.
	checked := make(chan diag.List, 1)
	all := jobs // before sharding: a shard checks what the whole build does
	go func() {
		var ds diag.List
		defer func() {
			if r := recover(); r != nil {
				ds.Errorf("", 0, 0, "", "internal error: %v", r)
			}
			checked <- ds
		}()
		ds = projectChecks(p, files, reports, skipped, all, loadFailed, &styles, opt.Langs)
	}()
	if opt.Shards > 0 {
		var mine []*job
		for i, j := range jobs {
			if i%opt.Shards == opt.Shard {
				mine = append(mine, j)
			}
		}
		jobs = mine
	}

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	work := make(chan *job)
	var wg sync.WaitGroup
	for range min(workers, max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if ctx.Err() == nil {
					j.build(opt)
				}
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()

	diags = append(diags, <-checked...)
	for _, j := range jobs {
		diags = append(diags, j.diags...)
		if j.diags.HasErrors() {
			failed[j.report.ID] = true
		}
	}
	return jobs, failed, diags.Unique() // a damaged font is one error, not one per edition
}

// load reads the reports of p (those of the IDs only, when not empty: the
// others come back as their heads) and, meanwhile, the catalog files in
// the folders of langs (every folder when nil), which do not depend on
// them: each file is parsed once for all reports. The catalog files of
// the reports left out (locales.Under them) are left out too.
func load(p *project.Project, langs, only []string) ([]*sources.Loaded, []sources.Head, *locales.Files, diag.List) {
	others := otherReports(p, only)
	parsed := make(chan *locales.Files, 1)
	go func() { parsed <- locales.ParseFilesExcept(p.Locales, p.LocalesDir, langs, others) }()
	reports, skipped, diags := p.LoadReportsOnly(only)
	return reports, skipped, <-parsed, diags
}

// otherReports returns the IDs of the reports of p that a build of the
// reports of only (all when empty) does not load: those whose head
// (sources.ReadHead) names another report.
func otherReports(p *project.Project, only []string) []string {
	if len(only) == 0 {
		return nil
	}
	names, _ := fs.Glob(p.Sources, "*.toml")
	var ids []string
	for _, name := range names {
		if strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") {
			continue
		}
		if h, ok := sources.ReadHead(p.Sources, name); ok && !contains(only, h.ID) && !contains(ids, h.ID) {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

// houseStyles loads each house style of a project once.
type houseStyles struct {
	p      *project.Project
	loaded map[string]*style.House
}

// get returns the house style name (nil if it does not load), adding the
// diagnostics of loading it to diags the first time.
func (hs *houseStyles) get(name string, diags *diag.List) *style.House {
	if s, ok := hs.loaded[name]; ok {
		return s
	}
	s, ds := LoadStyle(hs.p, name)
	*diags = append(*diags, ds...)
	if hs.loaded == nil {
		hs.loaded = map[string]*style.House{}
	}
	hs.loaded[name] = s
	return s
}

// catalogFor assembles the report's catalog from the project's catalog
// files, with the report's source messages added.
// Only the catalogs of langs are read when langs is not empty.
func catalogFor(files *locales.Files, r *sources.Loaded, langs []string) (*locales.Catalog, diag.List) {
	src := r.SourceTag
	only := r.Editions() // never a folder of a language the report is not in
	if len(langs) > 0 {
		only = langs
	}
	cat, diags := files.Catalog(src, only)
	if diags.HasErrors() {
		return nil, diags
	}
	if err := cat.AddSource(src, document.SourceEntries(r)); err != nil {
		diags.Errorf(r.File, 0, 0, "", "%v", err)
	}
	// A published language without any catalog is a mistake, not a
	// translation to draft: one error instead of a warning per message.
	for i, l := range r.Languages {
		tag := r.LanguageTags[i]
		if len(langs) > 0 && !contains(langs, l) {
			continue // not built, not loaded
		}
		if tag != src && len(cat.IDs(tag)) == 0 {
			line, col := r.Pos(fmt.Sprintf("languages[%d]", i))
			diags.Errorf(r.File, line, col, l, "language %q has no catalog: add locales/%s/*.%s.toml or remove it from languages", l, l, l)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return cat, diags
}

// projectChecks runs the checks that belong to no edition, or that must
// run when no edition could be built: the catalog files of every language
// (each file checked even when no report loads), the layout of locales/,
// the default house style and its fonts when a report failed to load
// (reports load no style then; style.Load checks the fonts), and the messages of the built
// translations that no source produces (when every report loaded: a
// report that failed has messages nobody knows). The reports a build
// narrowed to some (--report) did not load, skipped, count by their
// heads: their languages are the project's all the same, and their
// messages are not checked.
func projectChecks(p *project.Project, files *locales.Files, reports []*sources.Loaded, skipped []sources.Head, jobs []*job, loadFailed bool, styles *houseStyles, only []string) diag.List {
	var diags diag.List
	src := language.English
	first := ""
	if len(reports) > 0 {
		src, first = reports[0].SourceTag, reports[0].File
	}
	if len(skipped) > 0 && (first == "" || skipped[0].File < first) { // the first file's
		if t, err := language.Parse(skipped[0].SourceLanguage); err == nil {
			src = t
		}
	}
	var langs []string
	if !loadFailed {
		langs = []string{}
		add := func(ls []string) {
			for _, l := range ls {
				if !slices.Contains(langs, l) {
					langs = append(langs, l)
				}
			}
		}
		for _, r := range reports {
			add(append(r.Editions(), r.SourceLanguage))
		}
		for _, h := range skipped {
			add(append(h.Editions(), h.SourceLanguage))
		}
		slices.Sort(langs)
	}
	diags = append(diags, locales.CheckLayout(p.Locales, p.LocalesDir, langs)...)
	if only == nil {
		only = langs // nil when a report failed: every folder
	}
	cat, ds := files.Catalog(src, only)
	diags = append(diags, ds...)
	if loadFailed || len(reports)+len(skipped) == 0 {
		styles.get("", &diags)
	}
	if !loadFailed {
		var built []language.Tag
		for _, j := range jobs {
			if !slices.Contains(built, j.tag) {
				built = append(built, j.tag)
			}
		}
		diags = append(diags, obsolete(cat, src, reports, skipped, built)...)
	}
	return diags
}

// build resolves, checks, lays out and renders one edition into memory.
func (j *job) build(opt Options) {
	if opt.Context != nil && opt.Context.Err() != nil {
		return
	}
	defer func() {
		// Never let one edition take the process down: a panic is a bug,
		// reported as an error of that edition.
		if r := recover(); r != nil {
			j.pdf = nil
			j.diags.Errorf("", 0, 0, "", "%s.%s: internal error: %v", j.report.ID, j.lang, r)
		}
	}()
	r := j.report
	ed, ds := edition(r, j.cat, j.style, j.tag, j.stale, j.gloss)
	if opt.Strict {
		ds = strict(ds)
	}
	j.diags = ds
	if ed == nil || ds.HasErrors() || opt.Check {
		return
	}
	date, err := Date(opt, r.Report)
	if err != nil {
		j.diags.Errorf("", 0, 0, "", "%v", err)
		return
	}
	var buf bytes.Buffer
	ed.Pages.Meta.Date = date
	ro := ed.renderOptions()
	ro.Tagged = opt.PDFStandard != "none"
	ro.Release = true // only the number of pages and the statistics are read below
	err = render.Write(&buf, ed.Pages, ro)
	if err != nil {
		j.diags.Errorf("", 0, 0, "", "%s.%s: %v", r.ID, j.lang, err)
		return
	}
	j.pdf = buf.Bytes()
	if buildcheck.PDF != nil {
		if err := buildcheck.PDF(j.pdf, ro.Tagged); err != nil {
			j.diags.Errorf("", 0, 0, "", "%s.%s: internal error: %v", r.ID, j.lang, err)
			j.pdf = nil
			return
		}
	}
	j.res = Result{
		Report: r.ID, Lang: j.lang,
		Path:       fmt.Sprintf("%s.%s.pdf", r.ID, j.lang),
		Pages:      len(ed.Pages.Pages),
		Bytes:      buf.Len(),
		SHA256:     sha256Hex(j.pdf),
		Translated: ed.Document.Translated,
		Messages:   ed.Document.Messages,
		Stats:      ed.Stats,
	}
}

// strict turns warnings into errors.
func strict(ds diag.List) diag.List {
	out := make(diag.List, len(ds))
	for i, d := range ds {
		if d.Severity == diag.Warning {
			d.Severity = diag.Error
			d.Msg += " (--strict)"
		}
		out[i] = d
	}
	return out
}

// edition resolves, checks and lays out report r in language lang,
// checking its translations with glossary g.
func edition(r *sources.Loaded, cat *locales.Catalog, hs *style.House, lang language.Tag, stale map[string]bool, g *locales.Glossary) (*Edition, diag.List) {
	diags := checkTranslations(r, cat, lang, g)
	doc, ds := document.ResolveWith(r, cat, lang, document.Options{Stale: stale})
	diags = append(diags, ds...)
	if doc == nil || diags.HasErrors() {
		return nil, diags
	}
	if cov := Coverage(doc, hs.Family, cat); len(cov) > 0 {
		return nil, append(diags, cov...)
	}
	res := compose.Layout(doc, hs, compose.Options{})
	return &Edition{Report: r, Document: doc, Pages: res.Pages, Stats: res.Stats, Style: hs}, diags
}

// Editions resolves, checks and lays out report r in each of its
// languages (only those in langs, when given), serially.
func Editions(p *project.Project, r *sources.Loaded, hs *style.House, langs []string) ([]Edition, diag.List) {
	var only []string
	if len(langs) > 0 {
		only = append(slices.Clip(langs), r.SourceLanguage)
	}
	g, diags := loadGlossary(p)
	eds, ds := editions(p, locales.ParseFiles(p.Locales, p.LocalesDir, only), r, hs, langs, g)
	return eds, append(diags, ds...)
}

// editions is Editions with the project's catalog files parsed.
func editions(p *project.Project, files *locales.Files, r *sources.Loaded, hs *style.House, langs []string, g *locales.Glossary) ([]Edition, diag.List) {
	cat, diags := catalogFor(files, r, langs)
	if diags.HasErrors() {
		return nil, diags
	}
	var eds []Edition
	side := sidecars{p: p}
	tags := r.EditionTags()
	for i, l := range r.Editions() {
		if len(langs) > 0 && !contains(langs, l) {
			continue
		}
		stale, ds := side.staleIDs(r, cat, l, tags[i])
		diags = append(diags, ds...)
		ed, ds := edition(r, cat, hs, tags[i], stale, g)
		diags = append(diags, ds...)
		if ed != nil {
			eds = append(eds, *ed)
		}
	}
	return eds, diags
}

// unbuiltWarnings leaves out the warnings raised while loading a report
// that a build narrowed to some reports (--report) does not build: they
// are about PDFs it does not make, so a strict build of the others does
// not fail on them. Errors stay: a report that fails to load is reported
// whatever the narrowing (it has no ID to compare).
func unbuiltWarnings(ds diag.List, rs []*sources.Loaded, only []string) diag.List {
	if len(only) == 0 {
		return ds
	}
	unbuilt := map[string]bool{}
	for _, r := range rs {
		if !contains(only, r.ID) {
			unbuilt[r.File] = true
		}
	}
	out := ds[:0:0]
	for _, d := range ds {
		if d.Severity == diag.Warning && unbuilt[d.File] {
			continue
		}
		out = append(out, d)
	}
	return out
}

func hasReport(rs []*sources.Loaded, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sidecars reads the sidecar files of each language of a project once,
// for all the reports built: the sidecars of the skipped reports' catalogs
// alone (locales.Under their IDs) are not read.
type sidecars struct {
	p       *project.Project
	skipped []sources.Head
	hashes  map[string]map[string]string // by language
}

// read returns the hashes lang's sidecar files record, by message ID,
// with the diagnostics of reading them the first time only.
func (sc *sidecars) read(lang string) (map[string]string, diag.List) {
	if h, ok := sc.hashes[lang]; ok {
		return h, nil
	}
	var diags diag.List
	p := sc.p
	names, _ := fs.Glob(p.Locales, lang+"/*"+locales.SidecarExt)
	sort.Strings(names)
	hashes := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(p.Locales, name)
		if err != nil {
			diags.Errorf(path.Join(p.LocalesDir, name), 0, 0, "", "%v", unwrap(err))
			continue
		}
		if len(sc.skipped) > 0 && locales.Under(data, skippedIDs(sc.skipped)) {
			continue
		}
		h, ds := locales.ParseSidecar(path.Join(p.LocalesDir, name), data)
		diags = append(diags, ds...)
		for id, v := range h {
			hashes[id] = v
		}
	}
	if sc.hashes == nil {
		sc.hashes = map[string]map[string]string{}
	}
	sc.hashes[lang] = hashes
	return hashes, diags
}

// staleIDs returns the messages of lang (tag parsed) whose translation
// was made from a source text that has changed since: the sidecar files of
// lang's catalogs record the hash of the source each translation was made
// from.
func (sc *sidecars) staleIDs(r *sources.Loaded, cat *locales.Catalog, lang string, tag language.Tag) (map[string]bool, diag.List) {
	src := r.SourceTag
	if tag == src {
		return nil, nil
	}
	hashes, diags := sc.read(lang)
	sourceOf := map[string]locales.Source{}
	for _, m := range reportSources(r) {
		sourceOf[m.ID] = m
	}
	stale := map[string]bool{}
	for id, h := range hashes {
		if _, translated := cat.Entry(tag, id); !translated {
			continue
		}
		s, ok := sourceOf[id]
		if !ok {
			e, isSource := cat.Entry(src, id)
			if !isSource {
				continue
			}
			s = catalogSource(e)
		}
		if h != "" && h != locales.Hash(s) {
			stale[id] = true
		}
	}
	return stale, diags
}

// skippedIDs returns the IDs of the skipped reports.
func skippedIDs(skipped []sources.Head) []string {
	ids := make([]string, len(skipped))
	for i, h := range skipped {
		ids[i] = h.ID
	}
	return ids
}

// removeStaleTemps deletes temporary files a killed build left in dir
// (WriteFileAtomic names them ".<name>.reportgen-<pid>-<random>.tmp"),
// and only those: not those of builds at work, nor a user's files.
func removeStaleTemps(dir string) { atomicfile.RemoveStale(dir) }

// unwrap returns the reason of a file-system error without the path,
// which the diagnostic shows already.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
