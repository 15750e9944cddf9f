package generator

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserSchedulerPrograms runs, on Automatic, what a reader of the
// scheduler page types (stranger2's 312, 422, 306 and 129): goroutines made
// by a main that returns without yielding never print, as under go run;
// standard input reads as empty; and where the browser's Go cannot be
// go run (goroutines' start order, NumCPU), the page's note says so. The
// exact engine's answers for the order programs are logged: the js/wasm
// runtime has no runnext, in either engine.
func TestBrowserSchedulerPrograms(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base := browser.Serve(t, out)
	const id = "en-channels-2"
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(`[data-playground="`+id+`"] [data-editor]`))
	notes := func() string {
		return browser.Get(t, tab, 10*time.Second, chromedp.TextContent(`[data-playground="`+id+`"] [data-notes]`))
	}
	const noYield = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\truntime.GOMAXPROCS(1)\n\tfor i := 0; i < 3; i++ {\n\t\tgo fmt.Println(\"never scheduled\", i)\n\t}\n\tfmt.Println(\"main exits\")\n}\n"
	setCode(t, tab, id, noYield)
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "main exits\n" {
		t.Errorf("main returning without yielding: state %s, output %q, status %q; want go run's \"main exits\\n\" alone", state, output, status)
	}
	setCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar name string\n\tn, err := fmt.Scanln(&name)\n\tfmt.Println(n, err)\n}\n")
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "0 EOF\n" {
		t.Errorf("fmt.Scanln with nothing to read: state %s, output %q, status %q; want go run's \"0 EOF\\n\"", state, output, status)
	}
	const order = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\truntime.GOMAXPROCS(1)\n\tfor i := 0; i < 3; i++ {\n\t\tgo fmt.Println(\"goroutine\", i)\n\t}\n\ttime.Sleep(50 * time.Millisecond)\n}\n"
	setCode(t, tab, id, order)
	state, output, _ := runPlayground(t, tab, id, 60*time.Second)
	if n := notes(); state != "done" || !strings.Contains(n, "newest first") {
		t.Errorf("goroutines' start order (go run: 2 0 1): state %s, output %q, notes %q; want a note that go run starts the newest first", state, output, n)
	}
	t.Logf("start order, Automatic: %q", output)
	setCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(0))\n}\n")
	if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || !strings.Contains(notes(), "NumCPU and GOMAXPROCS are 1") {
		t.Errorf("NumCPU: state %s, output %q, notes %q; want a note that both are 1 here", state, output, notes())
	}
	// The preemption page's kind of example: a goroutine spins in a loop
	// without calls. go run preempts it with a signal; neither engine
	// can, so Automatic stops it when it hands a computing program over
	// (3 s), with the reason, instead of building it for a run of 10 s
	// more that ends the same way.
	setCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc spin() {\n\tfor {\n\t}\n}\n\nfunc main() {\n\truntime.GOMAXPROCS(1)\n\tgo spin()\n\ttime.Sleep(20 * time.Millisecond)\n\tfmt.Println(\"preempted\")\n}\n")
	state, _, status := runPlayground(t, tab, id, 120*time.Second)
	if engine, _ := engineOf(t, tab, id); state != "error" || engine != "fast" || !strings.Contains(status, "within 3 s") || !strings.Contains(status, "loop without calls") {
		t.Errorf("a goroutine spinning without calls: state %s, engine %s, status %q; want the interpreter stopped at 3 s, the loop without calls named", state, engine, status)
	}
	pickEngine(t, tab, id, "exact")
	// main ends the program, its sleep over, while a goroutine's write is
	// still calling back into Go (a write runs the other goroutines within
	// the call): the Go toolchain's run said "Cannot read properties of
	// undefined (reading 'exports')", exit status 2. go run prints some
	// of the lines and exits with status 0.
	setCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tgo func() {\n\t\tfor i := 0; i < 5000; i++ {\n\t\t\tfmt.Println(i)\n\t\t}\n\t}()\n\ttime.Sleep(time.Millisecond)\n}\n")
	if state, output, status := runPlayground(t, tab, id, 240*time.Second); state != "done" || strings.Contains(output, "Cannot") || !strings.HasPrefix(status, "exit status 0") {
		t.Errorf("main ending during a goroutine's write, Go toolchain: state %s, output %q, status %q; want exit status 0", state, output, status)
	}
	for _, code := range []string{order, noYield} {
		setCode(t, tab, id, code)
		state, output, status := runPlayground(t, tab, id, 240*time.Second)
		t.Logf("Go toolchain: state %s, output %q, status %q", state, output, status)
	}
}
