package generator

import (
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
	theme := browser.Get(t, tab, wait, chromedp.AttributeValue("html", "data-theme"))
	label := browser.Get(t, tab, wait, chromedp.Text(".theme-toggle .label"))
	if theme.Value != "light" || label != "Theme: light" {
		t.Errorf("after one click: data-theme=%q, label %q; want light", theme.Value, label)
	}
	tab.Do(t, wait, chromedp.Click(".theme-toggle"), chromedp.Navigate(base+"/pt/canais/"), chromedp.WaitVisible(".theme-toggle"))
	theme = browser.Get(t, tab, wait, chromedp.AttributeValue("html", "data-theme"))
	label = browser.Get(t, tab, wait, chromedp.Text(".theme-toggle .label"))
	if theme.Value != "dark" || label != "Tema: escuro" {
		t.Errorf("dark choice not remembered on another page: data-theme=%q, label %q", theme.Value, label)
	}

	tab.Do(t, wait, chromedp.Click(".lang-switch a"), chromedp.WaitReady(`html[lang="en"]`))
	if href := browser.Get(t, tab, wait, chromedp.Location()); !strings.HasSuffix(href, "/en/channels/") {
		t.Errorf("the language switch on /pt/canais/ led to %s", href)
	}
}
