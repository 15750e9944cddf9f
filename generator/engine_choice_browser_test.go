package generator

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserEngineChoice holds the engine choice to the reader's words,
// in both languages and in dark mode: a "Run with" select in the
// toolbar's menu, its options plain words, as tall as the buttons and in
// the page's colours (it was 19 px tall and stayed a light native control
// in dark mode). A program the interpreter hands over gets one plain
// sentence in the page's language, the interpreter's reason (English,
// marked so) folded under it; and the status's time counts from the
// click, the toolchain's loading included (it said 281 ms after an 11.8 s
// wait). A playground whose engine its author fixed offers no choice,
// and says what runs it.
func TestBrowserEngineChoice(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	base := browser.Serve(t, buildWithPlayground(t, 10*time.Second))
	const wait = 20 * time.Second
	for _, c := range []struct {
		page, id, label, sentence string
		options                   []string
	}{
		{"/pt/canais/", "pt-canais-2", "Executar com", "Este programa precisa do compilador Go, e é com ele que roda.", []string{"Automático", "Interpretador rápido", "Compilador Go"}},
		{"/en/channels/", "en-channels-2", "Run with", "This program needs the Go compiler: running it with the Go toolchain.", []string{"Automatic", "Quick interpreter", "Go toolchain"}},
	} {
		root := `[data-playground="` + c.id + `"]`
		tab.Do(t, wait, chromedp.Navigate(base+c.page), chromedp.WaitReady(root+` .pg-more`),
			chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = 'dark'`), chromedp.Click(root+` .pg-more`))
		type choice struct {
			Label, Hint, Background, Page, Scheme string
			Options                               []string
			Select, Run                           float64
		}
		got := browser.Get(t, tab, wait, chromedp.Evaluate[choice](`(() => {
		  const root = document.querySelector('`+root+`');
		  const pick = root.querySelector('[data-engine-pick]');
		  const s = getComputedStyle(pick);
		  return {
		    Label: pick.labels[0].firstChild.textContent, Hint: document.getElementById(pick.getAttribute('aria-describedby')).textContent,
		    Background: s.backgroundColor, Page: getComputedStyle(document.body).backgroundColor, Scheme: s.colorScheme,
		    Options: [...pick.options].map((o) => o.value + ' ' + o.textContent),
		    Select: pick.getBoundingClientRect().height, Run: root.querySelector('[data-action="run"]').getBoundingClientRect().height,
		  };
		})()`))
		var want []string
		for i, v := range []string{"auto", "fast", "exact"} {
			want = append(want, v+" "+c.options[i])
		}
		if got.Label != c.label || !slices.Equal(got.Options, want) || got.Hint == "" {
			t.Errorf("%s: the engine choice is labelled %q with options %q and the hint %q; want %q and %q", c.page, got.Label, got.Options, got.Hint, c.label, want)
		}
		if got.Select < got.Run-1 || got.Select < 36 {
			t.Errorf("%s: the select is %.0f px tall, Run %.0f px; want as tall as the buttons", c.page, got.Select, got.Run)
		}
		if got.Background != got.Page || !strings.Contains(got.Scheme, "dark") {
			t.Errorf("%s in dark mode: the select's background %s (colour scheme %q), the page's %s; want the page's, dark", c.page, got.Background, got.Scheme, got.Page)
		}
		tab.Do(t, wait, chromedp.KeyEvent("\x1b"))

		// Handed over on Automatic, on a page that never loaded the toolchain.
		typeCode(t, tab, c.id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nseq := func(yield func(int) bool) { _ = yield(1) && yield(2) }\nfor v := range seq {\nfmt.Println(v)\n}\n}\n")
		tab.Do(t, wait, chromedp.Evaluate[chromedp.Void](`(() => {
		  const root = document.querySelector('`+root+`');
		  const t0 = performance.now();
		  const seen = window.seen = {loaded: 0, ended: 0};
		  let state = root.dataset.state;
		  new MutationObserver(() => {
		    const now = performance.now() - t0;
		    if (state === 'loading' && root.dataset.state !== 'loading') seen.loaded = now;
		    if (root.dataset.state === 'done' || root.dataset.state === 'error') seen.ended ||= now;
		    state = root.dataset.state;
		  }).observe(root, {attributes: true, attributeFilter: ['data-state']});
		  root.querySelector('[data-action="run"]').click();
		})()`))
		// Poll gives up after 30 s of its own unless told not to: the
		// toolchain's first load took longer at load 34.
		browser.Get(t, tab, 180*time.Second, chromedp.Poll[bool](`window.seen.ended > 0`, chromedp.WithPollingTimeout(0)))
		type result struct {
			State, Engine, Status, Shown, Text, Lang string
			Loaded, Ended                            float64
			Above                                    bool
		}
		run := browser.Get(t, tab, wait, chromedp.Evaluate[result](`(() => {
		  const root = document.querySelector('`+root+`');
		  const note = root.querySelector('[data-engine-note]');
		  return {
		    State: root.dataset.state, Engine: root.dataset.engine || '', Status: root.querySelector('.pg-status').textContent,
		    Shown: note.innerText.trim(), Text: note.textContent, Lang: note.querySelector('.pg-why')?.lang || '',
		    Loaded: window.seen.loaded, Ended: window.seen.ended,
		    Above: !!(note.compareDocumentPosition(root.querySelector('[data-output]')) & Node.DOCUMENT_POSITION_FOLLOWING),
		  };
		})()`))
		if run.State != "done" || run.Engine != "exact" {
			t.Errorf("%s: range over a function on Automatic: state %s, engine %s, status %q; want it run by the toolchain", c.page, run.State, run.Engine, run.Status)
			continue
		}
		if run.Shown != c.sentence || !strings.Contains(run.Text, "7:17: range over a function") || run.Lang != "en" {
			t.Errorf("%s: after the hand-over the note shows %q (lang of the reason %q), holds %q; want %q shown, the reason folded under it, marked English", c.page, run.Shown, run.Lang, run.Text, c.sentence)
		}
		if !run.Above {
			t.Errorf("%s: the engine's note is below the output; want it above, where the reader reads it first", c.page)
		}
		tab.Do(t, wait, chromedp.Click(root+` [data-engine-note] summary`))
		if shown := browser.Get(t, tab, wait, chromedp.Evaluate[string](`document.querySelector('`+root+` [data-engine-note]').innerText`)); !strings.Contains(shown, "range over a function") {
			t.Errorf("%s: the note opened shows %q; want the interpreter's reason", c.page, shown)
		}
		m := regexp.MustCompile(`(\d+) ms$`).FindStringSubmatch(run.Status)
		if m == nil {
			t.Errorf("%s: status %q has no time", c.page, run.Status)
			continue
		}
		ms, _ := strconv.ParseFloat(m[1], 64)
		t.Logf("%s: status %q; the toolchain ready and the program running %.0f ms after the click, over at %.0f ms", c.page, run.Status, run.Loaded, run.Ended)
		if ms < run.Loaded-1 || ms > run.Ended+1 {
			t.Errorf("%s: the status says %.0f ms; the wait was %.0f ms to the end of loading and %.0f ms in all: want the time from the click", c.page, ms, run.Loaded, run.Ended)
		}
	}

	// A playground whose engine its author fixed ({engine="exact"}) offers
	// no choice: its menu says in words what runs it; the page's other
	// playgrounds keep theirs.
	for _, c := range []struct{ page, words string }{
		{"/pt/memoria/", "Este exemplo roda com o compilador Go."},
		{"/en/memory/", "This example runs with the Go toolchain."},
	} {
		const fixed = `[data-engine-fixed="exact"]`
		tab.Do(t, wait, chromedp.Navigate(base+c.page), chromedp.WaitReady(fixed+` .pg-more`), chromedp.Click(fixed+` .pg-more`))
		got := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`(() => {
		  const menu = document.querySelector('`+fixed+` .pg-menu');
		  const others = [...document.querySelectorAll('[data-playground]:not(`+fixed+`)')];
		  return [String(menu.hidden), String(!!menu.querySelector('select, [data-engine-pick]')), menu.querySelector('.pg-fixed')?.innerText || '',
		    String(others.length > 0 && others.every((p) => p.querySelector('[data-engine-pick]')))];
		})()`))
		if got[0] != "false" || got[1] != "false" || got[2] != c.words || got[3] != "true" {
			t.Errorf("%s: the fixed playground's menu: hidden %s, a choice %s, words %q; the other playgrounds each with a choice %s; want it open, no choice, %q, true", c.page, got[0], got[1], got[2], got[3], c.words)
		}
	}
}
