package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goexpert/gointernals/generator/assets"
	"github.com/goexpert/gointernals/generator/content"
	"github.com/goexpert/gointernals/generator/diag"
	"github.com/goexpert/gointernals/generator/internal/browser"
	"github.com/goexpert/gointernals/playground/engine"
	"golang.org/x/net/html"
)

const testBaseURL = "https://example.org"

// snippetCache is the build's own snippet cache (in the user cache
// directory, as cmd/build keeps it), shared by the package's tests and
// kept across runs: its results are keyed by the snippet's content, the
// Go version and the engine's, so a run proves again only what changed
// (a fresh one proved every snippet of the site with go build: 18 s under
// load). Without a user cache directory, a temporary one serves the run.
var snippetCache string

// sitesDir holds the real site as buildWithPlayground builds it.
var sitesDir string

func TestMain(m *testing.M) {
	// The builds' snippets run confined through this binary (engine.Sandbox).
	engine.Host()
	var dir string // a temporary snippet cache, removed at the end
	if user, err := os.UserCacheDir(); err == nil {
		snippetCache = filepath.Join(user, "gointernals", "snippets")
	} else if dir, err = os.MkdirTemp("", "snippet-cache-"); err != nil {
		panic(err)
	} else {
		snippetCache = dir
	}
	var err error
	if sitesDir, err = os.MkdirTemp("", "sites-"); err != nil {
		panic(err)
	}
	code := m.Run()
	// Chromium is most of the package's CPU, and time(1) cannot see it
	// (browser.CPU): said under -v, for whoever measures the tests.
	if cpu := browser.CPU(); testing.Verbose() && cpu > 0 {
		fmt.Printf("Chromium's CPU time: %.1f s\n", cpu.Seconds())
	}
	browser.Close()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.RemoveAll(sitesDir)
	os.Exit(code)
}

func build(t *testing.T, fsys fs.FS, out string) (*Report, error) {
	t.Helper()
	return Build(context.Background(), Config{Content: fsys, ContentLabel: "content", OutDir: out, BaseURL: testBaseURL, SnippetCache: snippetCache})
}

