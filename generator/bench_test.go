package generator

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alecthomas/chroma/v2/quick"
	"github.com/goexpert/gointernals/generator/content"
	"github.com/goexpert/gointernals/generator/snippet"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// The build benchmarks print time per page so they compare directly with
// other generators on the same content (the reference: Hugo 0.36
// ms/page on 2000 bilingual pages, a bare parallel goldmark+chroma loop
// 0.27 ms/page). Run them with
//
//	go test ./generator -run '^$' -bench . -benchtime 5x

// generatedSite makes a bilingual site of n pages per language, each page
// shaped like the real notes: headings, nested lists, a Go block with its
// output, a text block, and links between twins and neighbours.
func generatedSite(n int) fstest.MapFS {
	m := fstest.MapFS{}
	for _, lang := range []string{"pt", "en"} {
		m[lang+"/index.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Home %s\ndescription: Generated site.\ntranslationKey: home\norder: 0\n---\nGenerated.\n", lang))}
		for i := 1; i <= n; i++ {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: Page %d (%s)\ndescription: Generated page %d about the Go runtime.\ntranslationKey: p%d\norder: %d\n---\n", i, lang, i, i, i)
			for s := 1; s <= 3; s++ {
				fmt.Fprintf(&b, "## Section %d\n\n", s)
				b.WriteString("- the scheduler combines a G, an M and a P\n    - when an M blocks in a syscall it hands its P back\n        - another M takes the P and runs the **run queue**\n    - work stealing looks at the global queue 1 time in 61\n")
				fmt.Fprintf(&b, "- see [the next section](#section-%d) and [page %d](p%d.md#section-1)\n\n", s%3+1, i%n+1, i%n+1)
				b.WriteString("### Details\n\nThe garbage collector is a concurrent, non-generational, tri-color mark and sweep collector with a write barrier and mark assists.\n\n")
			}
			b.WriteString("```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int, 1)\n\tch <- 42\n\tfmt.Println(<-ch)\n}\n```\n```output\n42\n```\n\n```text\nG > P > mcache > mcentral > mheap > OS\n```\n")
			m[fmt.Sprintf("%s/p%d.md", lang, i)] = &fstest.MapFile{Data: []byte(b.String())}
		}
	}
	return m
}

