package generator

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
	"github.com/goexpert/gointernals/playground/policy"
)

// Attacks on the built site, served with its production headers, written
// as an attacker would: from a share link or a program typed in, against
// the reader's browser and the site's origin.

// channelsID is the playground the attacks use: the first of the English
// channels page.
const channelsID = "en-channels-2"

// onChannels opens the English channels page of the real site (built with
// its playgrounds and a 10 s limit), served with its production headers;
// requests counts the server's requests whose path holds a string.
func onChannels(t *testing.T) (tab *browser.Tab, base string, requests func(string) int) {
	t.Helper()
	return onChannelsLimited(t, 10*time.Second)
}

// onChannelsLimited is onChannels on a site whose playgrounds stop a
// program after limit.
func onChannelsLimited(t *testing.T, limit time.Duration) (tab *browser.Tab, base string, requests func(string) int) {
	t.Helper()
	tab = browser.New(t)
	base, requests = browser.ServeCounting(t, buildWithPlayground(t, limit))
	tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(`[data-playground="`+channelsID+`"] [data-editor]`))
	return tab, base, requests
}

// setCode puts code in a playground's editor at once (typing a long
// program key by key takes seconds).
func setCode(t *testing.T, tab *browser.Tab, id, code string) {
	t.Helper()
	ed := `document.querySelector('[data-playground="` + id + `"] [data-editor]')`
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](ed+`.value = `+jsString(code)+`; `+ed+`.dispatchEvent(new Event('input'))`))
}

// buildAttack builds testdata/attack for js/wasm, knowing the site's
// origin, and returns it base64-encoded for the page.
func buildAttack(t *testing.T, origin string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "attack.wasm")
	cmd := exec.Command("go", "build", "-ldflags=-X main.origin="+origin, "-o", bin, ".")
	cmd.Dir = filepath.Join("testdata", "attack")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the attack program: %v\n%s", err, out)
	}
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(b)
}

// inSandbox runs the attack program in a worker of the page's sandbox,
// through the sandbox's own protocol (sandbox.js): as the interpreter's
// worker, where nothing is hidden from a program that took over
// JavaScript, or as the exact engine's runner. It returns the program's
// report. The page opened its sandbox for a run before.
const inSandbox = `(async (b64, kind) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
  const frame = document.querySelector('iframe[sandbox]');
  const control = new MessageChannel();
  const ready = new Promise((resolve) => { control.port1.onmessage = (e) => e.data.type === 'ready' && resolve(); });
  frame.contentWindow.postMessage({ type: 'connect', port: control.port2 }, '*', [control.port2]);
  await ready;
  const ch = new MessageChannel();
  const report = new Promise((resolve) => { ch.port1.onmessage = (e) => e.data.type === 'attack' && resolve(e.data.report); });
  control.port1.postMessage({ type: 'start', key: 'attack', kind, port: ch.port2 }, [ch.port2]);
  if (kind === 'fast') ch.port1.postMessage({ type: 'init', wasm: new Blob([bytes]) });
  else ch.port1.postMessage({ type: 'run', id: 'attack', wasm: bytes }, [bytes]);
  return await report;
})`

// TestBrowserSandboxHoldsJavaScript gives a program full JavaScript in the
// sandbox's workers, which is the most any reader code can get there, and
// checks that it reaches nothing: no request leaves (the server sees
// none), no storage of the site's origin opens, and the site's caches
// hold nothing it forged.
func TestBrowserSandboxHoldsJavaScript(t *testing.T) {
	t.Parallel()
	tab, base, requests := onChannels(t)
	attack := buildAttack(t, base)
	const id = channelsID
	// A program run first fills the service worker's cache, the target.
	if state, _, status := runPlayground(t, tab, id, 60*time.Second); state != "done" {
		t.Fatalf("the playground did not run: %s", status)
	}

	for _, kind := range []string{"fast", "runner"} {
		raw := browser.Get(t, tab, 60*time.Second, chromedp.Evaluate[string](inSandbox+`(`+jsString(attack)+`, `+jsString(kind)+`)`, chromedp.EvalAwaitPromise))
		var report map[string]string
		if err := json.Unmarshal([]byte(raw), &report); err != nil {
			t.Fatalf("%s: report %q: %v", kind, raw, err)
		}
		t.Logf("%s: %v", kind, report)
		if report["origin"] != "null" {
			t.Errorf("%s: the sandbox's origin is %q, want the opaque origin (null)", kind, report["origin"])
		}
		for _, name := range []string{"fetch", "fetch-proto", "xhr", "websocket", "eventsource", "importScripts", "eval", "Function", "caches", "indexedDB", "storage", "serviceWorker"} {
			got, ok := report[name]
			if !ok || !(got == "absent" || strings.HasPrefix(got, "blocked")) {
				t.Errorf("%s: %s is %q, want it absent or blocked", kind, name, got)
			}
		}
	}
	if n := requests("exfil"); n > 0 {
		t.Errorf("the server saw %d requests from the sandbox", n)
	}
	// Nothing forged in any cache of the site, and the next page load
	// runs the site's own scripts.
	tab.Do(t, 20*time.Second, chromedp.Reload(), chromedp.WaitReady(`[data-playground="`+id+`"] [data-editor]`))
	forgedEntries := browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[int](`(async () => {
	  let n = 0;
	  for (const name of await caches.keys()) {
	    const c = await caches.open(name);
	    for (const req of await c.keys()) if (req.url.includes('forged') || name.includes('forged')) n++;
	  }
	  return n + (document.documentElement.dataset.pwned ? 1 : 0);
	})()`, chromedp.EvalAwaitPromise))
	if forgedEntries != 0 {
		t.Errorf("%d forged entries in the site's caches after the attack", forgedEntries)
	}
}