func fixture(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := "testdata/site"
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(root, p))
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBuildFixtureSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	rep, err := build(t, fixture(t), out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages["pt"] != 3 || rep.Pages["en"] != 3 {
		t.Errorf("pages per language = %v, want 3 each", rep.Pages)
	}
	pages := checkSite(t, out)
	for _, want := range []string{"index.html", "404.html", "pt/index.html", "pt/404.html", "en/404.html",
		"pt/canais/index.html", "pt/memoria/index.html", "en/channels/index.html", "en/memory/index.html"} {
		if pages[want] == nil {
			t.Errorf("missing page %s", want)
		}
	}

	pt := read(t, out, "pt/canais/index.html")
	for _, want := range []string{
		`<html lang="pt-BR">`,
		`<title>Canais &amp; filas · Go por dentro</title>`,
		`<meta name="description" content="Canais &#34;com&#34; &lt;buffer&gt;.">`,
		`<link rel="canonical" href="https://example.org/pt/canais/">`,
		`<link rel="alternate" hreflang="pt-BR" href="https://example.org/pt/canais/">`,
		`<link rel="alternate" hreflang="en" href="https://example.org/en/channels/">`,
		`<link rel="alternate" hreflang="x-default" href="https://example.org/en/channels/">`,
		`<meta property="og:locale:alternate" content="en_US">`,
		`<a href="/en/channels/" hreflang="en" lang="en"`,
		`<a href="/pt/canais/" aria-current="page">Canais &amp; filas</a>`,
		`<a href="/pt/memoria/#alocacao">memória</a>`, // file link rewritten to the URL
		`<li class="toc-h3"><a href="#comunicacao-sincronizacao">Comunicação &amp; sincronização</a></li>`,
		`<a class="prev" href="/pt/memoria/" rel="prev">`,
		`<samp>&lt;ok&gt;`,
		`<div class="output-label">Saída</div>`,
	} {
		if !strings.Contains(pt, want) {
			t.Errorf("pt/canais lacks %s", want)
		}
	}
	if strings.Contains(pt, `rel="next"`) {
		t.Error("the last page has a next link")
	}
	home := read(t, out, "en/index.html")
	for _, want := range []string{`<a href="/en/memory/"><span class="title">Memory</span>`, `<link rel="alternate" hreflang="x-default" href="https://example.org/">`} {
		if !strings.Contains(home, want) {
			t.Errorf("en home lacks %s", want)
		}
	}
	root := read(t, out, "index.html")
	if !strings.Contains(root, `href="/pt/"`) || !strings.Contains(root, `href="/en/"`) {
		t.Error("the root page does not offer both languages")
	}
	sitemap := read(t, out, "sitemap.xml")
	if n := strings.Count(sitemap, "<url>"); n != 6 {
		t.Errorf("sitemap has %d URLs, want 6", n)
	}
	if !strings.Contains(sitemap, `<url><loc>https://example.org/en/memory/</loc><xhtml:link rel="alternate" hreflang="pt-BR" href="https://example.org/pt/memoria/"/>`) {
		t.Errorf("sitemap lacks the alternates of en/memory:\n%s", sitemap)
	}
	if !strings.Contains(read(t, out, "robots.txt"), "Sitemap: https://example.org/sitemap.xml") {
		t.Error("robots.txt does not point at the sitemap")
	}

	// Assets are referenced by hashed names that exist.
	hashed := regexp.MustCompile(`/assets/[a-z]+-[A-Z0-9]{8}\.(css|js)`)
	refs := hashed.FindAllString(pt, -1)
	if len(refs) != 3 {
		t.Errorf("page references %d hashed assets, want 3 (css, js, init): %v", len(refs), refs)
	}
	// The table of contents lists exactly the h2/h3 of the article.
	doc := pages["pt/canais/index.html"].doc
	var heads, toc []string
	for _, h := range find(doc, func(n *html.Node) bool { return (n.Data == "h2" || n.Data == "h3") && htmlAttr(n, "id") != "" }) {
		heads = append(heads, "#"+htmlAttr(h, "id"))
	}
	for _, a := range find(doc, func(n *html.Node) bool {
		return n.Data == "a" && strings.Contains(htmlAttr(n.Parent, "class"), "toc-h")
	}) {
		toc = append(toc, htmlAttr(a, "href"))
	}
	if strings.Join(heads, " ") != strings.Join(toc, " ") {
		t.Errorf("toc %v does not match headings %v", toc, heads)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, dir := range []string{a, b} {
		if _, err := build(t, fixture(t), dir); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	// The channels page's example prints HeapAlloc, which varies from run
	// to run: its sample is the first build's run, which the second build
	// finds in the snippet cache.
	if !regexp.MustCompile(`data-sample><div class="output-label">Sample output</div><pre tabindex="0"><samp>HeapAlloc: [1-9][0-9]* bytes\n</samp>`).MatchString(ta["en/channels/index.html"]) {
		t.Errorf("en/channels/index.html shows no sample of its HeapAlloc example")
	}
	if len(ta) != len(tb) {
		t.Fatalf("builds wrote %d and %d files", len(ta), len(tb))
	}
	for name, content := range ta {
		if tb[name] != content {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBadInputIsReportedWithPositions(t *testing.T) {
	cases := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string
	}{
		{"front matter does not parse", func(m fstest.MapFS) {
			m["pt/memoria.md"].Data = []byte("---\ntitle: Memória\norder: 1\n  bad: x\n---\nx\n")
		}, []string{"content/pt/memoria.md:4: front matter: mapping values are not allowed"}},
		{"front matter lacks a title", func(m fstest.MapFS) {
			m["en/memory.md"].Data = []byte("---\ndescription: d\ntranslationKey: memory\norder: 1\n---\n## Allocation\n")
		}, []string{"content/en/memory.md:1: front matter has no title"}},
		{"unknown front matter key", func(m fstest.MapFS) {
			m["en/memory.md"].Data = []byte("---\ntitle: Memory\ntranslationKey: memory\ntittle: x\n---\nx\n")
		}, []string{`content/en/memory.md:4:1: front matter: unknown key "tittle"`}},
		{"a file that is not UTF-8", func(m fstest.MapFS) {
			m["en/memory.md"].Data = []byte("---\ntitle: Memory\ndescription: d\ntranslationKey: memory\norder: 1\n---\nLatin-1: caf\xe9\n")
		}, []string{"content/en/memory.md:7:13: this byte is not UTF-8: save the file as UTF-8"}},
		{"no front matter", func(m fstest.MapFS) {
			m["en/memory.md"].Data = []byte("## Memory\n")
		}, []string{"content/en/memory.md:1:1: missing front matter"}},
		{"page without its twin", func(m fstest.MapFS) {
			delete(m, "en/memory.md")
		}, []string{"content/pt/memoria.md:4: page has no twin in English", `content/en/channels.md:9:5: link "memory.md#allocation" leads nowhere`}},
		{"two pages on one URL", func(m fstest.MapFS) {
			m["pt/memoria.md"].Data = []byte(strings.Replace(string(m["pt/memoria.md"].Data), "slug: memoria", "slug: canais", 1))
		}, []string{"content/pt/memoria.md:6: two pages on one URL /pt/canais/"}},
		{"link to a missing page", func(m fstest.MapFS) {
			m["en/memory.md"].Data = append(m["en/memory.md"].Data, []byte("\nSee [gc](gc.md).\n")...)
		}, []string{`content/en/memory.md:15:5: link "gc.md" leads nowhere`}},
		{"link to a missing anchor", func(m fstest.MapFS) {
			m["en/memory.md"].Data = append(m["en/memory.md"].Data, []byte("\nSee [kinds](channels.md#kinds) and [here](#nowhere).\n")...)
		}, []string{
			"content/en/memory.md:15:5: link to #kinds leads nowhere: content/en/channels.md has no heading with that id",
			"content/en/memory.md:15:36: link to #nowhere leads nowhere: this page has no heading with that id",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := fixture(t)
			tc.change(m)
			out := filepath.Join(t.TempDir(), "public")
			_, err := build(t, m, out)
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("want a diag.List, got %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(list.Error(), w) {
					t.Errorf("errors lack %q; got:\n%s", w, list.Error())
				}
			}
			// One mistake, one message: no cascade of follow-on errors.
			if len(list) != len(tc.want) {
				t.Errorf("got %d errors, want %d:\n%s", len(list), len(tc.want), list.Error())
			}
			if _, statErr := os.Stat(out); !os.IsNotExist(statErr) {
				t.Errorf("a failed build created %s", out)
			}
		})
	}
}

func TestAllErrorsInOneRun(t *testing.T) {
	m := fixture(t)
	delete(m, "en/memory.md")
	m["pt/canais.md"].Data = []byte(strings.Replace(string(m["pt/canais.md"].Data), "title: Canais & filas\n", "", 1))
	_, err := build(t, m, filepath.Join(t.TempDir(), "out"))
	var list diag.List
	if !errors.As(err, &list) || len(list) < 3 {
		t.Fatalf("want at least 3 problems (no title, no twin, broken link), got %v", err)
	}
}

func TestFailedBuildLeavesPreviousOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, fixture(t), out); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	m := fixture(t)
	delete(m, "pt/canais.md")
	if _, err := build(t, m, out); err == nil {
		t.Fatal("a build with a missing twin succeeded")
	}
	after := tree(t, out)
	if len(after) != len(before) {
		t.Fatalf("failed build changed the file count from %d to %d", len(before), len(after))
	}
	for name, c := range before {
		if after[name] != c {
			t.Errorf("failed build changed %s", name)
		}
	}
	if got, want := besides(t, filepath.Dir(out)), []string{".public.lock", ".public.sums", "public"}; !slices.Equal(got, want) {
		t.Errorf("beside the output: %v, want %v", got, want)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(context.Background(), Config{Content: fixture(t), OutDir: out, BaseURL: testBaseURL, Check: true, SnippetCache: snippetCache})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("-check wrote the site")
	}
}

// TestCheckBuildsNoEngine: -check validates the content and bundles the
// playground's scripts, but neither compiles the interpreter to
// WebAssembly nor builds or reads the exact engine's files, which check
// nothing of the content. The builders the build is given fail the test
// if called; the same configuration without Check must call one, so the
// test cannot pass because the build ignored them.
func TestCheckBuildsNoEngine(t *testing.T) {
	module, err := FindModule(".")
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	calls := 0
	pg := &PlaygroundConfig{ModuleDir: module, CacheDir: cache, builders: engineBuilders{
		wasm: func(context.Context, assets.WasmOptions) (*assets.Wasm, error) {
			calls++
			return nil, errors.New("compiled the interpreter to WebAssembly")
		},
		toolchain: func(context.Context, string, string, []string) (*assets.Toolchain, error) {
			calls++
			return nil, errors.New("built the exact engine's toolchain")
		},
	}}
	out := filepath.Join(t.TempDir(), "public")
	cfg := Config{Content: fixture(t), OutDir: out, BaseURL: testBaseURL, Check: true, SnippetCache: snippetCache, Playground: pg}
	rep, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if calls != 0 {
		t.Errorf("the check called the engines' builders %d times", calls)
	}
	if rep.Snippets == 0 {
		t.Error("the check validated no snippet")
	}
	// The go command's list of the standard library (checkImports) is all
	// a check may keep in the engines' cache.
	entries, err := os.ReadDir(cache)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "stdlib-") || !strings.HasSuffix(e.Name(), ".list") {
			t.Errorf("the check left %s in the engines' cache", e.Name())
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("the check wrote the site")
	}

	cfg.Check = false
	if _, err := Build(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "compiled the interpreter") {
		t.Errorf("a build with the same builders: %v, want the wasm builder's error (the build does not use PlaygroundConfig.builders)", err)
	}
}

