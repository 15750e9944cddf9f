package generator

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goexpert/gointernals/generator/snippet"
)

// runtimeExamples are the site's examples about the runtime, written
// {engine="exact" output="pattern"}: their figures are Go's, never the
// interpreter's.
var runtimeExamples = []string{
	"memoria", "memory", "alocador-e-gc", "allocator-and-gc",
	"processos-e-threads", "processes-and-threads", "runtime-e-scheduler", "runtime-and-scheduler",
}

// TestRuntimeExamplesRunOnTheToolchain: on the real site, every program
// that calls runtime.ReadMemStats, runtime.GC, runtime.NumGoroutine or
// runtime.GOMAXPROCS is recorded in snippets.json with the exact engine,
// fixed by its author, with the pattern its output matched; its page shows
// that output, the build's run, under "Sample output" ("Saída de
// exemplo"), with no marker left; the allocator's pages have a gctrace
// example.
func TestRuntimeExamplesRunOnTheToolchain(t *testing.T) {
	out := buildReal(t)
	found := map[string]int{}
	for _, r := range readManifest(t, out) {
		if r.Kind != snippet.Program {
			continue
		}
		slug := strings.TrimSuffix(filepath.Base(r.Page), ".md")
		code := snippetCode(t, r)
		calls := false
		for _, call := range []string{"runtime.ReadMemStats", "runtime.GC()", "runtime.NumGoroutine", "runtime.GOMAXPROCS(0)"} {
			calls = calls || strings.Contains(code, call)
		}
		if !calls {
			continue
		}
		found[slug]++
		if r.Engine != snippet.EngineGo || !r.Fixed || r.Pattern == "" || r.Status != snippet.StatusOK {
			t.Errorf("%s calls the runtime but is recorded engine=%q fixed=%v pattern=%q status=%s: write it {engine=\"exact\" output=\"pattern\"}", r.ID, r.Engine, r.Fixed, r.Pattern, r.Status)
			continue
		}
		if err := snippet.MatchPattern(r.Pattern, r.Output); err != nil {
			t.Errorf("%s: the recorded output does not match its pattern: %v", r.ID, err)
		}
		page := read(t, out, strings.TrimPrefix(pageURL(r.Page), "/")+"index.html")
		label := map[string]string{"pt": "Saída de exemplo", "en": "Sample output"}[r.Lang]
		want := `data-playground="` + r.ID + `" data-engine-fixed="exact"`
		if !strings.Contains(page, want) {
			t.Errorf("%s: its page has no %s", r.ID, want)
		}
		sample := `<div class="output" data-sample><div class="output-label">` + label + `</div><pre tabindex="0"><samp>` + html.EscapeString(r.Output) + `</samp></pre></div>`
		if i := strings.Index(page, `id="`+r.ID+`"`); i < 0 || !strings.Contains(page[i:], sample) {
			t.Errorf("%s: its page does not show the recorded output as a sample:\n%s", r.ID, sample)
		}
		if strings.Contains(page, "\x00") {
			t.Errorf("%s: a sample marker is left in the page", r.ID)
		}
	}
	// Beside the explanation of gctrace, a live trace: run with
	// GODEBUG=gctrace=1 (the runtime's line, on stderr, comes first).
	traces := map[string]int{}
	for _, r := range readManifest(t, out) {
		if strings.HasPrefix(r.Output, "gc 1 @") {
			traces[r.Page]++
			page := read(t, out, strings.TrimPrefix(pageURL(r.Page), "/")+"index.html")
			if !strings.Contains(page, `data-playground="`+r.ID+`" data-engine-fixed="exact" data-godebug="gctrace=1"`) {
				t.Errorf("%s: its playground does not run with GODEBUG=gctrace=1", r.ID)
			}
		}
	}
	for _, p := range []string{"content/pt/alocador-e-gc.md", "content/en/allocator-and-gc.md"} {
		if traces[p] != 1 {
			t.Errorf("%s has %d gctrace examples, want 1", p, traces[p])
		}
	}
	for _, slug := range runtimeExamples {
		if found[slug] == 0 {
			t.Errorf("no runtime example found on %s", slug)
		}
	}
}

// snippetCode reads a recorded snippet's code from its page's source,
// by its index among the page's go blocks.
func snippetCode(t *testing.T, r snippet.Result) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", r.Page))
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(b), "```go")
	if r.Index >= len(blocks) {
		t.Fatalf("%s: no go block %d in %s", r.ID, r.Index, r.Page)
	}
	code, _, _ := strings.Cut(blocks[r.Index], "```")
	return code
}
