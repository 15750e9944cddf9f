package generator

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/goexpert/gointernals/generator/assets"
	"github.com/goexpert/gointernals/generator/content"
	"github.com/goexpert/gointernals/generator/diagram"
	"github.com/goexpert/gointernals/generator/internal/par"
	"github.com/goexpert/gointernals/generator/markdown"
	"github.com/goexpert/gointernals/theme"
)

// pageData is what every template receives. Fields a kind of page does not
// use stay zero, and the templates test for them.
type pageData struct {
	Kind        string // "page", "home", "404", "root"
	Lang        content.Language
	UI          theme.UI
	Title       string
	Description string
	Canonical   string // absolute; "" for pages that must not be indexed as such
	OGType      string
	Alternates  []alternate
	XDefault    string
	HomeURL     string
	Switch      *navLink // the same page in the other language
	Assets      assetURLs
	Nav         template.HTML // the sidebar's list, current page marked
	Content     template.HTML
	TOC         []markdown.Heading
	TOCAside    template.HTML // TOC's entries as the aside lists them (tocEntries)
	TOCInline   template.HTML // and as the list above the article does
	Prev, Next  *navLink
	Pages       []navLink // the home page's list
	Choices     []choice  // the root page's languages
	Playground  *playgroundURLs
	Search      string     // the language's search index, loaded when a reader searches
	Shared      sharedHTML // set by execute
}

// sharedData is what the parts of a page that many pages share depend on
// (base.html's "open", "head", "tools" and "footer"): they get it and
// nothing else, so that one cannot come to depend on a page's own fields
// unnoticed (executing it fails).
type sharedData struct {
	sharedKey
	Choices []choice // the root page's, which is alone of its kind
}

// sharedKey is sharedData without the choices: pages with the same key
// share those parts (renderer.sharedParts).
type sharedKey struct {
	Kind       string
	Lang       content.Language
	UI         theme.UI
	Assets     assetURLs
	Playground *playgroundURLs // one per language (renderer.playgrounds)
	Search     string
	HomeURL    string
	Nav        bool
}

// sharedHTML are the shared parts, rendered.
type sharedHTML struct{ Open, Head, Tools, Footer template.HTML }

type alternate struct {
	Tag, URL, OGLocale string
	Current            bool
}

type navLink struct {
	Title, URL, Description string
	Tag, Name               string // for the language switch
	// Sections are the ids of the twin's h2 and h3 headings, space
	// separated, when they parallel this page's (same count, same levels):
	// the switch's script points the link at the twin of the section
	// being read.
	Sections string
}

type choice struct {
	Tag, Name, URL string
	UI             theme.UI
}

type assetURLs struct{ CSS, JS, Init, Icon string }

// playgroundURLs are what a page with playgrounds loads, lazily for all
// but Script: the sandbox's script, the glue and the module only when a
// reader runs.
type playgroundURLs struct {
	Script              string            // the page script in the page's language (Scripts)
	Scripts             map[string]string // by language, "pt" or "en"
	Sandbox, Exec, Wasm string
	SandboxHash         string // of the sandbox's script, for the site's policy
	SandboxPolicy       string // what the sandbox's document adds to the site's policy
	Limit               int    // seconds
	Exact               string // exactURLs as JSON
}

// themeBundle is what the theme stage makes of the theme: its templates,
// and the URLs of its bundled styles, scripts and icon, which it adds to
// the output. The service worker's script is kept aside: its file is made
// last (output.addServiceWorker).
type themeBundle struct {
	tmpl          map[string]*template.Template // by kind
	assets        assetURLs
	serviceWorker []byte // js/sw.js bundled
}

var kinds = []string{"page", "home", "404", "root"}

// bundleTheme parses the theme's templates and bundles its styles (with
// the playground's, from webFS: playground/web) and scripts into out.
func bundleTheme(themeFS, webFS fs.FS, out *output) (*themeBundle, error) {
	th := &themeBundle{tmpl: map[string]*template.Template{}}
	for _, k := range kinds {
		t, err := template.New(k).Funcs(template.FuncMap{"integrity": out.integrity}).ParseFS(themeFS, "templates/base.html", "templates/"+k+".html")
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		th.tmpl[k] = t
	}
	palette, err := chromaCSS()
	if err != nil {
		return nil, err
	}
	const cssEntry = "site.css"
	pgCSS, err := fs.ReadFile(webFS, "playground.css")
	if err != nil {
		return nil, err
	}
	bundled, err := assets.Bundle(themeFS, []string{cssEntry, "js/main.js", "js/init.js", "js/sw.js"}, map[string]string{
		cssEntry:             "@import \"./css/main.css\";\n@import \"./css/chroma.css\";\n@import \"./css/playground.css\";\n@import \"./css/diagram.css\";\n",
		"css/chroma.css":     palette,
		"css/playground.css": string(pgCSS),
		"css/diagram.css":    diagram.CSS(),
	})
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	url := func(entry string) string {
		o := bundled[entry]
		return out.add(o.Name, o.Contents)
	}
	th.assets = assetURLs{CSS: url(cssEntry), JS: url("js/main.js"), Init: url("js/init.js")}
	th.serviceWorker = bundled["js/sw.js"].Contents
	icon, err := fs.ReadFile(themeFS, "static/favicon.svg")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	th.assets.Icon = out.add(assets.HashName("favicon.svg", icon), icon)
	return th, nil
}

