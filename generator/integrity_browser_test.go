package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// forged is what an attacker who reached the site's Cache API puts in
// place of a script: it marks the page.
const forged = `document.documentElement.dataset.pwned = "1";`

// The page's state after a load: whether the forged script ran, and
// whether main.js did (it shows the theme button, hidden without
// JavaScript).
const pageState = `({pwned: document.documentElement.dataset.pwned === '1', main: !document.querySelector('.theme-toggle').hidden})`

type pageStatus struct {
	Pwned bool `json:"pwned"`
	Main  bool `json:"main"`
}

// opensUnforged opens url through the service worker and checks that the
// site's own main.js ran, not the forged script, with no console error.
func opensUnforged(t *testing.T, tab *browser.Tab, url, when string) {
	t.Helper()
	throughWorker(t, tab)
	tab.Do(t, 20*time.Second, chromedp.Navigate(url), chromedp.WaitReady("body"))
	if st := waitMain(t, tab); st.Pwned || !st.Main {
		t.Errorf("%s the forged script ran: %v, main.js ran: %v", when, st.Pwned, st.Main)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("%s, console errors: %v", when, errs)
	}
}

// waitMain waits until main.js ran, or the deadline passes, and returns
// the page's state then.
func waitMain(t *testing.T, tab *browser.Tab) pageStatus {
	t.Helper()
	var st pageStatus
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		st = browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[pageStatus](pageState))
		if st.Main || time.Now().After(deadline) {
			return st
		}
	}
}

// cachedBody is the body the service worker's cache (gi-*, the one there
// is, or the one named) holds for path, or "" without an entry.
func cachedBody(t *testing.T, tab *browser.Tab, cache, path string) string {
	t.Helper()
	return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`(async () => {
  const name = `+jsString(cache)+` || (await caches.keys()).find((n) => n.startsWith('gi-'));
  if (!name) return '';
  const hit = await (await caches.open(name)).match(`+jsString(path)+`);
  return hit ? hit.text() : '';
})()`, chromedp.EvalAwaitPromise))
}

// waitCached waits until the service worker's cache holds path.
func waitCached(t *testing.T, tab *browser.Tab, path string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); cachedBody(t, tab, "", path) == ""; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the service worker did not keep %s", path)
		}
	}
}

// throughWorker makes the tab's later loads skip the renderer's memory
// cache, which would hand a reloaded page the scripts of the page before
// it without asking the service worker; the worker still answers.
func throughWorker(t *testing.T, tab *browser.Tab) {
	t.Helper()
	if _, err := chromedp.Call(tab.Ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab.Ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
}

// forge replaces the cache's entry for path with the forged script, as a
// script of the site's origin can, and returns the cache's name.
func forge(t *testing.T, tab *browser.Tab, path string) string {
	t.Helper()
	name := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`(async () => {
  const name = (await caches.keys()).find((n) => n.startsWith('gi-'));
  await (await caches.open(name)).put(`+jsString(path)+`, new Response(`+jsString(forged)+`, {headers: {'Content-Type': 'text/javascript'}}));
  return name;
})()`, chromedp.EvalAwaitPromise))
	if got := cachedBody(t, tab, name, path); got != forged {
		t.Fatalf("forging %s in %s did not take: %q", path, name, got)
	}
	return name
}

// mainScript is the path of the page's main.js and its bytes on disk.
func mainScript(t *testing.T, tab *browser.Tab, out string) (string, string) {
	t.Helper()
	path := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`new URL(document.querySelector('script[src*="/assets/main-"]').src).pathname`))
	return path, read(t, out, strings.TrimPrefix(path, "/"))
}

// TestBrowserServiceWorkerRefusesForgedAsset forges the cached main.js,
// as a program that reached the Cache API could, and reloads: the worker
// finds the digest wrong, serves the real script and keeps it instead.
func TestBrowserServiceWorkerRefusesForgedAsset(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildReal(t)
	base := browser.Serve(t, out)
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/"), chromedp.WaitReady("body"))
	browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	// Loaded again under the worker, which keeps its assets.
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady("body"))
	path, genuine := mainScript(t, tab, out)
	waitCached(t, tab, path)
	forge(t, tab, path)
	tab.Errors()

	opensUnforged(t, tab, base+"/en/channels/", "after the reload")
	// Not merely refused by the script tag's integrity: the worker served
	// the real file, to a fetch without integrity too, and kept it.
	if got := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`fetch(`+jsString(path)+`).then((r) => r.text())`, chromedp.EvalAwaitPromise)); got != genuine {
		t.Errorf("fetching %s under the worker gave %.80q, not the file", path, got)
	}
	if got := cachedBody(t, tab, "", path); got != genuine {
		t.Errorf("the cache's %s is %.80q, not the file", path, got)
	}
}

