// Package generator builds the site: it reads the content, renders every
// page in both languages through the theme, and writes the result.
//
// # The model
//
// A build runs these stages in order; none reaches back up. The first
// three return plain values (pages, errors, snippet results); the later
// ones add files to one output (output.go), which the last writes:
//
//	content.Load      content/ (an fs.FS) → pages with front matter, URLs, twins
//	convert           each page's markdown → HTML, headings, links, snippets;
//	                  ```diagram blocks drawn inline by package diagram
//	                  (package markdown; pages are converted in parallel)
//	check             links and #anchors resolve; snippets are validated
//	bundleTheme       theme CSS/JS bundled and hashed by esbuild; templates
//	bundlePlayground  the playground's scripts, and its engines compiled to
//	                  WebAssembly (not when the build only checks: nothing
//	                  it checks needs them)
//	renderPages       pages → HTML through theme/templates, search indexes,
//	                  a 404 page per language, the language chooser at /,
//	                  sitemap, robots; then snippets.json and _headers
//	addServiceWorker  /sw.js, which lists every asset above with its
//	                  digest, so it comes last and seals the output
//	writeSite         everything into a directory beside the output (the
//	                  site before last, changed only where it differs),
//	                  then swapped into place
//
// Every stage collects all of its problems as diag.Errors; if any stage
// found one, the build stops before writing and returns the whole list, so
// the previous output directory is left exactly as it was. Nothing in a
// build depends on time, map order or the machine, so two builds of the
// same input are byte-identical.
package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/goexpert/gointernals/generator/content"
	"github.com/goexpert/gointernals/generator/diag"
	"github.com/goexpert/gointernals/generator/internal/par"
	"github.com/goexpert/gointernals/generator/markdown"
	"github.com/goexpert/gointernals/generator/snippet"
	"github.com/goexpert/gointernals/playground/web"
	"github.com/goexpert/gointernals/theme"
)

// Config is what a build needs to know.
type Config struct {
	Content      fs.FS  // the content tree: pt/*.md, en/*.md
	ContentLabel string // how errors name the content root: "content"
	Theme        fs.FS  // templates, css, js; nil means the embedded theme
	OutDir       string // where the site goes: "public"
	BaseURL      string // absolute site URL for canonical links and the sitemap
	// Check validates everything but writes nothing, and builds no
	// playground engine (see Playground).
	Check bool

	// SnippetCache keeps the results of snippets that passed validation;
	// "" means the user cache directory (os.UserCacheDir()/gointernals).
	SnippetCache string
	// SnippetTimeout limits each run of a snippet (default 10 s).
	SnippetTimeout time.Duration

	// Playground, when set, turns runnable snippets into in-page
	// playgrounds: the interpreter, and for the exact engine the Go
	// compiler and linker, are compiled to WebAssembly from the module at
	// Playground.ModuleDir and the Go installation on PATH. Nil leaves
	// snippets static. With Check, the playground's scripts are bundled
	// but its engines are neither compiled nor read from the cache: they
	// check nothing of the content (bundlePlayground).
	Playground *PlaygroundConfig
}

// PlaygroundConfig says where the playground's Go sources are.
type PlaygroundConfig struct {
	ModuleDir string        // the module root (holds go.mod): "."
	CacheDir  string        // compiled modules; "" means the user cache directory
	TimeLimit time.Duration // shown to readers and enforced by the page (default 10 s)
	// Web holds the page scripts and styles (playground/web); nil means
	// the embedded copy. The dev server reads them from disk.
	Web fs.FS

	builders engineBuilders // how the engines are compiled (tests observe it)
}

// Report says what a successful build did.
type Report struct {
	Pages    map[string]int // pages per language code, home included
	Files    int            // files written (or that would be, with Check, less the engines it does not build)
	Bytes    int64          // their total size
	Snippets int            // Go snippets in the content
	Stats    snippet.Stats  // how they were validated
	Duration time.Duration
}

// Summary is the one line the command prints.
func (r *Report) Summary() string {
	var parts []string
	for _, l := range content.Languages {
		parts = append(parts, fmt.Sprintf("%d %s", r.Pages[l.Code], l.Code))
	}
	return fmt.Sprintf("built %s pages, %d snippets validated (%d run now), %d files (%.1f KB) in %v",
		strings.Join(parts, " + "), r.Snippets, r.Stats.Checked, r.Files, float64(r.Bytes)/1024, r.Duration.Round(time.Millisecond))
}

// page is a content page with its converted markdown.
type page struct {
	*content.Page
	doc *markdown.Doc
}

