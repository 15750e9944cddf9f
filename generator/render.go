package generator

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"strings"

	"github.com/goexpert/gointernals/generator/assets"
	"github.com/goexpert/gointernals/generator/content"
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
	Prev, Next  *navLink
	Pages       []navLink // the home page's list
	Choices     []choice  // the root page's languages
}

type alternate struct {
	Tag, URL, OGLocale string
	Current            bool
}

type navLink struct {
	Title, URL, Description string
	Tag, Name               string // for the language switch
}

type choice struct {
	Tag, Name, URL string
	UI             theme.UI
}

type assetURLs struct{ CSS, JS, Init string }

// renderer holds what every page shares.
type renderer struct {
	baseURL string
	tmpl    map[string]*template.Template // by kind
	assets  assetURLs
	files   map[string][]byte // bundled assets, by output path
}

var kinds = []string{"page", "home", "404", "root"}

func newRenderer(themeFS fs.FS, baseURL string) (*renderer, error) {
	r := &renderer{baseURL: baseURL, tmpl: map[string]*template.Template{}, files: map[string][]byte{}}
	for _, k := range kinds {
		t, err := template.New(k).ParseFS(themeFS, "templates/base.html", "templates/"+k+".html")
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		r.tmpl[k] = t
	}
	palette, err := chromaCSS()
	if err != nil {
		return nil, err
	}
	const cssEntry = "site.css"
	out, err := assets.Bundle(themeFS, []string{cssEntry, "js/main.js", "js/init.js"}, map[string]string{
		cssEntry:         "@import \"./css/main.css\";\n@import \"./css/chroma.css\";\n",
		"css/chroma.css": palette,
	})
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	url := func(entry string) string {
		o := out[entry]
		r.files["assets/"+o.Name] = o.Contents
		return "/assets/" + o.Name
	}
	r.assets = assetURLs{CSS: url(cssEntry), JS: url("js/main.js"), Init: url("js/init.js")}
	return r, nil
}

// renderSite renders every page and the site-wide files.
func (r *renderer) renderSite(site *content.Site, pages map[string][]*page) (map[string][]byte, error) {
	files := map[string][]byte{}
	for k, v := range r.files {
		files[k] = v
	}
	for _, lang := range site.Langs {
		ps := pages[lang.Code]
		nav := navHTML(ps)
		for i, p := range ps {
			d := r.pageData(p, lang)
			if p.IsHome() {
				d.Kind = "home"
				d.OGType = "website"
				for _, q := range ps[1:] {
					d.Pages = append(d.Pages, navLink{Title: q.Title, URL: q.URL, Description: q.Description})
				}
			} else {
				d.Nav = markCurrent(nav, p.URL)
				d.TOC = p.doc.Headings
				if i > 1 { // ps[0] is the home page
					d.Prev = &navLink{Title: ps[i-1].Title, URL: ps[i-1].URL}
				}
				if i+1 < len(ps) {
					d.Next = &navLink{Title: ps[i+1].Title, URL: ps[i+1].URL}
				}
			}
			b, err := r.execute(d)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.Path, err)
			}
			files[outPath(p.URL)] = b
		}
		nf, err := r.execute(r.notFoundData(lang, nav))
		if err != nil {
			return nil, err
		}
		files[lang.Code+"/404.html"] = nf
		if lang.Code == "en" {
			files["404.html"] = nf // the host's default 404, in the international language
		}
	}
	root, err := r.execute(r.rootData(site))
	if err != nil {
		return nil, err
	}
	files["index.html"] = root
	files["sitemap.xml"] = r.sitemap(site, pages)
	files["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.baseURL + "/sitemap.xml\n")
	return files, nil
}

func (r *renderer) pageData(p *page, lang content.Language) *pageData {
	d := &pageData{
		Kind: "page", Lang: lang, UI: theme.Strings[lang.Code],
		Title: p.Title, Description: p.Description,
		Canonical: r.baseURL + p.URL, OGType: "article",
		HomeURL: "/" + lang.Code + "/", Assets: r.assets,
		Content: template.HTML(p.doc.HTML),
	}
	d.Alternates, d.XDefault = r.alternates(p.Page)
	if t := p.Twin; t != nil {
		d.Switch = &navLink{Title: t.Title, URL: t.URL, Tag: t.Lang.Tag, Name: t.Lang.Name}
	}
	return d
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
	return &pageData{Kind: "404", Lang: lang, UI: ui, Title: ui.NotFound, HomeURL: "/" + lang.Code + "/", Assets: r.assets, Nav: nav}
}

func (r *renderer) rootData(site *content.Site) *pageData {
	first := site.Langs[0]
	d := &pageData{Kind: "root", Lang: content.Languages[1], UI: theme.Strings["en"], HomeURL: "/", Assets: r.assets, OGType: "website", Canonical: r.baseURL + "/"}
	var names []string
	for _, l := range site.Langs {
		ui := theme.Strings[l.Code]
		names = append(names, ui.SiteName)
		d.Choices = append(d.Choices, choice{Tag: l.Tag, Name: l.Name, URL: "/" + l.Code + "/", UI: ui})
		d.Alternates = append(d.Alternates, alternate{Tag: l.Tag, URL: r.baseURL + "/" + l.Code + "/", OGLocale: ui.OGLocale, Current: l.Code == "en"})
	}
	d.Title = strings.Join(names, " · ")
	d.Description = theme.Strings["en"].Tagline + " · " + theme.Strings[first.Code].Tagline
	d.XDefault = r.baseURL + "/"
	return d
}

func (r *renderer) execute(d *pageData) ([]byte, error) {
	var b bytes.Buffer
	if err := r.tmpl[d.Kind].ExecuteTemplate(&b, "base", d); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return b.Bytes(), nil
}

// navHTML renders the sidebar list once per language; each page then only
// marks its own entry (markCurrent). Rendering the list through the
// template for every page would cost O(pages²) template work.
func navHTML(ps []*page) template.HTML {
	var b strings.Builder
	b.WriteString("<ol>\n")
	for _, p := range ps {
		if p.IsHome() {
			continue
		}
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", html.EscapeString(p.URL), html.EscapeString(p.Title))
	}
	b.WriteString("</ol>")
	return template.HTML(b.String())
}

func markCurrent(nav template.HTML, url string) template.HTML {
	link := `<a href="` + html.EscapeString(url) + `">`
	return template.HTML(strings.Replace(string(nav), link, link[:len(link)-1]+` aria-current="page">`, 1))
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
