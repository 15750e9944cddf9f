package generator

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
// axe-core finds nothing serious in the playground so marked. With the
// Interpreter picked, the interpreter's first error is followed by the
// Go toolchain's list when the toolchain is loaded (go build's, which
// the test runs), and by a note that the compiler may find more when it
// is not. The marks follow the reader's edits.
func TestBrowserCompileErrors(t *testing.T) {
	t.Parallel()
	tab, base := freshChannels(t, 10*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	q := `document.querySelector('` + root + `')`
	s := newScenario(t, tab, base+"/en/channels/", id)
	// check runs code on engine, as the step what, and wants the output
	// want ("" for go build's list of errors) on wantEngine, with a note
	// that says note.
	check := func(what, engine, code, want, wantEngine, wantNote string, then ...func(t *testing.T)) bool {
		t.Helper()
		return s.step(what+", "+engine, func(t *testing.T) {
			defer func() {
				for _, f := range then {
					f(t)
				}
			}()
			pickEngine(t, tab, id, engine)
			typeCode(t, tab, id, code)
			if want == "" {
				want = goBuildErrors(t, editorValue(t, tab, id))
			}
			state, output, status := runPlayground(t, tab, id, 180*time.Second)
			got, note := engineOf(t, tab, id)
			if state != "error" || output != want || got != wantEngine || !strings.Contains(status, "exit status 1") {
				t.Errorf("%s: state %s, engine %s, output %q, status %q; want %q on the %s engine", engine, state, got, output, status, want, wantEngine)
			}
			if !strings.Contains(note, wantNote) {
				t.Errorf("%s: the note says %q; want %q", engine, note, wantNote)
			}
			var lines []string // each line once
			for _, l := range positioned(want) {
				if n := strings.SplitN(l, ":", 3)[0]; !slices.Contains(lines, n) {
					lines = append(lines, n)
				}
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
			for i, l := range positioned(want) {
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
		})
	}
	two := "package main\n\nfunc main() {\nx := 1\ny = 2\n}\n"
	twoErrors := goRunsWords("4:2: declared and not used: x\n5:2: undefined: y\n")
	// Four errors on four lines: the interpreter finds the second and
	// stops there; the source pass's check adds the first.
	four := "package main\n\nimport \"fmt\"\n\nfunc main() {\nx := 1\ny = 2\nfmt.Println(z)\nfmt.Println(\"a\" * 2)\n}\n"
	firstOfFour := goRunsWords("6:2: declared and not used: x\n7:2: undefined: y\n")
	const (
		mayFindMore = "stops at the first compile error it finds itself; the Go compiler may find more"
		listed      = "Every error, as the Go compiler lists them."
		picked      = "Run with the Go toolchain."
	)
	// Before the toolchain is loaded or cached, the interpreter's errors,
	// and a note that the Go compiler may find more: nothing is
	// downloaded for the rest.
	check("four errors before the toolchain", "fast", four, firstOfFour, "fast", mayFindMore, func(t *testing.T) {
		if browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`'pgExactReady' in document.documentElement.dataset`)) {
			t.Error("the interpreter's errors loaded the Go toolchain")
		}
	})
	// The toolchain loaded by the step before: the interpreter picked,
	// its first error is followed by go build's whole list.
	if check("two errors", "auto", two, twoErrors, "exact", "needs the Go compiler") {
		check("two errors, the toolchain loaded", "fast", two, twoErrors, "fast", listed)
		check("four errors, the toolchain loaded", "fast", four, "", "fast", listed)
	} else {
		t.Log("not run, the Go toolchain built no program: the interpreter's errors followed by go build's list")
	}
	check("two errors", "exact", two, twoErrors, "exact", picked)
	// A column past letters of two bytes: Go counts bytes, the editor
	// characters.
	accents := "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"héllo\", y)\n}\n"
	check("a column past two-byte letters", "fast", accents, goRunsWords("6:24: undefined: y\n"), "fast", listed)
	check("a column past two-byte letters", "exact", accents, goRunsWords("6:24: undefined: y\n"), "exact", picked)
	// Syntax errors on Automatic: go build's words and positions, not
	// go/parser's ("missing ',' before newline in argument list").
	syntax := "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"a\"\nx := [3]int{1, 2 3}\n}\n"
	// The marks and the buttons pass axe-core in both colour schemes.
	marked := check("syntax errors", "auto", syntax, "", "exact", "needs the Go compiler")
	s.step("axe-core on the marks", func(t *testing.T) {
		if !marked {
			t.Fatal("no marks to check: the step before failed")
		}
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
	})

	// The marks follow edits, as in a good editor: a line typed above a
	// marked line moves its mark, and its position's button leads to where
	// the line went; editing a marked line keeps its mark, joining it to
	// the line above takes the mark there; a mark goes with its line, and
	// the editor is no longer invalid once none is left.
	if check("two errors, before edits", "exact", two, twoErrors, "exact", picked) {
		s.step("marks follow edits", func(t *testing.T) {
			ed := q + `.querySelector('[data-editor]')`
			edit := func(what, js, key, want string) {
				t.Helper()
				tab.Do(t, 10*time.Second,
					chromedp.Evaluate[chromedp.Void](`(() => { const a = `+ed+`; a.focus(); const v = a.value; `+js+` })()`),
					chromedp.KeyEvent(key))
				got := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`[...`+q+`.querySelectorAll('.pg-mark')].map((m) => m.style.getPropertyValue('--line')).join(' ') + '/' + `+ed+`.getAttribute('aria-invalid')`))
				if got != want {
					t.Errorf("%s: marked lines/aria-invalid %q, want %q (the editor holds %q)", what, got, want, editorValue(t, tab, id))
				}
			}
			edit("a line typed above the marks", `const i = v.indexOf('{') + 1; a.setSelectionRange(i, i);`, "\r", "5 6/true")
			tab.Do(t, 10*time.Second, chromedp.Click(root+` .pg-at`))
			caret := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](ed+`.selectionStart`))
			if want := offsetOf(editorValue(t, tab, id), "5", "2"); caret != want {
				t.Errorf("after a line typed above it, clicking 4:2 put the caret at %d; want %d, line 5 where the line went", caret, want)
			}
			edit("a marked line edited", `const i = v.indexOf('y = 2') + 5; a.setSelectionRange(i, i);`, "0", "5 6/true")
			edit("a marked line deleted", `const i = v.indexOf('\tx'); a.setSelectionRange(i, v.indexOf('\n', i) + 1);`, "\b", "5/true")
			edit("a marked line joined to the one above", `const i = v.indexOf('\ty'); a.setSelectionRange(i, i);`, "\b", "4/true")
			edit("the last marked line deleted", `const i = v.lastIndexOf('\n', v.indexOf('y =')) + 1; a.setSelectionRange(i, v.indexOf('\n', i) + 1);`, "\b", "/null")
		})
	} else {
		t.Log("not run, the step before failed: marks follow edits")
	}

	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// goBuildErrors returns what go build prints for the program src, as