// Build runs every stage. On failure the error is a diag.List when the
// input is at fault, and the output directory is untouched.
func Build(ctx context.Context, cfg Config) (*Report, error) {
	start := time.Now()
	if cfg.ContentLabel == "" {
		cfg.ContentLabel = "content"
	}
	if cfg.Theme == nil {
		cfg.Theme = theme.Files
	}
	baseURL, err := normalizeBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}

	site, errs := content.Load(cfg.Content, cfg.ContentLabel)
	pages, cerrs := convert(ctx, site)
	errs = append(errs, cerrs...)
	errs = append(errs, checkLinks(pages)...)
	results, stats, serrs := validateSnippets(ctx, cfg, site, pages)
	errs = append(errs, serrs...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	fillSamples(pages, results)

	var webFS fs.FS = web.Files
	if cfg.Playground != nil && cfg.Playground.Web != nil {
		webFS = cfg.Playground.Web
	}
	out := newOutput()
	th, err := bundleTheme(cfg.Theme, webFS, out)
	if err != nil {
		return nil, err
	}
	var pg *playgroundURLs
	if cfg.Playground != nil {
		if pg, err = bundlePlayground(ctx, *cfg.Playground, webFS, !cfg.Check, out); err != nil {
			return nil, err
		}
	}
	if err := renderPages(th, pg, baseURL, site, pages, out); err != nil {
		return nil, err
	}
	snippetsJSON, err := manifest(results)
	if err != nil {
		return nil, err
	}
	out.put("snippets.json", snippetsJSON)
	out.put("_headers", headersFile(pg))
	// Last: the service worker lists every asset the stages added.
	if err := out.addServiceWorker(th.serviceWorker); err != nil {
		return nil, err
	}
	files := out.files

	rep := &Report{Pages: map[string]int{}, Files: len(files), Snippets: len(results), Stats: stats}
	for lang, ps := range site.Pages {
		rep.Pages[lang] = len(ps)
	}
	for _, b := range files {
		rep.Bytes += int64(len(b))
	}
	links := map[string]string{}
	for name, f := range out.links {
		links[name] = f.Path
		rep.Files++
		rep.Bytes += f.Size
	}
	if !cfg.Check {
		if err := writeSite(cfg.OutDir, files, links); err != nil {
			return nil, err
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// convert runs the markdown stage over every page, in parallel, a page and
// its twin together: they share what they highlight (markdown.Highlights).
// Results keep the site's order so that nothing depends on scheduling.
func convert(ctx context.Context, site *content.Site) (map[string][]*page, diag.List) {
	var all []*page
	for _, l := range site.Langs {
		for _, p := range site.Pages[l.Code] {
			all = append(all, &page{Page: p})
		}
	}
	pairs := twinPairs(all)
	conv := markdown.New(markdown.WithDiagrams(drawDiagram))
	res := resolver{site}
	perr := make([]diag.List, len(all))
	par.N(len(pairs), func(k int) {
		hl := new(markdown.Highlights)
		for _, i := range pairs[k] {
			if ctx.Err() != nil {
				return
			}
			p := all[i]
			ui := theme.Strings[p.Lang.Code]
			p.doc, perr[i] = conv.Convert(markdown.Source{
				Path: p.Path, File: p.File, Lang: p.Lang.Code, Slug: p.Slug,
				Body: p.Body, BodyLine: p.BodyLine,
				Labels:     markdown.Labels{Output: ui.Output, Sample: ui.SampleOutput, Code: ui.GoCode},
				Highlights: hl,
			}, res)
		}
	})
	var errs diag.List
	out := map[string][]*page{}
	for i, p := range all {
		errs = append(errs, perr[i]...)
		out[p.Lang.Code] = append(out[p.Lang.Code], p)
	}
	return out, errs
}

// twinPairs groups all's indexes by twins: each page once, with its twin
// where the two name each other. A page of a bad site may name a twin
// that names another (two pages of one language sharing a
// translationKey, which content reports): it is then alone, since a
// page is converted once, by one goroutine.
func twinPairs(all []*page) [][]int {
	at := map[*content.Page]int{}
	for i, p := range all {
		at[p.Page] = i
	}
	var pairs [][]int
	taken := make([]bool, len(all))
	for i, p := range all {
		if taken[i] {
			continue
		}
		taken[i] = true
		pair := []int{i}
		if j, ok := at[p.Twin]; ok && p.Twin != nil && p.Twin.Twin == p.Page && !taken[j] {
			pair = append(pair, j)
			taken[j] = true
		}
		pairs = append(pairs, pair)
	}
	return pairs
}

// brokenURL stands for a page that exists but could not be loaded.
const brokenURL = "\x00broken"

// resolver maps link destinations to page URLs.
type resolver struct{ site *content.Site }

func (r resolver) Resolve(fromFile, dest string) (string, bool) {
	if strings.HasPrefix(dest, "/") {
		want := strings.TrimSuffix(strings.TrimSuffix(dest, "index.html"), "/") + "/"
		for _, p := range r.site.ByFile {
			if p.URL == want {
				return p.URL, true
			}
		}
		return "", false
	}
	if !strings.HasSuffix(dest, ".md") {
		return "", false
	}
	file := path.Join(path.Dir(fromFile), dest)
	p, ok := r.site.ByFile[file]
	if !ok {
		if r.site.Broken(file) {
			return brokenURL, true // its own error is reported; say no more
		}
		return "", false
	}
	return p.URL, true
}

// checkLinks verifies that every #fragment names a heading of its target.
func checkLinks(pages map[string][]*page) diag.List {
	var errs diag.List
	byURL := map[string]*page{}
	for _, ps := range pages {
		for _, p := range ps {
			byURL[p.URL] = p
		}
	}
	for _, ps := range pages {
		for _, p := range ps {
			if p.doc == nil {
				continue
			}
			for _, l := range p.doc.Links {
				if l.Fragment == "" {
					continue
				}
				target := p
				if l.URL == brokenURL {
					continue
				}
				if l.URL != "" {
					target = byURL[l.URL]
				}
				if target == nil || target.doc == nil || !target.doc.IDs[l.Fragment] {
					where := "this page"
					if target != p && target != nil {
						where = target.Path
					}
					errs.Add(p.Path, l.Line, l.Col, "link to #%s leads nowhere: %s has no heading with that id", l.Fragment, where)
				}
			}
		}
	}
	return errs
}

func normalizeBaseURL(s string) (string, error) {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	if s == "" {
		return "", errors.New("a base URL is required (-base-url https://example.org)")
	}
	if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
		return "", fmt.Errorf("base URL %q must start with https:// or http://", s)
	}
	return s, nil
}
