package generator

import (
	"context"
	"encoding/json"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
	"github.com/goexpert/gointernals/generator/snippet"
	"golang.org/x/net/html"
)

// buildWithPlayground builds the real site with its playgrounds, the
// interpreter compiled to WebAssembly (cached across runs by its sources).
// Tests only read the result, so one build per time limit serves them all.
func buildWithPlayground(t testing.TB, limit time.Duration) string {
	t.Helper()
	playgroundSites.Lock()
	defer playgroundSites.Unlock()
	if out, ok := playgroundSites.dirs[limit]; ok {
		return out
	}
	out := filepath.Join(sitesDir, fmt.Sprintf("public-%v", limit))
	_, err := Build(context.Background(), Config{
		Content: os.DirFS("../content"), ContentLabel: "content", OutDir: out, BaseURL: testBaseURL,
		SnippetCache: snippetCache,
		Playground:   &PlaygroundConfig{ModuleDir: "..", TimeLimit: limit},
	})
	if err != nil {
		t.Fatal(err)
	}
	playgroundSites.dirs[limit] = out
	return out
}

var playgroundSites = struct {
	sync.Mutex
	dirs map[time.Duration]string
}{dirs: map[time.Duration]string{}}

func readManifest(t *testing.T, out string) []snippet.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "snippets.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rs []snippet.Result
	if err := json.Unmarshal(b, &rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

func pageURL(page string) string {
	// content/pt/canais.md → /pt/canais/
	p := strings.TrimSuffix(strings.TrimPrefix(page, "content"), ".md")
	return strings.TrimSuffix(p, "/index") + "/"
}

func sortedLines(s string) string {
	l := strings.Split(s, "\n")
	slices.Sort(l)
	return strings.Join(l, "\n")
}

// runPlayground clicks Run in the playground id and waits for the end of
// that run. The click is the button's own (a mouse's, at coordinates,
// may land as the page's layout moves on a busy machine), and the state
// the last run left is cleared first, so that a click that started
// nothing fails the wait instead of returning the last run's output.
func runPlayground(t *testing.T, tab *browser.Tab, id string, wait time.Duration) (state, output, status string) {
	t.Helper()
	root := `[data-playground="` + id + `"]`
	tab.Do(t, wait,
		chromedp.WaitVisible(root+` [data-action="run"]`),
		chromedp.Evaluate[chromedp.Void](`(() => {
		  const root = document.querySelector('`+root+`');
		  if (root.dataset.state === 'done' || root.dataset.state === 'error') root.dataset.state = 'idle';
		  root.querySelector('[data-action="run"]').click();
		})()`),
	)
	browser.Get(t, tab, wait, ended(root))
	state = browser.Get(t, tab, wait, browser.Attribute(root, "data-state")).Value
	output = browser.Get(t, tab, wait, chromedp.TextContent(root+` [data-output]`))
	status = browser.Get(t, tab, wait, chromedp.TextContent(root+` .pg-status`))
	return
}

// ended waits for the run of the playground root to end (its state done
// or error), seen by the page on each change of its DOM: chromedp's
// WaitVisible asks every 5 ms, a query and a visibility check each time,
// which for a run of seconds was thousands of round trips through the
// browser process and the page's main thread.
func ended(root string) chromedp.Action[bool] {
	return chromedp.Poll[bool](`!!document.querySelector('`+root+`[data-state="done"], `+root+`[data-state="error"]')`,
		chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0))
}

// exampleGuard is the longest an example of the site may run in the page
// (ms): each takes well under a second on an idle machine.
const exampleGuard = 3000

