package generator

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserExactEngineRefusesForgedCache runs a program on the exact
// engine, so that its worker keeps fmt's archive in its Cache API store,
// forges that entry, as a program that reached the Cache API could, and
// runs again on a new page: the worker finds the digest wrong, downloads
// the archive again, builds, and keeps the real file. (The compiler and
// the linker are in the HTTP cache, which no script writes; fetch's
// integrity checks them: TestBrowserExactEngineToolsFromAnyHost.)
func TestBrowserExactEngineRefusesForgedCache(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base := browser.Serve(t, out)
	const id = "en-channels-2"
	root := `[data-playground="` + id + `"]`
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"exact\")\n}\n"
	run := func(when string) {
		t.Helper()
		tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`))
		pickEngine(t, tab, id, "exact")
		typeCode(t, tab, id, hello)
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		if engine, _ := engineOf(t, tab, id); state != "done" || output != "exact\n" || engine != "exact" {
			t.Fatalf("%s: state %s, engine %s, output %q, status %q", when, state, engine, output, status)
		}
		t.Logf("%s: load ms %s", when, browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-load-ms")).Value)
	}
	// fmt's archive's entry, as the page sees it: its URL, its size and
	// its digest against the one the manifest gives.
	const entry = `(async () => {
  const x = JSON.parse(document.documentElement.dataset.pgExact);
  const p = (await (await fetch(x.stdlib)).json()).packages.fmt;
  const hit = await (await caches.open('gointernals-exact')).match(p.url);
  if (!hit) return {url: p.url};
  const b = await hit.arrayBuffer();
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', b));
  return {url: p.url, size: b.byteLength, ok: 'sha256-' + btoa(String.fromCharCode(...sum)) === p.sha256};
})()`
	type entryState struct {
		URL  string `json:"url"`
		Size int    `json:"size"`
		OK   bool   `json:"ok"`
	}
	run("first run")
	before := browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[entryState](entry, chromedp.EvalAwaitPromise))
	if before.Size == 0 || !before.OK {
		t.Fatalf("after the first run fmt's entry is %+v", before)
	}
	tab.Do(t, 20*time.Second, chromedp.Evaluate[chromedp.Void](`(async () => {
  const c = await caches.open('gointernals-exact');
  await c.put(`+jsString(before.URL)+`, new Response('forged', {headers: {'Content-Type': 'application/octet-stream'}}));
})()`, chromedp.EvalAwaitPromise))
	if forgedEntry := browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[entryState](entry, chromedp.EvalAwaitPromise)); forgedEntry.OK || forgedEntry.Size != len("forged") {
		t.Fatalf("forging fmt's entry did not take: %+v", forgedEntry)
	}

	run("after forging the cache")
	if after := browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[entryState](entry, chromedp.EvalAwaitPromise)); !after.OK || after.Size != before.Size {
		t.Errorf("after the second run fmt's entry is %+v, want %d bytes and the right digest", after, before.Size)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
	if os.Getenv("EXACT_LOAD_TIMES") != "" {
		for i := range 3 {
			run(fmt.Sprintf("from the cache, %d", i+1))
		}
	}
}
