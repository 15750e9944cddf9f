package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// hugoVersion is the Hugo release compared against; it builds with the Go
// version this module requires.
const hugoVersion = "v0.165.0"

// installHugo builds Hugo into dir with go install and returns the
// binary's path. Its output goes to the terminal, because the first
// install downloads and compiles for several minutes.
func installHugo(dir string) (string, error) {
	fmt.Printf("installing hugo %s into %s with go install (several minutes the first time)\n", hugoVersion, dir)
	cmd := exec.Command("go", "install", "github.com/gohugoio/hugo@"+hugoVersion)
	// Outside the module, so that nothing in this go.mod (a replace, a
	// tool directive) can change what gets built.
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOBIN="+dir)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go install hugo: %w", err)
	}
	bin := filepath.Join(dir, "hugo")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	return bin, nil
}

func hugoVersionLine(bin string) (string, error) {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return "", fmt.Errorf("%s version: %w", bin, err)
	}
	return strings.TrimSpace(string(out)), nil
}

func buildHugo(bin, site, out string) error {
	cmd := exec.Command(bin, "--quiet", "--source", site, "--destination", out)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("hugo: %w\n%s", err, stderr.Bytes())
	}
	return nil
}

// writeHugoSite lays out a Hugo site holding the same pages. The home page
// becomes _index.md, because an index.md would make the home a leaf
// bundle and swallow the other pages as its resources. Each page gets a
// weight equal to its order, so that Hugo lists pages and links previous
// and next in this generator's order.
func writeHugoSite(dir string, pages []page) error {
	hugoFrontMatter := func(p page) string { return p.frontMatter(fmt.Sprintf("weight: %d", p.order)) }
	if err := writePages(filepath.Join(dir, "content"), pages, "_index.md", hugoFrontMatter); err != nil {
		return err
	}
	files := map[string]string{"hugo.toml": hugoConfig}
	for name, text := range hugoLayouts {
		files[filepath.Join("layouts", name)] = text
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hugoConfig asks Hugo for what this generator produces: both languages
// under /pt/ and /en/, a sitemap, Chroma with CSS classes, links to .md
// files resolved to the pages' URLs (this generator resolves and checks
// them). RSS and taxonomies, which this generator does not make, are off.
const hugoConfig = `baseURL = "https://example.org/"
title = "Bench"
defaultContentLanguage = "pt"
defaultContentLanguageInSubdir = true
disableKinds = ["rss", "taxonomy", "term"]

[languages.pt]
contentDir = "content/pt"
locale = "pt-BR"
label = "Português"
weight = 1

[languages.en]
contentDir = "content/en"
locale = "en"
label = "English"
weight = 2

[markup.highlight]
noClasses = false

[markup.goldmark.renderHooks.link]
useEmbedded = "always"
`

// hugoLayouts are templates that give each page about what this
// generator's theme gives it: head with description, canonical and
// hreflang links, a language switch, the title, the content, a table of
// contents, previous/next links; the home page lists every page. (Hugo's
// NextInSection is the page before in weight order, hence the swap.)
var hugoLayouts = map[string]string{
	"baseof.html": `<!doctype html>
<html lang="{{ .Language.Locale }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Locale }}" href="{{ .Permalink }}">
{{- end }}
</head>
<body>
<header>
<a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{- range .Translations }}
<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Locale }}">{{ .Language.Label }}</a>
{{- end }}
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`,
	"single.html": `{{ define "main" -}}
<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
<aside>{{ .TableOfContents }}</aside>
<nav>
{{- with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{- with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
{{- end }}
`,
	"list.html": `{{ define "main" -}}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{- end }}
`,
	"home.html": `{{ define "main" -}}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ol>
{{- range .RegularPages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>
{{- end }}
</ol>
{{- end }}
`,
}
