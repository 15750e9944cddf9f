package generator

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
	"github.com/goexpert/gointernals/playground/corpus"
	"github.com/goexpert/gointernals/playground/engine"
)

// pickEngine sets the engine select of a playground as a reader would.
func pickEngine(t testing.TB, tab *browser.Tab, id, engine string) {
	t.Helper()
	tab.Do(t, 10*time.Second, chromedp.SetValue(`[data-playground="`+id+`"] [data-engine-pick]`, engine),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-playground="`+id+`"] [data-engine-pick]').dispatchEvent(new Event('change'))`))
}

func engineOf(t *testing.T, tab *browser.Tab, id string) (engine, note string) {
	t.Helper()
	root := `[data-playground="` + id + `"]`
	engine = browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-engine")).Value
	note = browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` [data-engine-note]`))
	return
}

// TestBrowserExactEngine runs programs through the Go toolchain compiled
// to WebAssembly: handed over by the interpreter when it would differ
// from Go, or picked by the reader, with compile errors at the reader's
// lines, packages outside the playground refused by the compiler, and a
// runaway program stopped without losing the compiled toolchain. It runs
// alone, not in parallel with other tests: its programs must end within
// its build's 2 s limit, and a neighbour's work took a share of that
// (a deadlock stopped at the limit before Go reported it, under load 30).
func TestBrowserExactEngine(t *testing.T) {
	tab, base, requests := onChannelsLimited(t, 2*time.Second)
	const id = channelsID
	s := newScenario(t, tab, base+"/en/channels/", id)

	// Automatic: what the interpreter cannot run goes to the toolchain.
	s.step("range over a function, automatic", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nseq := func(yield func(int) bool) { _ = yield(1) && yield(2) }\nfor v := range seq {\nfmt.Println(v)\n}\n}\n")
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		engine, note := engineOf(t, tab, id)
		if state != "done" || output != "1\n2\n" || engine != "exact" || !strings.Contains(note, "7:17: range over a function") {
			t.Errorf("range over func, automatic: state %s, engine %s, output %q, status %q, note %q", state, engine, output, status, note)
		}
	})
	// What the interpreter would print differently, too: runtime.Caller
	// gives a line of the interpreter's own source.
	s.step("runtime.Caller, automatic", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"runtime\"\n)\n\nfunc main() {\n_, _, line, ok := runtime.Caller(0)\nfmt.Println(line, ok)\n}\n")
		state, output, status := runPlayground(t, tab, id, 60*time.Second)
		if engine, note := engineOf(t, tab, id); state != "done" || output != "9 true\n" || engine != "exact" || !strings.Contains(note, "9:20: runtime.Caller sees the interpreter's own Go code") {
			t.Errorf("runtime.Caller, automatic: state %s, engine %s, output %q, status %q, note %q", state, engine, output, status, note)
		}
	})
	// A recover alone stays with the interpreter; a recovered runtime
	// error, which it words its own way, is handed over during the run.
	s.step("a recovered panic, automatic", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\ndefer func() { fmt.Println(\"recovered:\", recover()) }()\npanic(\"boom\")\n}\n")
		state, output, _ := runPlayground(t, tab, id, 60*time.Second)
		if engine, note := engineOf(t, tab, id); state != "done" || output != "recovered: boom\n" || engine != "fast" {
			t.Errorf("recovered panic, automatic: state %s, engine %s, output %q, note %q", state, engine, output, note)
		}
	})
	s.step("a recovered runtime error, automatic", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\ndefer func() { fmt.Println(\"recovered:\", recover()) }()\nfmt.Println(\"before\")\nvar s []int\ns[5] = 1\n}\n")
		state, output, _ := runPlayground(t, tab, id, 60*time.Second)
		if engine, note := engineOf(t, tab, id); state != "done" || output != "before\nrecovered: runtime error: index out of range [5] with length 0\n" || engine != "exact" || !strings.Contains(note, "runtime error") {
			t.Errorf("recovered runtime error, automatic: state %s, engine %s, output %q, note %q", state, engine, output, note)
		}
	})
	// What it runs like Go stays with it.
	plain := "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"fast\")\n}\n"
	s.step("a plain program, automatic", func(t *testing.T) {
		typeCode(t, tab, id, plain)
		state, output, _ := runPlayground(t, tab, id, 60*time.Second)
		if engine, note := engineOf(t, tab, id); state != "done" || output != "fast\n" || engine != "fast" || note != "" {
			t.Errorf("plain program, automatic: state %s, engine %s, output %q, note %q", state, engine, output, note)
		}
	})

	// Picked by the reader: every program goes to the toolchain. Each
	// step picks it, as a page opened afresh after a failure is back on
	// Automatic.
	exact := func(what string, f func(t *testing.T)) bool {
		return s.step(what+", exact", func(t *testing.T) {
			pickEngine(t, tab, id, "exact")
			f(t)
		})
	}
	exact("a plain program", func(t *testing.T) {
		typeCode(t, tab, id, plain)
		state, output, _ := runPlayground(t, tab, id, 60*time.Second)
		if engine, note := engineOf(t, tab, id); state != "done" || output != "fast\n" || engine != "exact" || note == "" {
			t.Errorf("plain program, exact: state %s, engine %s, output %q, note %q", state, engine, output, note)
		}
	})
	// A goroutine still asleep when main returned must not wake up.
	exact("a sleeping goroutine", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"time\"\n)\n\nfunc main() {\ngo func() {\ntime.Sleep(300 * time.Millisecond)\nfmt.Println(\"late\")\n}()\nfmt.Println(\"early\")\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "early\n" {
			t.Errorf("sleeping goroutine, exact: state %s, output %q", state, output)
		}
	})
	// A runner runs one program and is gone, so nothing a program left in
	// it answers for the next: each run starts one more (the next is
	// started ahead).
	runners := func(t *testing.T) int {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`Number(document.documentElement.dataset.pgRunners || 0)`))
	}
	before, reopened := runners(t), s.reopened
	// Compile errors at the editor's lines, with go build's words.
	three := exact("a compile error", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nfunc main() {\nx := 1\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "error" || output != goRunsWords("4:2: declared and not used: x\n") {
			t.Errorf("compile error, exact: state %s, output %q", state, output)
		}
	})
	// Only the playground's packages: syscall/js would reach the page.
	three = exact("syscall/js refused", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport \"syscall/js\"\n\nfunc main() {\njs.Global().Get(\"fetch\")\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "error" || !strings.Contains(output, "3:8: package syscall/js is not available in the playground") {
			t.Errorf("syscall/js, exact: state %s, output %q", state, output)
		}
	}) && three
	// A panic and its exit status, as go run reports them.
	three = exact("a panic", func(t *testing.T) {
		nilMap := "package main\n\nfunc main() {\nvar m map[string]int\nm[\"a\"] = 1\n}\n"
		if output := failsLikeGoRun(t, tab, id, "panic, exact", nilMap, ""); !strings.HasPrefix(output, "panic: assignment to entry in nil map\n") || !strings.Contains(output, "main.go:5") {
			t.Errorf("panic, exact: output %q", output)
		}
	}) && three
	if !three || s.reopened != reopened {
		t.Log("not checked, a step failed or the page was opened afresh: one runner a run")
	} else if n := runners(t) - before; n != 3 {
		t.Errorf("three runs (a compile error, syscall/js refused, a panic) started %d runners; want one each", n)
	}
	// A file error in go run's (Linux's) words, not js/wasm's own
	// ("No such file or directory"): errnos.go.
	exact("a missing file", func(t *testing.T) {
		missing := "package main\n\nimport (\n\"fmt\"\n\"os\"\n)\n\nfunc main() {\n_, err := os.Open(\"notes.txt\")\nfmt.Println(err)\n}\n"
		typeCode(t, tab, id, missing)
		if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != goRun(t, missing) {
			t.Errorf("a missing file, exact: state %s, output %q, want go run's %q", state, output, goRun(t, missing))
		}
	})
	// A nil pointer dereference's signal line names SIGSEGV, as on Linux,
	// not js/wasm's bare number (stdoverlay.go).
	exact("a nil pointer", func(t *testing.T) {
		failsLikeGoRun(t, tab, id, "nil pointer, exact", "package main\n\ntype T struct{ n int }\n\nfunc main() {\nvar p *T\nprintln(p.n)\n}\n", "")
	})
	// main's runtime.Goexit, once every other goroutine ended: Go's words
	// for it, not a deadlock of the goroutines asleep.
	exact("Goexit in main", func(t *testing.T) {
		failsLikeGoRun(t, tab, id, "Goexit in main, exact", "package main\n\nimport (\n\"fmt\"\n\"runtime\"\n)\n\nfunc main() {\ndefer fmt.Println(\"deferred\")\nruntime.Goexit()\n}\n", "deferred\n")
	})
	// Deep recursion: the browser's call stack runs out before Go's 1 GB
	// stack; the reader sees Go's words for it, as go run prints them.
	exact("deep recursion", func(t *testing.T) {
		recursion := "package main\n\nfunc f(n int) int { return f(n+1) + 1 }\n\nfunc main() {\nprintln(f(0))\n}\n"
		typeCode(t, tab, id, recursion)
		if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "error" || !strings.Contains(status, "exit status 2") ||
			output != "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n" {
			t.Errorf("deep recursion, exact: state %s, output %q, status %q", state, output, status)
		} else if want := goRunFails(t, recursion); !strings.HasPrefix(want, "runtime: goroutine stack exceeds 1000000000-byte limit\n") || !strings.Contains(want, "\nfatal error: stack overflow\n") {
			t.Errorf("deep recursion: go run now says %.200q", want)
		}
	})
	// A deadlock as Go reports it, at once (the limit here is 2 s); a
	// program that waits on a timer is not one.
	exact("a deadlock", func(t *testing.T) {
		deadlock := "package main\n\nimport \"sync\"\n\nfunc main() {\nvar wg sync.WaitGroup\nch := make(chan int)\nwg.Add(1)\ngo func() {\ndefer wg.Done()\nch <- 1\n}()\nwg.Wait()\n}\n"
		if output := failsLikeGoRun(t, tab, id, "deadlock, exact", deadlock, ""); !strings.HasPrefix(output, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.WaitGroup.Wait]:\n") ||
			!strings.Contains(output, "[chan send]:") || !strings.Contains(output, "main.go:11") {
			t.Errorf("deadlock, exact: output %q", output)
		}
	})
	// The same when the program printed first: a goroutine handled the
	// write's callback and waits for the next, so Go's runtime reports
	// the deadlock itself, with that goroutine in it.
	exact("a deadlock after a print", func(t *testing.T) {
		failsLikeGoRun(t, tab, id, "deadlock after a print, exact", "package main\n\nimport \"fmt\"\n\nfunc main() {\nch := make(chan int)\nfmt.Println(\"about to send\")\nch <- 1\n}\n", "about to send\n")
	})
	// Printed just before the deadlock, the last line was still batched
	// when the report began: it must go out before the report, which
	// must still lose the browser's goroutine (a stranger's program).
	exact("a deadlock after prints", func(t *testing.T) {
		failsLikeGoRun(t, tab, id, "deadlock after prints, exact", "package main\n\nimport \"fmt\"\n\nfunc main() {\nch := make(chan int, 2)\nfor i := 0; i < 3; i++ {\nch <- i\nfmt.Println(\"sent\", i)\n}\n}\n", "sent 0\nsent 1\n")
	})
	exact("waiting on a timer", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nimport (\n\"fmt\"\n\"time\"\n)\n\nfunc main() {\nch := make(chan int)\nselect {\ncase <-ch:\ncase <-time.After(300 * time.Millisecond):\nfmt.Println(\"timeout\")\n}\n}\n")
		if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "timeout\n" {
			t.Errorf("waiting on a timer, exact: state %s, output %q, status %q", state, output, status)
		}
	})
	// A runaway loop is stopped at the limit; the next run reuses the
	// compiled toolchain (no second download).
	exact("a runaway loop, then a run", func(t *testing.T) {
		typeCode(t, tab, id, "package main\n\nfunc main() {\nfor {\n}\n}\n")
		if state, _, status := runPlayground(t, tab, id, 60*time.Second); state != "error" || !strings.Contains(status, "did not end within 2 s") {
			t.Errorf("runaway loop, exact: state %s, status %q", state, status)
		}
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"again\")\n}\n")
		if state, output, _ := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "again\n" {
			t.Errorf("after a stopped run, exact: state %s, output %q", state, output)
		}
	})

	if s.whole("the compiler fetched once") {
		if n := requests("/assets/compile-"); n != 1 {
			t.Errorf("the compiler was fetched %d times; want once", n)
		}
	}
	// Kept by the browser for the next visit, in the Cache API: the
	// manifest of the standard library and the archives these programs
	// linked (the tools are in the HTTP cache:
	// TestBrowserExactEngineKeepsCompiledCode).
	keys := strings.Join(browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`caches.open('gointernals-exact').then((c) => c.keys()).then((ks) => ks.map((r) => new URL(r.url).pathname).sort())`, chromedp.EvalAwaitPromise)), " ")
	for _, want := range []string{"/assets/stdlib-", "/assets/std/fmt-", "/assets/std/syscall-js-"} {
		if !strings.Contains(keys, want) {
			t.Errorf("the Cache API holds %v; want %s… among them", keys, want)
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// BenchmarkExactEngine prints the exact engine's times for hello world,
// from clicking Run to the end of the program, served from loopback:
//
//   - ms-download: the very first run (the files fetched, inflated,
//     compiled, and every tool function compiled on first use);
//   - ms-first: a new page's first run, the files in the Cache API, Run
//     clicked at once;
//   - ms-first-warmed: the same after the reader focused the editor and
//     the toolchain warmed up in the background (the issue's "first run
//     after the download", budget 5 s);
//   - ms-later: the runs after it on the same page (budget 2 s), of which
//     compile-ms and link-ms are the two tools' share.
func BenchmarkExactEngine(b *testing.B) {
	tab := browser.New(b)
	out := buildWithPlayground(b, 10*time.Second)
	base := browser.Serve(b, out)
	const id = "en-channels-2"
	root := `[data-playground="` + id + `"]`
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n"
	load := func() {
		tab.Do(b, 20*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(hello)))
		pickEngine(b, tab, id, "exact")
	}
	run := func() float64 {
		tab.Do(b, 120*time.Second, chromedp.Click(root+` [data-action="run"]`), chromedp.WaitVisible(root+`[data-state="done"], `+root+`[data-state="error"]`))
		if out := browser.Get(b, tab, 10*time.Second, chromedp.TextContent(root+` [data-output]`)); out != "hello\n" {
			b.Fatalf("hello world printed %q", out)
		}
		ms := browser.Get(b, tab, 10*time.Second, browser.Attribute(root, "data-ms"))
		var v float64
		if _, err := fmt.Sscan(ms.Value, &v); err != nil {
			b.Fatalf("data-ms %q", ms.Value)
		}
		return v
	}
	phases := func(when string) {
		b.Logf("%s: toolchain loaded in %s ms; built %s ms after Run (compile %s ms, link %s ms), done %s ms after Run", when,
			browser.Get(b, tab, 10*time.Second, browser.Attribute(root, "data-load-ms")).Value,
			browser.Get(b, tab, 10*time.Second, browser.Attribute(root, "data-built-ms")).Value,
			browser.Get(b, tab, 10*time.Second, browser.Attribute(root, "data-compile-ms")).Value,
			browser.Get(b, tab, 10*time.Second, browser.Attribute(root, "data-link-ms")).Value,
			browser.Get(b, tab, 10*time.Second, browser.Attribute(root, "data-ms")).Value)
	}
	load()
	download := run()
	phases("download")
	var first, warmed, later, compile, link []float64
	for b.Loop() {
		load()
		first = append(first, run())
		phases("first")
		load()
		tab.Do(b, 120*time.Second, chromedp.Focus(root+` [data-editor]`), chromedp.WaitReady(`html[data-pg-exact-warm]`))
		warmed = append(warmed, run())
		phases("first, warmed")
		for range 3 {
			later = append(later, run())
			c := browser.Get(b, tab, 10*time.Second, chromedp.Evaluate[[]float64](`[+document.querySelector('`+root+`').dataset.compileMs, +document.querySelector('`+root+`').dataset.linkMs]`))
			compile, link = append(compile, c[0]), append(link, c[1])
			phases("later")
		}
	}
	b.ReportMetric(download, "ms-download")
	b.ReportMetric(median(first), "ms-first")
	b.ReportMetric(median(warmed), "ms-first-warmed")
	b.ReportMetric(median(later), "ms-later")
	b.ReportMetric(median(compile), "compile-ms")
	b.ReportMetric(median(link), "link-ms")
}

// TestBrowserCorpus runs the differential corpus of playground/engine
// (small programs with go run's output in a trailing comment; TestCorpus
// there runs every one under go run and the interpreter, natively) in the
// page, with the engine on "auto" as a reader finds it. It runs what the
// native test cannot show: every program the interpreter hands to the Go
// toolchain (announced before the run by engine.Prepare, or ending in a
// panic or a deadlock, exit status 2, which only Go reports), which the
// page must run there, and a sample
// of the others (every fourth, by name), which the interpreter compiled to
// WebAssembly must run as it runs natively. Every program must print what
// go run prints; each is a subtest, so every disagreement is reported.
func TestBrowserCorpus(t *testing.T) {
	t.Parallel()
	files, err := corpus.Load("../playground/engine/testdata/corpus/*.go")
	if err != nil || len(files) < 80 {
		t.Fatalf("the corpus: %d files, %v", len(files), err)
	}
	type program struct {
		name, src, want string
		exit            int
		handed          bool
	}
	var programs []program
	others := 0
	for _, f := range files {
		p := program{name: f.Name, src: f.Source, want: f.Want, exit: f.Exit}
		prep, err := engine.Prepare(p.src)
		p.handed = err == nil && prep.HandOver() != "" || p.exit == 2
		if !p.handed {
			others++
			if others%4 != 1 {
				continue
			}
		}
		programs = append(programs, p)
	}
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	var handed, sampled, onGo int
	for _, p := range programs {
		t.Run(p.name, func(t *testing.T) {
			tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(p.src)))
			tab.Do(t, 10*time.Second, chromedp.Click(root+` [data-action="run"]`))
			browser.Get(t, tab, 90*time.Second, ended(root))
			stdout := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`[...document.querySelectorAll('`+root+` [data-output] [data-stream="stdout"]')].map((e) => e.textContent).join('')`))
			status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
			engine, _ := engineOf(t, tab, id)
			if engine == "exact" {
				onGo++
			}
			if p.handed {
				handed++
				if engine != "exact" {
					t.Errorf("the interpreter hands it to the Go toolchain, but the page ran it on the %s engine", engine)
				}
			} else {
				sampled++
			}
			if stdout != p.want || !strings.HasPrefix(status, fmt.Sprintf("exit status %d ", p.exit)) {
				t.Errorf("%s engine: printed (%s)\n%s\ngo run prints (exit status %d)\n%s", engine, status, stdout, p.exit, p.want)
			}
		})
	}
	t.Logf("corpus in the page, engine on auto: %d programs handed to the Go toolchain and %d of the %d others; %d ran in the Go toolchain",
		handed, sampled, others, onGo)
}