// benchBuild times builds of fsys into one output, or with fresh into a new
// directory each time.
func benchBuild(b *testing.B, fsys fstest.MapFS, pages int, check, fresh bool) {
	// Write beside the sources, as a real build does: on some machines the
	// system temp directory sits on a far slower file system (here, 20x
	// slower at creating directories), which would measure the disk.
	tmp, err := os.MkdirTemp(".", ".bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(tmp) })
	out := filepath.Join(tmp, "public")
	// Four builds first, so the figures are of a rebuild as an author's
	// fifth and later builds find it: snippet results cached, the site
	// before last kept beside the output (writeSite), and its files
	// recorded by a build that started after they were written (sums.go;
	// until then they are read to be compared).
	for range 4 {
		if _, err := Build(context.Background(), Config{Content: fsys, OutDir: out, BaseURL: testBaseURL, Check: check, SnippetCache: snippetCache}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	n := 0
	for b.Loop() {
		if fresh {
			// Into a directory of its own: nothing to take over.
			n++
			out = filepath.Join(tmp, fmt.Sprint(n), "public")
		}
		if _, err := Build(context.Background(), Config{Content: fsys, OutDir: out, BaseURL: testBaseURL, Check: check, SnippetCache: snippetCache}); err != nil {
			b.Fatal(err)
		}
	}
	reportPerPage(b, start, cpu, pages)
}

// reportPerPage reports the time per page since start, and the CPU time
// the process spent per page since it had spent cpu: on a shared machine
// the first grows with the other work, the second much less, so the two
// together say what the build costs and how much of it ran in parallel.
func reportPerPage(b *testing.B, start time.Time, cpu time.Duration, pages int) {
	per := float64(b.N) * float64(pages)
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/per, "ms/page")
	if cpu >= 0 {
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/per, "cpu-ms/page")
	}
}

// BenchmarkBuildReal builds the real content/ tree.
func BenchmarkBuildReal(b *testing.B) {
	fsys := fstest.MapFS{}
	root := filepath.Join("..", "content")
	pages := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		pages++
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	benchBuild(b, fsys, pages, false, false)
}

// BenchmarkBuild1000 builds 1000 pages per language (2002 with the homes)
// with the full theme, and writes the site.
func BenchmarkBuild1000(b *testing.B) {
	benchBuild(b, generatedSite(1000), 2002, false, false)
}

// BenchmarkBuild1000Fresh is BenchmarkBuild1000 writing every file and
// directory anew, as a first build does.
func BenchmarkBuild1000Fresh(b *testing.B) {
	benchBuild(b, generatedSite(1000), 2002, false, true)
}

// BenchmarkRender1000 is BenchmarkBuild1000 without the final write: every
// stage's CPU work, none of the file system's, whose speed on shared
// machines varies tenfold from one minute to the next.
func BenchmarkRender1000(b *testing.B) {
	benchBuild(b, generatedSite(1000), 2002, true, false)
}

// BenchmarkBareLoop is the floor to compare with: the same 2002 pages
// through goldmark (GFM) and chroma in parallel, no theme, nothing written.
func BenchmarkBareLoop(b *testing.B) {
	fsys := generatedSite(1000)
	var srcs [][]byte
	for _, f := range fsys {
		srcs = append(srcs, f.Data)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	start, cpu := time.Now(), cpuTime()
	for b.Loop() {
		var wg sync.WaitGroup
		next := make(chan []byte)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				var buf bytes.Buffer
				for src := range next {
					buf.Reset()
					if err := md.Convert(src, &buf); err != nil {
						b.Error(err)
					}
					_ = quick.Highlight(&buf, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int, 1)\n\tch <- 42\n\tfmt.Println(<-ch)\n}\n", "go", "html", "github")
				}
			})
		}
		for _, s := range srcs {
			next <- s
		}
		close(next)
		wg.Wait()
	}
	reportPerPage(b, start, cpu, len(srcs))
}

// realSnippets extracts the real site's snippets as the build does.
func realSnippets(b *testing.B) []*snippet.Snippet {
	site, errs := content.Load(os.DirFS("../content"), "content")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	pages, errs := convert(context.Background(), site)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	var all []*snippet.Snippet
	for _, ps := range pages {
		for _, p := range ps {
			all = append(all, p.doc.Snippets...)
		}
	}
	return all
}

// BenchmarkSnippetsCold proves every snippet of the real site with an empty
// cache: each program built and run by the toolchain and interpreted, in
// parallel.
func BenchmarkSnippetsCold(b *testing.B) {
	sns := realSnippets(b)
	for b.Loop() {
		_, errs, _ := snippet.Validate(context.Background(), sns, snippet.Options{CacheDir: b.TempDir()})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
	}
	b.ReportMetric(float64(len(sns)), "snippets")
}

// BenchmarkSnippetsWarm is the same with every result in the cache: what a
// rebuild with unchanged snippets spends on them.
func BenchmarkSnippetsWarm(b *testing.B) {
	sns := realSnippets(b)
	dir := b.TempDir()
	if _, errs, _ := snippet.Validate(context.Background(), sns, snippet.Options{CacheDir: dir}); len(errs) > 0 {
		b.Fatal(errs)
	}
	for b.Loop() {
		if _, _, st := snippet.Validate(context.Background(), sns, snippet.Options{CacheDir: dir}); st.Checked > 0 {
			b.Fatalf("warm run checked %d snippets", st.Checked)
		}
	}
	b.ReportMetric(float64(len(sns)), "snippets")
}