// renderer holds what every page shares while the render stage runs.
type renderer struct {
	baseURL string
	theme   *themeBundle
	search  map[string]string               // language code → search index URL
	docs    map[*content.Page]*markdown.Doc // every page's converted doc, for its twin's headings
	// playgrounds are the playground's URLs with each language's page
	// script, one value per language so that pages share it (sharedKey);
	// empty when snippets stay static.
	playgrounds map[string]*playgroundURLs
	mu          sync.Mutex
	shared      map[sharedKey]sharedHTML // the parts pages share, rendered once
}

// renderPages is the render stage: every page of both languages through
// the theme's templates, each language's search index, its 404 page, the
// language chooser at /, the sitemap and robots.txt, all added to out.
// Pages are independent, so they render in parallel, each into its own
// slot; out is written only before and after.
func renderPages(th *themeBundle, pg *playgroundURLs, baseURL string, site *content.Site, pages map[string][]*page, out *output) error {
	r := &renderer{baseURL: baseURL, theme: th, search: map[string]string{}, docs: map[*content.Page]*markdown.Doc{},
		playgrounds: map[string]*playgroundURLs{}, shared: map[sharedKey]sharedHTML{}}
	if pg != nil {
		for _, lang := range site.Langs {
			p := *pg
			p.Script = p.Scripts[strings.ToLower(lang.Tag[:2])]
			if p.Script == "" {
				p.Script = p.Scripts["en"] // strings.js's own choice
			}
			r.playgrounds[lang.Code] = &p
		}
	}
	type job struct {
		lang content.Language
		ps   []*page
		nav  *sidebar
		i    int
	}
	for _, ps := range pages {
		for _, p := range ps {
			r.docs[p.Page] = p.doc
		}
	}
	// The languages' indexes side by side: each ends in one encoding,
	// which would otherwise leave a CPU idle.
	idx := make([][]byte, len(site.Langs))
	idxErrs := make([]error, len(site.Langs))
	par.N(len(site.Langs), func(i int) {
		idx[i], idxErrs[i] = searchIndex(pages[site.Langs[i].Code])
	})
	for i, lang := range site.Langs {
		if idxErrs[i] != nil {
			return fmt.Errorf("search index of %s: %w", lang.Code, idxErrs[i])
		}
		r.search[lang.Code] = out.add(assets.HashName("search-"+lang.Code+".json", idx[i]), idx[i])
	}
	var jobs []job
	navs := map[string]*sidebar{}
	for _, lang := range site.Langs {
		ps := pages[lang.Code]
		navs[lang.Code] = newSidebar(ps)
		for i := range ps {
			jobs = append(jobs, job{lang, ps, navs[lang.Code], i})
		}
	}
	html := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	par.N(len(jobs), func(k int) {
		j := jobs[k]
		html[k], errs[k] = r.execute(r.contentPageData(j.lang, j.ps, j.i, j.nav))
		if errs[k] != nil {
			errs[k] = fmt.Errorf("%s: %w", j.ps[j.i].Path, errs[k])
		}
	})
	for k, j := range jobs {
		if errs[k] != nil {
			return errs[k]
		}
		out.put(outPath(j.ps[j.i].URL), html[k])
	}
	for _, lang := range site.Langs {
		nf, err := r.execute(r.notFoundData(lang, navs[lang.Code].html(-1)))
		if err != nil {
			return err
		}
		out.put(lang.Code+"/404.html", nf)
		if lang.Code == "en" {
			out.put("404.html", nf) // the host's default 404, in the international language
		}
	}
	root, err := r.execute(r.rootData(site))
	if err != nil {
		return err
	}
	out.put("index.html", root)
	out.put("sitemap.xml", r.sitemap(site, pages))
	out.put("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+r.baseURL+"/sitemap.xml\n"))
	return nil
}

// contentPageData is the data of ps[i]: a language's home page (always
// ps[0]) or one of its pages.
func (r *renderer) contentPageData(lang content.Language, ps []*page, i int, nav *sidebar) *pageData {
	p := ps[i]
	d := r.pageData(p, lang)
	if p.IsHome() {
		d.Kind = "home"
		d.OGType = "website"
		for _, q := range ps[1:] {
			d.Pages = append(d.Pages, navLink{Title: q.Title, URL: q.URL, Description: q.Description})
		}
		return d
	}
	d.Nav = nav.html(i - 1)
	d.TOC = p.doc.Headings
	d.TOCAside, d.TOCInline = tocEntries(p.doc.Headings)
	if p.doc.Playgrounds > 0 {
		d.Playground = r.playgrounds[lang.Code]
	}
	if i > 1 {
		d.Prev = &navLink{Title: ps[i-1].Title, URL: ps[i-1].URL}
	}
	if i+1 < len(ps) {
		d.Next = &navLink{Title: ps[i+1].Title, URL: ps[i+1].URL}
	}
	return d
}

func (r *renderer) pageData(p *page, lang content.Language) *pageData {
	d := &pageData{
		Kind: "page", Lang: lang, UI: theme.Strings[lang.Code],
		Title: p.Title, Description: p.Description,
		Canonical: r.baseURL + p.URL, OGType: "article",
		HomeURL: "/" + lang.Code + "/", Assets: r.theme.assets,
		Content: template.HTML(p.doc.HTML),
	}
	d.Alternates, d.XDefault = r.alternates(p.Page)
	if t := p.Twin; t != nil {
		d.Switch = &navLink{Title: t.Title, URL: t.URL, Tag: t.Lang.Tag, Name: t.Lang.Name}
		if td := r.docs[t]; td != nil {
			d.Switch.Sections = twinSections(p.doc.Headings, td.Headings)
		}
	}
	return d
}

// twinSections pairs a page's headings with its twin's by position: the
// twin's ids, space separated, when both have the same headings at the
// same levels; "" otherwise, and the switch then leads to the twin's top.
func twinSections(mine, twin []markdown.Heading) string {
	if len(mine) != len(twin) {
		return ""
	}
	ids := make([]string, len(twin))
	for i, h := range twin {
		if h.Level != mine[i].Level {
			return ""
		}
		ids[i] = h.ID
	}
	return strings.Join(ids, " ")
}

// alternates lists the page in every language, itself included, as
// hreflang wants. x-default is the language chooser for home pages and the
// English page otherwise: a reader whose language is neither is better
// served by English than by a redirect.
func (r *renderer) alternates(p *content.Page) ([]alternate, string) {
	var alts []alternate
	xdef := ""
	for _, q := range []*content.Page{p, p.Twin} {
		if q == nil {
			continue
		}
		alts = append(alts, alternate{Tag: q.Lang.Tag, URL: r.baseURL + q.URL, OGLocale: theme.Strings[q.Lang.Code].OGLocale, Current: q == p})
		if q.Lang.Code == "en" {
			xdef = r.baseURL + q.URL
		}
	}
	// Keep the languages' order whichever page we are on.
	if len(alts) == 2 && alts[0].Tag != content.Languages[0].Tag {
		alts[0], alts[1] = alts[1], alts[0]
	}
	if p.IsHome() {
		xdef = r.baseURL + "/"
	}
	return alts, xdef
}

func (r *renderer) notFoundData(lang content.Language, nav template.HTML) *pageData {
	ui := theme.Strings[lang.Code]
	return &pageData{Kind: "404", Lang: lang, UI: ui, Title: ui.NotFound, HomeURL: "/" + lang.Code + "/", Assets: r.theme.assets, Nav: nav}
}

func (r *renderer) rootData(site *content.Site) *pageData {
	first := site.Langs[0]
	d := &pageData{Kind: "root", Lang: content.Languages[1], UI: theme.Strings["en"], HomeURL: "/", Assets: r.theme.assets, OGType: "website", Canonical: r.baseURL + "/"}
	var names []string
	for _, l := range site.Langs {
		ui := theme.Strings[l.Code]
		names = append(names, ui.SiteName)
		d.Choices = append(d.Choices, choice{Tag: l.Tag, Name: l.Name, URL: "/" + l.Code + "/", UI: ui})
		d.Alternates = append(d.Alternates, alternate{Tag: l.Tag, URL: r.baseURL + "/" + l.Code + "/", OGLocale: ui.OGLocale, Current: l.Code == "en"})
	}
	// The chooser speaks both languages: its title, header and footer
	// name the site and say their words in each (the templates range over
	// Choices), and the theme button's words are both languages'.
	each := func(word func(theme.UI) string) string {
		var w []string
		for _, c := range d.Choices {
			w = append(w, word(c.UI))
		}
		return strings.Join(w, " / ")
	}
	d.UI.Theme = each(func(ui theme.UI) string { return ui.Theme })
	d.UI.ThemeLight = each(func(ui theme.UI) string { return ui.ThemeLight })
	d.UI.ThemeDark = each(func(ui theme.UI) string { return ui.ThemeDark })
	d.UI.ThemeSystem = each(func(ui theme.UI) string { return ui.ThemeSystem })
	d.Title = strings.Join(names, " · ")
	d.Description = theme.Strings["en"].Tagline + " · " + theme.Strings[first.Code].Tagline
	d.XDefault = r.baseURL + "/"
	return d
}

func (r *renderer) execute(d *pageData) ([]byte, error) {
	if d.Kind != "root" {
		d.Search = r.search[d.Lang.Code]
	}
	var err error
	if d.Shared, err = r.sharedParts(d); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	var b bytes.Buffer
	// Room for the page at once: growing as the template writes copied
	// the article several times over.
	b.Grow(len(d.Content) + len(d.Nav) + 2*len(d.TOCAside) + 8<<10)
	if err := r.theme.tmpl[d.Kind].ExecuteTemplate(&b, "base", d); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return b.Bytes(), nil
}

// sharedParts renders the parts of d that depend only on its sharedData,
// once per build for each sharedKey: those were half of the templates'
// actions, and every action costs a few reflective calls (the escapers
// html/template adds to each).
func (r *renderer) sharedParts(d *pageData) (sharedHTML, error) {
	sd := sharedData{sharedKey: sharedKey{
		Kind: d.Kind, Lang: d.Lang, UI: d.UI, Assets: d.Assets, Playground: d.Playground,
		Search: d.Search, HomeURL: d.HomeURL, Nav: d.Nav != "",
	}, Choices: d.Choices}
	if sd.Choices == nil {
		r.mu.Lock()
		defer r.mu.Unlock()
		if h, ok := r.shared[sd.sharedKey]; ok {
			return h, nil
		}
	}
	var h sharedHTML
	for _, part := range []struct {
		name string
		html *template.HTML
	}{{"open", &h.Open}, {"head", &h.Head}, {"tools", &h.Tools}, {"footer", &h.Footer}} {
		var b strings.Builder
		if err := r.theme.tmpl[d.Kind].ExecuteTemplate(&b, part.name, sd); err != nil {
			return sharedHTML{}, err
		}
		*part.html = template.HTML(b.String())
	}
	if sd.Choices == nil {
		r.shared[sd.sharedKey] = h
	}
	return h, nil
}

// sidebarFull is the most pages a sidebar lists in full. Past it, a page's
// sidebar shows its neighbours and a link to the home page's complete
// list: a thousand-entry sidebar is no help to a reader and would put
// O(pages²) bytes into the site.
const (
	sidebarFull   = 60
	sidebarWindow = 15 // entries on each side of the current page
)

// sidebar holds each entry's HTML, rendered once per language; a page's
// sidebar is then a join of the entries around it.
type sidebar struct {
	entries []string // <li> of each page, home excluded
	current []string // the same, marked aria-current
	more    string   // link to the full list, for windowed sidebars
}

func newSidebar(ps []*page) *sidebar {
	s := &sidebar{}
	for _, p := range ps {
		if p.IsHome() {
			s.more = fmt.Sprintf("<li class=\"more\"><a href=\"%s#contents\">…</a></li>\n", html.EscapeString(p.URL))
			continue
		}
		u, t := html.EscapeString(p.URL), html.EscapeString(p.Title)
		s.entries = append(s.entries, fmt.Sprintf("<li><a href=\"%s\">%s</a></li>\n", u, t))
		s.current = append(s.current, fmt.Sprintf("<li><a href=\"%s\" aria-current=\"page\">%s</a></li>\n", u, t))
	}
	return s
}

// html is the sidebar of the entry at index cur (-1 for none).
func (s *sidebar) html(cur int) template.HTML {
	lo, hi := 0, len(s.entries)
	windowed := len(s.entries) > sidebarFull
	if windowed {
		c := max(cur, 0)
		lo, hi = max(0, c-sidebarWindow), min(len(s.entries), c+sidebarWindow+1)
	}
	var b strings.Builder
	b.WriteString("<ol>\n")
	if windowed && lo > 0 {
		b.WriteString(s.more)
	}
	for k := lo; k < hi; k++ {
		if k == cur {
			b.WriteString(s.current[k])
		} else {
			b.WriteString(s.entries[k])
		}
	}
	if windowed && hi < len(s.entries) {
		b.WriteString(s.more)
	}
	b.WriteString("</ol>")
	return template.HTML(b.String())
}

// tocEntries renders the entries of a page's two tables of contents, the
// aside's and the one above the article, as the templates did with a
// range each: those ranges were about a quarter of the templates' work, every
// action a reflective call to html/template's escapers. The escaping is
// theirs (TestTOCEntriesAsTheTemplatesHad).
func tocEntries(hs []markdown.Heading) (aside, inline template.HTML) {
	var a, in strings.Builder
	for _, h := range hs {
		id, text := urlEscape(h.ID), htmlEscaper.Replace(h.Text)
		fmt.Fprintf(&a, "\n<li class=\"toc-h%d\"><a href=\"#%s\">%s</a></li>", h.Level, id, text)
		sub := ""
		if h.Level == 3 {
			sub = ` class="sub"`
		}
		fmt.Fprintf(&in, "\n<li%s><a href=\"#%s\">%s</a></li>", sub, id, text)
	}
	return template.HTML(a.String()), template.HTML(in.String())
}

// htmlEscaper escapes text and quoted attribute values as html/template
// does (its htmlEscaper and attrEscaper of a string).
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// urlEscape escapes a URL's fragment as html/template does (urlEscaper):
// every byte but RFC 3986's unreserved ones as %xx, in lower case. What
// it gives needs no more escaping in a quoted attribute.
func urlEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}

