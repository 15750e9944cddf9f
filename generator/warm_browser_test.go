package generator

import (
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// warmChannels is channelsPage for a test that holds what programs do in
// the page, not how the page loads its engines: on a site that such
// tests take turns on, whose browser holds the engines' files and the
// machine code it compiled for them, instead of a site of the test's own,
// where each test paid for both engines' first load. The Go toolchain's
// alone cost about 4 s of Chromium's CPU: hello world run by the
// toolchain in 4 tests took 33.8 s of it on 4 sites, 21.1 s on one (load
// 20). A test that counts requests, or holds what a first visit or the
// browser's caches do, keeps a site of its own (onChannels,
// channelsPage).
//
// A site serves one test at a time, and its local storage (the reader's
// engine, and whether the toolchain built a program of theirs, which
// decide what a page loads ahead) is cleared for each, so that each
// starts as a reader new to the site would. It returns the tab, on the
// English channels page, and the site's base URL.
func warmChannels(t *testing.T, limit time.Duration) (*browser.Tab, string) {
	t.Helper()
	out := buildWithPlayground(t, limit)
	base := warmSites.take(t, limit, out)
	tab := browser.New(t) // closed before the site is handed on (cleanups run last-registered first)
	if _, err := chromedp.Call(tab.Ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: base, StorageTypes: "local_storage"}); err != nil {
		t.Fatalf("clearing %s's local storage: %v", base, err)
	}
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(`[data-playground="`+channelsID+`"] [data-editor]`))
	return tab, base
}

// warmSites are warmChannels' sites, by time limit: as many as tests
// have used at once (at most as many as run in parallel).
var warmSites = sitePool{free: map[time.Duration][]string{}}

type sitePool struct {
	mu   sync.Mutex
	free map[time.Duration][]string
}

// take hands the test a free site for limit, or a new one serving out,
// and takes it back when the test ends.
func (p *sitePool) take(t *testing.T, limit time.Duration, out string) string {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	var base string
	if free := p.free[limit]; len(free) > 0 {
		base, p.free[limit] = free[len(free)-1], free[:len(free)-1]
	} else {
		var err error
		if base, err = browser.ServeKept(out); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.free[limit] = append(p.free[limit], base)
	})
	return base
}

// TestBrowserWarmSitesStartClean holds warmChannels to its word: a test
// that takes a site another used finds nothing the other stored.
func TestBrowserWarmSitesStartClean(t *testing.T) {
	var first string
	t.Run("stores", func(t *testing.T) {
		tab, base := warmChannels(t, 10*time.Second)
		first = base
		pickEngine(t, tab, channelsID, "exact")
		if stored := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`localStorage.length`)); stored == 0 {
			t.Fatal("picking an engine stored nothing: this test no longer shows what warmChannels clears")
		}
	})
	t.Run("finds nothing", func(t *testing.T) {
		tab, base := warmChannels(t, 10*time.Second)
		if base != first {
			t.Fatalf("the second test got site %s, not the first's %s", base, first)
		}
		if stored := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`Object.keys(localStorage)`)); len(stored) > 0 {
			t.Errorf("the site's local storage holds %q from the test before", stored)
		}
	})
}
