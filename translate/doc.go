// Package translate is the translators' workflow: it tells which messages
// of a language are translated, missing or stale, extracts what needs work
// into a go-i18n translate file, checks translations and merges them back
// into the catalogs (locales/<lang>/*.<lang>.toml), without translators
// ever opening a report file.
//
// # Sources
//
// The source messages are every report's strings (sources/*.toml, see
// sources.Loaded.Messages) and the messages of the source language's
// catalog files (locales/en/interface.en.toml: the interface messages),
// each group a Set. A Source is one message with all its plural forms;
// Open builds them from a project folder opened by package project,
// ReportSet from a loaded report.
//
// # Staleness
//
// Each translated message records which source text it translates: the
// source hash (Hash), SHA-256 over every plural form (zero, one, two, few,
// many, other, in that order, each with its length) and the description,
// kept as "sha256-" and the first 16 hex digits. go-i18n's own hash covers
// only the description and "other", so a change to a "one" or "few" form
// would go unnoticed; this one does not.
//
// go-i18n rejects unknown keys inside a message, so the hashes live in a
// sidecar next to each catalog file, with the extension .sources instead
// of .toml (so neither the catalog loader nor go-i18n read it):
//
//	locales/ru/central-asia-2021.ru.toml      the catalog
//	locales/ru/central-asia-2021.ru.sources   its sidecar:
//
//	# Source hashes of locales/ru/central-asia-2021.ru.toml, written by reportgen i18n (merge,
//	# stamp): for each message, the hash of the en text its translation was made
//	# from. A translation whose source now has another hash is stale. Not a
//	# catalog file: do not edit by hand.
//	"central-asia-2021.title" = "sha256-0c5e1c0e8f3b9a41"
//	"central-asia-2021.opening.held.p1" = "sha256-f82edc0da46a6249"
//
// The sidecar is TOML with one quoted message ID per line, in the order of
// the catalog file, so its diffs follow the catalog's. A message is then
// (see State):
//
//	translated  has a translation whose recorded hash is the source's current hash
//	stale       has a translation whose recorded hash differs: the source changed since
//	unverified  has a translation but no recorded hash (catalogs written before the
//	            workflow, or by hand): used, and counted as done, but not verified
//	missing     has no translation
//
// A missing hash is not staleness, so catalogs that predate the workflow
// are not all stale on day one: Project.Stamp records the current hashes of
// every unverified translation once, when a project adopts the workflow
// (and, given IDs, re-stamps stale translations after a source change that
// needs no new translation, such as a typo fix).
//
// Unlike goi18n merge, a stale translation is kept, and used by the build,
// until it is updated; status and extract show it.
//
// # Translate files
//
// Project.Extract writes translate.<lang>.toml, a go-i18n translate file
// holding only the missing and stale messages, each as a table keyed by
// its full message ID with go-i18n's hash and the current source text:
//
//	# ==== central-asia-2021 ====
//
//	# stale: the en text changed after this translation (locales/ru/central-asia-2021.ru.toml:38); source sources/central-asia-2021.toml:116
//	# previous translation: "Г-жа Ренате Хельд приветствовала делегатов …"
//	# source-hash: sha256-25fa007dab1356b1
//	["central-asia-2021.opening.held.p1"]
//	hash = "sha1-8d8a1df8b2c1fa4172ac3c81bbebec9dc141d3f8"
//	other = "Ms. Renate Held warmly welcomed delegates …"
//
//	# missing; source locales/en/interface.en.toml:60
//	# source-hash: sha256-…
//	["annexes.count"]
//	hash = "sha1-…"
//	one = "The report has {{.Count}} annex, …"
//	few = "The report has {{.Count}} annexes, …"
//	many = "The report has {{.Count}} annexes, …"
//	other = "The report has {{.Count}} annexes, …"
//
// A count offers every plural form the target language needs (CLDR), each
// first holding the source's form or its "other". The translator replaces
// the texts; an entry left as it is is skipped by merge. The comments carry
// what go-i18n has no key for: the source hash the entry was extracted
// from ("# source-hash:") and, for a stale message, the translation it
// replaces ("# previous translation:", a TOML string). The file stays a
// valid go-i18n file, which goi18n merge accepts.
//
// # Merge
//
// Project.Merge checks every entry (Checker) and refuses, listing them,
// those with errors; it writes the others into the catalog file that has
// the message already, else into locales/<lang>/<set>.<lang>.toml, and
// records the entry's source hash in the sidecar. When the source changed
// after extraction, the old hash is recorded, so the message stays stale.
//
// How merge edits a catalog: the file is edited line by line, not
// re-encoded. Comments, blank lines, the order of keys and tables, the
// spelling of keys and comments after a value are kept. A changed message
// has its value replaced in place (written as a one-line basic string);
// plural forms are changed, dropped or added next to the other forms. A new
// message goes into its parent table ([a.b] for a.b.c), after the message
// that precedes it in source order, or before the one that follows it;
// when the table does not exist, a new [table] is added after the table of
// the preceding message (a count gets a [table] of its own). The rewritten
// file is parsed again with go-i18n and compared with what was intended
// before anything is written; files are written atomically (a temporary
// file in the same folder, synced, then renamed). Arrays, inline tables
// and [[arrays of tables]], which catalogs do not use, make merge refuse
// to rewrite the file.
//
// # Checks
//
// Checker.Check runs on each translation: plural forms complete for the
// language, the same {{.Placeholders}} as the source, balanced markup and
// the same link URLs, every character drawable (a coverage predicate, so
// this package needs no fonts), the glossary (Glossary,
// locales/glossary.toml), the language's quotation marks and text left in
// the source language. See Checker.Check for the severities.
package translate
