// Package content reads the site's markdown sources and turns them into
// pages: front matter decoded, URL decided, every page paired with its twin
// in the other language.
//
// The layout it expects, under the content root (slug: in the front
// matter may replace the file name in the URL):
//
//	pt/index.md          home page of a language (URL /pt/)
//	pt/canais.md         a page; the file name is its URL slug (/pt/canais/)
//	en/channels.md       its English twin: same translationKey
//
// Every file starts with YAML front matter between two "---" lines. title,
// translationKey and order are required; description is strongly advised
// (it becomes the meta description). A page is paired with the page of the
// other language that has the same translationKey; a missing twin is an
// error, because the language switcher must always lead somewhere real.
//
// Load reports every problem of every file at once, positioned at the line
// that caused it.
package content

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goexpert/gointernals/generator/diag"
	"go.yaml.in/yaml/v3"
)

// Language is one of the site's languages.
type Language struct {
	Code string // directory and URL prefix: "pt"
	Tag  string // BCP 47 tag for <html lang> and hreflang: "pt-BR"
	Name string // the language's own name, for the switcher: "Português"
}

// Languages are the site's languages, in the order the switcher lists them.
// The first is the source language of the notes.
var Languages = []Language{
	{Code: "pt", Tag: "pt-BR", Name: "Português"},
	{Code: "en", Tag: "en", Name: "English"},
}

// FrontMatter is the YAML block at the top of every content file.
type FrontMatter struct {
	Title          string `yaml:"title"`
	Description    string `yaml:"description"`
	TranslationKey string `yaml:"translationKey"`
	Order          int    `yaml:"order"`
	// Slug, when set, replaces the file name in the URL, for a localized
	// address that the file name cannot carry.
	Slug string `yaml:"slug"`
}

// Page is one content file, ready for the markdown stage.
type Page struct {
	FrontMatter
	Path     string // as the author sees it, for errors: "content/pt/canais.md"
	File     string // path inside the content FS: "pt/canais.md"
	Lang     Language
	Slug     string // "canais"; "" for a home page
	URL      string // site-absolute: "/pt/canais/"
	Body     []byte // the markdown after the front matter
	BodyLine int    // file line on which Body starts
	Twin     *Page  // the same page in the other language

	lines map[string]int // file line of each front matter key, for errors
}

// IsHome reports whether p is a language's home page.
func (p *Page) IsHome() bool { return p.Slug == "" }

// Site is every page, grouped by language in reading order.
type Site struct {
	Langs []Language
	// Pages holds each language's pages sorted by order then slug; the home
	// page comes first.
	Pages map[string][]*Page
	// ByFile finds a page by its path inside the content FS.
	ByFile map[string]*Page

	broken []string // files whose front matter could not be read
}

// Broken reports whether file exists but could not be loaded (its error
// is already reported); links to it should not be reported again.
func (s *Site) Broken(file string) bool { return slices.Contains(s.broken, file) }

// Load reads every language directory of fsys. label is prefixed to paths
// in errors so they match what the author opens (usually "content").
func Load(fsys fs.FS, label string) (*Site, diag.List) {
	var errs diag.List
	site := &Site{Langs: Languages, Pages: map[string][]*Page{}, ByFile: map[string]*Page{}}
	byURL := map[string]*Page{}
	for _, lang := range Languages {
		files, err := fs.Glob(fsys, lang.Code+"/*.md")
		if err != nil || len(files) == 0 {
			errs.Add(path.Join(label, lang.Code), 0, 0, "no pages for language %q: add %s/index.md and its pages", lang.Code, lang.Code)
			continue
		}
		for _, file := range files {
			display := path.Join(label, file)
			src, err := fs.ReadFile(fsys, file)
			if err != nil {
				errs.Add(display, 0, 0, "%v", err)
				continue
			}
			p, perrs := parsePage(display, src)
			errs = append(errs, perrs...)
			if p == nil {
				// Unusable front matter: the page is left out, but its file
				// is remembered so that links to it and its twin do not
				// add follow-on errors to the one already reported.
				site.broken = append(site.broken, file)
				continue
			}
			p.File, p.Lang = file, lang
			p.Slug = strings.TrimSuffix(path.Base(file), ".md")
			if p.Slug == "index" {
				p.Slug = ""
			}
			if p.FrontMatter.Slug != "" {
				p.Slug = p.FrontMatter.Slug
			}
			if !slugOK(p.Slug) {
				errs.Add(display, p.lines["slug"], 0, "%q is not a usable URL slug: use lowercase letters, digits and hyphens (rename the file or set slug:)", p.Slug)
			}
			p.URL = "/" + lang.Code + "/"
			if p.Slug != "" {
				p.URL += p.Slug + "/"
			}
			if other, dup := byURL[p.URL]; dup {
				errs.Add(display, p.lines["slug"], 0, "two pages on one URL %s: this one and %s; rename one of the files or change its slug", p.URL, other.Path)
				site.broken = append(site.broken, file)
				continue
			}
			byURL[p.URL] = p
			site.ByFile[file] = p
			site.Pages[lang.Code] = append(site.Pages[lang.Code], p)
		}
	}
	for _, pages := range site.Pages {
		slices.SortFunc(pages, func(a, b *Page) int {
			if a.IsHome() != b.IsHome() {
				if a.IsHome() {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Slug, b.Slug))
		})
	}
	errs = append(errs, pairTwins(site)...)
	return site, errs
}

var slugRE = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

func slugOK(s string) bool { return slugRE.MatchString(s) }