// traceShape is a panic's or a deadlock's report without what differs
// between two runs of one program, or between its js/wasm build and
// go run's: file paths (the base name stays), code offsets, argument
// values and goroutine numbers.
func traceShape(report string) string {
	report = regexp.MustCompile(`(?m)^\t\S*/`).ReplaceAllString(report, "\t")
	report = regexp.MustCompile(` \+0x[0-9a-f]+`).ReplaceAllString(report, "")
	report = regexp.MustCompile(`0x[0-9a-f]+\??`).ReplaceAllString(report, "0x…")
	return regexp.MustCompile(`goroutine \d+`).ReplaceAllString(report, "goroutine N")
}

// runsLikeGoRun sets code in playground id, runs it on the engine picked
// and checks that it ends normally, printing what go run prints.
func runsLikeGoRun(t *testing.T, tab *browser.Tab, id, what, code string) {
	t.Helper()
	want := goRun(t, code)
	setCode(t, tab, id, code)
	if state, output, status := runPlayground(t, tab, id, 120*time.Second); state != "done" || output != want {
		t.Errorf("%s: state %s, output %q (%s); want go run's %q", what, state, output, status, want)
	}
}

// bothRunLikeGoRun runs code with each engine picked in turn, in the
// channels page's first playground, and checks each prints what go run
// prints (runsLikeGoRun), with no console error.
func bothRunLikeGoRun(t *testing.T, what, code string) {
	t.Helper()
	tab, _ := warmChannels(t, 10*time.Second)
	for _, engine := range []string{"fast", "exact"} {
		pickEngine(t, tab, channelsID, engine)
		runsLikeGoRun(t, tab, channelsID, engine+": "+what, code)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// failsLikeGoRun types code, which fails, runs it, and checks that the
// page ends it with exit status 2 and shows, after printed (what the
// program wrote before failing), go run's report: file paths, offsets,
// argument values and goroutine numbers aside (traceShape). It returns
// the page's output.
func failsLikeGoRun(t *testing.T, tab *browser.Tab, id, what, code, printed string) string {
	t.Helper()
	typeCode(t, tab, id, code)
	state, output, status := runPlayground(t, tab, id, 60*time.Second)
	if state != "error" || !strings.Contains(status, "exit status 2") {
		t.Errorf("%s: state %s, output %q, status %q", what, state, output, status)
	} else if got, want := traceShape(output), printed+traceShape(goRunFails(t, code)); got != want {
		t.Errorf("%s: the report differs from go run's (file paths, offsets and goroutine numbers aside):\n%s\nwant:\n%s", what, got, want)
	}
	return output
}
