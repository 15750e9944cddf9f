package generator

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// phoneLayout reports, for a page at its current size, the content
// column, the screen's width, and every playground: where its editor and
// its toolbar sit, the toolbar's height and the tops of its controls, the
// Run button's height, the editor's font size, and how many characters
// of a line its editor shows; and every plain code block: where it sits
// and how many characters of a line it shows.
const phoneLayout = `JSON.stringify((() => {
  const m = document.querySelector('main').getBoundingClientRect();
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.width]; };
  // Characters of a line shown in the box of width w: a line of 100 in
  // code's font, measured.
  const chars = (code, w) => {
    const s = document.createElement('span');
    s.textContent = 'x'.repeat(100);
    code.append(s);
    const c = s.getBoundingClientRect().width / 100;
    s.remove();
    return w / c;
  };
  const inner = (e) => { const s = getComputedStyle(e); return e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); };
  return {
    Main: [m.left, m.width], Screen: innerWidth,
    Playgrounds: [...document.querySelectorAll('[data-playground]')].map((p) => {
      const bar = p.querySelector('.pg-bar');
      const shown = [...bar.children].filter((c) => c.getClientRects().length);
      const ed = p.querySelector('.pg-editor');
      const shadow = p.querySelector('.pg-shadow');
      return {
        ID: p.dataset.playground, Editor: box(ed), Toolbar: box(bar),
        Bar: bar.getBoundingClientRect().height, Run: p.querySelector('[data-action="run"]').getBoundingClientRect().height,
        Tops: shown.map((c) => c.getBoundingClientRect().top),
        Font: parseFloat(getComputedStyle(p.querySelector('[data-editor]')).fontSize),
        Chars: chars(shadow.querySelector('code'), ed.clientWidth - p.querySelector('.pg-lines').getBoundingClientRect().width - parseFloat(getComputedStyle(shadow).paddingLeft) - parseFloat(getComputedStyle(shadow).paddingRight)),
      };
    }),
    Blocks: [...document.querySelectorAll('pre.code')].filter((b) => !b.closest('[data-playground]')).map((b) => ({Box: box(b), Chars: chars(b.querySelector('code') || b, inner(b))})),
  };
})())`

// Characters of a code line a phone 360 px wide shows: 26 in a
// playground's editor and 35 in a plain code block, inside the page's
// padding and with 12-16 px of their own, before issue 17 took them to
// the screen's edges, with less padding.
const (
	editorChars = 31
	blockChars  = 39
)

