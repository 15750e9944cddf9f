package generator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/goexpert/gointernals/generator/diagram"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// diagramReport measures, as Chromium lays them out, every diagram of the
// page: the smallest text in CSS pixels, and each label that leaves the
// drawing or the shape it sits in. A label "sits in" the smallest rect or
// circle of its group that contains its anchor point, which is how the
// drawing code places box labels. Stepped diagrams are shown whole first.
const diagramReport = `(() => {
  document.querySelectorAll('[data-step-action="all"]').forEach(b => b.click());
  const out = [];
  for (const svg of document.querySelectorAll('figure.diagram svg')) {
    const name = svg.closest('figure').dataset.diagram;
    const vb = svg.viewBox.baseVal;
    const r = svg.getBoundingClientRect();
    const scale = r.width / vb.width;
    let minPx = Infinity;
    const problems = [];
    if (r.left < -0.5 || r.right > innerWidth + 0.5) problems.push('the drawing spans ' + r.left.toFixed(1) + '..' + r.right.toFixed(1) + ' px of a ' + innerWidth + ' px screen');
    const shapes = [...svg.querySelectorAll('rect, circle')].map(s => ({s, b: s.getBBox()}));
    for (const t of svg.querySelectorAll('text')) {
      const size = parseFloat(t.getAttribute('font-size'));
      minPx = Math.min(minPx, size * scale);
      const b = t.getBBox();
      const tol = 1;
      if (b.x < vb.x - tol || b.y < vb.y - tol || b.x + b.width > vb.x + vb.width + tol || b.y + b.height > vb.y + vb.height + tol) {
        problems.push('"' + t.textContent + '" leaves the drawing');
      }
      const ax = parseFloat(t.getAttribute('x')), ay = parseFloat(t.getAttribute('y'));
      let host = null;
      for (const {s, b: sb} of shapes) {
        if (s.parentNode !== t.parentNode || s.classList.contains('area')) continue;
        if (ax >= sb.x && ax <= sb.x + sb.width && ay >= sb.y && ay <= sb.y + sb.height &&
            (!host || sb.width * sb.height < host.b.width * host.b.height)) host = {s, b: sb};
      }
      if (host && (b.x < host.b.x - tol || b.x + b.width > host.b.x + host.b.width + tol)) {
        problems.push('"' + t.textContent + '" is ' + b.width.toFixed(1) + ' wide in a ' + host.s.tagName + ' ' + host.b.width.toFixed(1) + ' wide');
      }
    }
    out.push({name, minPx, problems});
  }
  if (document.documentElement.scrollWidth > innerWidth) out.push({name: '(page)', minPx: 99, problems: ['the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide']});
  return JSON.stringify(out);
})()`

type diagramMeasure struct {
	Name     string
	MinPx    float64
	Problems []string
}

// TestBrowserDiagrams renders every page with diagrams in Chromium, on a
// 360 px phone and on a wide screen: no label leaves its shape or the
// drawing in the fonts the browser really uses (the layout works from a
// metrics table, this checks it), no text is under 11 px, every diagram of
// the catalogue appears in both languages, and the stepped diagrams step.
func TestBrowserDiagrams(t *testing.T) {
	tab := browser.New(t)
	out := buildReal(t)
	base := browser.Serve(t, out)
	const wait = 20 * time.Second

	pages := pagesWithDiagrams(t, out)
	seen := map[string]int{}
	for _, width := range []int64{360, 1280} {
		tab.Do(t, wait, chromedp.EmulateViewport(width, 800))
		for _, page := range pages {
			tab.Do(t, wait, chromedp.Navigate(base+page), chromedp.WaitReady("figure.diagram svg"))
			raw := browser.Get(t, tab, wait, chromedp.Evaluate[string](diagramReport))
			var ms []diagramMeasure
			if err := json.Unmarshal([]byte(raw), &ms); err != nil {
				t.Fatalf("reading the page's report: %v (%.200s)", err, raw)
			}
			for _, m := range ms {
				if width == 360 && m.Name != "(page)" {
					seen[m.Name]++
					if m.MinPx < 11-0.05 {
						t.Errorf("%s %s at 360 px: smallest text %.2f px, under 11", page, m.Name, m.MinPx)
					}
				}
				for _, p := range m.Problems {
					t.Errorf("%s %s at %d px: %s", page, m.Name, width, p)
				}
			}
		}
	}
	for _, name := range diagram.Names() {
		if seen[name] != 2 {
			t.Errorf("diagram %s is on %d pages; want one per language", name, seen[name])
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// pagesWithDiagrams lists the URL paths of built pages that hold a diagram.
func pagesWithDiagrams(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	eachHTML(t, out, func(rel string, b []byte) {
		if strings.Contains(string(b), `<figure class="diagram"`) {
			pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		}
	})
	slices.Sort(pages)
	if len(pages) == 0 {
		t.Fatal("no page holds a diagram")
	}
	return pages
}

// TestBrowserDiagramSteps steps through the tri-color marking: one step
// at a time, by buttons and by arrow keys, the drawing cropped to it, and
// all steps back on request. The built HTML (no JavaScript) holds them all.
func TestBrowserDiagramSteps(t *testing.T) {
	tab := browser.New(t)
	out := buildReal(t)
	base := browser.Serve(t, out)
	const wait = 20 * time.Second
	const fig = `figure[data-diagram="tricolor"]`

	html, err := os.ReadFile(filepath.Join(out, "en", "allocator-and-gc", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(html), `<g class="step"`); n != 6 {
		t.Fatalf("the page holds %d steps without JavaScript; want all 6", n)
	}

	state := func() (shown []int, status, viewBox string) {
		type st struct {
			Shown   []int
			Status  string
			ViewBox string
		}
		raw := browser.Get(t, tab, wait, chromedp.Evaluate[string](`(() => {
		  const f = document.querySelector('`+fig+`');
		  const shown = [...f.querySelectorAll('g.step')].filter(g => getComputedStyle(g).display !== 'none').map(g => +g.dataset.step);
		  return JSON.stringify({Shown: shown, Status: f.querySelector('.steps .status').textContent, ViewBox: f.querySelector('svg').getAttribute('viewBox')});
		})()`))
		var s st
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			t.Fatal(err)
		}
		return s.Shown, s.Status, s.ViewBox
	}
	tab.Do(t, wait, chromedp.Navigate(base+"/en/allocator-and-gc/"), chromedp.WaitVisible(fig+` .steps`))
	shown, status, first := state()
	if !slices.Equal(shown, []int{1}) || status != "Step 1 of 6" {
		t.Fatalf("at load: steps %v shown, status %q; want step 1 alone", shown, status)
	}
	tab.Do(t, wait, chromedp.Click(fig+` [data-step-action="next"]`))
	shown, status, second := state()
	if !slices.Equal(shown, []int{2}) || status != "Step 2 of 6" || second == first {
		t.Errorf("after Next: steps %v, status %q, viewBox %q (was %q)", shown, status, second, first)
	}
	tab.Do(t, wait, chromedp.Focus(fig+` [data-step-action="next"]`), chromedp.KeyEvent(kb.ArrowRight))
	if shown, status, _ = state(); !slices.Equal(shown, []int{3}) || status != "Step 3 of 6" {
		t.Errorf("after the right arrow key: steps %v, status %q", shown, status)
	}
	tab.Do(t, wait, chromedp.Click(fig+` [data-step-action="all"]`))
	shown, _, _ = state()
	if len(shown) != 6 {
		t.Errorf("All steps shows %v", shown)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
