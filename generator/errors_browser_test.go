package generator

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserCompileErrors holds issue 17's sixth outcome: every compile
// error go build reports is shown, on Automatic and on either engine;
// each error's line is marked in the editor (a mark over the line, the
// editor aria-invalid and described by the output); each line:col is a
// button that puts the editor's caret there, the column counted in bytes
// as Go counts it; the output holds no element but those buttons, and
// axe-core finds nothing serious in the playground so marked.
func TestBrowserCompileErrors(t *testing.T) {
	tab, _, _ := onChannels(t)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	q := `document.querySelector('` + root + `')`
	check := func(engine, code, want, wantEngine string) {
		t.Helper()
		pickEngine(t, tab, id, engine)
		typeCode(t, tab, id, code)
		state, output, status := runPlayground(t, tab, id, 180*time.Second)
		got, note := engineOf(t, tab, id)
		if state != "error" || output != want || got != wantEngine || !strings.Contains(status, "exit status 1") {
			t.Errorf("%s: state %s, engine %s, output %q, status %q; want %q on the %s engine", engine, state, got, output, status, want, wantEngine)
		}
		if engine == "fast" && !strings.Contains(note, "stops at the first compile error") {
			t.Errorf("%s: the note says %q; want it to say the interpreter stops at its first error", engine, note)
		}
		var lines []string
		for _, l := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
			lines = append(lines, strings.SplitN(l, ":", 3)[0])
		}
		marked := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`[...`+q+`.querySelectorAll('.pg-mark')].map((m) => m.style.getPropertyValue('--line')).join(' ')`))
		if marked != strings.Join(lines, " ") {
			t.Errorf("%s: lines marked %q, want %q", engine, marked, strings.Join(lines, " "))
		}
		aria := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`(() => {
			const a = `+q+`.querySelector('[data-editor]');
			const d = document.getElementById(a.getAttribute('aria-describedby'));
			return a.getAttribute('aria-invalid') + ' ' + (d && d.hasAttribute('data-output'));
		})()`))
		if aria != "true true" {
			t.Errorf("%s: the editor's aria-invalid and description by the output: %q", engine, aria)
		}
		if n := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](q+`.querySelectorAll('[data-output] *:not(span, button.pg-at)').length`)); n != 0 {
			t.Errorf("%s: the output holds %d elements other than text and position buttons", engine, n)
		}
		value := editorValue(t, tab, id)
		for i, l := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
			f := strings.SplitN(l, ":", 3)
			tab.Do(t, 10*time.Second,
				chromedp.Evaluate[chromedp.Void](q+`.querySelectorAll('.pg-at')[`+string(rune('0'+i))+`]?.setAttribute('id', 'clicked-at')`),
				chromedp.Click(`#clicked-at`),
			)
			caret := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`document.activeElement === `+q+`.querySelector('[data-editor]') ? document.activeElement.selectionStart : -1`))
			if want := offsetOf(value, f[0], f[1]); caret != want {
				t.Errorf("%s: clicking %s:%s put the caret at %d, want %d (line %s, byte column %s, in the focused editor)", engine, f[0], f[1], caret, want, f[0], f[1])
			}
			tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.getElementById('clicked-at').removeAttribute('id')`))
		}
	}
	two := "package main\n\nfunc main() {\nx := 1\ny = 2\n}\n"
	const twoErrors = "4:2: declared and not used: x\n5:2: undefined: y\n"
	check("auto", two, twoErrors, "exact")
	check("fast", two, twoErrors, "fast")
	check("exact", two, twoErrors, "exact")
	// A column past letters of two bytes: Go counts bytes, the editor
	// characters.
	accents := "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"héllo\", y)\n}\n"
	check("fast", accents, "6:24: undefined: y\n", "fast")
	check("exact", accents, "6:24: undefined: y\n", "exact")
	// The marks and the buttons pass axe-core in both colour schemes.
	for _, scheme := range []string{"light", "dark"} {
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = '`+scheme+`'`))
		found := browser.Get(t, tab, 60*time.Second, chromedp.Evaluate[[]string](axeSource+`;
axe.run(`+q+`, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
  .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`, chromedp.EvalAwaitPromise))
		for _, v := range found {
			t.Errorf("errors shown (%s): %s", scheme, v)
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// offsetOf returns the editor's offset (UTF-16 units) of Go's line:col
// (col in bytes) in src.
func offsetOf(src, line, col string) int {
	var l, c int
	for _, d := range line {
		l = 10*l + int(d-'0')
	}
	for _, d := range col {
		c = 10*c + int(d-'0')
	}
	lines := strings.SplitAfter(src, "\n")
	off := 0
	for _, s := range lines[:l-1] {
		off += utf16Len(s)
	}
	prefix := lines[l-1][:c-1]
	if !utf8.ValidString(prefix) {
		return -2
	}
	return off + utf16Len(prefix)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xffff {
			n += 2
		} else {
			n++
		}
	}
	return n
}
