package generator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestSearchIndex checks the real site's search indexes: at most 40 KB
// gzipped per language, every entry's anchor present on its page, and
// the prose of every page in it.
func TestSearchIndex(t *testing.T) {
	const budget = 40 << 10
	out := buildReal(t)
	pages := loadBuilt(t, out)
	for _, lang := range []string{"pt", "en"} {
		m, _ := filepath.Glob(filepath.Join(out, "assets", "search-"+lang+"-*.json"))
		if len(m) != 1 {
			t.Fatalf("want one search index for %s, found %v", lang, m)
		}
		b, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		if n := gzipSize(t, b); n > budget {
			t.Errorf("the %s index is %d bytes gzipped, over the %d budget", lang, n, budget)
		} else {
			t.Logf("%s index: %d bytes, %d gzipped (budget %d)", lang, len(b), n, budget)
		}
		var secs []searchSection
		if err := json.Unmarshal(b, &secs); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, s := range secs {
			u, frag, _ := strings.Cut(s.URL, "#")
			p := pages[strings.TrimPrefix(u, "/")+"index.html"]
			seen[u] = true
			if p == nil {
				t.Errorf("%s: no such page", s.URL)
				continue
			}
			if frag != "" && !p.ids[frag] {
				t.Errorf("%s: no such anchor on the page", s.URL)
			}
			if strings.Contains(s.Text, "func main()") || strings.Contains(s.Text, "</") || strings.Contains(s.Text, "class=") {
				t.Errorf("%s: code or markup in the text: %.80q", s.URL, s.Text)
			}
		}
		for file := range pages {
			if strings.HasPrefix(file, lang+"/") && !strings.Contains(file, "404") && !seen["/"+strings.TrimSuffix(file, "index.html")] {
				t.Errorf("%s is not in the %s index", file, lang)
			}
		}
	}
}

// TestBrowserSearch types into the search box as a reader would: "/"
// focuses it, words match without accents or case and by their start,
// matches are marked, arrows and Enter open the section.
func TestBrowserSearch(t *testing.T) {
	tab := browser.New(t)
	out := buildReal(t)
	base := browser.Serve(t, out)
	const box = `#search-input`
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/pt/canais/"), chromedp.WaitVisible(box),
		chromedp.KeyEvent("/"))
	if id := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`document.activeElement.id`)); id != "search-input" {
		t.Fatalf(`"/" focused %q, not the search box`, id)
	}
	results := func() []string {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results [role=option]')].map((o) => o.textContent)`))
	}
	marks := func() []string {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results mark')].map((m) => m.textContent.toLowerCase())`))
	}
	clear := chromedp.Evaluate[chromedp.Void](`document.querySelector('#search-input').value = ''`)
	tab.Do(t, 10*time.Second, chromedp.SendKeys(box, "MEMORIA"),
		chromedp.WaitVisible(`#search-results [role=option]`))
	if r, m := results(), marks(); len(r) == 0 || !strings.Contains(strings.Join(m, " "), "memória") {
		t.Errorf(`"MEMORIA": results %q, marked %q; want "memória" marked`, r, m)
	}
	// Prefixes: "canai" finds "canais"; every word must match.
	tab.Do(t, 10*time.Second, clear, chromedp.SendKeys(box, "canai buff"),
		chromedp.WaitVisible(`#search-results [role=option]`))
	r := results()
	if len(r) == 0 || !strings.Contains(strings.ToLower(r[0]), "canais") {
		t.Errorf(`"canai buff": results %q`, r)
	}
	tab.Do(t, 10*time.Second, clear, chromedp.SendKeys(box, "zzzqqq"), chromedp.WaitVisible(`#search-results .search-none`))
	// Arrows and Enter open the second result, at its anchor.
	tab.Do(t, 10*time.Second, clear, chromedp.SendKeys(box, "goroutine"),
		chromedp.WaitVisible(`#search-results [role=option]`))
	want := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`document.querySelectorAll('#search-results [role=option] a')[1].href`))
	tab.Do(t, 20*time.Second, chromedp.SendKeys(box, kb.ArrowDown+kb.Enter), chromedp.WaitReady("body"))
	got := browser.Get(t, tab, 10*time.Second, chromedp.Poll[string](`location.href === `+jsString(want)+` ? location.href : null`))
	if !strings.Contains(got, "#") {
		t.Errorf("Enter opened %s, want a section anchor", got)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