// TestBrowserPlaygroundsRunLikeTheBuild runs every playground of the site
// in Chromium and checks it prints what the build's validation recorded
// (for a program written {output="pattern"}, what matches the pattern the
// build matched), on the engine the build recorded (a program written
// {engine="exact"} on the Go toolchain with the reader's pick on the
// interpreter), and how long each takes to run there. It runs alone, not
// in parallel with other tests, which would take a share of the time
// each example is held to (exampleGuard).
//
// A program is run once: a twin whose code differs from one already run
// only in its comments (translated; the build holds twins to the same
// tokens), with the same attributes in its page (GODEBUG), on the same
// engine, with the same recorded output, is not run again. The page runs
// them alike (what the language changes, the page's words, others hold),
// and the twins were half of this test's work: 137 s of Chromium's CPU run alone, 12 pages
// opened, each loading its engines afresh.
func TestBrowserPlaygroundsRunLikeTheBuild(t *testing.T) {
	tab := browser.New(t)
	// The time limit is not what this test holds (others do): a longer one
	// lets the test say what the page prints, and how long it took, on a
	// busy machine.
	out := buildWithPlayground(t, 30*time.Second)
	base := browser.Serve(t, out)
	ran, twins := 0, 0
	current := ""
	seen := map[string]string{} // a program's sameProgram key: the playground that ran it
	pages := loadBuilt(t, out)
	for _, r := range readManifest(t, out) {
		if r.Kind != snippet.Program || r.Status != snippet.StatusOK {
			continue
		}
		key := sameProgram(t, pages, r)
		if first, ok := seen[key]; ok {
			t.Logf("%s: not run again, the program of %s", r.ID, first)
			twins++
			continue
		}
		seen[key] = r.ID
		if u := pageURL(r.Page); u != current {
			current = u
			tab.Do(t, 60*time.Second, chromedp.Navigate(base+u), chromedp.WaitReady(`[data-playground] [data-action="run"]`))
		}
		// A program whose author fixed the engine runs with the Go
		// toolchain even when the reader picked the interpreter.
		pick := "auto"
		if r.Fixed {
			pick = "fast"
		}
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('[data-engine-pick]').forEach((s) => { s.value = '`+pick+`'; })`))
		// The wait covers loading an engine, which data-run-ms leaves out
		// (a page's first run took past 30 s at a load of 14); the run
		// itself is held to exampleGuard below.
		state, output, status := runPlayground(t, tab, r.ID, 120*time.Second)
		// The run alone, from the program's start to its end in the page
		// (the interpreter's download and the toolchain's build are not
		// counted): every example is meant to take under a second on an
		// idle machine; the guard is wide for a busy one.
		runMs := browser.Get(t, tab, 10*time.Second, browser.Attribute(`[data-playground="`+r.ID+`"]`, "data-run-ms")).Value
		t.Logf("%s (%s): ran in %s ms", r.ID, r.Engine, runMs)
		if ms, err := strconv.Atoi(runMs); err != nil || ms > exampleGuard {
			t.Errorf("%s: ran in %q ms; an example must finish within %d ms", r.ID, runMs, exampleGuard)
		}
		want := r.Output
		if r.Unordered {
			output, want = sortedLines(output), sortedLines(want)
		}
		switch {
		case r.Pattern != "":
			// Its figures vary: the page's run must match the pattern the
			// build matched its own run against.
			if err := snippet.MatchPattern(r.Pattern, output); state != "done" || err != nil {
				t.Errorf("%s: state %s (%s), printed %q, which does not match the build's pattern: %v", r.ID, state, status, output, err)
			}
			t.Logf("%s printed in the page:\n%s", r.ID, output)
		case state != "done" || output != want:
			t.Errorf("%s: state %s (%s), printed %q, the build recorded %q", r.ID, state, status, output, want)
		}
		// The page picks the engine the build checked the program with.
		engine, _ := engineOf(t, tab, r.ID)
		if want := map[string]string{snippet.EngineInterpreter: "fast", snippet.EngineGo: "exact"}[r.Engine]; engine != want {
			t.Errorf("%s: the page ran it with the %q engine, the build with %q", r.ID, engine, r.Engine)
		}
		ran++
	}
	if ran < 8 || twins == 0 {
		t.Errorf("ran %d playgrounds and left %d twins; the site has at least 8, and twins in two languages", ran, twins)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// sameProgram is what makes r the same program as another for
// TestBrowserPlaygroundsRunLikeTheBuild: its code as the built page shows
// it, tokens without comments (directives kept: //go: and //line change
// what is built), the engine, whether the author fixed it, and what the
// build recorded (the pattern, for figures that vary; in any order, for
// lines that may come in any order).
func sameProgram(t *testing.T, pages map[string]*builtPage, r snippet.Result) string {
	t.Helper()
	code, attrs := pageCode(t, pages, r)
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile(r.ID, -1, len(code)), []byte(code), func(pos token.Position, msg string) {
		t.Fatalf("%s: %s: %s", r.ID, pos, msg)
	}, scanner.ScanComments)
	var key strings.Builder
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.COMMENT && !strings.HasPrefix(lit, "//go:") && !strings.HasPrefix(lit, "//line ") {
			continue
		}
		fmt.Fprintf(&key, "%d %q\n", tok, lit)
	}
	want := r.Output
	switch {
	case r.Pattern != "":
		want = "pattern " + r.Pattern
	case r.Unordered:
		want = sortedLines(want)
	}
	return fmt.Sprintf("%sattributes %q\nengine %s fixed %v unordered %v\n%s", key.String(), attrs, r.Engine, r.Fixed, r.Unordered, want)
}

// pageCode is the code of r's playground as its built page (of pages,
// loadBuilt's) holds it: the text of the first code element inside it;
// and the playground's data- attributes but those that name it
// (data-godebug, say).
func pageCode(t *testing.T, pages map[string]*builtPage, r snippet.Result) (string, []html.Attribute) {
	t.Helper()
	page := pages[strings.TrimPrefix(pageURL(r.Page), "/")+"index.html"]
	if page == nil {
		t.Fatalf("%s: its page %s was not built", r.ID, pageURL(r.Page))
	}
	pgs := find(page.doc, func(n *html.Node) bool {
		return slices.Contains(n.Attr, html.Attribute{Key: "data-playground", Val: r.ID})
	})
	if len(pgs) != 1 {
		t.Fatalf("%s: %d playgrounds of that name in its page", r.ID, len(pgs))
	}
	code := find(pgs[0], func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "code" })
	if len(code) == 0 {
		t.Fatalf("%s: no code in its page", r.ID)
	}
	var attrs []html.Attribute
	for _, a := range pgs[0].Attr {
		if strings.HasPrefix(a.Key, "data-") && a.Val != r.ID {
			attrs = append(attrs, a)
		}
	}
	return htmlText(code[0]), attrs
}

// typeCode replaces the editor's code the way a reader does: focus,
// select all, type. The editor indents new lines itself, so code is typed
// without indentation. A line's text goes in as one insertion (as an
// input method gives it), its line break as an Enter key, and a closing
// brace or parenthesis that starts it as an insertion of its own: what
// the editor does on typing (auto-indent, the brace moved out) it does on
// these (beforeinput), and the code comes out as typed key by key, for a
// fifth of Chromium's CPU or less (typed key by key, a 255-character
// program cost it 3 to 4 s at load 25). typeKeys types every key.
func typeCode(t *testing.T, tab *browser.Tab, id, code string) {
	t.Helper()
	ed := `[data-playground="` + id + `"] [data-editor]`
	insert := func(text string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := cdp.Call(ctx, target, input.InsertText, input.InsertTextParams{Text: text})
			return err
		})
	}
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Focus(ed),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('` + ed + `').select()`),
	}
	for _, line := range strings.SplitAfter(code, "\n") {
		text, broken := strings.CutSuffix(line, "\n")
		body := strings.TrimLeft(text, "\t ")
		if lead := text[:len(text)-len(body)]; lead != "" {
			steps = append(steps, insert(lead))
		}
		if strings.HasPrefix(body, "}") || strings.HasPrefix(body, ")") {
			steps = append(steps, insert(body[:1]))
			body = body[1:]
		}
		if body != "" {
			steps = append(steps, insert(body))
		}
		if broken {
			steps = append(steps, chromedp.KeyEvent("\n"))
		}
	}
	// A step is a round trip to the page: 50 ms each on a busy machine
	// (load 26 on 2 CPUs), so the deadline grows with the code. Its base
	// is wide: the page may still be busy with the last run (replacing a
	// 64 KB program took more than 10 s in a rehearsal of CI under load).
	tab.Do(t, 30*time.Second+time.Duration(len(steps))*50*time.Millisecond, steps...)
}