// main.go of a directory of its own, which does not compile (go run
// prints the same), and which the page must print.
func goBuildErrors(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, "main.go")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("go build compiled %q", src)
	}
	if len(positioned(string(out))) < 2 {
		t.Fatalf("go build: %s; want at least two errors", out)
	}
	return string(out)
}

// goRunsWords is lines, "line:col: message" each, as go run prints a
// program's compile errors: the package's line first, the file named from
// the directory go runs in.
func goRunsWords(lines string) string {
	return "# command-line-arguments\n./main.go:" + strings.ReplaceAll(strings.TrimSuffix(lines, "\n"), "\n", "\n./main.go:") + "\n"
}

// positioned is output's lines that name a position in the program, that
// position first ("line:col: message").
func positioned(output string) []string {
	var lines []string
	for _, l := range strings.Split(output, "\n") {
		if l, ok := strings.CutPrefix(l, "./main.go:"); ok {
			lines = append(lines, l)
		}
	}
	return lines
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

// TestBrowserTypeErrorsHandedOver: on Automatic, a program Go's compiler
// rejects for what only types tell (a mismatch through a function value,
// a constant expression that overflows), and that the interpreter ran,
// printing "7 -9223372036854775808", is handed to the Go toolchain,
// which shows go build's errors and exit status 1; a 50-line program
// that compiles stays in the interpreter, its time with the check
// printed.
func TestBrowserTypeErrorsHandedOver(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	pickEngine(t, tab, id, "auto")
	code := "package main\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\n\nfunc main() {\n\tparse := strconv.Atoi\n\tn := parse(\"7\")\n\tfmt.Println(n, int64(1)<<63)\n}\n"
	typeCode(t, tab, id, code)
	want := goBuildErrors(t, editorValue(t, tab, id))
	state, output, status := runPlayground(t, tab, id, 180*time.Second)
	engine, note := engineOf(t, tab, id)
	if state != "error" || output != want || engine != "exact" || !strings.Contains(status, "exit status 1") {
		t.Errorf("state %s, engine %s, output %q, status %q; want %q from the Go toolchain", state, engine, output, status, want)
	}
	if !strings.Contains(note, "needs the Go compiler") {
		t.Errorf("the note says %q", note)
	}
	var fifty strings.Builder
	fifty.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\ntype point struct{ x, y int }\n\nfunc (p point) text() string { return fmt.Sprintf(\"(%d,%d)\", p.x, p.y) }\n\nfunc main() {\n\tvar b strings.Builder\n")
	for i := 0; strings.Count(fifty.String(), "\n") < 48; i++ {
		fmt.Fprintf(&fifty, "\tb.WriteString(point{%d, %d}.text())\n", i, i*i)
	}
	fifty.WriteString("\tfmt.Println(b.Len())\n}\n")
	setCode(t, tab, id, fifty.String())
	start := time.Now()
	state, output, _ = runPlayground(t, tab, id, 60*time.Second)
	took := time.Since(start)
	if engine, _ := engineOf(t, tab, id); state == "error" || engine != "fast" {
		t.Errorf("the 50-line program: state %s on the %s engine, output %q", state, engine, output)
	}
	t.Logf("a 50-line program on Automatic, the interpreter with the check: %v in the page", took)
}