// TestBrowserPhonePlayground holds every playground of every page to a
// 360×740 touch phone: its editor and output take the screen's whole
// width, in a nested list too (it started 80 px from the left, 263 px
// wide), its toolbar the content column's, and the editor shows at least
// editorChars characters of a line, as plain code blocks take the
// screen's width and show at least blockChars; its
// toolbar is one row, Run, Stop and a menu; the menu opens on the screen
// with Reset, Format, Copy, Share and the engine choice, and closes with
// Esc, the focus back on its button; and the editor's font is at least
// 16 px, under which iOS zooms into a focused field.
func TestBrowserPhonePlayground(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base := browser.Serve(t, out)
	const wait = 20 * time.Second
	var pages []string
	eachHTML(t, out, func(rel string, b []byte) {
		if strings.Contains(string(b), "data-playground=") {
			pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		}
	})
	nested := 0
	for _, page := range pages {
		tab.Do(t, wait, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch), chromedp.Navigate(base+page))
		browser.Get(t, tab, wait, chromedp.Poll[bool](`document.readyState === 'complete' && [...document.querySelectorAll('[data-playground]')].every((p) => p.querySelector('.pg-more'))`))
		var got struct {
			Main        [2]float64
			Screen      float64
			Playgrounds []struct {
				ID              string
				Editor, Toolbar [2]float64
				Bar, Run        float64
				Tops            []float64
				Font, Chars     float64
			}
			Blocks []struct {
				Box   [2]float64
				Chars float64
			}
		}
		if err := json.Unmarshal([]byte(browser.Get(t, tab, wait, chromedp.Evaluate[string](phoneLayout))), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Playgrounds) == 0 {
			t.Errorf("%s: no playground", page)
		}
		near := func(a, b [2]float64) bool {
			return a[0] > b[0]-1 && a[0] < b[0]+1 && a[1] > b[1]-1 && a[1] < b[1]+1
		}
		screen := [2]float64{0, got.Screen}
		for _, p := range got.Playgrounds {
			if !near(p.Editor, screen) || !near(p.Toolbar, got.Main) {
				t.Errorf("%s %s at 360 px: the editor at %.0f px from the left, %.0f px wide, the toolbar at %.0f, %.0f wide; want the editor across the screen, the toolbar in the content column (%.0f, %.0f)", page, p.ID, p.Editor[0], p.Editor[1], p.Toolbar[0], p.Toolbar[1], got.Main[0], got.Main[1])
			}
			if p.Chars < editorChars {
				t.Errorf("%s %s at 360 px: the editor shows %.1f characters of a line; want at least %d", page, p.ID, p.Chars, editorChars)
			}
			if len(p.Tops) != 3 || p.Bar > p.Run+1 || p.Tops[0] != p.Tops[1] || p.Tops[1] != p.Tops[2] {
				t.Errorf("%s %s at 360 px: the toolbar is %.0f px tall (Run %.0f px), controls shown at %v; want one row of Run, Stop and the menu's button", page, p.ID, p.Bar, p.Run, p.Tops)
			}
			if p.Font < 16 {
				t.Errorf("%s %s on a touch screen: editor font %.1f px; want at least 16", page, p.ID, p.Font)
			}
		}
		for i, b := range got.Blocks {
			if !near(b.Box, screen) || b.Chars < blockChars {
				t.Errorf("%s: code block %d at 360 px: %.0f px from the left, %.0f px wide, %.1f characters of a line shown; want the screen's width and at least %d", page, i, b.Box[0], b.Box[1], b.Chars, blockChars)
			}
		}
		if browser.Get(t, tab, wait, chromedp.Evaluate[bool](`[...document.querySelectorAll('[data-playground]')].some((p) => p.closest('li li'))`)) {
			nested++
		}
	}
	if nested == 0 {
		t.Error("no page has a playground in a nested list: the test no longer covers that case")
	}

	// The menu, on the first playground of the channels page, nested in a
	// list.
	root := `[data-playground="en-channels-2"]`
	tab.Do(t, wait, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` .pg-more`), chromedp.ScrollIntoView(root))
	tab.Do(t, wait, chromedp.Click(root+` .pg-more`))
	menu := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`(() => {
	  const root = document.querySelector('`+root+`');
	  const menu = root.querySelector('.pg-menu');
	  const r = menu.getBoundingClientRect();
	  const items = [...menu.querySelectorAll('button, select')].filter((e) => e.getClientRects().length)
	    .map((e) => e.dataset.action || (e.matches('[data-engine-pick]') ? 'engine' : '?'));
	  return [root.querySelector('.pg-more').getAttribute('aria-expanded'), String(r.left >= 0 && r.right <= innerWidth), items.join(' ')];
	})()`))
	if menu[0] != "true" || menu[1] != "true" || menu[2] != "reset format copy share engine" {
		t.Errorf("the menu opened: expanded %s, on the screen %s, items %q; want reset format copy share engine", menu[0], menu[1], menu[2])
	}
	tab.Do(t, wait, chromedp.Focus(root+` [data-action="format"]`), chromedp.KeyEvent("\x1b"))
	closed := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`(() => {
	  const root = document.querySelector('`+root+`');
	  return [String(root.querySelector('.pg-menu').hidden), root.querySelector('.pg-more').getAttribute('aria-expanded'), String(document.activeElement === root.querySelector('.pg-more'))];
	})()`))
	if closed[0] != "true" || closed[1] != "false" || closed[2] != "true" {
		t.Errorf("after Esc in the menu: hidden %s, expanded %s, focus on its button %s", closed[0], closed[1], closed[2])
	}
	// A tap elsewhere closes it too; a menu item does what it says and
	// closes it.
	tab.Do(t, wait, chromedp.Click(root+` .pg-more`), chromedp.Click(`h1`))
	if !browser.Get(t, tab, wait, chromedp.Evaluate[bool](`document.querySelector('`+root+` .pg-menu').hidden`)) {
		t.Error("a tap outside the menu left it open")
	}
	tab.Do(t, wait, chromedp.Evaluate[chromedp.Void](`(() => { const a = document.querySelector('`+root+` [data-editor]'); a.value = 'changed'; a.dispatchEvent(new Event('input')); })()`))
	clickAction(t, tab, root, "reset")
	if v := editorValue(t, tab, "en-channels-2"); strings.Contains(v, "changed") || !browser.Get(t, tab, wait, chromedp.Evaluate[bool](`document.querySelector('`+root+` .pg-menu').hidden`)) {
		t.Errorf("Reset from the menu: the editor holds %q, the menu hidden: want the original program and the menu closed", v)
	}

	// A mark sits on the line it names, in the touch screen's larger
	// font too: line 20 of a share link's code that holds a
	// bidirectional control (a stranger's attack pass found its band
	// across lines 17 and 18, the marks sized for the desktop's font).
	code := "package main\n\nfunc main() {\n" + strings.Repeat("\t_ = 0\n", 16) + "\t_ = 0 // \u202eadmin\u2066\n}\n"
	tab.Do(t, wait, chromedp.Navigate(shareLink(base, "en-channels-2", []byte(code))), chromedp.WaitReady(root+` .pg-mark`), chromedp.ScrollIntoView(root+` .pg-mark`))
	at := browser.Get(t, tab, wait, chromedp.Evaluate[[]float64](`(() => {
	  const root = document.querySelector('`+root+`');
	  const text = root.querySelector('.pg-lines').firstChild;
	  const start = text.data.indexOf('\n20\n') + 1;
	  const line = document.createRange();
	  line.setStart(text, start);
	  line.setEnd(text, start + 2);
	  const m = root.querySelector('.pg-mark').getBoundingClientRect(), l = line.getBoundingClientRect();
	  return [m.top, m.bottom, l.top, l.bottom];
	})()`))
	if len(at) != 4 || at[0] > at[2]+3 || at[1] < at[3]-3 || at[1]-at[0] > 1.5*(at[3]-at[2])+3 {
		t.Errorf("on a touch screen, the mark of line 20 spans %v px (top, bottom), line 20 %v: want it over the line", at[:2], at[2:])
	}
}

