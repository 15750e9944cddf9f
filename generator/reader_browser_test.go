package generator

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// clipboard grants (or denies) the pages of base the clipboard.
func clipboard(t *testing.T, tab *browser.Tab, base string, setting cdpbrowser.PermissionSetting) {
	t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if name == "clipboard-read" && setting != cdpbrowser.PermissionSettingGranted {
			continue // the test reads it back
		}
		if _, err := chromedp.CallBrowser(tab.Ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: setting, Origin: base,
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// codeBlocks reports every code block of the page: whether it is a
// playground's, and the words of the copy button it has ("" for none).
const codeBlocks = `JSON.stringify([...document.querySelectorAll('pre.code')].map((pre) => {
  const pg = pre.closest('[data-playground]');
  const b = pg ? pg.querySelector('button[data-action="copy"]') : pre.parentElement.querySelector(':scope > button.copy');
  return {Playground: !!pg, Button: b ? b.textContent : '', Type: b ? b.type : ''};
}))`

// TestBrowserCopyButtons: every code block of every page has a copy
// button, the playgrounds' in their toolbar and the others' (the hchan
// struct, text blocks) in their corner, in the page's language. Each of
// the latter is clicked: the clipboard then holds the block's text, the
// button says so and a status tells screen readers. A playground's Copy
// copies its editor. Where the clipboard is refused, the code is selected
// and the status says how to copy it, in a playground too.
func TestBrowserCopyButtons(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base := browser.Serve(t, out)
	const wait = 20 * time.Second
	clipboard(t, tab, base, cdpbrowser.PermissionSettingGranted)

	type words struct{ copy, done, status, playground string }
	lang := map[string]words{
		"pt": {"Copiar", "Copiado", "Código copiado.", "Código copiado."},
		"en": {"Copy", "Copied", "Code copied.", "Code copied."},
	}
	var pages []string
	eachHTML(t, out, func(rel string, b []byte) {
		if (strings.HasPrefix(rel, "pt/") || strings.HasPrefix(rel, "en/")) && strings.Contains(string(b), `<pre class="code`) {
			pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		}
	})
	plain := map[string]int{}
	for _, page := range pages {
		w := lang[page[1:3]]
		tab.Do(t, wait, chromedp.Navigate(base+page))
		browser.Get(t, tab, wait, chromedp.Poll[bool](`document.readyState === 'complete' && [...document.querySelectorAll('[data-playground]')].every((p) => p.querySelector('button[data-action="copy"]'))`))
		var blocks []struct {
			Playground   bool
			Button, Type string
		}
		if err := json.Unmarshal([]byte(browser.Get(t, tab, wait, chromedp.Evaluate[string](codeBlocks))), &blocks); err != nil {
			t.Fatal(err)
		}
		n := 0
		for i, b := range blocks {
			switch {
			case b.Button == "":
				t.Errorf("%s: code block %d has no copy button", page, i+1)
			case b.Button != w.copy || b.Type != "button":
				t.Errorf("%s: code block %d's copy button is a %q saying %q; want a button saying %q", page, i+1, b.Type, b.Button, w.copy)
			case !b.Playground:
				n++
			}
		}
		plain[page[1:3]] += n
		for i := range n {
			sel := fmt.Sprintf(`button.copy[data-n="%d"]`, i)
			tab.Do(t, wait, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('button.copy').forEach((b, i) => { b.dataset.n = i; })`),
				chromedp.Click(sel))
			browser.Get(t, tab, wait, chromedp.Poll[bool](`document.querySelector('`+sel+` + .copy-status').textContent !== ''`))
			got := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`(async () => {
			  const b = document.querySelector('`+sel+`');
			  return [b.textContent, b.nextElementSibling.textContent, b.nextElementSibling.getAttribute('role'),
			    await navigator.clipboard.readText(), b.parentElement.querySelector('pre.code').textContent];
			})()`, chromedp.EvalAwaitPromise))
			if got[0] != w.done || got[1] != w.status || got[2] != "status" {
				t.Errorf("%s: after copying block %d the button says %q and the status (role %q) %q; want %q and %q", page, i+1, got[0], got[2], got[1], w.done, w.status)
			}
			if got[3] != got[4] {
				t.Errorf("%s: copying block %d put %q on the clipboard; want %q", page, i+1, got[3], got[4])
			}
		}
	}
	t.Logf("code blocks outside playgrounds, copied: %v", plain)
	for _, l := range []string{"pt", "en"} {
		if plain[l] < 2 {
			t.Errorf("%s: %d code blocks outside playgrounds; the hchan struct and the text blocks are at least 2", l, plain[l])
		}
	}

	// A playground's Copy copies what its editor holds.
	for _, page := range []string{"/pt/canais/", "/en/channels/"} {
		w := lang[page[1:3]]
		tab.Do(t, wait, chromedp.Navigate(base+page))
		clickAction(t, tab, `[data-playground]`, "copy")
		browser.Get(t, tab, wait, chromedp.Poll[bool](`document.querySelector('[data-playground] .pg-status').textContent === '`+w.playground+`'`))
		got := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`(async () => [await navigator.clipboard.readText(), document.querySelector('[data-playground] textarea').value])()`, chromedp.EvalAwaitPromise))
		if got[0] != got[1] {
			t.Errorf("%s: a playground's Copy put %q on the clipboard; want its editor's %q", page, got[0], got[1])
		}
	}

	// Refused the clipboard, the button selects the code.
	clipboard(t, tab, base, cdpbrowser.PermissionSettingDenied)
	tab.Do(t, wait, chromedp.Navigate(base+"/en/channels/"), chromedp.Click(`button.copy`))
	browser.Get(t, tab, wait, chromedp.Poll[bool](`document.querySelector('.copy-status').textContent !== ''`))
	got := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`[document.querySelector('.copy-status').textContent, getSelection().toString(), document.querySelector('button.copy').parentElement.querySelector('pre.code').textContent]`))
	// (A selection's text drops the block's last newline.)
	if got[0] != "Code selected: press Ctrl+C to copy." || strings.TrimSpace(got[1]) != strings.TrimSpace(got[2]) {
		t.Errorf("with the clipboard refused: status %q, selection %q; want the code selected", got[0], got[1])
	}
	clickAction(t, tab, `[data-playground]`, "copy")
	browser.Get(t, tab, wait, chromedp.Poll[bool](`document.querySelector('[data-playground] .pg-status').textContent !== ''`))
	got = browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`(() => {
	  const area = document.querySelector('[data-playground] textarea');
	  return [document.querySelector('[data-playground] .pg-status').textContent, area.value.slice(area.selectionStart, area.selectionEnd), area.value];
	})()`))
	if got[0] != "Code selected: press Ctrl+C to copy." || got[1] != got[2] {
		t.Errorf("with the clipboard refused, a playground's Copy: status %q, selection %q; want the code selected", got[0], got[1])
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserRootChooser holds the language chooser at / to both
// languages: its title names the site once in each, and its header, skip
// link, heading and footer say their words in both, each marked with its
// language; the theme button's words are both languages'.
func TestBrowserRootChooser(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	base := browser.Serve(t, buildReal(t))
	const wait = 20 * time.Second
	tab.Do(t, wait, chromedp.Navigate(base+"/"), chromedp.WaitVisible(".theme-toggle"))
	got := browser.Get(t, tab, wait, chromedp.Evaluate[map[string]string](`(() => {
	  const words = (sel) => [...document.querySelectorAll(sel)].map((e) => e.lang + ':' + e.textContent.trim()).join(' | ');
	  return {
	    title: document.title,
	    brand: words('.site-header .brand [lang]'),
	    skip: words('.skip [lang]'),
	    h1: words('h1 [lang]'),
	    footer: words('.site-footer [lang]'),
	    theme: document.querySelector('.theme-toggle').textContent,
	  };
	})()`))
	want := map[string]string{
		"title":  "Go por dentro · Go Internals",
		"brand":  "pt-BR:Go por dentro | en:Go Internals",
		"skip":   "pt-BR:Pular para o conteúdo | en:Skip to content",
		"h1":     "pt-BR:Go por dentro | en:Go Internals",
		"footer": "pt-BR:Notas de estudo sobre o funcionamento interno do Go. | en:Study notes on how Go works inside.",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("root chooser's %s: %q; want %q", k, got[k], v)
		}
	}
	if !strings.Contains(got["theme"], "Tema / Theme") {
		t.Errorf("root chooser's theme button says %q; want its words in both languages", got["theme"])
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
