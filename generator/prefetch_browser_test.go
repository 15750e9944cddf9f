package generator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserInterpreterPrefetch holds issue 17's ninth outcome: the
// interpreter's download starts when a playground comes into view, with
// no Run, unless the connection asks to save data; then nothing is
// fetched until Run. The page says what it decided
// (html[data-pg-fast-prepared]); the server says what was downloaded.
func TestBrowserInterpreterPrefetch(t *testing.T) {
	t.Parallel()
	out := buildWithPlayground(t, 10*time.Second)
	const page, id = "/en/channels/", "en-channels-3"
	root := `[data-playground="` + id + `"]`
	scroll := chromedp.Evaluate[chromedp.Void](`document.querySelector('` + root + `').scrollIntoView({block: 'center'})`)
	// waitFor polls the server's count of the interpreter's downloads
	// until it is want, within a wide guard.
	waitFor := func(requests func(string) int, want int) int {
		t.Helper()
		for deadline := time.Now().Add(60 * time.Second); requests("/assets/engine-") < want && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
		}
		return requests("/assets/engine-")
	}
	inView := func(tab *browser.Tab) bool {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`[...document.querySelectorAll('[data-playground]')].some((p) => {
			const r = p.getBoundingClientRect();
			return r.bottom > 0 && r.top < innerHeight;
		})`))
	}

	// A reader who scrolls to a playground: the download starts unasked.
	tab := browser.New(t)
	base, requests := browser.ServeCounting(t, out)
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+page), chromedp.WaitReady(root+` [data-editor]`))
	if inView(tab) {
		t.Fatalf("%s opens with a playground in view: the test needs one below the fold", page)
	}
	time.Sleep(time.Second) // what the page would fetch unasked, it has started by now
	if n := requests("/assets/engine-"); n != 0 {
		t.Fatalf("before any playground came into view the interpreter was fetched %d times", n)
	}
	tab.Do(t, 20*time.Second, scroll, chromedp.WaitReady(`html[data-pg-fast-prepared="view"]`))
	if n := waitFor(requests, 1); n != 1 {
		t.Errorf("a playground in view: the interpreter was fetched %d times, want once", n)
	}
	tab.Do(t, 120*time.Second, chromedp.WaitReady(`html[data-pg-interpreters="1"]`))
	if state := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-state")).Value; state != "idle" {
		t.Errorf("the prefetch left the playground in state %q", state)
	}
	// Run finds it there: no second download, no second worker.
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output == "" {
		t.Errorf("after the prefetch: state %s, output %q, status %q", state, output, status)
	}
	if n := requests("/assets/engine-"); n != 1 {
		t.Errorf("Run after the prefetch: the interpreter was fetched %d times, want once", n)
	}
	if w := browser.Get(t, tab, 10*time.Second, browser.Attribute(`html`, "data-pg-interpreters")).Value; w != "1" {
		t.Errorf("Run after the prefetch: %s interpreter workers, want the prefetched one", w)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}

	// Save-Data, in a browser with nothing cached: nothing until Run.
	tab = browser.New(t)
	base, requests = browser.ServeCounting(t, out)
	on := true
	if _, err := chromedp.Call(tab.Ctx, emulation.SetDataSaverOverride, emulation.SetDataSaverOverrideParams{DataSaverEnabled: &on}); err != nil {
		t.Fatal(err)
	}
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+page), chromedp.WaitReady(`html[data-pg-fast-prepared="save-data"]`), scroll)
	time.Sleep(time.Second)
	if n := requests("/assets/engine-"); n != 0 {
		t.Errorf("under Save-Data a playground in view fetched the interpreter %d times", n)
	}
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output == "" {
		t.Errorf("Save-Data, Run: state %s, output %q, status %q", state, output, status)
	}
	if n := requests("/assets/engine-"); n != 1 {
		t.Errorf("Save-Data, Run: the interpreter was fetched %d times, want once", n)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserInterpreterDownloadedOnce: a reader who runs, stops and runs
// again while the interpreter is still downloading waits for that
// download, not for another: before, each start while it was under way
// began a download of its own (a stranger's attack pass: six Run and Stop
// on a slow link, seven downloads of 16 MB in the page's memory). The
// server takes 2 s to answer for the module; the page's requests for it
// are counted in the page (the browser's cache would hand the second its
// answer from the first).
func TestBrowserInterpreterDownloadedOnce(t *testing.T) {
	t.Parallel()
	out := buildWithPlayground(t, 10*time.Second)
	site := browser.Handler(out)
	base := browser.ServeHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/engine-") {
			time.Sleep(2 * time.Second)
		}
		site.ServeHTTP(w, r)
	}))
	tab := browser.New(t)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`))
	pickEngine(t, tab, id, "fast")
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`(() => {
	  window.modules = 0;
	  const fetch = window.fetch;
	  window.fetch = (url, ...rest) => {
	    if (String(url).includes('/engine-')) window.modules++;
	    return fetch(url, ...rest);
	  };
	})()`))
	click := func(action string) {
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-action="`+action+`"]').click()`))
	}
	count := func() int {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`window.modules`))
	}
	click("run")
	browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('`+root+`').dataset.state === 'loading'`, chromedp.WithPollingTimeout(0)))
	time.Sleep(300 * time.Millisecond)
	first := count()
	click("stop")
	click("run")
	browser.Get(t, tab, 120*time.Second, ended(root))
	if state := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-state")).Value; state != "done" {
		t.Errorf("the run after Stop while loading ended %s", state)
	}
	if n := count(); n != 1 || first != 1 {
		t.Errorf("the page asked for the interpreter %d times before Stop and %d in all after Run again; want once", first, n)
	}
}