// typeKeys is typeCode with a key event for every character, as a
// keyboard types.
func typeKeys(t *testing.T, tab *browser.Tab, id, code string) {
	t.Helper()
	ed := `[data-playground="` + id + `"] [data-editor]`
	tab.Do(t, 30*time.Second+time.Duration(len(code))*50*time.Millisecond,
		chromedp.Focus(ed),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('`+ed+`').select()`),
		chromedp.SendKeys(ed, code),
	)
}

// clickAction clicks a playground's Reset, Format, Copy or Share as a
// reader does: in the toolbar's menu, opened first.
func clickAction(t testing.TB, tab *browser.Tab, root, action string) {
	t.Helper()
	if !browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`document.querySelector('`+root+` .pg-more').getAttribute('aria-expanded') === 'true'`)) {
		tab.Do(t, 10*time.Second, chromedp.Click(chromedp.CSS(root+` .pg-more`)))
	}
	tab.Do(t, 10*time.Second, chromedp.Click(chromedp.CSS(root+` [data-action="`+action+`"]`)))
}

func editorValue(t *testing.T, tab *browser.Tab, id string) string {
	t.Helper()
	return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`document.querySelector('[data-playground="`+id+`"] [data-editor]').value`))
}

// TestBrowserPlaygroundReaderActions drives one playground as a reader
// would: edit and run, a runaway loop stopped by the time limit and by
// Stop with the page still working, a construct the interpreter cannot
// run named in words, and a share link that reopens the same code.
func TestBrowserPlaygroundReaderActions(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	// A limit of 3 s: short, for the runaway programs below, and long
	// enough for a program that sleeps 1.5 s on a busy machine.
	out := buildWithPlayground(t, 3*time.Second)
	base := browser.Serve(t, out)
	const id = "en-channels-2"
	page := base + "/en/channels/"
	tab.Do(t, 20*time.Second, chromedp.Navigate(page), chromedp.WaitReady(`[data-playground="`+id+`"] [data-editor]`))
	s := newScenario(t, tab, page, id)

	s.step("typed code is indented", func(t *testing.T) {
		typeKeys(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"edited\", 6*7)\n}\n")
		if v := editorValue(t, tab, id); !strings.Contains(v, "\tfmt.Println(\"edited\", 6*7)\n") {
			t.Errorf("typed code was not auto-indented as expected:\n%s", v)
		}
		if state, output, status := runPlayground(t, tab, id, 30*time.Second); state != "done" || output != "edited 42\n" {
			t.Errorf("edited program: state %s, output %q, status %q", state, output, status)
		}
	})
	// Inside a raw string what is typed is the program's: no indentation
	// after a line break, no brace moved out.
	s.step("a raw string typed across lines", func(t *testing.T) {
		typeKeys(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Print(`one\n  two {\n}`)\n}\n")
		if v := editorValue(t, tab, id); !strings.Contains(v, "\tfmt.Print(`one\n  two {\n}`)\n}\n") {
			t.Errorf("a raw string typed across lines was indented:\n%s", v)
		}
		if state, output, status := runPlayground(t, tab, id, 30*time.Second); state != "done" || output != "one\n  two {\n}" {
			t.Errorf("raw string program: state %s, output %q, status %q", state, output, status)
		}
	})
	// Output streams: what is printed before a pause shows during it.
	s.step("output streams", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"time\"\n)\n\nfunc main() {\nfmt.Println(\"before\")\ntime.Sleep(1500 * time.Millisecond)\nfmt.Println(\"after\")\n}\n")
		tab.Do(t, 20*time.Second, chromedp.Click(`[data-playground="`+id+`"] [data-action="run"]`))
		browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('[data-playground="`+id+`"] [data-output]').textContent === 'before\n'`))
		if state := browser.Get(t, tab, 10*time.Second, browser.Attribute(`[data-playground="`+id+`"]`, "data-state")).Value; state != "running" {
			t.Errorf("the first line arrived, but the state is %s, not running: output was not streamed", state)
		}
		tab.Do(t, 20*time.Second, chromedp.WaitVisible(`[data-playground="`+id+`"][data-state="done"]`))
	})

	// A computation the interpreter cannot finish within the limit (3 s
	// here) is not a runaway: compiled Go, many times faster, runs it
	// from the start, on Automatic.
	s.step("a long computation goes to Go", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc fib(n int) int {\nif n < 2 {\nreturn n\n}\nreturn fib(n-1) + fib(n-2)\n}\n\nfunc main() {\nfmt.Println(fib(32))\n}\n")
		state, output, status := runPlayground(t, tab, id, 180*time.Second)
		if engine, note := engineOf(t, tab, id); state != "done" || output != "2178309\n" || engine != "exact" || !strings.Contains(note, "still computing") {
			t.Errorf("a long computation: state %s, output %q, status %q, engine %s, note %q; want Go's result", state, output, status, engine, note)
		}
	})
	// So is one of many goroutines taking turns on a mutex: the
	// interpreter never waits, though its goroutines do.
	s.step("goroutines taking turns on a mutex go to Go", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"sync\"\n)\n\nfunc main() {\nvar mu sync.Mutex\nvar wg sync.WaitGroup\nn := 0\nfor i := 0; i < 100; i++ {\nwg.Add(1)\ngo func() {\ndefer wg.Done()\nfor j := 0; j < 20000; j++ {\nmu.Lock()\nn++\nmu.Unlock()\n}\n}()\n}\nwg.Wait()\nfmt.Println(n)\n}\n")
		state, output, status := runPlayground(t, tab, id, 180*time.Second)
		if engine, note := engineOf(t, tab, id); state != "done" || output != "2000000\n" || engine != "exact" || !strings.Contains(note, "still computing") {
			t.Errorf("goroutines taking turns on a mutex: state %s, output %q, status %q, engine %s, note %q; want Go's result", state, output, status, engine, note)
		}
	})
	// A tight loop: only terminating the worker can stop it, in either
	// engine. What it printed before looping is shown.
	s.step("a runaway loop is stopped", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"spinning\")\nfor {\n}\n}\n")
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		if state != "error" || output != "spinning\n" || !strings.Contains(status, "did not end within 3 s") {
			t.Errorf("runaway loop: state %s, output %q, status %q; want \"spinning\" and a stop at the 3 s limit", state, output, status)
		}
	})
	// A program that waits past the limit is stopped there, in the
	// interpreter. Its time counts from the program's start (the page
	// sets data-prepare-ms then): before it, the limit above ended the
	// last worker and a new one loads the interpreter, which with the
	// 3 s of the limit took 27 s from the click at a load of 14.
	s.step("a long sleep is stopped", func(t *testing.T) {
		root := `[data-playground="` + id + `"]`
		typeCode(t, tab, id, "package main\n\nimport \"time\"\n\nfunc main() {\ntime.Sleep(time.Minute)\n}\n")
		tab.Do(t, 20*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-action="run"]').click()`))
		browser.Get(t, tab, 120*time.Second, chromedp.Poll[bool](`'prepareMs' in document.querySelector('`+root+`').dataset`, chromedp.WithPollingMutation()))
		start := time.Now()
		browser.Get(t, tab, 60*time.Second, ended(root))
		d := time.Since(start)
		state := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-state")).Value
		status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
		if engine, _ := engineOf(t, tab, id); state != "error" || !strings.Contains(status, "did not end within 3 s") || engine != "fast" {
			t.Errorf("a long sleep: state %s, status %q, engine %s; want stopped at the 3 s limit by the interpreter", state, status, engine)
		}
		// The sandbox's own measure from the program's start to its
		// limit (absent when the page's later timer ended the run), and
		// this test's, wide guards both: the sleep is a minute.
		limit := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-limit-ms")).Value
		if ms, err := strconv.Atoi(limit); err != nil || ms < 2900 || ms > 10000 || d > 30*time.Second {
			t.Errorf("the long sleep was stopped %v after its start (the sandbox measured %q ms); want its 3 s limit", d, limit)
		}
	})
	// Stop, at once. The run starts a new worker (the limit ended the
	// last one), which loads the interpreter again: seconds on a busy
	// machine, and a 20 s deadline ran out under load 20 in the suite.
	s.step("Stop", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"time\"\n\nfunc main() {\ntime.Sleep(time.Minute)\n}\n")
		tab.Do(t, 120*time.Second,
			chromedp.Click(`[data-playground="`+id+`"] [data-action="run"]`),
			chromedp.WaitVisible(`[data-playground="`+id+`"][data-state="running"]`),
			chromedp.Click(`[data-playground="`+id+`"] [data-action="stop"]`),
			chromedp.WaitVisible(`[data-playground="`+id+`"][data-state="error"]`),
		)
		if status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(`[data-playground="`+id+`"] .pg-status`)); status != "Stopped." {
			t.Errorf("after Stop the status says %q", status)
		}
		// The page keeps working: another playground runs on a fresh worker.
		if state, output, _ := runPlayground(t, tab, "en-channels-3", 30*time.Second); state != "done" || !strings.Contains(output, "Initialization completed") {
			t.Errorf("after a stopped run, another playground: state %s, output %q", state, output)
		}
	})

	// A deadlock and a panic, on Automatic, are Go's to report: the
	// interpreter hands them over, and the reader sees Go's message, the
	// goroutine's trace at the editor's lines, and exit status 2. Go
	// reports the deadlock at once, not at the time limit.
	receive := "package main\n\nfunc main() {\nch := make(chan int)\n<-ch\n}\n"
	s.step("a deadlock is Go's to report", func(t *testing.T) {
		typeCode(t, tab, id, receive)
		if state, output, status := runPlayground(t, tab, id, 180*time.Second); state != "error" ||
			!strings.HasPrefix(output, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n") ||
			!strings.Contains(output, "main.go:5") || !strings.Contains(status, "exit status 2") {
			t.Errorf("deadlock: state %s, output %q, status %q", state, output, status)
		} else if got, want := traceShape(output), traceShape(goRunFails(t, receive)); got != want {
			t.Errorf("deadlock: the report differs from go run's (file paths, offsets and goroutine numbers aside):\n%s\nwant:\n%s", got, want)
		}
		if engine, note := engineOf(t, tab, id); engine != "exact" || !strings.Contains(note, "deadlock") {
			t.Errorf("deadlock: engine %s, note %q; want Go's report, and the reason said", engine, note)
		}
	})
	// The interpreter picked: Go's first line and status, before the
	// (3 s) limit.
	s.step("a deadlock in the interpreter", func(t *testing.T) {
		typeCode(t, tab, id, receive)
		pickEngine(t, tab, id, "fast")
		if state, output, status := runPlayground(t, tab, id, 30*time.Second); state != "error" ||
			output != "fatal error: all goroutines are asleep - deadlock!\n" || !strings.Contains(status, "exit status 2") {
			t.Errorf("deadlock, interpreter: state %s, output %q, status %q", state, output, status)
		}
		pickEngine(t, tab, id, "auto")
	})
	s.step("a panic is Go's to report", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"before\")\nvar s []int\n_ = s[5]\n}\n")
		if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "error" ||
			!strings.HasPrefix(output, "before\npanic: runtime error: index out of range [5] with length 0\n\ngoroutine 1 [running]:\nmain.main()\n") ||
			!strings.Contains(output, "main.go:8") || !strings.Contains(status, "exit status 2") {
			t.Errorf("panic: state %s, output %q, status %q", state, output, status)
		}
		if engine, note := engineOf(t, tab, id); engine != "exact" || !strings.Contains(note, "panicked") {
			t.Errorf("panic: engine %s, note %q; want Go's report, and the reason said", engine, note)
		}
	})
	// What Go's compiler rejects and the interpreter would run: the
	// compiler's words, from the interpreter's worker, on Automatic.
	s.step("unused variable and import", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"strings\"\n)\n\nfunc main() {\nx := 1\nfmt.Println(\"hi\")\n}\n")
		if state, output, status := runPlayground(t, tab, id, 30*time.Second); state != "error" || output != goRunsWords("5:2: \"strings\" imported and not used\n9:2: declared and not used: x\n") || !strings.Contains(status, "exit status 1") {
			t.Errorf("unused variable and import: state %s, output %q, status %q", state, output, status)
		}
		if engine, _ := engineOf(t, tab, id); engine != "fast" {
			t.Errorf("unused variable and import ran on the %s engine; want the interpreter to say it", engine)
		}
	})
	// With an error the interpreter cannot word after one it can, the
	// compiler says both.
	s.step("unused variable and undefined name", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nfunc main() {\nx := 1\ny = 2\n}\n")
		if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "error" || output != goRunsWords("4:2: declared and not used: x\n5:2: undefined: y\n") || !strings.Contains(status, "exit status 1") {
			t.Errorf("unused variable and undefined name: state %s, output %q, status %q", state, output, status)
		}
	})
	// A panic in a goroutine ends the program as Go ends it. One started
	// from a method value makes the interpreter itself fail (its worker
	// dies): Automatic then runs the program with Go, from the start.
	s.step("a panic in a goroutine", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"time\"\n\nfunc main() {\ngo func() {\npanic(\"in goroutine\")\n}()\ntime.Sleep(time.Second)\n}\n")
		if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "error" || !strings.HasPrefix(output, "panic: in goroutine\n\ngoroutine ") || !strings.Contains(status, "exit status 2") {
			t.Errorf("panic in a goroutine: state %s, output %q, status %q", state, output, status)
		}
	})
	s.step("a panic in a goroutine started from a method", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\ntype worker struct{ n int }\n\nfunc (w worker) run(done chan bool) {\nvar s []int\n_ = s[w.n]\ndone <- true\n}\n\nfunc main() {\nfmt.Println(\"start\")\ndone := make(chan bool)\ngo worker{2}.run(done)\n<-done\n}\n")
		if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "error" ||
			!strings.HasPrefix(output, "start\npanic: runtime error: index out of range [2] with length 0\n\ngoroutine ") || !strings.Contains(status, "exit status 2") {
			t.Errorf("panic in a goroutine started from a method: state %s, output %q, status %q", state, output, status)
		}
		if engine, _ := engineOf(t, tab, id); engine != "exact" {
			t.Errorf("panic in a goroutine started from a method ran on the %s engine; want Go", engine)
		}
	})
	// Long lines reach the cap in a hundred writes: the test is of the
	// cap, not of how fast this machine prints. With lines of 1,000
	// bytes, a thousand writes, the interpreter at a load of 11 took
	// more than the site's 3 s to print a megabyte (the run stopped at
	// its limit instead), and 13 to 66 s from Run to the page's message.
	s.step("output is capped", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"strings\"\n)\n\nfunc main() {\nline := strings.Repeat(\"x\", 10000)\nfor i := 0; ; i++ {\nfmt.Println(i, line)\n}\n}\n")
		if state, _, status := runPlayground(t, tab, id, 180*time.Second); state != "error" || !strings.Contains(status, "1 MiB") {
			t.Errorf("output flood: state %s, status %q", state, status)
		}
	})

	// Go 1.22 constructs yaegi lacks run, lowered by the source pass:
	// range over an integer, min, closures over per-iteration variables.
	s.step("range over an integer, lowered", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nvar fs []func()\nfor i := range 3 {\nfs = append(fs, func() { fmt.Println(min(i, 1)) })\n}\nfor _, f := range fs {\nf()\n}\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 30*time.Second); state != "done" || output != "0\n1\n1\n" {
			t.Errorf("lowered range over int: state %s, output %q", state, output)
		}
	})
	// Library calls the interpreter lacks run through the pass's helpers,
	// and a recovered error keeps its type.
	s.step("library calls, lowered", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"errors\"\n\"fmt\"\n\"maps\"\n\"slices\"\n)\n\nfunc main() {\nm := map[string]int{\"b\": 2, \"a\": 1}\nfmt.Println(slices.Sorted(maps.Keys(m)))\ndefer func() {\nif err, ok := recover().(error); ok {\nfmt.Println(\"error:\", err)\n}\n}()\npanic(errors.New(\"boom\"))\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 30*time.Second); state != "done" || !strings.HasSuffix(output, "[a b]\nerror: boom\n") {
			t.Errorf("lowered library calls: state %s, output %q", state, output)
		}
	})
	// Picked by the reader, the interpreter runs what it would run
	// differently too (automatic hands it to the Go toolchain: see
	// TestBrowserExactEngine). What may differ is said before the
	// program's output, which still runs.
	s.step("the interpreter picked: a program that may differ", func(t *testing.T) {
		pickEngine(t, tab, id, "fast")
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"runtime\"\n)\n\nfunc main() {\n_, _, line, ok := runtime.Caller(0)\nfmt.Println(line, ok)\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 30*time.Second); state != "done" || !strings.Contains(output, "may print something different from Go here:\n9:20: runtime.Caller sees the interpreter's own Go code") {
			t.Errorf("a program that may differ: state %s, output %q", state, output)
		}
	})
	// A construct it cannot run is named, at line:col, in words.
	s.step("the interpreter picked: a construct it cannot run", func(t *testing.T) {
		pickEngine(t, tab, id, "fast")
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nseq := func(yield func(int) bool) { yield(1) }\nfor v := range seq {\nfmt.Println(v)\n}\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 30*time.Second); state != "error" || !strings.Contains(output, "7:17: range over a function (Go 1.23 iterators) is not supported by the interpreter") {
			t.Errorf("range over func: state %s, output %q", state, output)
		}
		pickEngine(t, tab, id, "auto")
	})

	s.step("output is text, never HTML", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"<b id=injected>x</b>\")\n}\n")
		if _, output, _ := runPlayground(t, tab, id, 30*time.Second); output != "<b id=injected>x</b>\n" {
			t.Errorf("output %q", output)
		}
		if n := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`document.querySelectorAll('#injected').length`)); n != 0 {
			t.Error("program output was inserted as HTML")
		}
	})

	// Share: the link reopens the page with the same code.
	s.step("a share link", func(t *testing.T) {
		code := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"shared ✓\")\n}\n"
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"shared ✓\")\n}\n")
		clickAction(t, tab, `[data-playground="`+id+`"]`, "share")
		browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`location.hash.startsWith('#run=')`))
		link := browser.Get(t, tab, 10*time.Second, chromedp.Location())
		tab.Do(t, 20*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(link), chromedp.WaitReady(`[data-playground="`+id+`"] [data-editor]`))
		browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('[data-playground="`+id+`"] [data-editor]').value.includes('shared')`))
		if v := editorValue(t, tab, id); v != code {
			t.Errorf("the share link opened with\n%q\nwant\n%q", v, code)
		}
	})
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// BenchmarkPlaygroundLatency prints the time from clicking Run to the
// first output of hello world, on a cold page (the interpreter not yet
// downloaded: the worker, the glue and the module are fetched, compiled
// and started) and warm (the same page, a second run). Served from
// loopback, like a local server; budgets are 1 s cold and 100 ms warm.
func BenchmarkPlaygroundLatency(b *testing.B) {
	tab := browser.New(b)
	out := filepath.Join(b.TempDir(), "public")
	_, err := Build(context.Background(), Config{Content: os.DirFS("../content"), ContentLabel: "content", OutDir: out,
		BaseURL: testBaseURL, SnippetCache: snippetCache, Playground: &PlaygroundConfig{ModuleDir: ".."}})
	if err != nil {
		b.Fatal(err)
	}
	base := browser.Serve(b, out)
	// Cold means cold: nothing from the HTTP cache, so every page load
	// downloads and compiles the module again.
	if _, err := chromedp.Call(tab.Ctx, network.Enable, network.EnableParams{}); err != nil {
		b.Fatal(err)
	}
	if _, err := chromedp.Call(tab.Ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		b.Fatal(err)
	}
	const id = "en-channels-2"
	root := `[data-playground="` + id + `"]`
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"hello\")\n}\n"
	var cold, warm []float64
	for b.Loop() {
		tab.Do(b, 20*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(hello)))
		for i, list := range []*[]float64{&cold, &warm} {
			tab.Do(b, 30*time.Second, chromedp.Click(root+` [data-action="run"]`), chromedp.WaitVisible(root+`[data-state="done"]`))
			ms := browser.Get(b, tab, 10*time.Second, browser.Attribute(root, "data-first-output"))
			var v float64
			if _, err := fmt.Sscan(ms.Value, &v); err != nil {
				b.Fatalf("run %d: data-first-output %q", i, ms.Value)
			}
			*list = append(*list, v)
		}
	}
	b.ReportMetric(median(cold), "ms-cold")
	b.ReportMetric(median(warm), "ms-warm")
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
