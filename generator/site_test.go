package generator

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/goexpert/gointernals/generator/markdown"
	"golang.org/x/net/html"
)

// buildReal builds the real content/ tree once per test binary.
// Tests only read the result, so one build serves them all.
func buildReal(t *testing.T) string {
	t.Helper()
	realSite.Lock()
	defer realSite.Unlock()
	if realSite.dir != "" {
		return realSite.dir
	}
	out := filepath.Join(sitesDir, "public-static")
	_, err := Build(context.Background(), Config{Content: os.DirFS("../content"), ContentLabel: "content", OutDir: out, BaseURL: testBaseURL, SnippetCache: snippetCache})
	if err != nil {
		t.Fatalf("the real content does not build:\n%v", err)
	}
	realSite.dir = out
	return out
}

var realSite struct {
	sync.Mutex
	dir string
}

// TestRealSite walks every page of the real site: it parses, its links and
// anchors resolve, nothing is escaped twice, every page has its twin, and
// each carries the metadata a reader's browser and search engines use.
func TestRealSite(t *testing.T) {
	out := buildReal(t)
	pages := checkSite(t, out)
	count := map[string]int{}
	for file, bp := range pages {
		lang := strings.SplitN(file, "/", 2)[0]
		if !strings.HasSuffix(file, "/index.html") || (lang != "pt" && lang != "en") {
			continue // root chooser and 404 pages
		}
		count[lang]++
		if n := len(find(bp.doc, func(n *html.Node) bool { return n.Data == "h1" })); n != 1 {
			t.Errorf("%s has %d h1, want 1", file, n)
		}
		var hasDesc, hasCanon bool
		var hreflang []string
		for _, m := range find(bp.doc, func(n *html.Node) bool { return n.Data == "meta" || n.Data == "link" }) {
			switch {
			case htmlAttr(m, "name") == "description" && strings.TrimSpace(htmlAttr(m, "content")) != "":
				hasDesc = true
			case htmlAttr(m, "rel") == "canonical":
				hasCanon = true
			case htmlAttr(m, "rel") == "alternate":
				hreflang = append(hreflang, htmlAttr(m, "hreflang"))
			}
		}
		slices.Sort(hreflang)
		if !hasDesc || !hasCanon || strings.Join(hreflang, ",") != "en,pt-BR,x-default" {
			t.Errorf("%s: description %v, canonical %v, hreflang %v", file, hasDesc, hasCanon, hreflang)
		}
		if len(find(bp.doc, func(n *html.Node) bool { return strings.Contains(htmlAttr(n, "class"), "lang-switch") })) != 1 {
			t.Errorf("%s has no language switch", file)
		}
		checkParallelHeadings(t, pages, bp)
	}
	if count["pt"] < 7 || count["pt"] != count["en"] {
		t.Errorf("pages per language: %v; want the same number, at least 7 (home + 6 topics)", count)
	}
}

// checkParallelHeadings holds a page and its twin to the same h2 and h3
// headings, in the same order, at the same levels, and the language
// switch to listing the twin's ids in that order (data-sections), which is
// how it keeps the reader's section.
func checkParallelHeadings(t *testing.T, pages map[string]*builtPage, bp *builtPage) {
	t.Helper()
	sw := find(bp.doc, func(n *html.Node) bool {
		return n.Data == "a" && strings.Contains(htmlAttr(n.Parent, "class"), "lang-switch")
	})
	body := find(bp.doc, func(n *html.Node) bool { return n.Data == "body" })
	if len(sw) == 0 || len(body) == 0 || htmlAttr(body[0], "class") != "kind-page" {
		return // home pages' headings are the theme's
	}
	twin := pages[strings.TrimPrefix(htmlAttr(sw[0], "href"), "/")+"index.html"]
	if twin == nil {
		return // checkSite reports it
	}
	headings := func(p *builtPage) (levels, ids []string) {
		for _, main := range find(p.doc, func(n *html.Node) bool { return n.Data == "main" }) {
			for _, h := range find(main, func(n *html.Node) bool { return (n.Data == "h2" || n.Data == "h3") && htmlAttr(n, "id") != "" }) {
				levels = append(levels, h.Data)
				ids = append(ids, htmlAttr(h, "id"))
			}
		}
		return levels, ids
	}
	mine, _ := headings(bp)
	theirs, ids := headings(twin)
	if !slices.Equal(mine, theirs) {
		t.Errorf("%s has headings %v, its twin %s %v: twins have the same headings in the same order", bp.file, mine, twin.file, theirs)
		return
	}
	if got, want := htmlAttr(sw[0], "data-sections"), strings.Join(ids, " "); got != want {
		t.Errorf("%s: the language switch lists the twin's sections as %q; want %q", bp.file, got, want)
	}
}

// TestEveryNoteIsKept checks the Portuguese pages against the original
// notes (testdata/notes.pt.md, a copy of the seed they were written from):
// every line of the notes must be found in the site, allowing for fixed
// typos: all but a quarter of a line's words (at least all but one) must
// appear in the site's text. A dropped bullet fails with the line it came from.
func TestEveryNoteIsKept(t *testing.T) {
	seed, err := os.ReadFile("testdata/notes.pt.md")
	if err != nil {
		t.Fatal(err)
	}
	var site strings.Builder
	files, _ := filepath.Glob("../content/pt/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		site.WriteString(string(b))
		site.WriteByte('\n')
	}
	text := " " + strings.Join(words(site.String()), " ") + " "
	inCode := false
	for i, line := range strings.Split(string(seed), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			inCode = !inCode
			continue
		}
		// Code is checked by the snippet validation, and was fixed on
		// purpose; the course title line is the site's name.
		if inCode || i == 0 {
			continue
		}
		ws := words(trimmed)
		if len(ws) == 0 {
			continue
		}
		found := 0
		for _, w := range ws {
			if strings.Contains(text, " "+w+" ") {
				found++
			}
		}
		if found < len(ws)-max(1, len(ws)/4) {
			t.Errorf("notes.pt.md:%d seems lost (%d of %d words found): %s", i+1, found, len(ws), trimmed)
		}
	}
}

var wordRE = regexp.MustCompile(`[a-z0-9]+`)

// words lowercases s, strips accents and splits it into words.
func words(s string) []string {
	return wordRE.FindAllString(strings.ReplaceAll(markdown.Slugify(s), "-", " "), -1)
}
