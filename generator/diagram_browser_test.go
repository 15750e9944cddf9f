package generator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
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
	t.Parallel()
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
// at a time, by buttons and by arrow keys, the drawing cropped to it with
// the legend under it in every step, and all steps back on request. The
// built HTML (no JavaScript) holds them all.
func TestBrowserDiagramSteps(t *testing.T) {
	t.Parallel()
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
	// The legend shows under every step: inside the drawing as cropped,
	// below the step, not over it.
	legend := func() string {
		return browser.Get(t, tab, wait, chromedp.Evaluate[string](`(() => {
		  const f = document.querySelector('`+fig+`');
		  const svg = f.querySelector('svg').getBoundingClientRect();
		  const l = f.querySelector('g.legend').getBoundingClientRect();
		  const step = [...f.querySelectorAll('g.step')].find(g => getComputedStyle(g).display !== 'none').getBoundingClientRect();
		  if (l.height === 0) return 'no legend';
		  if (l.top < svg.top - 1 || l.bottom > svg.bottom + 1) return 'legend at ' + l.top.toFixed(1) + '..' + l.bottom.toFixed(1) + ' px, the drawing ' + svg.top.toFixed(1) + '..' + svg.bottom.toFixed(1);
		  if (l.top < step.bottom) return 'legend from ' + l.top.toFixed(1) + ' px, over the step, which ends at ' + step.bottom.toFixed(1);
		  return '';
		})()`))
	}
	tab.Do(t, wait, chromedp.Click(fig+` [data-step-action="all"]`), chromedp.Click(fig+` [data-step-action="one"]`))
	for i := 1; ; i++ {
		if shown, _, _ = state(); !slices.Equal(shown, []int{i}) {
			t.Fatalf("stepping from the first to the last: steps %v shown; want %d", shown, i)
		}
		if problem := legend(); problem != "" {
			t.Errorf("step %d: %s", i, problem)
		}
		if i == 6 {
			break
		}
		tab.Do(t, wait, chromedp.Click(fig+` [data-step-action="next"]`))
	}
	tab.Do(t, wait, chromedp.Click(fig+` [data-step-action="all"]`))
	shown, _, _ = state()
	if len(shown) != 6 {
		t.Errorf("All steps shows %v", shown)
	}
	if problem := legend(); problem != "" {
		t.Errorf("all steps: %s", problem)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// diagramContrast measures, in every diagram of the page as Chromium
// colours it, the WCAG contrast of each text against the fill behind it
// and of each shape and line against what it sits on. What is behind a
// point is worked out as the browser paints it: the page's background,
// then every earlier shape of the drawing that covers the point, in
// document order, each composited with its opacity. A text is taken at the
// centre of its box (labels stay inside their shapes: TestBrowserDiagrams);
// a shape at its centre, among the shapes drawn before it, and it stands
// out by its stroke or by its fill, whichever contrasts more (WCAG 1.4.11);
// a line at its midpoint. Stepped diagrams are shown whole first.
const diagramContrast = `(() => {
  document.querySelectorAll('[data-step-action="all"]').forEach(b => b.click());
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (c, alpha, bg) => [0, 1, 2].map(i => c[i] * alpha + bg[i] * (1 - alpha));
  const lum = (c) => {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  // paint is the colour el's fill or stroke puts over bg, or null.
  const paint = (el, prop, bg) => {
    const cs = getComputedStyle(el);
    const c = parse(cs[prop]);
    if (!c) return null;
    if (prop === 'stroke' && parseFloat(cs.strokeWidth) === 0) return null;
    const a = c[3] * parseFloat(prop === 'fill' ? cs.fillOpacity : cs.strokeOpacity) * opacity(el);
    return over(c, a, bg);
  };
  const page = (el) => {
    const layers = [];
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] === 1) break; }
    }
    let bg = [255, 255, 255];
    for (const c of layers.reverse()) bg = over(c, c[3], bg);
    return bg;
  };
  const name = (el) => el.tagName + (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\s+/).join('.') : '') +
    (el.tagName === 'text' ? ' "' + el.textContent + '"' : '');
  const out = [];
  for (const svg of document.querySelectorAll('figure.diagram svg')) {
    const fig = svg.closest('figure').dataset.diagram;
    const shapes = [...svg.querySelectorAll('rect, circle, ellipse, path, polygon')].filter(s => !s.closest('defs') && s.checkVisibility());
    const pageBg = page(svg);
    // behind is the colour under point (x, y) of el's user space, from
    // the shapes drawn before el.
    const behind = (el, x, y) => {
      const at = new DOMPoint(x, y).matrixTransform(el.getCTM());
      let bg = pageBg;
      for (const s of shapes) {
        if (s === el || !(s.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        if (!s.isPointInFill(at.matrixTransform(s.getCTM().inverse()))) continue;
        bg = paint(s, 'fill', bg) || bg;
      }
      return bg;
    };
    for (const t of svg.querySelectorAll('text')) {
      if (!t.checkVisibility()) continue;
      const b = t.getBBox();
      const bg = behind(t, b.x + b.width / 2, b.y + b.height / 2);
      const fg = paint(t, 'fill', bg);
      out.push({diagram: fig, element: name(t), ratio: fg ? ratio(fg, bg) : 1, want: 4.5});
    }
    for (const s of shapes) {
      let x, y;
      if (s.classList.contains('ln')) {
        const p = s.getPointAtLength(s.getTotalLength() / 2);
        [x, y] = [p.x, p.y];
      } else {
        const b = s.getBBox();
        [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
      }
      const bg = behind(s, x, y);
      const stroke = paint(s, 'stroke', bg), fill = paint(s, 'fill', bg);
      const r = Math.max(stroke ? ratio(stroke, bg) : 1, fill ? ratio(fill, bg) : 1);
      out.push({diagram: fig, element: name(s) + ' at ' + Math.round(x) + ',' + Math.round(y), ratio: r, want: 3});
    }
  }
  return JSON.stringify(out);
})()`

type contrastMeasure struct {
	Diagram, Element string
	Ratio, Want      float64
}

// TestBrowserDiagramContrast holds every diagram of every page to WCAG AA
// in every colour scheme a reader can get: light and dark as chosen with
// the theme toggle, and dark as the system asks for it without a choice.
// Text needs 4.5:1 against the fill behind it, shapes and lines 3:1
// against what they sit on (diagramContrast says how each is measured).
func TestBrowserDiagramContrast(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildReal(t)
	base := browser.Serve(t, out)
	const wait = 20 * time.Second

	schemes := []struct{ name, theme, system string }{
		{"light", "light", "dark"},
		{"dark", "dark", "light"},
		{"system dark", "", "dark"},
	}
	pages := pagesWithDiagrams(t, out)
	checked := 0
	for _, page := range pages {
		tab.Do(t, wait, chromedp.Navigate(base+page), chromedp.WaitReady("figure.diagram svg"))
		for _, s := range schemes {
			if _, err := chromedp.Call(tab.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s.system}},
			}); err != nil {
				t.Fatal(err)
			}
			set := `delete document.documentElement.dataset.theme`
			if s.theme != "" {
				set = `document.documentElement.dataset.theme = '` + s.theme + `'`
			}
			tab.Do(t, wait, chromedp.Evaluate[chromedp.Void](set))
			raw := browser.Get(t, tab, wait, chromedp.Evaluate[string](diagramContrast))
			var ms []contrastMeasure
			if err := json.Unmarshal([]byte(raw), &ms); err != nil {
				t.Fatalf("reading the page's report: %v (%.200s)", err, raw)
			}
			for _, m := range ms {
				checked++
				if m.Ratio < m.Want {
					t.Errorf("%s %s (%s): %s has %.2f:1, want %.1f:1", page, m.Diagram, s.name, m.Element, m.Ratio, m.Want)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("measured %d texts and shapes; the diagrams have hundreds", checked)
	}
	t.Logf("%d measures on %d pages in %d schemes", checked, len(pages), len(schemes))
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