// outPath is the file that serves a page URL: "/pt/canais/" → "pt/canais/index.html".
func outPath(url string) string {
	return strings.TrimPrefix(url, "/") + "index.html"
}

// sitemap lists every page with its alternates, as search engines expect
// for translated pages.
func (r *renderer) sitemap(site *content.Site, pages map[string][]*page) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, lang := range site.Langs {
		for _, p := range pages[lang.Code] {
			fmt.Fprintf(&b, "<url><loc>%s</loc>", html.EscapeString(r.baseURL+p.URL))
			alts, xdef := r.alternates(p.Page)
			for _, a := range alts {
				fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, a.Tag, html.EscapeString(a.URL))
			}
			fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="x-default" href="%s"/>`, html.EscapeString(xdef))
			b.WriteString("</url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// sriPrefix starts a digest in the format of Subresource Integrity, which
// the pages' integrity attributes, the service worker and the exact
// engine's worker all use: "sha256-" and the base64 of the SHA-256.
const sriPrefix = "sha256-"

// sri writes a SHA-256 sum in that format.
func sri(sum []byte) string { return sriPrefix + base64.StdEncoding.EncodeToString(sum) }

// linkedDigest is the digest of what a reader's browser checks of a large
// file linked from the cache: its bytes, or for a gzipped file its
// inflated bytes, which is what the exact engine's worker keeps and
// checks (it inflates its downloads, and a host may have inflated them
// already). Reading megabytes, and inflating them, would cost every build
// tens to hundreds of milliseconds, so the digest is kept beside the file
// (<file>.sri, after the file's hashed name and size) and a warm build
// reads only that; the cache never changes a file in place.
func linkedDigest(f assets.CachedFile) (string, error) {
	sidecar := f.Path + ".sri"
	key := fmt.Sprintf("%s %d ", f.Name, f.Size)
	if b, err := os.ReadFile(sidecar); err == nil {
		if sum, ok := strings.CutPrefix(string(b), key); ok && strings.HasPrefix(sum, sriPrefix) && len(sum) == len(sriPrefix)+44 {
			return sum, nil
		}
	}
	file, err := os.Open(f.Path)
	if err != nil {
		return "", err
	}
	defer file.Close()
	var src io.Reader = file
	if strings.HasSuffix(f.Name, ".gz") {
		zr, err := gzip.NewReader(file)
		if err != nil {
			return "", fmt.Errorf("%s: %w", f.Path, err)
		}
		src = zr
	}
	h := sha256.New()
	if _, err := io.Copy(h, src); err != nil {
		return "", fmt.Errorf("%s: %w", f.Path, err)
	}
	sum := sri(h.Sum(nil))
	// Written aside and renamed, so that builds sharing the cache never
	// read half of one. Failing costs the next build the digest again,
	// nothing more.
	if tmp, err := os.CreateTemp(filepath.Dir(sidecar), ".sri-"); err == nil {
		_, werr := tmp.WriteString(key + sum)
		if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), sidecar) != nil {
			os.Remove(tmp.Name())
		}
	}
	return sum, nil
}
