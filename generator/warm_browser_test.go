package generator

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// warmChannels is channelsPage for a test that holds what programs do in
// the page, not how the page loads its engines: a page that such tests
// take turns on, engines loaded and warm, instead of a page, or a site,
// of the test's own. A page's first programs cost most of Chromium's CPU
// in these tests: hello world run by the interpreter, then by the Go
// toolchain, took 5.7 and 17.3 s of it in a page opened afresh on a site
// whose browser held both engines' files and compiled code, and 0.2 and
// 1.4 s in a page that had run them before (2026-12-03, 2 CPUs, a
// neighbour's tests running). A test that counts requests, or holds what
// a first visit or the browser's caches do, keeps a page and a site of
// its own (onChannels, channelsPage); one that holds a page's first state
// takes freshChannels.
//
// A page serves one test at a time, on a site of its own, and is handed
// on as a reader new to the site would find it, but warm: the site's
// local storage cleared (the reader's engine, and whether the toolchain
// built a program of theirs, which decide what a page loads ahead), the
// engine choice back on Automatic, every playground reset (the author's
// code, the build's expected output, idle), the page scrolled to its top,
// its CPU at full speed, its console errors dropped (between tests it is
// frozen). What the page keeps
// of the tests before stays: the engines loaded or loading, its counters
// (html's data-pg-interpreters, data-pg-runners, data-pg-exact-*), the
// theme, globals a test set. A page the test left elsewhere is opened again. One
// whose test failed or was skipped, or left a playground running or
// loading, is closed and not handed on. It returns the tab, on the
// English channels page, and the site's base URL.
func warmChannels(t *testing.T, limit time.Duration) (*browser.Tab, string) {
	t.Helper()
	out := buildWithPlayground(t, limit)
	page := warmPages.take(t, limit, out, false)
	return page.tab, page.base
}

// freshChannels is warmChannels for a test that holds a page's first
// state (the Go toolchain neither loaded nor loading, the counters at
// zero): the page is opened again, on a
// site whose browser keeps both engines' files and compiled code.
func freshChannels(t *testing.T, limit time.Duration) (*browser.Tab, string) {
	t.Helper()
	out := buildWithPlayground(t, limit)
	page := warmPages.take(t, limit, out, true)
	return page.tab, page.base
}

// A warmPage is a tab that tests take turns on, on a site of its own.
type warmPage struct {
	tab  *browser.Tab
	base string
}

// warmPages are warmChannels' pages, by time limit: as many as tests have
// used at once (at most as many as run in parallel).
var warmPages = pagePool{free: map[time.Duration][]*warmPage{}}

type pagePool struct {
	mu   sync.Mutex
	free map[time.Duration][]*warmPage
}

// take hands the test a free page for limit, or a new one on a new site
// serving out, cleaned for it (opened again if fresh), and takes it back
// when the test ends.
func (p *pagePool) take(t *testing.T, limit time.Duration, out string, fresh bool) *warmPage {
	t.Helper()
	p.mu.Lock()
	var page *warmPage
	if free := p.free[limit]; len(free) > 0 {
		page, p.free[limit] = free[len(free)-1], free[:len(free)-1]
	}
	p.mu.Unlock()
	if page == nil {
		base, err := browser.ServeKept(out)
		if err != nil {
			t.Fatal(err)
		}
		page = &warmPage{tab: browser.NewKept(t), base: base}
	}
	t.Cleanup(func() { p.giveBack(t, limit, page) })
	page.clean(t, fresh)
	return page
}

// giveBack makes page free for the next test of limit, unless the test
// failed or was skipped, or left a playground running or loading: then
// the page is closed. It asks the page in the tab's own context: the
// test's (t.Context) ends before its cleanups run.
func (p *pagePool) giveBack(t *testing.T, limit time.Duration, page *warmPage) {
	ctx, cancel := context.WithTimeout(page.tab.Ctx, 10*time.Second)
	defer cancel()
	quiet, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`[...document.querySelectorAll('[data-playground]')].every((e) => ['idle', 'done', 'error'].includes(e.dataset.state))`))
	if t.Failed() || t.Skipped() || err != nil || !quiet {
		t.Logf("warm page %s closed: test failed %v, skipped %v, page quiet %v (%v)", page.base, t.Failed(), t.Skipped(), quiet, err)
		page.tab.Close()
		return
	}
	// Frozen while it waits: an idle page that ran both engines still
	// took 0.02 to 0.05 s of Chromium's CPU a second (timers, workers),
	// and a run of the suite keeps several waiting most of its time.
	if _, err := chromedp.Call(ctx, cdppage.SetWebLifecycleState, cdppage.SetWebLifecycleStateParams{State: cdppage.SetWebLifecycleStateStateFrozen}); err != nil {
		t.Logf("warm page %s closed: freezing it: %v", page.base, err)
		page.tab.Close()
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free[limit] = append(p.free[limit], page)
}