// TestBrowserGuardRefusesEscapes types the programs that reached
// JavaScript through the exact engine before the sandbox existed: a
// //go:wasmimport of wasm_exec.js's own imports, and unsafe with
// runtime.FuncForPC forging a call. Each is refused before compiling, on
// Automatic as on the Go toolchain, with go build's style of error at its
// line: the directive by the Go toolchain's guard, and unsafe, on
// Automatic, by the interpreter's source pass, in the same words
// (playground/policy), with no hand-over.
func TestBrowserGuardRefusesEscapes(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	wasmimport := "package main\n\nimport \"fmt\"\n\n//go:wasmimport gojs syscall/js.valueGet\nfunc valueGet(v uintptr, p string) uintptr\n\nfunc main() {\n\tfmt.Println(valueGet(0, \"caches\"))\n}\n"
	forge := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\tu \"unsafe\"\n)\n\nfunc main() {\n\tf := runtime.FuncForPC(0)\n\tfmt.Println(f, u.Sizeof(f), *(*uintptr)(u.Pointer(&f)))\n}\n"
	for _, c := range []struct {
		name, code, want, auto string // auto: the engine that refuses it on Automatic
	}{
		{"wasmimport", wasmimport, "5:1: //go:wasmimport is not allowed in the playground", "exact"},
		{"unsafe", forge, "11:42: u.Pointer is not allowed in the playground", "fast"},
	} {
		for _, engine := range []string{"auto", "exact"} {
			pickEngine(t, tab, id, engine)
			setCode(t, tab, id, c.code)
			state, output, status := runPlayground(t, tab, id, 120*time.Second)
			want := engine
			if engine == "auto" {
				want = c.auto
			}
			if got, _ := engineOf(t, tab, id); state != "error" || got != want || !strings.Contains(output, c.want) {
				t.Errorf("%s on %s: state %s, engine %s, output %q (%s), want %q on %s", c.name, engine, state, got, output, status, c.want, want)
			}
		}
	}
	// What an attack on the guard itself tried: an import path spelled
	// with escapes, which Go decodes; a directive that breaks memory
	// safety without unsafe (//go:nosplit lets a recursion run over its
	// neighbours' stacks). And unsafe.Pointer after the three dots of a
	// variadic parameter, where a dot is no selector's. A directive in a
	// string, and //go:noinline, are a program's own business.
	pickEngine(t, tab, id, "exact")
	for _, c := range []struct{ name, code, want string }{
		{"\\u escape", "package main\n\nimport u \"\\u0075nsafe\"\n\nfunc main() { println(u.Sizeof(0), u.Pointer(nil)) }\n", "5:36: u.Pointer is not allowed"},
		{"\\x escape", "package main\n\nimport u \"\\x75nsafe\"\n\nfunc main() { println(u.Sizeof(0), u.Pointer(nil)) }\n", "5:36: u.Pointer is not allowed"},
		{"octal escape", "package main\n\nimport u \"\\165nsafe\"\n\nfunc main() { println(u.Sizeof(0), u.Pointer(nil)) }\n", "5:36: u.Pointer is not allowed"},
		{"variadic", "package main\n\nimport \"unsafe\"\n\nfunc f(p ...unsafe.Pointer) int { return len(p) }\n\nfunc main() { println(f(), unsafe.Sizeof(0)) }\n", "5:13: unsafe.Pointer is not allowed"},
		{"nosplit", "package main\n\n//go:nosplit\nfunc f(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn f(n-1) + 1\n}\n\nfunc main() { println(f(3)) }\n", "3:1: //go:nosplit is not allowed"},
		{"quoted", "package main\n\nimport \"fmt\"\n\n//go:noinline\nfunc f() string { return \"//go:linkname unsafe\" }\n\nfunc main() { fmt.Println(f()) }\n", ""},
	} {
		setCode(t, tab, id, c.code)
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		if c.want == "" {
			if state != "done" || output != "//go:linkname unsafe\n" {
				t.Errorf("%s: state %s, output %q (%s), want it to run", c.name, state, output, status)
			}
		} else if state != "error" || !strings.Contains(output, c.want) {
			t.Errorf("%s: state %s, output %q (%s), want %q", c.name, state, output, status, c.want)
		}
	}
	// Format does not make a short program longer than Run takes: 1.8 KB
	// of nested braces is 800 KB formatted.
	nested := "package main\n\nfunc main() {" + strings.Repeat("{", 900) + strings.Repeat("}", 900) + "}\n"
	setCode(t, tab, id, nested)
	clickAction(t, tab, `[data-playground="`+id+`"]`, "format")
	browser.Get(t, tab, 30*time.Second, chromedp.Poll[bool](`document.querySelector('[data-playground="`+id+`"] .pg-status').textContent.includes('64 KB')`))
	if got := editorValue(t, tab, id); got != nested {
		t.Errorf("Format of nested braces replaced the program with %d bytes", len(got))
	}
	// Past 64 KB a program is neither run nor formatted.
	setCode(t, tab, id, "package main\n\nfunc main() {}\n\n"+strings.Repeat("// padding\n", 7000))
	tab.Do(t, 10*time.Second, chromedp.Click(`[data-playground="`+id+`"] [data-action="run"]`))
	if status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(`[data-playground="`+id+`"] .pg-status`)); !strings.Contains(status, "over 64 KB") {
		t.Errorf("a 77 KB program: status %q", status)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserInterpreterEndsLeftGoroutines: a program whose goroutine
// goes on after main returned (Go ends it with the process) must not go on
// in the page's interpreter: its worker is ended, and the next program
// gets a new one. One that leaves nothing keeps the worker. The page's
// count of workers started is read after a first run, from where the
// tests before on the page left it (warmChannels).
func TestBrowserInterpreterEndsLeftGoroutines(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	pickEngine(t, tab, id, "fast")
	workers := func() int {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[int](`Number(document.documentElement.dataset.pgInterpreters || 0)`))
	}
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"next\")\n}\n"
	first := 0
	for i, c := range []struct {
		code, output string
		more         int // workers started since the first run
	}{
		{hello, "next\n", 0},
		{hello, "next\n", 0},
		{"package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tgo func() {\n\t\tfor {\n\t\t\truntime.Gosched()\n\t\t}\n\t}()\n\truntime.Gosched()\n\tfmt.Println(\"main returns\")\n}\n", "main returns\n", 0},
		{hello, "next\n", 1},
		{hello, "next\n", 1},
	} {
		setCode(t, tab, id, c.code)
		state, output, status := runPlayground(t, tab, id, 60*time.Second)
		if state != "done" || output != c.output {
			t.Errorf("run %d: state %s, output %q (%s)", i, state, output, status)
		}
		got := workers()
		if i == 0 {
			if first = got; first < 1 {
				t.Fatalf("after a run on the interpreter, the page says %d interpreter workers started", got)
			}
		}
		if got-first != c.more {
			t.Errorf("run %d: %d interpreter workers started since the first run, want %d", i, got-first, c.more)
		}
	}
}

