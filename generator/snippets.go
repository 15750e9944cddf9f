package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"os"
	"path/filepath"

	"github.com/goexpert/gointernals/generator/content"
	"github.com/goexpert/gointernals/generator/diag"
	"github.com/goexpert/gointernals/generator/markdown"
	"github.com/goexpert/gointernals/generator/snippet"
)

// validateSnippets checks that twin pages carry the same code, proves
// every snippet of the site (package snippet), and that every playground
// imports only what the exact engine offers (checkImports).
func validateSnippets(ctx context.Context, cfg Config, site *content.Site, pages map[string][]*page) ([]snippet.Result, snippet.Stats, diag.List) {
	var errs diag.List
	byURL := map[string]*page{}
	var all []*snippet.Snippet
	for _, lang := range site.Langs {
		for _, p := range pages[lang.Code] {
			byURL[p.URL] = p
			if p.doc != nil {
				all = append(all, p.doc.Snippets...)
			}
		}
	}
	first := site.Langs[0].Code
	for _, p := range pages[first] {
		if p.Twin == nil || p.doc == nil {
			continue
		}
		if twin := byURL[p.Twin.URL]; twin != nil && twin.doc != nil {
			errs = append(errs, snippet.TwinsAgree(p.Path, p.doc.Snippets, twin.Path, twin.doc.Snippets)...)
		}
	}
	cache := cfg.SnippetCache
	if cache == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(dir, "gointernals", "snippets")
		}
	}
	results, verrs, stats := snippet.Validate(ctx, all, snippet.Options{CacheDir: cache, Timeout: cfg.SnippetTimeout})
	errs = append(errs, checkImports(ctx, cfg, all)...)
	return results, stats, append(errs, verrs...)
}

// manifest is snippets.json: every snippet of the site with its kind,
// status and recorded output, for tools and the browser tests.
func manifest(results []snippet.Result) ([]byte, error) {
	if results == nil {
		results = []snippet.Result{}
	}
	b, err := json.MarshalIndent(results, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// fillSamples puts in each page the output the build's run of each
// {output="pattern"} snippet printed, where the markdown stage left its
// marker: the reader sees real figures, the ones the pattern matched. The
// result comes from the snippet cache when the code is unchanged, so
// builds that find it there write the same page.
func fillSamples(pages map[string][]*page, results []snippet.Result) {
	byID := map[string]*snippet.Result{}
	for i := range results {
		byID[results[i].ID] = &results[i]
	}
	for _, ps := range pages {
		for _, p := range ps {
			if p.doc == nil {
				continue
			}
			for _, sn := range p.doc.Snippets {
				if r := byID[sn.ID]; r != nil && sn.Attrs.Pattern {
					p.doc.HTML = bytes.ReplaceAll(p.doc.HTML, []byte(markdown.SampleMarker(sn.ID)), []byte(html.EscapeString(r.Output)))
				}
			}
		}
	}
}