// reset puts the page's playgrounds and preferences as warmChannels says
// a test finds them; what the page keeps of its engines stays.
const reset = `(() => {
  const pick = document.querySelector('[data-engine-pick]');
  if (pick) {
    pick.value = 'auto';
    pick.dispatchEvent(new Event('change'));
  }
  for (const b of document.querySelectorAll('[data-playground] [data-action="reset"]')) b.click();
  document.activeElement?.blur();
  localStorage.clear();
  scrollTo(0, 0);
  return location.href;
})()`

// clean readies page for the test (see warmChannels); with fresh, the
// page is opened again.
func (page *warmPage) clean(t *testing.T, fresh bool) {
	t.Helper()
	// A wide guard: loading the page took more than 20 s once, on a
	// machine busy with two yes and a second Chromium
	// (TestBrowserRunAfterFlood in a CI rehearsal).
	const wait = 60 * time.Second
	tab := page.tab
	if _, err := chromedp.Call(tab.Ctx, cdppage.SetWebLifecycleState, cdppage.SetWebLifecycleStateParams{State: cdppage.SetWebLifecycleStateStateActive}); err != nil {
		t.Fatalf("waking the page: %v", err)
	}
	if _, err := chromedp.Call(tab.Ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 1}); err != nil {
		t.Fatalf("the page's CPU back to full speed: %v", err)
	}
	if _, err := chromedp.Call(tab.Ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: page.base, StorageTypes: "local_storage"}); err != nil {
		t.Fatalf("clearing %s's local storage: %v", page.base, err)
	}
	channels := page.base + "/en/channels/"
	editor := `[data-playground="` + channelsID + `"] [data-editor]`
	if at := browser.Get(t, tab, wait, chromedp.Evaluate[string](`document.querySelector('`+editor+`') ? location.href : ''`)); at != channels || fresh {
		t.Logf("warm page %s loaded: it was at %q", page.base, at)
		tab.Do(t, wait, chromedp.Navigate(channels), chromedp.WaitReady(editor))
	}
	if at := browser.Get(t, tab, wait, chromedp.Evaluate[string](reset)); at != channels {
		t.Fatalf("the warm page is at %s, not %s", at, channels)
	}
	tab.Errors()
}

// TestBrowserWarmPagesStartClean holds warmChannels to its word: a test
// that takes the page another used finds it warm (the same page) and
// nothing the other left: no local storage, the engine on Automatic, the
// author's code, not the other's output; and freshChannels to its: the
// page loaded again.
func TestBrowserWarmPagesStartClean(t *testing.T) {
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	var first, original string
	t.Run("leaves", func(t *testing.T) {
		tab, base := warmChannels(t, 10*time.Second)
		first = base
		original = browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`document.querySelector('`+root+` [data-editor]').value`))
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.leftByTheTestBefore = true`))
		pickEngine(t, tab, id, "fast")
		setCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"left\")\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "left\n" {
			t.Fatalf("the program the next test must not find: %s, %q", state, output)
		}
		if stored := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`localStorage.length`)); stored == 0 {
			t.Fatal("picking an engine stored nothing: this test no longer shows what warmChannels clears")
		}
	})
	t.Run("finds nothing", func(t *testing.T) {
		tab, base := warmChannels(t, 10*time.Second)
		if base != first {
			t.Fatalf("the second test got site %s, not the first's %s", base, first)
		}
		if kept := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`!!window.leftByTheTestBefore`)); !kept {
			t.Error("the second test got a page loaded afresh, not the warm one")
		}
		if stored := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`Object.keys(localStorage)`)); len(stored) > 0 {
			t.Errorf("the site's local storage holds %q from the test before", stored)
		}
		picks := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-engine-pick]')].map((e) => e.value)`))
		for _, p := range picks {
			if p != "auto" {
				t.Errorf("engine choices %q; want Automatic on every playground", picks)
				break
			}
		}
		if code := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`document.querySelector('`+root+` [data-editor]').value`)); code != original {
			t.Errorf("the editor holds\n%s\nnot the author's code", code)
		}
		if state := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-state")).Value; state != "idle" {
			t.Errorf("the playground is %s; want idle", state)
		}
		if output := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` [data-output]`)); output == "left\n" {
			t.Error("the output of the test before is still shown")
		}
	})
	t.Run("fresh", func(t *testing.T) {
		tab, base := freshChannels(t, 10*time.Second)
		if base != first {
			t.Fatalf("the third test got site %s, not the first's %s", base, first)
		}
		if kept := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`!!window.leftByTheTestBefore`)); kept {
			t.Error("freshChannels handed on the page the tests before used, not one opened again")
		}
	})
}