// forgeAnswers makes the page's channels to its workers deliver, once,
// a forged answer to the next request of type window.__forge ('run' or
// 'format'), as a program that took over the interpreter's JavaScript
// could post: a format's answer to a run, a run's to a format. It
// arrives on the page's end of the channel, as the worker's own answers
// do, and before them: its timer is set as the request leaves.
const forgeAnswers = `(() => {
  const post = MessagePort.prototype.postMessage;
  window.__forgeRestore = () => { MessagePort.prototype.postMessage = post; };
  MessagePort.prototype.postMessage = function (m, transfer) {
    const r = post.call(this, m, transfer);
    if (m && typeof m.id === 'string' && m.type === window.__forge) {
      window.__forge = '';
      // As a worker's message does, it arrives in a task of its own.
      const send = (data) => setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })));
      if (m.type === 'run') send({ type: 'formatted', id: m.id, code: '// forged\n' });
      else {
        send({ type: 'out', id: m.id, stream: 'stdout', data: 'forged\n' });
        send({ type: 'exit', id: m.id, status: 0 });
      }
    }
    return r;
  };
})()`

// TestBrowserWorkerAnswersOnlyWhatItWasAsked: the interpreter's worker
// is shared by the page's playgrounds and runs the reader's programs. A
// worker that answers a run as a format (which rewrote the editor) or a
// format as a run (which printed its words as the program's) is one gone
// wrong, and the page ends it: the editor keeps the reader's code, the
// forged words are shown nowhere, the reader is told the interpreter
// failed, and the next run starts a fresh one.
func TestBrowserWorkerAnswersOnlyWhatItWasAsked(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](forgeAnswers))
	t.Cleanup(func() {
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.__forge = ''; window.__forgeRestore()`))
	})
	pickEngine(t, tab, id, "fast")
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"next\")\n}\n"
	setCode(t, tab, id, hello)
	// A first run, unforged, has the worker started.
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "next\n" {
		t.Fatalf("hello world: state %s, output %q (%s)", state, output, status)
	}
	forged := func(request string) {
		t.Helper()
		status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
		output := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` [data-output]`))
		if strings.Contains(output, "forged") {
			t.Errorf("a forged answer to a %s printed %q", request, output)
		}
		if got := editorValue(t, tab, id); got != hello {
			t.Errorf("a forged answer to a %s left the editor holding %q", request, got)
		}
		if !strings.Contains(status, "not asked") {
			t.Errorf("after a forged answer to a %s the page says %q, want that the interpreter failed", request, status)
		}
	}

	// Waited for: the run's end, or the editor rewritten (the run then
	// never ends: its own answers are dropped).
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.__forge = 'run'; document.querySelector('`+root+` [data-action="run"]').click()`))
	browser.Get(t, tab, 60*time.Second, chromedp.Poll[bool](`!!document.querySelector('`+root+`[data-state="done"], `+root+`[data-state="error"]') || document.querySelector('`+root+` [data-editor]').value.includes('forged')`, chromedp.WithPollingTimeout(0)))
	if state := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-state")).Value; state != "error" {
		t.Errorf("a run answered as a format is %s, want error", state)
	}
	forged("run")

	// The status is cleared first: the wait below is for the format's
	// own answer, not the run's word still shown.
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.__forge = 'format'; document.querySelector('`+root+` .pg-status').textContent = ''`))
	clickAction(t, tab, root, "format")
	browser.Get(t, tab, 60*time.Second, chromedp.Poll[bool](`!!document.querySelector('`+root+` .pg-status')?.textContent.includes('not asked') || !!document.querySelector('`+root+` [data-output]')?.textContent.includes('forged')`, chromedp.WithPollingTimeout(0)))
	forged("format")

	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "next\n" {
		t.Errorf("hello world after the forged answers: state %s, output %q (%s)", state, output, status)
	}

	// On Automatic, a run under way when a format is answered wrongly is
	// the Go toolchain's to finish, as after any failure of the
	// interpreter: the playground, which asked for both, is told once
	// (told twice, its run was handed to Go, then called crashed).
	pickEngine(t, tab, id, "auto")
	setCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\ttime.Sleep(2 * time.Second)\n\tfmt.Println(\"next\")\n}\n")
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+`').dataset.state = 'idle'; document.querySelector('`+root+` [data-action="run"]').click()`))
	browser.Get(t, tab, 60*time.Second, chromedp.Poll[bool](`!!document.querySelector('`+root+`').dataset.prepareMs`, chromedp.WithPollingTimeout(0)))
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.__forge = 'format'`))
	clickAction(t, tab, root, "format")
	browser.Get(t, tab, 180*time.Second, ended(root))
	state := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-state")).Value
	output := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` [data-output]`))
	if engine, _ := engineOf(t, tab, id); state != "done" || output != "next\n" || engine != "exact" {
		t.Errorf("a run under way when a format was answered wrongly: state %s, output %q, engine %s; want done, \"next\\n\", on the Go toolchain", state, output, engine)
	}
}

// TestBrowserShareLinkBomb opens share links whose code inflates far past
// the limit: the page stays responsive, says why, and keeps the original
// program; a link within the limit still opens.
func TestBrowserShareLinkBomb(t *testing.T) {
	t.Parallel()
	tab, base := warmChannels(t, 10*time.Second)
	const id = channelsID
	link := func(code []byte) string { return shareLink(base, id, code) }
	// 200 MB of one byte is a link of about 200 KB: beyond the fragment's
	// bound. 20 MB is about 20 KB of link, which only inflating can
	// tell; the attack found 5.5 KB froze a tab for minutes.
	for _, size := range []int{20 << 20, 200 << 20} {
		url := link(bytes.Repeat([]byte{'/'}, size))
		tab.Do(t, 10*time.Second, chromedp.Navigate("about:blank"))
		start := time.Now()
		tab.Do(t, 60*time.Second, chromedp.Navigate(url), chromedp.WaitReady(`[data-playground="`+id+`"] [data-editor]`))
		root := `[data-playground="` + id + `"]`
		browser.Get(t, tab, 30*time.Second, chromedp.Poll[bool](`document.querySelector('`+root+` .pg-status').textContent.includes('KB of code')`))
		took := time.Since(start)
		status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
		if got := editorValue(t, tab, id); strings.Contains(got, "////") {
			t.Errorf("%d MB link: the editor holds the bomb (%d bytes)", size>>20, len(got))
		}
		// A wide guard: the limit stops inflating after 64 KB.
		if took > 20*time.Second {
			t.Errorf("%d MB link: the page took %v to say %q", size>>20, took, status)
		}
		t.Logf("%d MB link (%d characters): answered in %v: %s", size>>20, len(url), took, status)
	}
	// Within the limit: opens, as before, and also when the reader follows
	// it from the same page (only the fragment changes).
	code := "package main\n\nfunc main() {}\n"
	tab.Do(t, 20*time.Second, chromedp.Navigate(link([]byte(code))), chromedp.WaitReady(`[data-playground="`+id+`"] [data-editor]`))
	browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('[data-playground="`+id+`"] [data-editor]').value === `+jsString(code)))
	code = "package main\n\nfunc main() { println() }\n"
	tab.Do(t, 20*time.Second, chromedp.Navigate(link([]byte(code))))
	browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('[data-playground="`+id+`"] [data-editor]').value === `+jsString(code)))
}

// shareLink is the link to the English channels page that opens code in
// its playground id, as the page's Share writes it (share.js).
func shareLink(base, id string, code []byte) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(code)
	w.Close()
	return base + "/en/channels/#run=" + id + "." + base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// TestBrowserShareLinkHeldCycle opens a security review's share link on
// Automatic: two struct types, one holding the other, which refers back
// (testdata/held_cycle.go), that the interpreter laid out with a
// pointer and an int sharing their bytes, reading and writing memory at
// 0x1000. The page gives it to the Go toolchain, where it is an ordinary
// program that dereferences a nil pointer.
func TestBrowserShareLinkHeldCycle(t *testing.T) {
	t.Parallel()
	tab, base := warmChannels(t, 10*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	code, err := os.ReadFile("testdata/held_cycle.go")
	if err != nil {
		t.Fatal(err)
	}
	tab.Do(t, 20*time.Second, chromedp.Navigate(shareLink(base, id, code)), chromedp.WaitReady(root+` [data-editor]`))
	browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('`+root+` [data-editor]').value === `+jsString(string(code))))
	state, output, status := runPlayground(t, tab, id, 120*time.Second)
	if engine, _ := engineOf(t, tab, id); engine != "exact" || strings.Contains(output, "0x1000: ") || !strings.Contains(output, "nil pointer dereference") {
		t.Errorf("state %s, engine %s, status %q, output %q; want the Go toolchain's nil pointer dereference", state, engine, status, output)
	}
}

