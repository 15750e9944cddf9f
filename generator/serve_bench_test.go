package generator

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
	"github.com/goexpert/gointernals/generator/serve"
)

// serveCopy starts the dev server, for the test's lifetime, on a copy of
// the real content that the test may edit, and returns it with the copy's
// directory.
func serveCopy(tb testing.TB, pg *PlaygroundConfig) (*serve.Server, string) {
	tb.Helper()
	content := filepath.Join(tb.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS("../content")); err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(tb.TempDir(), "public")
	cfg := Config{Content: os.DirFS(content), ContentLabel: "content", OutDir: out, BaseURL: testBaseURL,
		SnippetCache: snippetCache, Playground: pg}
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	s, err := serve.Start(ctx, serve.Options{Addr: "127.0.0.1:0", OutDir: out, Watch: []string{content},
		Build: func(ctx context.Context) error { _, err := Build(ctx, cfg); return err }})
	if err != nil {
		tb.Fatal(err)
	}
	return s, content
}

// BenchmarkServeRebuild times what an author waits for with
// `go run ./cmd/build -serve`: from saving a one-page edit of the real
// content to the server telling open pages to reload (the watcher's
// debounce, the rebuild with playgrounds, the swap of the output). The
// issue's budget is 200 ms; it prints ms/rebuild.
func BenchmarkServeRebuild(b *testing.B) {
	s, content := serveCopy(b, &PlaygroundConfig{ModuleDir: ".."})
	if _, failure := s.Builds(); failure != "" {
		b.Fatal(failure)
	}
	resp, err := http.Get(s.URL() + "_dev/events")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 4)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
	}()
	page := filepath.Join(content, "pt", "canais.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	i := 0
	for b.Loop() {
		i++
		start := time.Now()
		edit := fmt.Appendf(append([]byte{}, orig...), "\nUma edição, a de número %d.\n", i)
		if err := os.WriteFile(page, edit, 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case ev := <-events:
			if ev != "reload" {
				_, failure := s.Builds()
				b.Fatalf("event %s: %s", ev, failure)
			}
		case <-time.After(30 * time.Second):
			b.Fatal("no reload")
		}
		total += time.Since(start)
		// Let the watcher settle so that one edit is one rebuild.
		time.Sleep(50 * time.Millisecond)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(i), "ms/rebuild")
}

// TestBrowserServe runs the dev server on a copy of the real content and
// an open page in Chromium: breaking a page shows the build's error over
// the page, as text; fixing it reloads the page.
func TestBrowserServe(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	s, content := serveCopy(t, nil)
	tab.Do(t, 20*time.Second, chromedp.Navigate(s.URL()+"en/channels/"), chromedp.WaitReady("h1"),
		chromedp.Evaluate[chromedp.Void](`window.__before = true`))
	time.Sleep(300 * time.Millisecond) // the page's event stream connects

	page := filepath.Join(content, "en", "channels.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("## <b>No front matter</b>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg := browser.Get(t, tab, 20*time.Second, chromedp.Poll[string](`document.getElementById('dev-build-error')?.textContent || null`))
	if !strings.Contains(msg, "content/en/channels.md:1:1: missing front matter") {
		t.Errorf("the overlay says %q", msg)
	}
	if n := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`document.querySelectorAll('#dev-build-error b').length`)); n != 0 {
		t.Error("the error was inserted as HTML")
	}
	if err := os.WriteFile(page, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	// The page reloads: evaluating during the navigation fails, so ask
	// again until the new page answers.
	reloaded := false
	for deadline := time.Now().Add(20 * time.Second); !reloaded && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(tab.Ctx, 2*time.Second)
		reloaded, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__before === undefined && document.readyState === 'complete'`))
		cancel()
	}
	if !reloaded {
		t.Fatal("the page did not reload after the fix")
	}
	if n := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`document.querySelectorAll('#dev-build-error').length`)); n != 0 {
		t.Error("after the fix the page still shows the error")
	}
}
