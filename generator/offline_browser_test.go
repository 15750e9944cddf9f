package generator

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserOffline reads the site and runs a playground with the server
// gone: the service worker keeps the pages a reader opened and the
// interpreter once it ran.
func TestBrowserOffline(t *testing.T) {
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
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