// TestBrowserPhoneContents: where the table of contents has no column
// (a phone, 360×740, and a medium window), "On this page" is a disclosure
// under the page's title, closed, that opens on a tap and whose links
// lead to their sections; on a wide screen it is the column, and the
// disclosure is not shown.
func TestBrowserPhoneContents(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	base := browser.Serve(t, buildReal(t))
	const wait = 20 * time.Second
	for _, c := range []struct {
		page, title string
		w, h        int64
	}{{"/en/channels/", "On this page", 360, 740}, {"/pt/canais/", "Nesta página", 360, 740}, {"/en/memory/", "On this page", 900, 700}} {
		tab.Do(t, wait, chromedp.EmulateViewport(c.w, c.h), chromedp.Navigate(base+c.page), chromedp.WaitReady(`body`))
		got := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`(() => {
		  const d = document.querySelector('.toc-inline');
		  if (!d) return ['none'];
		  const s = d.querySelector('summary').getBoundingClientRect();
		  const h1 = document.querySelector('h1').getBoundingClientRect();
		  return [String(d.open), d.querySelector('summary').textContent, String(s.top >= h1.bottom && s.top < innerHeight / 2), String(s.height >= 36),
		    String(document.querySelector('aside.toc').getClientRects().length)];
		})()`))
		if len(got) != 5 || got[0] != "false" || got[1] != c.title || got[2] != "true" || got[3] != "true" || got[4] != "0" {
			t.Errorf("%s at %d px: the contents' disclosure (open, words, under the title in the screen's top half, 36 px tall, the column's boxes) = %v; want closed, %q, true, true, 0", c.page, c.w, got, c.title)
			continue
		}
		tab.Do(t, wait, chromedp.Click(`.toc-inline summary`))
		links := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.toc-inline a')].filter((a) => a.getClientRects().length).map((a) => a.hash)`))
		want := browser.Get(t, tab, wait, chromedp.Evaluate[[]string](`[...document.querySelectorAll('aside.toc a')].map((a) => a.hash)`))
		if len(links) < 4 || strings.Join(links, " ") != strings.Join(want, " ") {
			t.Errorf("%s at %d px: opened, the disclosure shows %v; want the contents %v", c.page, c.w, links, want)
			continue
		}
		last := links[len(links)-1]
		tab.Do(t, wait, chromedp.Click(`.toc-inline a[href="`+last+`"]`))
		at := browser.Get(t, tab, wait, chromedp.Poll[[]float64](`location.hash === '`+last+`' && scrollY > 0 && document.getElementById(decodeURIComponent(location.hash.slice(1))).getBoundingClientRect().top < innerHeight ? [scrollY] : null`))
		if len(at) != 1 || at[0] == 0 {
			t.Errorf("%s at %d px: following %s left the page at %v", c.page, c.w, last, at)
		}
	}
	tab.Do(t, wait, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(`body`))
	if got := browser.Get(t, tab, wait, chromedp.Evaluate[[]int](`[document.querySelector('.toc-inline').getClientRects().length, document.querySelector('aside.toc').getClientRects().length]`)); got[0] != 0 || got[1] != 1 {
		t.Errorf("at 1280 px: the disclosure has %d boxes, the column %d; want the column alone", got[0], got[1])
	}
}