// A page copied to start another, its translationKey kept, names a twin
// that names the original: each page is still converted once, never by
// two goroutines at a time, and the build says what is wrong.
func TestTwinPairsConvertEachPageOnce(t *testing.T) {
	m := fixture(t)
	m["en/memory-copy.md"] = &fstest.MapFile{Data: m["en/memory.md"].Data}
	site, _ := content.Load(m, "content")
	var all []*page
	for _, l := range site.Langs {
		for _, p := range site.Pages[l.Code] {
			all = append(all, &page{Page: p})
		}
	}
	seen := map[int]int{}
	for _, pair := range twinPairs(all) {
		for _, i := range pair {
			seen[i]++
		}
		if len(pair) == 2 && (all[pair[0]].Twin != all[pair[1]].Page || all[pair[1]].Twin != all[pair[0]].Page) {
			t.Errorf("%s and %s paired but are not each other's twin", all[pair[0]].Path, all[pair[1]].Path)
		}
	}
	for i, p := range all {
		if seen[i] != 1 {
			t.Errorf("%s converted %d times", p.Path, seen[i])
		}
	}
	if len(seen) != len(all) || len(all) < 3 {
		t.Errorf("%d of %d pages converted", len(seen), len(all))
	}
	if _, err := build(t, m, filepath.Join(t.TempDir(), "public")); err == nil {
		t.Error("two English pages with one translationKey built")
	}
}
