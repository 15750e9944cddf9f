package generator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserHandOverWhenSlow: on Automatic, a program that keeps the
// interpreter computing goes to Go early, once the toolchain is there,
// not at the time limit; and deep recursion that the browser's stack
// cannot hold is told with Go's words and a note that says which stack
// ran out (go run, whose stack grows to 1 GB, finishes this one). It
// runs alone, not in parallel with other tests, which would take a share
// of the time the hand-over must come within.
func TestBrowserHandOverWhenSlow(t *testing.T) {
	const limit = 20 * time.Second
	tab, _ := warmChannels(t, limit)
	const id = channelsID

	// The Go toolchain, picked: it loads, and the page keeps it.
	pickEngine(t, tab, id, "exact")
	deep := "package main\n\nimport \"fmt\"\n\nfunc depth(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn depth(n-1) + 1\n}\n\nfunc main() {\n\tfmt.Println(depth(1000000))\n}\n"
	typeCode(t, tab, id, deep)
	state, output, status := runPlayground(t, tab, id, 120*time.Second)
	if state != "error" || !strings.Contains(output, "fatal error: stack overflow") {
		t.Errorf("deep recursion, exact: state %s, output %q, status %q", state, output, status)
	}
	if _, note := engineOf(t, tab, id); !strings.Contains(note, "browser") {
		t.Errorf("deep recursion, exact: the note %q does not say that the browser's stack ran out", note)
	}

	// A program may print Go's words for a deadlock itself, and go on:
	// nothing of it is held back, rewritten or moved to another stream.
	own := "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Fprintln(os.Stderr, \"fatal error: all goroutines are asleep - deadlock!\")\n\tfmt.Println(\"only a lesson\")\n}\n"
	typeCode(t, tab, id, own)
	state, output, status = runPlayground(t, tab, id, 60*time.Second)
	stdout := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`[...document.querySelectorAll('[data-playground="`+id+`"] [data-output] [data-stream="stdout"]')].map((e) => e.textContent).join('')`))
	if state != "done" || output != "fatal error: all goroutines are asleep - deadlock!\nonly a lesson\n" || stdout != "only a lesson\n" {
		t.Errorf("the deadlock's words printed by the program: state %s, output %q (stdout %q), status %q", state, output, stdout, status)
	}

	// Automatic counts the seconds a program computes from its start:
	// the interpreter's check and compile before are the engine's time
	// (seconds for a long program, or for any program in a fresh
	// interpreter on a busy machine). This one, near the most a run
	// takes, computes for well under a second.
	pickEngine(t, tab, id, "auto")
	long := manyFunctions(64 << 10)
	setCode(t, tab, id, long)
	state, output, status = runPlayground(t, tab, id, 120*time.Second)
	engine, note := engineOf(t, tab, id)
	prepared := browser.Get(t, tab, 10*time.Second, browser.Attribute(`[data-playground="`+id+`"]`, "data-prepare-ms")).Value
	if want := goRun(t, long); state != "done" || output != want || engine != "fast" {
		t.Errorf("a long program that computes little, automatic: state %s, engine %s, output %q (want %q), status %q, note %q; the interpreter took %s ms before it started", state, engine, output, want, status, note, prepared)
	}
	if ms, err := strconv.Atoi(prepared); err != nil {
		t.Errorf("data-prepare-ms %q: the page was not told when the interpreter started the program", prepared)
	} else if ms < 3000 {
		t.Logf("the interpreter took %d ms before it started the program, under the 3 s after which Automatic would have handed a program computing since it was sent to Go: this run shows nothing of that", ms)
	}

	// Automatic: the interpreter starts it, and hands it over while it
	// computes, seconds before the limit.
	heavy := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 300000000; i++ {\n\t\ts += i % 7\n\t}\n\tfmt.Println(s)\n}\n"
	typeCode(t, tab, id, heavy)
	state, output, status = runPlayground(t, tab, id, 120*time.Second)
	engine, note = engineOf(t, tab, id)
	if want := goRun(t, heavy); state != "done" || output != want || engine != "exact" {
		t.Fatalf("heavy loop, automatic: state %s, engine %s, output %q (want %q), status %q, note %q", state, engine, output, want, status, note)
	}
	m := regexp.MustCompile(`computing after (\d+) s`).FindStringSubmatch(note)
	if m == nil {
		t.Fatalf("heavy loop, automatic: the note %q does not say how long the interpreter computed", note)
	}
	if s, _ := strconv.Atoi(m[1]); s >= int(limit/time.Second) {
		t.Errorf("heavy loop, automatic: handed over after %d s, at the limit; want it handed over early", s)
	}
}

// TestBrowserNoEarlyDownload: the early hand-over is for a toolchain the
// page has, not one it would download. A reader whose toolchain built a
// program once (the page's flag says so) but whose browser kept none of
// its files, and who asks to save data, gets no download while the
// interpreter computes.
func TestBrowserNoEarlyDownload(t *testing.T) {
	t.Parallel()
	out := buildWithPlayground(t, 20*time.Second)
	tab := browser.New(t)
	base, requests := browser.ServeCounting(t, out)
	on := true
	if _, err := chromedp.Call(tab.Ctx, emulation.SetDataSaverOverride, emulation.SetDataSaverOverrideParams{DataSaverEnabled: &on}); err != nil {
		t.Fatal(err)
	}
	root := `[data-playground="` + channelsID + `"]`
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`),
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem('gointernals-exact-used', '1')`),
		chromedp.Reload(), chromedp.WaitReady(root+` [data-editor]`))
	heavy := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 2000000000; i++ {\n\t\ts += i % 7\n\t}\n\tfmt.Println(s)\n}\n"
	typeCode(t, tab, channelsID, heavy)
	tab.Do(t, 10*time.Second, chromedp.Click(root+` [data-action="run"]`))
	tab.Do(t, 60*time.Second, chromedp.WaitVisible(root+`[data-state="running"]`))
	time.Sleep(7 * time.Second) // past the early hand-over's first looks
	if n := requests(".wasm.gz"); n != 0 {
		t.Errorf("a stale flag and no cached tools: the page fetched the toolchain %d times while the interpreter computed", n)
	}
	if engine := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-engine")).Value; engine != "fast" {
		t.Errorf("the run went to the %s engine; want it left to the interpreter", engine)
	}
	tab.Do(t, 10*time.Second, chromedp.Click(root+` [data-action="stop"]`))
}

// manyFunctions is a program of up to size bytes: small functions, which
// main calls once each. Long to check and compile, quick to run.
func manyFunctions(size int) string {
	var funcs, calls strings.Builder
	for i := 0; ; i++ {
		f := fmt.Sprintf("func f%d(a, b int) int {\n\tif a > b {\n\t\treturn a - b\n\t}\n\treturn b*2 + a\n}\n\n", i)
		c := fmt.Sprintf("\ts += f%d(%d, %d)\n", i, i%7, i%5)
		if funcs.Len()+calls.Len()+len(f)+len(c)+100 > size {
			break
		}
		funcs.WriteString(f)
		calls.WriteString(c)
	}
	return "package main\n\nimport \"fmt\"\n\n" + funcs.String() + "func main() {\n\ts := 0\n" + calls.String() + "\tfmt.Println(s)\n}\n"
}