// pairTwins links each page to the page of the other language that shares
// its translationKey. The site has exactly two languages, so a twin is
// unique; with more, Twin would become a map.
func pairTwins(site *Site) diag.List {
	var errs diag.List
	keys := map[string]map[string]*Page{} // lang → key → page
	for _, lang := range site.Langs {
		keys[lang.Code] = map[string]*Page{}
		for _, p := range site.Pages[lang.Code] {
			if p.TranslationKey == "" {
				continue // already reported by parsePage
			}
			if other, dup := keys[lang.Code][p.TranslationKey]; dup {
				errs.Add(p.Path, p.lines["translationKey"], 0, "translationKey %q is already used by %s: each page of a language needs its own key", p.TranslationKey, other.Path)
				continue
			}
			keys[lang.Code][p.TranslationKey] = p
		}
	}
	for i, lang := range site.Langs {
		other := site.Langs[(i+1)%len(site.Langs)]
		for _, p := range site.Pages[lang.Code] {
			if p.TranslationKey == "" {
				continue
			}
			twin := keys[other.Code][p.TranslationKey]
			if twin == nil && !site.hasBroken(other.Code) {
				errs.Add(p.Path, p.lines["translationKey"], 0, "page has no twin in %s: add content/%s/<slug>.md with translationKey: %s", other.Name, other.Code, p.TranslationKey)
				continue
			}
			p.Twin = twin
		}
	}
	return errs
}

// hasBroken reports whether a language has a page whose front matter
// failed: it may be the twin that looks missing.
func (s *Site) hasBroken(lang string) bool {
	for _, f := range s.broken {
		if strings.HasPrefix(f, lang+"/") {
			return true
		}
	}
	return false
}

// invalidUTF8 finds the first byte of src that is not UTF-8: its line and
// column (in bytes, 1-based).
func invalidUTF8(src []byte) (line, col int, found bool) {
	line, start := 1, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return line, i - start + 1, true
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return 0, 0, false
}

// parsePage splits front matter from body and decodes it. It returns nil
// when the page cannot be used at all.
func parsePage(display string, src []byte) (*Page, diag.List) {
	var errs diag.List
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if line, col, ok := invalidUTF8(src); ok {
		errs.Add(display, line, col, "this byte is not UTF-8: save the file as UTF-8")
		return nil, errs
	}
	fmText, body, bodyLine, ok := splitFrontMatter(src)
	if !ok {
		errs.Add(display, 1, 1, "missing front matter: start the file with a line \"---\", YAML (title, description, translationKey, order), and another \"---\"")
		return nil, errs
	}
	fm, lines, ferrs := decodeFrontMatter(display, fmText)
	if ferrs != nil {
		return nil, ferrs
	}
	if strings.TrimSpace(fm.Title) == "" {
		errs.Add(display, 1, 0, "front matter has no title: add a line \"title: ...\"")
	}
	if strings.TrimSpace(fm.TranslationKey) == "" {
		errs.Add(display, 1, 0, "front matter has no translationKey: add \"translationKey: <key shared with the translation>\"")
	}
	return &Page{FrontMatter: fm, Path: display, Body: body, BodyLine: bodyLine, lines: lines}, errs
}

// splitFrontMatter returns the YAML between the opening and closing "---"
// lines, the body after it, and the body's first line number.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, ok bool) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || strings.TrimRight(string(first), " \r") != "---" {
		return nil, nil, 0, false
	}
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if strings.TrimRight(string(l), " \r") == "---" {
			fm = rest[:off]
			if end < 0 {
				return fm, nil, line + 1, true
			}
			return fm, rest[off+end+1:], line + 1, true
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 0, false
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// decodeFrontMatter decodes the YAML through a yaml.Node so that every key
// keeps its line: unknown keys (a misspelt "tittle") and type errors are
// reported where they stand. lines maps each key to its file line.
func decodeFrontMatter(display string, text []byte) (fm FrontMatter, lines map[string]int, errs diag.List) {
	const first = 2 // the YAML starts on the file's second line
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		m := yamlLineRE.FindStringSubmatch(err.Error())
		if m == nil {
			errs.Add(display, first, 0, "front matter: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		} else {
			n, _ := strconv.Atoi(m[1])
			errs.Add(display, first+n-1, 0, "front matter: %s", m[2])
		}
		return fm, nil, errs
	}
	lines = map[string]int{}
	if len(doc.Content) == 0 {
		return fm, lines, nil // empty: the missing title is reported by the caller
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.Add(display, first+root.Line-1, 0, "front matter must be a YAML mapping of keys to values (title: ..., order: ...)")
		return fm, nil, errs
	}
	known := map[string]bool{"title": true, "description": true, "translationKey": true, "order": true, "slug": true}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		lines[k.Value] = first + k.Line - 1
		if !known[k.Value] {
			errs.Add(display, first+k.Line-1, k.Column, "front matter: unknown key %q (known: title, description, translationKey, order, slug)", k.Value)
			continue
		}
		var err error
		switch k.Value {
		case "title":
			err = v.Decode(&fm.Title)
		case "description":
			err = v.Decode(&fm.Description)
		case "translationKey":
			err = v.Decode(&fm.TranslationKey)
		case "order":
			err = v.Decode(&fm.Order)
		case "slug":
			err = v.Decode(&fm.Slug)
		}
		if err != nil {
			errs.Add(display, first+v.Line-1, v.Column, "front matter: %s must be a %s, not %q", k.Value, map[bool]string{true: "number", false: "string"}[k.Value == "order"], v.Value)
		}
	}
	return fm, lines, errs
}

// String is for debugging and test failures.
func (p *Page) String() string { return fmt.Sprintf("%s (%s)", p.Path, p.URL) }
