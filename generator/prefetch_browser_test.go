package generator

import (
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
