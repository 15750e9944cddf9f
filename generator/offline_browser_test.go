package generator

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserOffline reads the site and runs a playground with the server
// gone: the service worker keeps the pages a reader opened and the
// interpreter once it ran.
func TestBrowserOffline(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	srv := httptest.NewServer(browser.Handler(out))
	defer srv.Close()
	const id = "en-channels-2"
	root := `[data-playground="` + id + `"]`
	tab.Do(t, 20*time.Second, chromedp.Navigate(srv.URL+"/en/"), chromedp.WaitReady("body"))
	// Controlled once the worker is active; the page is then loaded again
	// through it.
	browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	tab.Do(t, 20*time.Second, chromedp.Navigate(srv.URL+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`))
	if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || output == "" {
		t.Fatalf("online run: state %s, output %q", state, output)
	}

	srv.Close() // the connection is gone
	tab.Do(t, 20*time.Second, chromedp.Navigate(srv.URL+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`))
	if h1 := browser.Get(t, tab, 10*time.Second, chromedp.Text("h1")); h1 != "Channels" {
		t.Errorf("offline, the page's title is %q", h1)
	}
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output == "" {
		t.Errorf("offline run: state %s, output %q, status %q", state, output, status)
	}
	// A page never opened is not there.
	err := chromedp.Do(tab.Ctx, chromedp.Navigate(srv.URL+"/pt/memoria/"))
	if err == nil {
		if h1, _ := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`document.querySelector('h1')?.textContent || ''`)); strings.Contains(h1, "Memória") {
			t.Error("a page never opened was served offline")
		}
	}
}

// nextDeploy builds the real site again with one page edited, as a next
// deploy would be: its language's search index gets a new name, so its
// asset set differs from the first build's.
func nextDeploy(t *testing.T) string {
	t.Helper()
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(content, "pt", "canais.md")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(b, "\nUma frase nova.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Config{Content: os.DirFS(content), ContentLabel: "content", OutDir: second, BaseURL: testBaseURL, SnippetCache: snippetCache}); err != nil {
		t.Fatal(err)
	}
	return second
}

// TestBrowserServiceWorkerUpdate deploys a second build whose asset set
// differs (one page edited, so its language's search index has a new
// name) over the first: the new worker takes over, keeps the assets both
// builds use without fetching them again, and drops the old cache.
func TestBrowserServiceWorkerUpdate(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	first := buildReal(t)
	second := nextDeploy(t)
	// A deploy comes later than the build before it; these two may share a
	// second, which Last-Modified cannot tell apart.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(second, "sw.js"), later, later); err != nil {
		t.Fatal(err)
	}
	var dir atomic.Value
	dir.Store(first)
	var mu sync.Mutex
	requests := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests[r.URL.Path]++
		mu.Unlock()
		http.FileServer(http.Dir(dir.Load().(string))).ServeHTTP(w, r)
	}))
	defer srv.Close()
	cacheNames := func() []string {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`caches.keys()`, chromedp.EvalAwaitPromise))
	}

	tab.Do(t, 20*time.Second, chromedp.Navigate(srv.URL+"/pt/"), chromedp.WaitReady("body"))
	browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	tab.Do(t, 20*time.Second, chromedp.Navigate(srv.URL+"/pt/canais/"), chromedp.WaitReady("body"))
	css := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`new URL(document.querySelector('link[rel=stylesheet]').href).pathname`))
	old := cacheNames()
	if len(old) != 1 {
		t.Fatalf("caches after the first visit: %v", old)
	}

	mu.Lock()
	before := requests[css] // fetched by the page, then once more into the worker's cache
	mu.Unlock()

	// The deploy. Like a plain static host, the server sends no
	// Cache-Control: the page must still see the new worker.
	dir.Store(second)
	tab.Do(t, 20*time.Second, chromedp.Navigate(srv.URL+"/pt/canais/"), chromedp.WaitReady("body"))
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if now := cacheNames(); len(now) == 1 && now[0] != old[0] {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("after the deploy the caches are %v (before: %v): the new worker did not take over", now, old)
		}
	}
	tab.Do(t, 20*time.Second, chromedp.Navigate(srv.URL+"/pt/"), chromedp.WaitReady("body"))
	mu.Lock()
	n := requests[css]
	mu.Unlock()
	if n != before {
		t.Errorf("%s, in both builds, was fetched again after the deploy (%d times, %d before); the new worker should have kept it", css, n, before)
	}
	kept := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`caches.keys().then((k) => caches.open(k[0])).then((c) => c.keys()).then((rs) => rs.map((r) => new URL(r.url).pathname))`, chromedp.EvalAwaitPromise))
	if !strings.Contains(strings.Join(kept, " "), css) {
		t.Errorf("the new cache lacks %s: %v", css, kept)
	}
}
