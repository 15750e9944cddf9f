package generator

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/assets"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// stdlibProgram uses three packages the exact engine once refused.
const stdlibProgram = `package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

type entry struct {
	Word  string ` + "`json:\"word\"`" + `
	Count int    ` + "`json:\"count,omitempty\"`" + `
}

func main() {
	words := regexp.MustCompile(` + "`[a-z]+`" + `)
	counts := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader("the gopher and the gc\nthe scheduler parks the gopher"))
	for sc.Scan() {
		for _, w := range words.FindAllString(sc.Text(), -1) {
			counts[w]++
		}
	}
	var out []entry
	for _, w := range []string{"the", "gopher", "gc", "mutex"} {
		out = append(out, entry{w, counts[w]})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	fmt.Println(string(b), err)
	var back []entry
	fmt.Println(json.Unmarshal(b, &back), back)
}
`

// TestBrowserExactStdlib runs, with the Go toolchain picked, a program
// importing encoding/json, bufio and regexp, and checks that the page
// fetched the archives that program needs and nothing else, each once;
// that another program, and the same one on a new page, fetch nothing
// more; that a forged archive in the Cache API is fetched again; that
// os/exec and net build and fail at run time with Go's errors; and that
// syscall/js, unsafe (but its layout's functions) and internal packages
// stay refused.
func TestBrowserExactStdlib(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base, requests := browser.ServeCounting(t, out)
	const id = "en-channels-2"
	root := `[data-playground="` + id + `"]`
	// The archives are served as immutable, so the browser's HTTP cache
	// would answer a fetch the worker makes again and the server would
	// not see it: emptied before each new page, the server's count is
	// every archive not taken from the Cache API.
	clearHTTPCache := func() {
		t.Helper()
		if _, err := chromedp.Call(tab.Ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
	}

	want := goRun(t, stdlibProgram)
	manifest := readStdlibManifest(t, out)
	imports := map[string][]string{}
	for p, e := range manifest.Packages {
		imports[p] = e.Imports
	}
	hello := assets.Closure(imports, manifest.First...)
	needed := assets.Closure(imports, "bufio", "encoding/json", "fmt", "regexp", "strings", "runtime", "time")
	var extra []string
	var extraBytes int64
	for _, p := range needed {
		if !slices.Contains(hello, p) {
			extra = append(extra, p)
			extraBytes += manifest.Packages[p].Size
		}
	}
	t.Logf("hello world links %d archives; the program %d, %d more (%v, %d bytes compressed)", len(hello), len(needed), len(extra), extra, extraBytes)

	open := func() {
		t.Helper()
		tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`))
		pickEngine(t, tab, id, "exact")
	}
	run := func(what, code string, wait time.Duration) (state, output, status string) {
		t.Helper()
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(code)))
		state, output, status = runPlayground(t, tab, id, wait)
		t.Logf("%s: %s in %s ms (built %s ms after Run: compile %s ms, link %s ms)", what, state,
			browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-ms")).Value,
			browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-built-ms")).Value,
			browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-compile-ms")).Value,
			browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-link-ms")).Value)
		return
	}
	fetched := func() map[string]int {
		n := map[string]int{}
		for p, e := range manifest.Packages {
			if c := requests(e.URL); c > 0 {
				n[p] = c
			}
		}
		return n
	}

	open()
	hi := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n"
	if state, output, status := run("hello world, first", hi, 180*time.Second); state != "done" || output != "hello\n" {
		t.Fatalf("hello world: state %s, output %q, status %q", state, output, status)
	}
	got := fetched()
	if len(got) != len(hello) {
		t.Errorf("hello world fetched %d archives, want the %d it links: %v", len(got), len(hello), got)
	}
	state, output, status := run("encoding/json, bufio and regexp, first", stdlibProgram, 180*time.Second)
	if state != "done" || output != want {
		t.Fatalf("the program: state %s, status %q, printed\n%s\ngo run prints\n%s", state, status, output, want)
	}
	// Only what it needs, each once.
	got = fetched()
	for _, p := range needed {
		if got[p] != 1 {
			t.Errorf("%s fetched %d times; want once", p, got[p])
		}
		delete(got, p)
	}
	for p, n := range got {
		t.Errorf("%s fetched %d times; the program does not need it", p, n)
	}
	if n := requests("/assets/std/"); n != len(needed) {
		t.Errorf("%d requests for archives; want %d", n, len(needed))
	}

	// Another program of those packages fetches nothing: the worker holds
	// them. Nor does the same program on a new page: the Cache API does.
	if state, output, _ := run("encoding/json and regexp, second", "package main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"regexp\"\n)\n\nfunc main() {\n\tb, _ := json.Marshal(regexp.MustCompile(\"a+\").FindAllString(\"caaab\", -1))\n\tfmt.Println(string(b))\n}\n", 60*time.Second); state != "done" || output != "[\"aaa\"]\n" {
		t.Errorf("a second program: state %s, output %q", state, output)
	}
	if n := requests("/assets/std/"); n != len(needed) {
		t.Errorf("a second program: %d requests for archives; want still %d", n, len(needed))
	}
	clearHTTPCache()
	open()
	if state, output, _ := run("the same program on a new page", stdlibProgram, 120*time.Second); state != "done" || output != want {
		t.Errorf("on a new page: state %s, output %q", state, output)
	}
	if n := requests("/assets/std/"); n != len(needed) {
		t.Errorf("on a new page: %d requests for archives; want still %d", n, len(needed))
	}
	keys := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`caches.open('gointernals-exact').then((c) => c.keys()).then((ks) => ks.map((r) => new URL(r.url).pathname))`, chromedp.EvalAwaitPromise))
	if kept := strings.Count(strings.Join(keys, " "), "/assets/std/"); kept != len(needed) {
		t.Errorf("the Cache API holds %d archives; want the %d fetched", kept, len(needed))
	}
	if joined := strings.Join(keys, " "); strings.Contains(joined, "/assets/compile-") || strings.Contains(joined, "/assets/link-") {
		t.Errorf("the Cache API holds the compiler or the linker (%v): they belong to the HTTP cache, and twice is 60 MB", keys)
	}

	// An archive forged in the Cache API fails its digest and is fetched
	// again.
	jsonURL := manifest.Packages["encoding/json"].URL
	entry := `(async () => {
  const hit = await (await caches.open('gointernals-exact')).match(` + jsString(jsonURL) + `);
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', await hit.arrayBuffer()));
  return 'sha256-' + btoa(String.fromCharCode(...sum)) === ` + jsString(manifest.Packages["encoding/json"].SHA256) + `;
})()`
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`caches.open('gointernals-exact').then((c) => c.put(`+jsString(jsonURL)+`, new Response('!<arch>\nforged')))`, chromedp.EvalAwaitPromise))
	if browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[bool](entry, chromedp.EvalAwaitPromise)) {
		t.Fatal("forging encoding/json's archive in the Cache API did not take")
	}
	clearHTTPCache()
	open()
	if state, output, _ := run("after forging encoding/json's archive", stdlibProgram, 120*time.Second); state != "done" || output != want {
		t.Errorf("after forging an archive: state %s, output %q", state, output)
	}
	if n := requests(jsonURL); n != 2 {
		t.Errorf("encoding/json's archive was fetched %d times; want twice (once more after it was forged)", n)
	}
	if !browser.Get(t, tab, 20*time.Second, chromedp.Evaluate[bool](entry, chromedp.EvalAwaitPromise)) {
		t.Error("after the run, the Cache API does not hold encoding/json's archive as the manifest gives it")
	}

	// What builds but cannot work in a browser fails as Go makes it fail.
	state, output, _ = run("os/exec and net", "package main\n\nimport (\n\t\"fmt\"\n\t\"net\"\n\t\"os/exec\"\n)\n\nfunc main() {\n\tfmt.Println(exec.Command(\"ls\").Run())\n\t_, err := net.Dial(\"tcp\", \"127.0.0.1:80\")\n\tfmt.Println(err)\n}\n", 180*time.Second)
	t.Logf("os/exec and net print %q", output)
	if lines := strings.Split(strings.TrimSpace(output), "\n"); state != "done" || len(lines) != 2 || !strings.HasPrefix(lines[0], "exec: ") || !strings.HasPrefix(lines[1], "dial tcp 127.0.0.1:80: ") {
		t.Errorf("os/exec and net: state %s, output %q", state, output)
	}

	// Refused as before: what reaches the JavaScript around the program,
	// or past Go's memory safety, and what only the standard library may
	// import.
	for _, c := range []struct{ code, want string }{
		{"package main\n\nimport \"syscall/js\"\n\nfunc main() {\n\tjs.Global().Get(\"fetch\")\n}\n", "3:8: package syscall/js is not available in the playground"},
		{"package main\n\nimport \"unsafe\"\n\nfunc main() {\n\tprintln(unsafe.Sizeof(0), unsafe.Add(nil, 0))\n}\n", `6:28: unsafe.Add is not allowed in the playground`},
		{"package main\n\nimport \"internal/abi\"\n\nfunc main() {\n\tprintln(abi.FuncPCABI0)\n}\n", "3:8: package internal/abi is not available in the playground"},
		// reflect hands out unsafe.Pointer without naming unsafe
		// (Value.UnsafePointer, NewAt): enough to forge a function value.
		{"package main\n\nimport \"reflect\"\n\nfunc main() {\n\tx := 1\n\tprintln(reflect.ValueOf(&x).UnsafePointer())\n}\n", "3:8: package reflect is not available in the playground"},
	} {
		before := requests("/assets/std/")
		if state, output, _ := run("refused", c.code, 60*time.Second); state != "error" || !strings.Contains(output, c.want) {
			t.Errorf("state %s, output %q; want %q", state, output, c.want)
		}
		if n := requests("/assets/std/") - before; n != 0 {
			t.Errorf("a refused program fetched %d archives", n)
		}
	}
	// The compiler lives in the HTTP cache (exact.js, compileTool): once,
	// and once more after each of the two clearings above.
	if n := requests("/assets/compile-"); n != 3 {
		t.Errorf("the compiler was fetched %d times; want 3 (once per empty HTTP cache)", n)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// goRun is what go run prints for code.
func goRun(t *testing.T, code string) string {
	t.Helper()
	stdout, stderr, err := runGoCode(t, code)
	if err != nil {
		t.Fatalf("go run: %v\n%s%s", err, stdout, stderr)
	}
	return stdout
}

// goRunFails is what go run writes to stderr for code that fails, less
// its own "exit status" line.
func goRunFails(t *testing.T, code string) string {
	t.Helper()
	_, stderr, err := runGoCode(t, code)
	if err == nil {
		t.Fatalf("go run succeeded on code meant to fail:\n%s", code)
	}
	return strings.TrimSuffix(stderr, "exit status 2\n")
}

// runGoCode runs code with go run, as main.go of a directory of its own.
func runGoCode(t *testing.T, code string) (stdout, stderr string, err error) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", file)
	cmd.Dir = dir
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	err = cmd.Run()
	return out.String(), errs.String(), err
}

func readStdlibManifest(t *testing.T, out string) assets.Manifest {
	t.Helper()
	var m assets.Manifest
	matches, _ := filepath.Glob(filepath.Join(out, "assets", "stdlib-*.json"))
	if len(matches) != 1 {
		t.Fatalf("the site has %d manifests of the standard library: %v", len(matches), matches)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// BenchmarkExactStdlib drives the exact engine's worker directly, from a
// page of the site served on loopback, with nothing in its caches:
//
//   - ms-load: the tools, the manifest and hello world's archives fetched,
//     checked, inflated and kept, the tools compiled;
//   - ms-fetch-json: before building a first encoding/json program
//     (stdlibProgram), the archives hello world does not link, from the
//     server (fetched-json of them);
//   - ms-fetch-json-cached: the same from the Cache API, in a new worker;
//   - ms-build-json: that program built once its archives are there
//     (compile and link).
func BenchmarkExactStdlib(b *testing.B) {
	tab := browser.New(b)
	out := buildWithPlayground(b, 10*time.Second)
	base := browser.Serve(b, out)
	tab.Do(b, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(`[data-playground]`))
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n"
	type ms struct {
		Load   map[string]float64   `json:"load"`
		Builds []map[string]float64 `json:"builds"`
	}
	// worker starts the exact engine's worker as the page does and builds
	// codes in turn.
	worker := func(codes ...string) ms {
		list, _ := json.Marshal(codes)
		return browser.Get(b, tab, 10*time.Minute, chromedp.Evaluate[ms](`(async (codes) => {
  const h = document.documentElement.dataset;
  const x = JSON.parse(h.pgExact);
  const w = new Worker(x.worker);
  const next = (want) => new Promise((resolve, reject) => {
    w.onmessage = (e) => {
      if (e.data.type === 'fatal') reject(new Error(e.data.message));
      else if (want(e.data)) resolve(e.data);
    };
  });
  const ready = next((m) => m.type === 'ready');
  w.postMessage({ type: 'init', exec: h.pgExec, ...x, warm: false });
  const load = (await ready).ms;
  const builds = [];
  for (const [i, code] of codes.entries()) {
    const built = next((m) => m.type === 'built' && m.id === i + 1);
    w.postMessage({ type: 'build', id: i + 1, code });
    const m = await built;
    if (m.errors) throw new Error(m.errors);
    builds.push(m.ms);
  }
  w.terminate();
  return { load, builds };
})(`+string(list)+`)`, chromedp.EvalAwaitPromise))
	}
	var load, fetch, cached, build []float64
	fetched := 0.0
	for b.Loop() {
		browser.Get(b, tab, 20*time.Second, chromedp.Evaluate[bool](`caches.delete('gointernals-exact')`, chromedp.EvalAwaitPromise))
		if _, err := chromedp.Call(tab.Ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
			b.Fatal(err)
		}
		cold := worker(hello, stdlibProgram)
		warm := worker(stdlibProgram)
		b.Logf("cold: load %v; hello %v; json %v; json in a new worker %v", cold.Load, cold.Builds[0], cold.Builds[1], warm.Builds[0])
		var all float64
		for _, v := range cold.Load {
			all = max(all, v)
		}
		load = append(load, all)
		fetch = append(fetch, cold.Builds[1]["fetch"])
		fetched = cold.Builds[1]["fetched"]
		cached = append(cached, warm.Builds[0]["fetch"])
		build = append(build, cold.Builds[1]["compile"]+cold.Builds[1]["link"])
	}
	b.ReportMetric(median(load), "ms-load")
	b.ReportMetric(median(fetch), "ms-fetch-json")
	b.ReportMetric(fetched, "fetched-json")
	b.ReportMetric(median(cached), "ms-fetch-json-cached")
	b.ReportMetric(median(build), "ms-build-json")
}
