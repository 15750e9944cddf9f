package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserSchedulerPrograms runs, on Automatic, what a reader of the
// scheduler page types (stranger2's 312, 422, 306 and 129): goroutines made
// by a main that returns without yielding never print, as under go run;
// standard input reads as empty; goroutines start in go run's order on
// one P, the newest first (runnext, which both engines' runtime uses:
// generator/assets/runnext.go); and where the browser's Go cannot be go
// run (one thread, NumCPU), the page's note says so. The exact engine's
// answers for the order programs are logged under go test -v.
func TestBrowserSchedulerPrograms(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
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
	// Run again and again in one page, which is one process for the
	// interpreter: a collection that compiling the program had started
	// parked main between go statements in about one run in twelve
	// (printing 0 1 2) until the engine began each program with none
	// under way: 40 runs would all pass without it about once in 30.
	setCode(t, tab, id, order)
	for run := 1; run <= 40; run++ {
		state, output, _ := runPlayground(t, tab, id, 60*time.Second)
		if want := "goroutine 2\ngoroutine 0\ngoroutine 1\n"; state != "done" || output != want || !strings.Contains(notes(), "on one P") {
			t.Errorf("goroutines' start order, run %d: state %s, output %q, notes %q; want go run's %q and a note that goroutines take turns as under go run on one P", run, state, output, notes(), want)
			break
		}
	}
	// Three goroutines taking turns with runtime.Gosched, which puts each
	// on the global run queue: every 61st schedule of the P looks there
	// first, and the interpreter's P, which had run every earlier
	// program of the page, printed w3.1 w3.2 w1.1 in one run in four
	// (12 runs would all pass without the mend about once in 30).
	// go run printed the same in 50 runs (a probe's r02): runnext's w3
	// first, then round-robin.
	const turns = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"strings\"\n\t\"sync\"\n)\n\nfunc main() {\n\truntime.GOMAXPROCS(1)\n\truntime.Gosched()\n\tvar trace []string\n\tvar wg sync.WaitGroup\n\tfor w := 1; w <= 3; w++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor step := 1; step <= 3; step++ {\n\t\t\t\ttrace = append(trace, fmt.Sprintf(\"w%d.%d\", w, step))\n\t\t\t\truntime.Gosched()\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(strings.Join(trace, \" \"))\n}\n"
	setCode(t, tab, id, turns)
	for run := 1; run <= 12; run++ {
		state, output, _ := runPlayground(t, tab, id, 60*time.Second)
		if engine, _ := engineOf(t, tab, id); engine != "fast" || state != "done" || output != "w3.1 w1.1 w2.1 w3.2 w1.2 w2.2 w3.3 w1.3 w2.3\n" {
			t.Errorf("goroutines taking turns with Gosched, run %d: engine %s, state %s, output %q; want the interpreter to print go run's round-robin, w3 first", run, engine, state, output)
			break
		}
	}
	// A go statement calling a method of an element, or of a call's
	// result, is a goroutine too (a blind pass's worker idiom had no note).
	setCode(t, tab, id, "package main\n\nimport \"fmt\"\n\ntype w struct{ id int }\n\nfunc (x *w) run(done chan int) { done <- x.id }\n\nfunc main() {\n\tws, done := []w{{1}, {2}}, make(chan int)\n\tfor i := range ws {\n\t\tgo ws[i].run(done)\n\t}\n\tfmt.Println(<-done + <-done)\n}\n")
	if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "3\n" || !strings.Contains(notes(), "on one P") {
		t.Errorf("go ws[i].run(done): state %s, output %q, notes %q; want 3 and the note on goroutines' start order", state, output, notes())
	}
	// GOMAXPROCS keeps what a program sets, as go run's does (both
	// engines' runtime said 1: a blind pass's); one P runs, as the note
	// says.
	setCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\truntime.GOMAXPROCS(4)\n\tfmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(0))\n}\n")
	if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "1 4\n" || !strings.Contains(notes(), "NumCPU is 1; GOMAXPROCS only keeps the value") {
		t.Errorf("NumCPU: state %s, output %q, notes %q; want 1 4 and a note that NumCPU is 1 and one P runs", state, output, notes())
	}
	// The preemption page's kind of example: a goroutine spins in a loop
	// without calls. go run preempts it with a signal; neither engine
	// can, so Automatic stops it when it hands a computing program over
	// (3 s), with the reason, instead of building it for a run of 10 s
	// more that ends the same way.
	setCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc spin() {\n\tfor {\n\t}\n}\n\nfunc main() {\n\truntime.GOMAXPROCS(1)\n\tgo spin()\n\ttime.Sleep(20 * time.Millisecond)\n\tfmt.Println(\"preempted\")\n}\n")
	state, _, status := runPlayground(t, tab, id, 120*time.Second)
	if engine, _ := engineOf(t, tab, id); state != "error" || engine != "fast" || !strings.Contains(status, "within 3 s") || !strings.Contains(status, "goroutine that never yields") {
		t.Errorf("a goroutine spinning without calls: state %s, engine %s, status %q; want the interpreter stopped at 3 s, a goroutine that never yields named", state, engine, status)
	}
	// Two builds with the Go toolchain whose answers only the log shows:
	// made when the log is (go test -v), not in every run of the suite.
	if !testing.Verbose() {
		return
	}
	pickEngine(t, tab, id, "exact")
	for _, code := range []string{order, noYield} {
		setCode(t, tab, id, code)
		state, output, status := runPlayground(t, tab, id, 240*time.Second)
		t.Logf("Go toolchain: state %s, output %q, status %q", state, output, status)
	}
}

