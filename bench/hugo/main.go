// Command hugo compares the time this repository's generator takes to
// build a bilingual site with the time Hugo takes to build the same site.
//
// For each size N (pages per language) it writes, in a temporary
// directory, one site of N Portuguese pages, their N English twins and a
// home page per language, twice: once in this generator's content layout
// and once as a minimal Hugo site with the same markdown bodies. Each tool
// then builds its copy, writing every file to disk: one warm-up build, then
// the best wall-clock time of three, the two tools taking turns. Before
// each build the output directory is removed (outside the timing), so both
// tools write every file anew.
//
// Hugo runs as a separate process (hugo --quiet --source … --destination …),
// so its figure includes its start-up; this generator is called in process
// through generator.Build, without the playground, with a snippet cache
// that the warm-up build fills: the figures are those of a rebuild, the
// case an author meets while writing.
//
// Run it from the module root:
//
//	go run ./bench/hugo                       # installs Hugo, then 20, 1000, 10000 pages per language
//	go run ./bench/hugo -sizes 20,1000 -hugo ~/go/bin/hugo
//
// Without -hugo, Hugo is installed with go install into a temporary
// directory, which takes several minutes the first time.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/goexpert/gointernals/generator"
	"github.com/goexpert/gointernals/playground/engine"
)

// runs is how many timed builds each tool gets; the best one is reported,
// because on a shared machine noise only ever adds time.
const runs = 3

func main() {
	// The builds run snippets' programs confined, through this binary.
	engine.Host()
	sizesFlag := flag.String("sizes", "20,1000,10000", "comma-separated `list` of pages per language")
	hugoFlag := flag.String("hugo", "", "`path` to a hugo binary; empty installs Hugo "+hugoVersion+" into a temporary directory")
	flag.Parse()
	if err := run(*sizesFlag, *hugoFlag); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is one row of the table.
type result struct {
	perLang, pages int
	hugo, gen      time.Duration
}

func run(sizesFlag, hugoBin string) error {
	sizes, err := parseSizes(sizesFlag)
	if err != nil {
		return err
	}
	start, load := time.Now(), loadAverage()
	if hugoBin == "" {
		dir, err := os.MkdirTemp("", "bench-hugo-bin-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if hugoBin, err = installHugo(dir); err != nil {
			return err
		}
	}
	version, err := hugoVersionLine(hugoBin)
	if err != nil {
		return err
	}

	var results []result
	for _, n := range sizes {
		r, err := benchSize(n, hugoBin)
		if err != nil {
			return fmt.Errorf("%d pages per language: %w", n, err)
		}
		results = append(results, r)
	}

	fmt.Println()
	fmt.Println(version)
	fmt.Printf("machine: %d CPUs, %s/%s, %s; %s\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), time.Now().Format(time.DateOnly))
	if load != "" {
		fmt.Printf("load average at the start: %s\n", load)
	}
	fmt.Printf("wall clock, best of %d builds after a warm-up, output written to disk\n\n", runs)
	printTable(results)
	fmt.Printf("\nwhole run: %v\n", time.Since(start).Round(time.Second))
	return nil
}

// loadAverage is the 1, 5 and 15 minute load from /proc/loadavg, "" where
// there is none. Other work on the machine slows both tools; a reader of
// the figures should know how busy it was.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if err != nil || len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

func parseSizes(s string) ([]int, error) {
	var sizes []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes: %q is not a positive number of pages", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// benchSize generates the two copies of an n-page site and times both
// tools on them. Everything it writes is removed before it returns, so
// the largest size does not share the disk with the smaller ones' output.
func benchSize(n int, hugoBin string) (result, error) {
	r := result{perLang: n}
	root, err := os.MkdirTemp("", fmt.Sprintf("bench-hugo-%d-", n))
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(root)

	fmt.Printf("%d pages per language: generating content in %s\n", n, root)
	pages := sitePages(n)
	genContent := filepath.Join(root, "content")
	hugoSite := filepath.Join(root, "hugo")
	if err := writeGeneratorContent(genContent, pages); err != nil {
		return r, err
	}
	if err := writeHugoSite(hugoSite, pages); err != nil {
		return r, err
	}

	hugo := &tool{name: "hugo", out: filepath.Join(root, "public-hugo")}
	hugo.build = func() error { return buildHugo(hugoBin, hugoSite, hugo.out) }
	gen := &tool{name: "gointernals", out: filepath.Join(root, "public-gen")}
	cache := filepath.Join(root, "snippet-cache")
	gen.build = func() error {
		var err error
		r.pages, err = buildGenerator(genContent, gen.out, cache)
		return err
	}
	fmt.Printf("%d pages per language: building, the two tools in turn\n", n)
	if err := race(hugo, gen); err != nil {
		return r, err
	}
	r.hugo, r.gen = hugo.best, gen.best
	return r, nil
}

// tool is one side of the comparison.
type tool struct {
	name  string
	out   string // output directory, emptied before each build
	build func() error
	best  time.Duration
}

// race has each tool build once to warm up, then runs rounds in which
// each tool builds once, keeping each one's best time. Taking turns
// exposes both tools to the same load when other work on the machine
// comes and goes; timing all of one tool's builds, then the other's,
// would credit one of them with a quiet minute.
func race(tools ...*tool) error {
	for round := range runs + 1 {
		label := "warm-up"
		if round > 0 {
			label = fmt.Sprintf("run %d", round)
		}
		fmt.Printf("  %-8s", label)
		for _, t := range tools {
			d, err := t.timeBuild()
			if err != nil {
				return err
			}
			if round > 0 && (t.best == 0 || d < t.best) {
				t.best = d
			}
			fmt.Printf("  %s %v", t.name, d.Round(time.Millisecond))
		}
		fmt.Println()
	}
	return nil
}

// timeBuild empties the output directory, untimed, so that no build finds
// the previous one's files in place, then times one build.
func (t *tool) timeBuild() (time.Duration, error) {
	if err := os.RemoveAll(t.out); err != nil {
		return 0, err
	}
	// Garbage left by the previous in-process build would otherwise be
	// collected on the next one's time; Hugo starts a fresh process.
	runtime.GC()
	start := time.Now()
	if err := t.build(); err != nil {
		return 0, fmt.Errorf("%s: %w", t.name, err)
	}
	return time.Since(start), nil
}

// buildGenerator builds the site with this repository's generator and
// returns how many pages it built. A content error is a bug of this
// program's content generator, reported with every file:line.
func buildGenerator(contentDir, outDir, cacheDir string) (int, error) {
	rep, err := generator.Build(context.Background(), generator.Config{
		Content:      os.DirFS(contentDir),
		ContentLabel: "content",
		OutDir:       outDir,
		BaseURL:      "https://example.org",
		SnippetCache: cacheDir,
	})
	if err != nil {
		return 0, errors.New("generator.Build:\n" + err.Error())
	}
	pages := 0
	for _, n := range rep.Pages {
		pages += n
	}
	return pages, nil
}

func printTable(results []result) {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "pages/language\tpages in all\thugo\tgointernals\tgointernals/hugo\t")
	for _, r := range results {
		fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%.2f\t\n", r.perLang, r.pages,
			formatDuration(r.hugo), formatDuration(r.gen), r.gen.Seconds()/r.hugo.Seconds())
	}
	w.Flush()
}

// formatDuration keeps three significant figures or so, enough for a
// comparison and short enough for a README table.
func formatDuration(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	}
	return d.Round(time.Millisecond).String()
}
