package locales

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/reportgen/reportgen/diag"
)

// GlossaryName is the one file the locales folder holds besides the
// language folders (see Glossary).
const GlossaryName = "glossary.toml"

// languageFolder reports whether name is a folder a catalog can be in: a
// BCP 47 language tag written as Go writes it ("ru", "pt-BR").
func languageFolder(name string) bool {
	tag, err := language.Parse(name)
	return err == nil && tag.String() == name
}

// CheckLayout reports, one error each, what in the locales folder fsys
// (shown as prefix) is not where a catalog can be read from: a folder
// that is not a language tag; when langs, the languages of the reports,
// is not nil, a regional folder of a language the reports list without
// the region (locales/ru-RU for reports in ru; not read, as no report is
// in ru-RU); and a .toml file outside any language folder
// (besides the glossary). A file in a language folder that is not named
// <name>.<lang>.toml is reported when the catalogs load.
func CheckLayout(fsys fs.FS, prefix string, langs []string) diag.List {
	var diags diag.List
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil // no locales folder: the embedded catalogs
	}
	for _, e := range entries {
		name := e.Name()
		shown := path.Join(prefix, name)
		switch {
		case e.IsDir() && !languageFolder(name):
			if strings.HasPrefix(name, ".") {
				continue
			}
			diags.Errorf(shown, 0, 0, "", "folder %q is not a language tag, so its files are not read: catalogs are locales/<lang>/<name>.<lang>.toml, <lang> a tag such as ru or pt-BR", name)
		case e.IsDir() && langs != nil && !slices.Contains(langs, name):
			// A regional folder beside reports in the language (ru-RU
			// for reports in ru) would be matched instead of ru's.
			tag, _ := language.Parse(name)
			if base, _ := tag.Base(); base.String() != name && slices.Contains(langs, base.String()) {
				diags.Errorf(shown, 0, 0, "", "no report is in %s (the reports' languages are %s), so its files are not read: a catalog folder is named by a language as reports list it; did you mean locales/%s/?", name, strings.Join(langs, ", "), base)
			}
		case !e.IsDir() && strings.HasSuffix(name, ".toml") && name != GlossaryName:
			diags.Errorf(shown, 0, 0, "", "a catalog file is not read outside a language folder: move it to locales/<lang>/%s.<lang>.toml", strings.TrimSuffix(name, ".toml"))
		}
	}
	return diags
}
