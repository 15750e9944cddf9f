package generator

import (
	_ "embed"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

//go:embed testdata/axe/axe.min.js
var axeSource string

// TestBrowserQuality opens every page of the real site, playgrounds and
// all, in Chromium: no request may leave the site, and axe-core (vendored
// in testdata/axe) must find no serious or critical accessibility
// violation (WCAG 2.1 A and AA rules) in either colour scheme.
func TestBrowserQuality(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base := browser.Serve(t, out)
	site, _ := url.Parse(base)

	var mu sync.Mutex
	var outside []string
	if _, err := chromedp.Call(tab.Ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Listen(tab.Ctx, func(ev any) {
		e, ok := ev.(*network.EventRequestWillBeSent)
		if !ok {
			return
		}
		u, err := url.Parse(e.Request.URL)
		if err != nil || (u.Scheme != "data" && u.Host != site.Host) {
			mu.Lock()
			outside = append(outside, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}

	pages := 0
	eachHTML(t, out, func(rel string, _ []byte) {
		pages++
		page := "/" + strings.TrimSuffix(rel, "index.html")
		tab.Do(t, 20*time.Second, chromedp.Navigate(base+page), chromedp.WaitReady("body"))
		for _, scheme := range []string{"light", "dark"} {
			tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = '`+scheme+`'`))
			found := browser.Get(t, tab, 60*time.Second, chromedp.Evaluate[[]string](axeSource+`;
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
  .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`, chromedp.EvalAwaitPromise))
			for _, v := range found {
				t.Errorf("%s (%s): %s", page, scheme, v)
			}
		}
	})
	if pages < 14 {
		t.Errorf("audited %d pages; the site has at least 14", pages)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, u := range outside {
		t.Errorf("a request left the site: %s", u)
	}
}

// TestBrowserPhoneHeader holds the header to a 360 px phone in both
// languages: nothing overflows the screen, the site's name shows at least
// three quarters of itself (the search box folds to a magnifier and the
// Menu button to an icon), and the search box spreads over the bar when
// in use.
func TestBrowserPhoneHeader(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	base := browser.Serve(t, buildReal(t))
	for _, page := range []string{"/pt/canais/", "/en/channels/"} {
		tab.Do(t, 20*time.Second, chromedp.EmulateViewport(360, 640), chromedp.Navigate(base+page), chromedp.WaitVisible(`#search-input`))
		got := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]float64](`(() => {
			const b = document.querySelector('.brand');
			return [document.documentElement.scrollWidth, b.clientWidth / b.scrollWidth, document.querySelector('#search-input').offsetWidth];
		})()`))
		if got[0] > 360 || got[1] < 0.75 {
			t.Errorf("%s at 360 px: page %v px wide, site name %.0f%% shown; want at most 360 px and 75%%", page, got[0], 100*got[1])
		}
		// Typed into, not only focused: a headless window without focus
		// never matches :focus.
		tab.Do(t, 10*time.Second, chromedp.SendKeys(`#search-input`, "g"))
		if w := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[float64](`document.querySelector('#search-input').offsetWidth`)); w < 300 {
			t.Errorf("%s at 360 px: the search box in use is %v px wide (%v folded); want it over the bar", page, w, got[2])
		}
	}
}

// TestBrowserPlaygroundMenuAccessible runs axe-core over a playground
// with its toolbar's menu open (TestBrowserQuality audits pages as they
// open, the menu closed), the engine choice's and the words of a fixed
// engine's, in both colour schemes, on a desktop and a phone: no serious
// or critical violation.
func TestBrowserPlaygroundMenuAccessible(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	base := browser.Serve(t, buildWithPlayground(t, 10*time.Second))
	const wait = 20 * time.Second
	for _, c := range []struct {
		page, root string
		w, h       int64
	}{
		{"/en/channels/", `[data-playground="en-channels-2"]`, 1280, 800},
		{"/pt/memoria/", `[data-engine-fixed="exact"]`, 1280, 800},
		{"/en/channels/", `[data-playground="en-channels-2"]`, 360, 740},
	} {
		tab.Do(t, wait, chromedp.EmulateViewport(c.w, c.h), chromedp.Navigate(base+c.page), chromedp.WaitReady(c.root+` .pg-more`),
			chromedp.ScrollIntoView(c.root), chromedp.Click(c.root+` .pg-more`))
		for _, scheme := range []string{"light", "dark"} {
			tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = '`+scheme+`'`))
			found := browser.Get(t, tab, 60*time.Second, chromedp.Evaluate[[]string](axeSource+`;
(() => {
  const root = document.querySelector('`+c.root+`');
  if (root.querySelector('.pg-menu').hidden) return Promise.resolve(['the menu did not open']);
  return axe.run(root, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' (' + n.failureSummary + ')').join(', ')));
})()`, chromedp.EvalAwaitPromise))
			for _, v := range found {
				t.Errorf("%s at %d px, the menu open (%s): %s", c.page, c.w, scheme, v)
			}
			// axe cannot tell the contrast of text over the page (the menu
			// overlaps the editor, "incomplete"): the menu is opaque, and
			// its text is measured against its background.
			low := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`(() => {
  const rgb = (s) => s.match(/[\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const m = document.querySelector('`+c.root+` .pg-menu');
  const bg = rgb(getComputedStyle(m).backgroundColor);
  if (bg.length > 3 && bg[3] < 1) return ['the menu is not opaque: ' + getComputedStyle(m).backgroundColor];
  const low = [];
  for (const e of m.querySelectorAll('*')) {
    if (![...e.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) continue;
    const s = getComputedStyle(e);
    const own = rgb(s.backgroundColor);
    const [a, b] = [lum(rgb(s.color)), lum(own.length > 3 && own[3] === 0 ? bg : own)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2) + ':1 (' + s.color + ' on ' + s.backgroundColor + ')');
  }
  return low;
})()`))
			for _, l := range low {
				t.Errorf("%s at %d px, the menu open (%s): text under 4.5:1 against the menu: %s", c.page, c.w, scheme, l)
			}
		}
	}
}