// TestBrowserServiceWorkerUpdateDropsForged forges main.js in the old
// worker's cache and then deploys a build with another asset set that
// still uses that main.js: the new worker carries over the old entries
// whose digest is right, not the forged one.
func TestBrowserServiceWorkerUpdateDropsForged(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	first := buildReal(t)
	second := nextDeploy(t)
	later := time.Now().Add(time.Minute) // a deploy's sw.js is newer than the one before
	if err := os.Chtimes(filepath.Join(second, "sw.js"), later, later); err != nil {
		t.Fatal(err)
	}
	// The server serves whatever the link points at; the deploy swaps it.
	site := filepath.Join(t.TempDir(), "site")
	if err := os.Symlink(first, site); err != nil {
		t.Fatal(err)
	}
	base := browser.Serve(t, site)

	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/pt/"), chromedp.WaitReady("body"))
	browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/pt/canais/"), chromedp.WaitReady("body"))
	path, genuine := mainScript(t, tab, first)
	if read(t, second, strings.TrimPrefix(path, "/")) != genuine {
		t.Fatalf("%s differs between the builds: the test needs an asset both use", path)
	}
	css := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`new URL(document.querySelector('link[rel=stylesheet]').href).pathname`))
	waitCached(t, tab, path)
	waitCached(t, tab, css)
	old := forge(t, tab, path)

	// The deploy. No page loads main.js through the old worker (it would
	// put the real one back): the page only asks for an update.
	swap := site + ".new"
	if err := os.Symlink(second, swap); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(swap, site); err != nil {
		t.Fatal(err)
	}
	browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[bool](`navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)`, chromedp.EvalAwaitPromise))
	var now []string
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		now = browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`caches.keys()`, chromedp.EvalAwaitPromise))
		if len(now) == 1 && now[0] != old {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the deploy the caches are %v (before: %s): the new worker did not take over", now, old)
		}
	}
	if got := cachedBody(t, tab, now[0], path); got != "" && got != genuine {
		t.Errorf("the new worker carried over %s as %.80q", path, got)
	}
	if got := cachedBody(t, tab, now[0], css); got != read(t, second, strings.TrimPrefix(css, "/")) {
		t.Errorf("the new worker did not carry over %s, whose digest is right (%d bytes)", css, len(got))
	}

	tab.Errors()
	opensUnforged(t, tab, base+"/pt/canais/", "after the deploy")
	waitCached(t, tab, path)
	if got := cachedBody(t, tab, "", path); got != genuine {
		t.Errorf("the cache's %s is %.80q, not the file", path, got)
	}
}

// TestBrowserIntegrityRefusesTamperedScript serves a site whose main.js
// was changed on disk after the build, in a fresh profile (no worker to
// check it): the script tag's integrity attribute keeps it from running.
func TestBrowserIntegrityRefusesTamperedScript(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := filepath.Join(t.TempDir(), "public")
	if err := os.CopyFS(out, os.DirFS(buildReal(t))); err != nil {
		t.Fatal(err)
	}
	mains, err := fs.Glob(os.DirFS(out), "assets/main-*.js")
	if err != nil || len(mains) != 1 {
		t.Fatalf("want one assets/main-*.js, found %v (%v)", mains, err)
	}
	file := filepath.Join(out, mains[0])
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(b, "\n"+forged+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	base := browser.Serve(t, out)
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady("body"))
	// The page's other scripts run: init.js marks the page.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		js := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`document.documentElement.classList.contains('js') && document.readyState === 'complete'`))
		if js {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the page did not finish loading, or init.js did not run")
		}
	}
	if st := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[pageStatus](pageState)); st.Pwned || st.Main {
		t.Errorf("the tampered main.js ran (marker %v, theme button shown %v)", st.Pwned, st.Main)
	}
	var said bool
	for deadline := time.Now().Add(10 * time.Second); !said && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		for _, e := range tab.Errors() {
			if strings.Contains(e, "integrity") && strings.Contains(e, mains[0]) {
				said = true
			}
		}
	}
	if !said {
		t.Error("the console says nothing of an integrity failure of " + mains[0])
	}
}