// TestBrowserExactPrintingGoroutines runs, with the Go toolchain picked,
// goroutines that print while main sleeps. A write to standard output
// must not run the other goroutines: under js/wasm it called back into
// Go, whose runtime ran them within the call, so goroutines that print
// took turns at os.Stdout's lock line by line and main, its sleep over,
// came back among them and ended the program with lines unprinted that
// go run prints well within the sleep (stdoverlay.go's syncOutputOverlay).
// With the overlay the output does not depend on the machine's speed:
// no goroutine yields before main's sleep is over.
func TestBrowserExactPrintingGoroutines(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	pickEngine(t, tab, id, "exact")
	// run runs code; a build stopped at the page's 60 s build limit (a
	// machine busy enough) says nothing of the run, and is tried again.
	run := func(code string) (state, output, status string) {
		t.Helper()
		setCode(t, tab, id, code)
		for try := 0; ; try++ {
			state, output, status = runPlayground(t, tab, id, 240*time.Second)
			if try == 2 || !strings.Contains(status, "build did not end") {
				return
			}
			t.Logf("the build did not end within its limit: again")
		}
	}
	const printers = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tfor g := 0; g < 10; g++ {\n\t\tgo func() {\n\t\t\tfor i := 0; i < 50; i++ {\n\t\t\t\tfmt.Println(g, i)\n\t\t\t}\n\t\t}()\n\t}\n\ttime.Sleep(20 * time.Millisecond)\n\tfmt.Println(\"main done\")\n}\n"
	state, output, status := run(printers)
	lines := strings.Split(strings.TrimSuffix(output, "\n"), "\n")
	var missing []string
	for g := 0; g < 10; g++ {
		for i := 0; i < 50; i++ {
			if l := fmt.Sprintf("%d %d", g, i); !slices.Contains(lines, l) {
				missing = append(missing, l)
			}
		}
	}
	if state != "done" || len(lines) != 501 || len(missing) > 0 || lines[len(lines)-1] != "main done" || !strings.HasPrefix(status, "exit status 0") {
		t.Errorf("ten goroutines printing 50 lines each, main asleep 20 ms: state %s, status %q, %d lines, %d missing (%q…), last %q; want go run's 500 lines, then \"main done\"",
			state, status, len(lines), len(missing), missing[:min(len(missing), 3)], lines[len(lines)-1])
	}
	// A goroutine that prints without end still lets main end the
	// program once its sleep is over (a write yields now and then). Short
	// lines, and below one line of dots: on a busy machine, laying out
	// thousands of lines can take the page long enough to stop the
	// program for its output's cost.
	if state, output, status := run("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tgo func() {\n\t\tfor {\n\t\t\tfmt.Print(\".\")\n\t\t}\n\t}()\n\ttime.Sleep(time.Millisecond)\n}\n"); state != "done" || !strings.HasPrefix(output, "...") || !strings.HasPrefix(status, "exit status 0") {
		t.Errorf("a goroutine printing without end, main asleep 1 ms: state %s, status %q, %d bytes of output; want go run's exit status 0", state, status, len(output))
	}
	// main ends the program, its sleep over, while a goroutine's file
	// write is still calling back into Go (files keep the callback): the
	// Go toolchain's run said "Cannot read properties of undefined
	// (reading 'exports')", exit status 2 (gorun.js).
	if state, output, status := run("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tgo func() {\n\t\tfor i := 0; ; i++ {\n\t\t\tos.WriteFile(\"n.txt\", []byte(fmt.Sprint(i)), 0o644)\n\t\t}\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(\"done\")\n}\n"); state != "done" || output != "done\n" || !strings.HasPrefix(status, "exit status 0") {
		t.Errorf("main ending during a goroutine's file write: state %s, output %q, status %q; want go run's \"done\", exit status 0", state, output, status)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserSpinCases holds playground.js's SPIN, which Automatic uses
// to stop at 3 s a program that has goroutines and a loop that never ends
// by itself and never lets another goroutine run (neither engine can
// preempt it), to each form of Go's for loop. It runs the regular
// expression in Chromium, the page's own engine for it.
func TestBrowserSpinCases(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../playground/web/playground.js")
	if err != nil {
		t.Fatal(err)
	}
	// The page's own declarations of SPIN, SPIN_MOST and spins, run as
	// they are.
	decls := regexp.MustCompile(`(?m)^const (SPIN|SPIN_MOST|spins) = .*;$`).FindAll(src, -1)
	if len(decls) != 3 {
		t.Fatalf("playground.js: %d of const SPIN, SPIN_MOST and spins found", len(decls))
	}
	spins := []string{
		"for {}", "for {\n\t\tn++\n\t}", "loop:\n\tfor {\n\t\tn++\n\t}",
		"for true {}", "for true { n++ }",
		"for ;; {}", "for ; ; {}", "for i := 0; ; i++ {}", "for i := 0; ; i++ { n += i }",
		"for !done {}", "for !done { n++ }", "for done { n++ }", "for !stop {\n\t\tcount++\n\t}",
	}
	ends := []string{
		"for i := 0; i < 10; i++ { n++ }", "for n < 10 { n++ }", "for !done { done = true }", "for done == false { done = check }",
		"for i := range 10 {}", "for range ch {}", "for v := range ch { n += v }", "for x := range ch {}",
		"for { select {} }", "for { time.Sleep(1) }", "for { if done { break } }", "for { n++; return }", "for { <-ch }",
		"for !done { runtime.Gosched() }", "for !done { <-tick }", "for <-ch {}", "for ready() {}", "for ;; f() {}",
	}
	// Long runs of white space (a shared program's 64,000 spaces after
	// a for froze the page 12 s): read as one space, the same verdicts.
	wide := strings.Repeat(" ", 6000)
	spins = append(spins, "for ;;"+wide+"{}", "for"+wide+"!done"+wide+"{ n++ }")
	ends = append(ends, "for i := 0;"+wide+"i < 10; i++ {}", "n := 0 // for ;;"+wide+"x")
	var programs []string
	for _, loop := range append(spins, ends...) {
		programs = append(programs, "package main\n\nfunc main() {\n\tgo work()\n\t"+loop+"\n}\n")
	}
	// No goroutine, nothing to starve: the time limit ends it.
	programs = append(programs, "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n")
	// Over SPIN_MOST, not looked at, at once: the link's 64,000 spaces.
	programs = append(programs, "package main\n\nfunc main() {\n\tgo work()\n\tfor {}\n}\n\n// for ;;"+strings.Repeat(" ", 64000)+"x\n")
	tab := browser.New(t)
	list, _ := json.Marshal(programs)
	start := time.Now()
	got := browser.Get(t, tab, 60*time.Second, chromedp.Evaluate[[]bool](`(() => { `+string(bytes.Join(decls, []byte(" ")))+` return `+string(list)+`.map(spins); })()`))
	t.Logf("spins over %d programs: %v", len(programs), time.Since(start))
	for i, loop := range append(spins, ends...) {
		if want := i < len(spins); got[i] != want {
			t.Errorf("SPIN matches %q beside a go statement: %v; want %v", loop, got[i], want)
		}
	}
	if got[len(got)-2] {
		t.Error("SPIN matches for {} in a program without a go statement")
	}
	if got[len(got)-1] {
		t.Error("spins looked at a program over SPIN_MOST")
	}
}