// TestBrowserShareLinkShowsReordering opens a share link whose code holds
// Unicode's bidirectional controls, which show a line in another order
// than Go reads it (here a comment whose reversed text reads as a call,
// and a string that shows "2 - 1"): the page marks the lines that hold
// them, counted as the editor counts them (a lone carriage return ends a
// line there), and says so; so too for other invisible characters (a
// zero-width space, a form feed). A link without them, followed from the same page,
// opens with neither: the first link's word and marks go. Letters written
// right to left reorder code without any control character: the editor
// shows strings, comments and names each in its place.
func TestBrowserShareLinkShowsReordering(t *testing.T) {
	t.Parallel()
	tab, base := warmChannels(t, 10*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	tab.Do(t, 10*time.Second, chromedp.Navigate("about:blank"))
	editor := strings.NewReplacer("\r\n", "\n", "\r", "\n")
	for _, c := range []struct {
		code  string
		lines []string // the marked lines, as the page's --line
	}{
		{"package main\r\rimport \"fmt\"\n\nfunc main() {\n\t// ok\u202e } ;(\"deined\")nltnirP.tmf \u2066\n\tfmt.Println(\"ok\") // \u2067x\u2069\n\tfmt.Println(\"\u200f1 - 2\u200f\")\n}\n", []string{"6", "7", "8"}},
		{"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"مرحبا\") // right to left, no control\n}\n", nil},
		// A zero-width space shows as nothing: a password that reads
		// "hunter2" and is not; a form feed and other controls too (a security
		// review's).
		{"package main\n\nfunc main() {\n\tpw := \"hunter2\u200b\"\n\tprintln(pw == \"hunter2\")\n\tpw = \"hunter2\f\"\n\tpw = \"hunter2\v\x01\"\n}\n", []string{"4", "6", "7"}},
		// A paragraph separator ends the isolate a string or a comment is
		// shown in (playground.css): what follows it moves the code again.
		{"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"\u2029א\", 10 - 3, \"ב\")\n\tfmt.Println(/*\u0085א*/ 10 - 3 /*ב*/)\n\tfmt.Println(\"\x1c\", \"\x1d\", \"\x1e\")\n}\n", []string{"6", "7", "8"}},
	} {
		tab.Do(t, 20*time.Second, chromedp.Navigate(shareLink(base, id, []byte(c.code))), chromedp.WaitReady(root+` [data-editor]`))
		browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('`+root+` [data-editor]').value === `+jsString(editor.Replace(c.code))))
		status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
		marked := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`[...document.querySelectorAll('`+root+` .pg-mark')].map((m) => m.style.getPropertyValue('--line'))`))
		if strings.Join(marked, " ") != strings.Join(c.lines, " ") {
			t.Errorf("%q: the page marks lines %q, want %q", c.code, marked, c.lines)
		}
		if told := strings.Contains(status, "invisible characters"); told != (c.lines != nil) {
			t.Errorf("%q: the page says %q", c.code, status)
		}
		named := "line " + strings.Join(c.lines, ", ")
		if len(c.lines) > 1 {
			named = "lines " + strings.Join(c.lines, ", ")
		}
		if c.lines != nil && !strings.Contains(status, named) {
			t.Errorf("%q: the page says %q, want it to name %s", c.code, status, named)
		}
	}

	// Letters written right to left reorder the code around them without
	// any control: between two such strings, or names, or comments, "10 -
	// 3" showed as "3 - 10". The editor shows each in its place; and code
	// too long to highlight (a share link's comment of 17,000 characters,
	// which costs the link next to nothing), in the order Go reads it.
	rtl := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tא, ב := 1, 2\n\tfmt.Println(\"א\", 10 - 3, \"ב\")\n\tfmt.Println(א, 20 - 4, ב)\n\tfmt.Println(/*ו*/ 30 - 5 /*ו*/)\n}\n"
	for _, code := range []string{rtl, rtl + "// " + strings.Repeat("x", 17000) + "\n"} {
		tab.Do(t, 20*time.Second, chromedp.Navigate(shareLink(base, id, []byte(code))), chromedp.WaitReady(root+` [data-editor]`))
		browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`document.querySelector('`+root+` pre.pg-shadow').textContent.length === `+strconv.Itoa(len([]rune(code)))))
		// Where each number's first character is shown, from the left.
		x := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]float64](`(() => {
		  const pre = document.querySelector('`+root+` pre.pg-shadow');
		  const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
		  const nodes = [];
		  let text = '';
		  for (let n; (n = walk.nextNode());) { nodes.push([n, text.length]); text += n.data; }
		  return ['10 -', ' 3,', '20 -', ' 4,', '30 -', ' 5 '].map((s) => {
		    const i = text.indexOf(s) + (s[0] === ' ' ? 1 : 0);
		    const [node, at] = nodes.findLast(([, start]) => start <= i);
		    const r = document.createRange();
		    r.setStart(node, i - at);
		    r.setEnd(node, i - at + 1);
		    return r.getBoundingClientRect().left;
		  });
		})()`))
		for i, shown := range []string{"10 - 3", "20 - 4", "30 - 5"} {
			if x[2*i] >= x[2*i+1] {
				t.Errorf("%d characters of code: %s is shown reversed: its first number at %.0f px, its second at %.0f", len(code), shown, x[2*i], x[2*i+1])
			}
		}
	}
}

// mainThreadGaps measures the longest the page's main thread went without
// running a 10 ms timer over 3 s: while a program floods the output, how
// long a reader's click would wait.
const mainThreadGaps = `new Promise((resolve) => {
  let last = performance.now(), worst = 0;
  const end = last + 3000;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    if (now < end) setTimeout(tick, 10); else resolve(Math.round(worst));
  };
  setTimeout(tick, 10);
})`

// machineStretch does a fixed piece of work (a few ms) every 50 ms for
// 3 s and resolves to how many times longer its slowest run took than its
// quickest, after five runs that let the JIT compile it: what the
// machine's load did then to a main thread's work.
const machineStretch = `new Promise((resolve) => {
  const times = [];
  const end = performance.now() + 3000;
  const step = () => {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 3e6; i++) x = (x * 31 + i) | 0;
    times.push(performance.now() - start + (x & 0));
    if (performance.now() < end) setTimeout(step, 50);
    else {
      const warm = times.slice(5);
      resolve(Math.max(...warm) / Math.max(0.1, Math.min(...warm)));
    }
  };
  setTimeout(step, 50);
})`

// TestBrowserOutputFlood runs programs that print without end on both
// engines: the page keeps answering while they print, and stops them at
// the output's bounds (bytes or lines) with a message. Text that costs
// far more to lay out than its length says is written in smaller shares,
// sized by the time the last ones took: it too is stopped at the output's
// bounds, not for being slow to show. It runs alone, not in parallel with
// other tests, whose pages would take a share of the CPU its page's main
// thread is measured on; a program that prints slowly, which measures no
// thread, is TestBrowserOutputSlowPrinting's.
func TestBrowserOutputFlood(t *testing.T) {
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	// A page beside the flood's, in a process of its own, doing a fixed
	// piece of work over the same seconds as each flood (machineStretch):
	// how many times longer than at its quickest the machine's load made
	// a main thread's work then, which a measure taken before (idle,
	// below) cannot say. Under a neighbour's load a flood's page waited
	// 1273 ms where it had waited 16 ms before, and 1546 where a page
	// beside it that only woke for a timer waited 19 ms: load stretches
	// work, not wakeups.
	control := browser.New(t)
	control.Do(t, 20*time.Second, chromedp.Navigate("about:blank"))
	root := `[data-playground="` + id + `"]`
	for _, engine := range []string{"fast", "exact"} {
		pickEngine(t, tab, id, engine)
		// The engine loaded (and, for the toolchain, warm), so that the
		// measure below covers the printing.
		setCode(t, tab, id, "package main\n\nfunc main() {}\n")
		if state, _, status := runPlayground(t, tab, id, 180*time.Second); state != "done" {
			t.Fatalf("%s: an empty program: %s", engine, status)
		}
		// What the machine's load alone costs the page: its longest wait
		// with nothing running, which a busy machine stretches from 10 ms
		// to hundreds (1.1 to 1.5 s were seen in a flood at load 30). A
		// flood may add a second to it, not more, times the stretch of
		// work the page beside it saw meanwhile: written in one piece
		// instead of a frame's share at a time, it freezes the page for
		// many seconds.
		idle := browser.Get(t, tab, 30*time.Second, chromedp.Evaluate[int](mainThreadGaps, chromedp.EvalAwaitPromise))
		for _, c := range []struct {
			name, code string
			// layout: the case holds what the page does with costly
			// text, in its own code whichever engine sent the text;
			// run on the interpreter only (three floods on the toolchain,
			// about 30 s of Chromium's CPU). The switch from cheap text
			// to costly runs on both: the toolchain's program fills the
			// output far faster, and sends it in larger pieces.
			layout bool
		}{
			{"lines", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"x\")\n\t}\n}\n", false},
			{"streams", "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfor {\n\t\tfmt.Fprint(os.Stdout, \"a\")\n\t\tfmt.Fprint(os.Stderr, \"b\")\n\t}\n}\n", false},
			{"bytes", "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tfor {\n\t\tfmt.Print(strings.Repeat(\"y\", 4000))\n\t}\n}\n", false},
			// Text that costs far more to lay out than its length says.
			{"directions", "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(strings.Repeat(\"a\\u05d0\", 1000))\n\t}\n}\n", true},
			{"accents", "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"a\" + strings.Repeat(\"\\u0301\", 4000))\n\t}\n}\n", true},
			{"returns", "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tfor {\n\t\tfmt.Print(strings.Repeat(\"x\\r\", 1000))\n\t}\n}\n", true},
			// Cheap text first, so that a frame writes all it may, then
			// costly text: the share learnt on the first must not freeze
			// the page on the second.
			{"switch", "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tfor i := 0; i < 3000; i++ {\n\t\tfmt.Println(strings.Repeat(\"x\", 99))\n\t}\n\tfor {\n\t\tfmt.Println(strings.Repeat(\"a\\u05d0\", 1000))\n\t}\n}\n", false},
		} {
			if c.layout && engine == "exact" {
				continue
			}
			setCode(t, tab, id, c.code)
			// Measured from the click: the build, the run, the flood.
			control.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.stretch = `+machineStretch))
			tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.gaps = `+mainThreadGaps),
				chromedp.Click(root+` [data-action="run"]`))
			worst := browser.Get(t, tab, 30*time.Second, chromedp.Evaluate[int](`window.gaps`, chromedp.EvalAwaitPromise))
			stretch := browser.Get(t, control, 30*time.Second, chromedp.Evaluate[float64](`window.stretch`, chromedp.EvalAwaitPromise))
			guard := int(float64(1000+2*idle) * max(1, stretch))
			tab.Do(t, 60*time.Second, chromedp.WaitVisible(root+`[data-state="error"]`))
			status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
			output := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` [data-output]`))
			t.Logf("%s, %s flood: the main thread's longest wait %d ms (%d ms idle before; work stretched %.1f times beside it); %d bytes shown; %s", engine, c.name, worst, idle, stretch, len(output), status)
			// Switching streams on every write prints slowly: it meets the
			// time limit first. No flood is stopped for its layout: every
			// frame's share is sized to its cost.
			if !strings.Contains(status, "10,000 lines") && !(c.name == "streams" && strings.Contains(status, "10 s")) {
				t.Errorf("%s, %s flood: status %q, want the output's bound", engine, c.name, status)
			}
			// The goal is 100 ms; a busy machine gets a wide guard.
			if worst > guard {
				t.Errorf("%s, %s flood: the page did not answer for %d ms (%d ms idle before; work stretched %.1f times beside it; guard %d ms)", engine, c.name, worst, idle, stretch, guard)
			}
			// One endless line, shown in lines of up to 4096 characters,
			// far wider than the box: it scrolls to show them.
			if c.name == "bytes" {
				if wide := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`(() => { const pre = document.querySelector('`+root+` [data-output]'); return pre.textContent.length < 300 || pre.scrollWidth > pre.clientWidth + 1000 })()`)); !wide {
					t.Errorf("%s, %s flood: the output box does not scroll to its long lines", engine, c.name)
				}
			}
			// The page counts UTF-16 units, as JavaScript strings do.
			if lines := strings.Count(output, "\n"); lines > 10000 || len(utf16.Encode([]rune(output))) > policy.OutputLimit {
				t.Errorf("%s, %s flood: %d lines and %d bytes shown, past the bounds", engine, c.name, lines, len(output))
			}
		}
	}
}

// TestBrowserOutputSlowPrinting runs, on both engines, a program that
// prints within the output's bounds without end: the time limit (10 s)
// stops it on time, as the page is never too busy to notice. It measures
// no thread of the page, so it runs beside other tests, not in
// TestBrowserOutputFlood's time alone.
func TestBrowserOutputSlowPrinting(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	for _, engine := range []string{"fast", "exact"} {
		pickEngine(t, tab, id, engine)
		setCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(i)\n\t\ttime.Sleep(5 * time.Millisecond)\n\t}\n}\n")
		// The first output comes after the engine's load (for the
		// toolchain, its download and the build too), which the limit,
		// started with the run, does not count. A build stopped at the
		// page's 60 s build limit (a machine busy enough, beside other
		// tests) says nothing of the run, and is tried again.
		for try := 0; ; try++ {
			tab.Do(t, 10*time.Second, chromedp.Click(root+` [data-action="run"]`))
			browser.Get(t, tab, 180*time.Second, chromedp.Poll[bool](`(() => { const r = document.querySelector('`+root+`'); return r.dataset.firstOutput !== undefined || r.dataset.state === 'error'; })()`, chromedp.WithPollingTimeout(0)))
			if browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`document.querySelector('`+root+`').dataset.firstOutput !== undefined`)) {
				break
			}
			status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
			if try == 2 || !strings.Contains(status, "build did not end") {
				t.Fatalf("%s, slow printing: stopped before its first output: %q", engine, status)
			}
			t.Logf("%s: the build did not end within its limit: again", engine)
		}
		start := time.Now()
		tab.Do(t, 60*time.Second, chromedp.WaitVisible(root+`[data-state="error"]`))
		status := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` .pg-status`))
		t.Logf("%s, slow printing: stopped %v after its first output: %s", engine, time.Since(start), status)
		if !strings.Contains(status, "10 s") || time.Since(start) > 25*time.Second {
			t.Errorf("%s, slow printing: stopped %v after its first output: %q, want the 10 s limit", engine, time.Since(start), status)
		}
	}
}

// TestBrowserStopDuringBuild stops a program that makes the compiler work
// without end (a string constant that doubles itself), then runs hello
// world: it builds at once with the tools kept, instead of waiting for the
// compiler to give up.
func TestBrowserStopDuringBuild(t *testing.T) {
	t.Parallel()
	tab, _, requests := onChannels(t)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	pickEngine(t, tab, id, "exact")
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n"
	setCode(t, tab, id, hello)
	if state, _, status := runPlayground(t, tab, id, 180*time.Second); state != "done" {
		t.Fatalf("hello world: %s", status)
	}
	// Counted from here: how the first load fetched the tools is another
	// test's (exact_cache_browser_test.go); a loaded machine's HTTP cache
	// may not have stored the compiler by the time the page fetches it
	// again, which costs a second download then.
	loaded := requests("compile-")
	var bomb strings.Builder
	bomb.WriteString("package main\n\nconst c0 = \"0123456789abcdef\"\n")
	for i := 1; i <= 40; i++ {
		bomb.WriteString("const c" + itoa(i) + " = c" + itoa(i-1) + " + c" + itoa(i-1) + "\n")
	}
	bomb.WriteString("\nfunc main() { println(len(c40)) }\n")
	for round := range 3 {
		setCode(t, tab, id, bomb.String())
		tab.Do(t, 10*time.Second, chromedp.Click(root+` [data-action="run"]`))
		time.Sleep(2 * time.Second)
		tab.Do(t, 10*time.Second, chromedp.Click(root+` [data-action="stop"]`))
		setCode(t, tab, id, hello)
		start := time.Now()
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		took := time.Since(start)
		t.Logf("round %d: hello world after a stopped build: %v (%s)", round, took, status)
		if state != "done" || output != "hello\n" {
			t.Errorf("round %d: hello world after a stopped build: state %s, output %q (%s)", round, state, output, status)
		}
		// Before, it waited for the compiler: 32 s after an 8 s bomb.
		if took > 30*time.Second {
			t.Errorf("round %d: hello world took %v after a stopped build", round, took)
		}
	}
	if n := requests("compile-") - loaded; n > 0 {
		t.Errorf("the compiler was downloaded %d more times after it was loaded: a stopped build must keep the tools", n)
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
