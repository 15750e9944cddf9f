package generator

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserThemeAndPages opens pages of the real site in Chromium: no
// console errors; the theme toggle cycles and is remembered across pages;
// the language switch leads to the twin.
func TestBrowserThemeAndPages(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildReal(t)
	base := browser.Serve(t, out)
	const wait = 20 * time.Second

	for _, page := range []string{"/", "/pt/", "/en/", "/pt/canais/", "/en/channels/", "/pt/alocador-e-gc/", "/en/memory/", "/pt/404.html"} {
		tab.Do(t, wait, chromedp.Navigate(base+page), chromedp.WaitReady("body"))
	}
	time.Sleep(200 * time.Millisecond) // let late console messages arrive
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}

	tab.Do(t, wait, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitVisible(".theme-toggle"), chromedp.Click(".theme-toggle"))
	theme := browser.Get(t, tab, wait, browser.Attribute("html", "data-theme"))
	label := browser.Get(t, tab, wait, chromedp.Text(".theme-toggle .label"))
	if theme.Value != "light" || label != "Theme: light" {
		t.Errorf("after one click: data-theme=%q, label %q; want light", theme.Value, label)
	}
	tab.Do(t, wait, chromedp.Click(".theme-toggle"), chromedp.Navigate(base+"/pt/canais/"), chromedp.WaitVisible(".theme-toggle"))
	theme = browser.Get(t, tab, wait, browser.Attribute("html", "data-theme"))
	label = browser.Get(t, tab, wait, chromedp.Text(".theme-toggle .label"))
	if theme.Value != "dark" || label != "Tema: escuro" {
		t.Errorf("dark choice not remembered on another page: data-theme=%q, label %q", theme.Value, label)
	}

	tab.Do(t, wait, chromedp.Click(".lang-switch a"), chromedp.WaitReady(`html[lang="en"]`))
	if href := browser.Get(t, tab, wait, chromedp.Location()); !strings.HasSuffix(href, "/en/channels/") {
		t.Errorf("the language switch on /pt/canais/ led to %s", href)
	}
}

// sectionState is where a page stands: the index of the heading its
// address names among the page's h2 and h3 (-1 without a #fragment), that
// heading's distance from where a followed link puts it (under the sticky
// header), whether the page is scrolled to its end (where a heading near
// the end cannot reach the top), and the headings' ids.
const sectionState = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const heads = [...document.querySelectorAll('main h2[id], main h3[id]')];
  const i = heads.findIndex((h) => h.matches(':target'));
  const line = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  done(JSON.stringify({
    Lang: document.documentElement.lang, Index: i,
    Off: i < 0 ? scrollY : heads[i].getBoundingClientRect().top - line,
    AtEnd: scrollY + innerHeight >= document.documentElement.scrollHeight - 2,
    IDs: heads.map((h) => h.id),
  }));
})))`

type sectionAt struct {
	Lang  string
	Index int
	Off   float64
	AtEnd bool
	IDs   []string
}

// TestBrowserLanguageSwitchKeepsSection follows the language switch from
// every page of the real site: from a #fragment (the first and the last
// heading), from a section the reader scrolled into, and from the top of
// the page (and of the first, under a fragment that is not UTF-8). The
// twin opens at the heading of the same position (twins' headings are
// parallel: TestRealSite), under the header as a followed link puts it;
// from the top, at the top.
func TestBrowserLanguageSwitchKeepsSection(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildReal(t)
	base := browser.Serve(t, out)
	const wait = 20 * time.Second
	tab.Do(t, wait, chromedp.EmulateViewport(1280, 800))

	var pages []string
	eachHTML(t, out, func(rel string, b []byte) {
		if strings.Contains(string(b), `<body class="kind-page">`) && (strings.HasPrefix(rel, "pt/") || strings.HasPrefix(rel, "en/")) {
			pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		}
	})
	if len(pages) < 12 {
		t.Fatalf("found %d pages; the site has at least 12", len(pages))
	}
	state := func() sectionAt {
		raw := browser.Get(t, tab, wait, chromedp.Evaluate[string](sectionState, chromedp.EvalAwaitPromise))
		var s sectionAt
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	// open loads page, runs scroll (JavaScript, may be ""), and follows
	// the switch; it returns the twin's state.
	open := func(page, scroll string) sectionAt {
		tab.Do(t, wait, chromedp.Navigate(base+page))
		browser.Get(t, tab, wait, chromedp.Poll[bool](`document.readyState === 'complete'`))
		from := state()
		if scroll != "" {
			tab.Do(t, wait, chromedp.Evaluate[chromedp.Void](scroll))
		}
		other := "en"
		if from.Lang == "en" {
			other = "pt-BR"
		}
		// Clicked where it is, as a reader does: chromedp.Click first
		// scrolls the element into view, which moves the page.
		xy := browser.Get(t, tab, wait, chromedp.Evaluate[[]float64](`(() => {
		  const r = document.querySelector('.lang-switch a').getBoundingClientRect();
		  return [r.x + r.width / 2, r.y + r.height / 2];
		})()`))
		tab.Do(t, wait, chromedp.MouseClickXY(xy[0], xy[1]), chromedp.WaitReady(`html[lang="`+other+`"]`))
		browser.Get(t, tab, wait, chromedp.Poll[bool](`document.readyState === 'complete'`))
		return state()
	}
	landed := func(what string, got sectionAt, want int) {
		t.Helper()
		if got.Index != want {
			t.Errorf("%s: the twin opened at heading %d (%v); want %d", what, got.Index, got.IDs, want)
		} else if want >= 0 && math.Abs(got.Off) > 2 && !got.AtEnd {
			t.Errorf("%s: the twin's heading %d is %.0f px from under the header", what, want, got.Off)
		} else if want < 0 && got.Off != 0 {
			t.Errorf("%s: the twin opened %.0f px down; want its top", what, got.Off)
		}
	}
	checked := 0
	for _, page := range pages {
		tab.Do(t, wait, chromedp.Navigate(base+page), chromedp.WaitReady("main"))
		ids := state().IDs
		if len(ids) == 0 {
			continue
		}
		for _, k := range []int{0, len(ids) - 1} {
			landed(page+"#"+ids[k], open(page+"#"+ids[k], ""), k)
		}
		k := len(ids) / 2
		into := fmt.Sprintf(`(() => {
		  const h = document.getElementById(%q);
		  scrollTo(0, scrollY + h.getBoundingClientRect().top - parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) + 40);
		})()`, ids[k])
		landed(fmt.Sprintf("%s scrolled 40 px into heading %d", page, k), open(page, into), k)
		landed(page+" at its top", open(page, ""), -1)
		if checked == 0 {
			// A fragment no heading has, nor could: not UTF-8 once
			// decoded (a stranger's link broke the switch with it).
			landed(page+"#%E0%A4%A", open(page+"#%E0%A4%A", ""), -1)
		}
		checked++
	}
	if checked < 12 {
		t.Errorf("followed the switch from %d pages with headings; the site has at least 12", checked)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
