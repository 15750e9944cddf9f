package generator

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
	"github.com/goexpert/gointernals/generator/snippet"
)

// buildWithPlayground builds the real site with its playgrounds, the
// interpreter compiled to WebAssembly (cached across runs by its sources).
func buildWithPlayground(t *testing.T, limit time.Duration) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(context.Background(), Config{
		Content: os.DirFS("../content"), ContentLabel: "content", OutDir: out, BaseURL: testBaseURL,
		SnippetCache: snippetCache,
		Playground:   &PlaygroundConfig{ModuleDir: "..", TimeLimit: limit},
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readManifest(t *testing.T, out string) []snippet.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "snippets.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rs []snippet.Result
	if err := json.Unmarshal(b, &rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

func pageURL(page string) string {
	// content/pt/canais.md → /pt/canais/
	p := strings.TrimSuffix(strings.TrimPrefix(page, "content"), ".md")
	return strings.TrimSuffix(p, "/index") + "/"
}

func sortedLines(s string) string {
	l := strings.Split(s, "\n")
	slices.Sort(l)
	return strings.Join(l, "\n")
}

// runPlayground clicks Run in the playground id and waits for the end.
func runPlayground(t *testing.T, tab *browser.Tab, id string, wait time.Duration) (state, output, status string) {
	t.Helper()
	root := `[data-playground="` + id + `"]`
	tab.Do(t, wait,
		chromedp.Click(root+` [data-action="run"]`),
		chromedp.WaitVisible(root+`[data-state="done"], `+root+`[data-state="error"]`),
	)
	state = browser.Get(t, tab, wait, chromedp.AttributeValue(root, "data-state")).Value
	output = browser.Get(t, tab, wait, chromedp.TextContent(root+` [data-output]`))
	status = browser.Get(t, tab, wait, chromedp.TextContent(root+` .pg-status`))
	return
}

// TestBrowserPlaygroundsRunLikeTheBuild runs every playground of the site
// in Chromium and checks it prints what the build's validation recorded.
func TestBrowserPlaygroundsRunLikeTheBuild(t *testing.T) {
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base := browser.Serve(t, out)
	ran := 0
	current := ""
	for _, r := range readManifest(t, out) {
		if r.Kind != snippet.Program || r.Status != snippet.StatusOK {
			continue
		}
		if u := pageURL(r.Page); u != current {
			current = u
			tab.Do(t, 20*time.Second, chromedp.Navigate(base+u), chromedp.WaitReady(`[data-playground] [data-action="run"]`))
		}
		state, output, status := runPlayground(t, tab, r.ID, 30*time.Second)
		want := r.Output
		if r.Unordered {
			output, want = sortedLines(output), sortedLines(want)
		}
		if state != "done" || output != want {
			t.Errorf("%s: state %s (%s), printed %q, the build recorded %q", r.ID, state, status, output, want)
		}
		ran++
	}
	if ran < 8 {
		t.Errorf("ran %d playgrounds; the site has at least 8", ran)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
