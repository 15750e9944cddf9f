package generator

import (
	"encoding/json"
	"regexp"
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
		b := asset(t, out, "search-"+lang+"-*.json")
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
	t.Parallel()
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

// TestBrowserSearchRanksHeadings holds the README's word that a heading's
// words weigh more than its text. It picks a word of an English heading
// that some other section has in its text more often than the heading's
// sections have it in their text and page title (counted as search.js
// counts, up to 5), so without the heading's weight that other section
// would come first; the first result must be a section with the word in
// its heading.
func TestBrowserSearchRanksHeadings(t *testing.T) {
	t.Parallel()
	out := buildReal(t)
	b := asset(t, out, "search-en-*.json")
	var secs []searchSection
	if err := json.Unmarshal(b, &secs); err != nil {
		t.Fatal(err)
	}
	// Word starts as search.js finds them, on ASCII words only: English
	// text needs no accent folding.
	count := func(text, w string) int {
		return min(5, len(regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}_])`+regexp.QuoteMeta(w)).FindAllStringIndex(text, -1)))
	}
	word := ""
	var headed map[string]bool
	for _, s := range secs {
		for _, w := range strings.FieldsFunc(strings.ToLower(s.Title), func(r rune) bool { return r < 'a' || r > 'z' }) {
			if len(w) < 5 || word != "" {
				continue
			}
			headingBest, textBest := 0, 0
			h := map[string]bool{}
			for _, o := range secs {
				switch {
				case count(o.Title, w) > 0:
					h[o.URL] = true
					headingBest = max(headingBest, 3*count(o.Page, w)+count(o.Text, w))
				case count(o.Page, w) == 0:
					textBest = max(textBest, count(o.Text, w))
				}
			}
			if textBest > headingBest {
				word, headed = w, h
			}
		}
	}
	if word == "" {
		t.Fatal("no heading word that another section has more often in its text")
	}

	tab := browser.New(t)
	base := browser.Serve(t, out)
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitVisible(`#search-input`),
		chromedp.SendKeys(`#search-input`, word), chromedp.WaitVisible(`#search-results [role=option] a`))
	first := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`(() => { const a = document.querySelector('#search-results [role=option] a'); return a.pathname + a.hash; })()`))
	if !headed[first] {
		t.Errorf("%q: the first result is %s; want one of the sections with the word in their heading %v", word, first, headed)
	} else {
		t.Logf("%q: first result %s, a heading match", word, first)
	}
}
