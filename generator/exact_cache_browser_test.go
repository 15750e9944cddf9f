package generator

import (
	"encoding/json"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/assets"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// exactHello prints "exact\n".
const exactHello = "package main\n\nimport \"fmt\"\n\nfunc main() {\nfmt.Println(\"exact\")\n}\n"

// exactLoad is what a playground reports of the exact engine's last load
// (data-load-ms): where the compiler and the linker came from.
type exactLoad struct {
	From struct {
		Compile string `json:"compile"`
		Link    string `json:"link"`
	} `json:"from"`
}

// runExactHello opens page, runs hello world with the Go toolchain in
// playground id, and returns what the playground reports of the load.
func runExactHello(t *testing.T, tab *browser.Tab, base, page, id string) exactLoad {
	t.Helper()
	root := `[data-playground="` + id + `"]`
	tab.Do(t, 20*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(base+page), chromedp.WaitReady(root+` [data-editor]`))
	pickEngine(t, tab, id, "exact")
	typeCode(t, tab, id, exactHello)
	state, output, status := runPlayground(t, tab, id, 120*time.Second)
	if engine, _ := engineOf(t, tab, id); state != "done" || output != "exact\n" || engine != "exact" {
		t.Fatalf("%s: state %s, engine %s, output %q, status %q", page, state, engine, output, status)
	}
	raw := browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-load-ms")).Value
	var load exactLoad
	if err := json.Unmarshal([]byte(raw), &load); err != nil {
		t.Fatalf("%s: data-load-ms %q: %v", page, raw, err)
	}
	t.Logf("%s: load %s, compile %s ms, link %s ms", page, raw,
		browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-compile-ms")).Value,
		browser.Get(t, tab, 10*time.Second, browser.Attribute(root, "data-link-ms")).Value)
	return load
}

// TestBrowserExactEngineKeepsCompiledCode holds issue 15's first outcome:
// a second page reuses the machine code the browser compiled for the Go
// toolchain on the first. The page says where the compiler and the linker
// came from; Chromium's own trace says whether V8 compiled them afresh or
// deserialized its code cache (wasm.Deserialize, once per module), which
// no page can observe. It runs alone, not in parallel with other tests:
// the trace counts every tab's modules, not only its own.
func TestBrowserExactEngineKeepsCompiledCode(t *testing.T) {
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base := browser.Serve(t, out)
	wasm := []string{"v8.wasm"}

	var first exactLoad
	serialized := tab.Trace(t, wasm, func() { first = runExactHello(t, tab, base, "/en/channels/", "en-channels-2") })["wasm.SerializeModule"]
	if first.From.Compile != "network" || first.From.Link != "network" {
		t.Errorf("first visit: the tools came from %+v, want the network for both", first.From)
	}
	// V8 writes a module's code to the cache once its optimised code
	// stops growing for a while (2 s in V8 today). The test waits, in
	// windows of 3 s, for those writes and then a window without one, as
	// a reader who reads on would give it; a write that falls between two
	// windows goes unseen, which the check on the second page does not
	// depend on.
	deadline := time.Now().Add(90 * time.Second)
	for quiet := false; !quiet; {
		if time.Now().After(deadline) {
			t.Fatalf("V8 wrote the toolchain's code to its cache %d times in 90 s and kept writing", serialized)
		}
		n := tab.Trace(t, wasm, func() { time.Sleep(3 * time.Second) })["wasm.SerializeModule"]
		quiet = serialized > 0 && n == 0
		serialized += n
	}

	var second exactLoad
	events := tab.Trace(t, wasm, func() { second = runExactHello(t, tab, base, "/en/memory/", "en-memory-1") })
	if second.From.Compile != "cache" || second.From.Link != "cache" {
		t.Errorf("second page: the tools came from %+v, want the browser's cache for both", second.From)
	}
	if n := events["wasm.Deserialize"]; n < 2 {
		t.Errorf("second page: V8 deserialized %d modules' code, want 2 (the compiler and the linker compiled afresh otherwise); trace: %v", n, events)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserExactEngineToolsFromAnyHost serves the site from hosts that
// do not do what headers.go asks: one drops the Content-Encoding of the
// toolchain's files and archives (the browser hands over brotli, which no
// DecompressionStream reads), one serves the wrong file under the
// compiler's names. The first still runs programs (the worker fetches the
// gzipped copies and inflates them itself); the second never does.
func TestBrowserExactEngineToolsFromAnyHost(t *testing.T) {
	t.Parallel()
	out := buildWithPlayground(t, 10*time.Second)
	site := browser.Handler(out)
	var cfg struct{ Compile, Link string }
	if err := json.Unmarshal([]byte(exactConfig(t, out)), &cfg); err != nil {
		t.Fatal(err)
	}

	t.Run("no Content-Encoding", func(t *testing.T) {
		tab := browser.New(t)
		base := browser.ServeHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			site.ServeHTTP(noEncoding{w}, r)
		}))
		load := runExactHello(t, tab, base, "/en/channels/", "en-channels-2")
		if load.From.Compile != "inflated" || load.From.Link != "inflated" {
			t.Errorf("the tools came from %+v, want 'inflated' for both", load.From)
		}
	})

	t.Run("the wrong compiler", func(t *testing.T) {
		tab := browser.New(t)
		base := browser.ServeHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case cfg.Compile: // a valid module, not the one the build vouched for
				r.URL.Path = cfg.Link
			case assets.GzipName(cfg.Compile): // and its gzipped copy
				r.URL.Path = assets.GzipName(cfg.Link)
			}
			site.ServeHTTP(w, r)
		}))
		const id = "en-channels-2"
		root := `[data-playground="` + id + `"]`
		tab.Do(t, 20*time.Second, chromedp.Navigate(base+"/en/channels/"), chromedp.WaitReady(root+` [data-editor]`))
		pickEngine(t, tab, id, "exact")
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		if state != "error" || !strings.Contains(output+status, "does not match this deploy's digest") {
			t.Errorf("a compiler that is not the build's: state %s, output %q, status %q; want an error naming the digest", state, output, status)
		}
	})
}

// noEncoding is a host that serves files as they are, with no
// Content-Encoding.
type noEncoding struct{ http.ResponseWriter }

func (w noEncoding) WriteHeader(code int) {
	w.Header().Del("Content-Encoding")
	w.ResponseWriter.WriteHeader(code)
}

func (w noEncoding) Write(b []byte) (int, error) {
	w.Header().Del("Content-Encoding")
	return w.ResponseWriter.Write(b)
}

// exactConfig is the site's data-pg-exact, from a page with a playground.
func exactConfig(t *testing.T, out string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "en", "channels", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), `data-pg-exact="`)
	if !ok {
		t.Fatal("the channels page has no data-pg-exact")
	}
	value, _, _ := strings.Cut(rest, `"`)
	return html.UnescapeString(value)
}

// TestBrowserExactEnginePrefetch holds issue 15's fourth outcome: the
// toolchain is started in a page's idle time only for a reader who picked
// it, or who ran a program on it before (its files are in the browser's
// cache then), and never on a connection that asks to save data. The page
// says what it decided (html[data-pg-exact-prepared]); the server says
// what was downloaded.
func TestBrowserExactEnginePrefetch(t *testing.T) {
	t.Parallel()
	tab := browser.New(t)
	out := buildWithPlayground(t, 10*time.Second)
	base, requests := browser.ServeCounting(t, out)
	visit := func(page, want string) {
		t.Helper()
		tab.Do(t, 20*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(base+page), chromedp.WaitReady(`html[data-pg-exact-prepared]`))
		if got := browser.Get(t, tab, 10*time.Second, browser.Attribute(`html`, "data-pg-exact-prepared")).Value; got != want {
			t.Errorf("%s: the page decided %q, want %q", page, got, want)
		}
	}

	// A first visit on Automatic: nothing is started or fetched.
	visit("/en/channels/", "no")
	if n := requests("/assets/compile-"); n != 0 {
		t.Errorf("a first visit fetched the compiler %d times", n)
	}

	// The reader picks the Go toolchain: the next page loads it unasked.
	pickEngine(t, tab, "en-channels-2", "exact")
	visit("/en/memory/", "picked")
	tab.Do(t, 120*time.Second, chromedp.WaitReady(`html[data-pg-exact-ready]`))
	if n := requests("/assets/compile-"); n != 1 {
		t.Errorf("after picking the toolchain the compiler was fetched %d times, want once", n)
	}
	// It warms up (four small builds) for a reader who picked it; one who
	// runs a program meanwhile does not wait for a warm-up build: the page
	// ends that worker and builds in a new one with the same tools, so
	// the warm-up never reports its end.
	typeCode(t, tab, "en-memory-1", exactHello)
	if state, output, status := runPlayground(t, tab, "en-memory-1", 120*time.Second); state != "done" || output != "exact\n" {
		t.Errorf("a run during the warm-up: state %s, output %q, status %q", state, output, status)
	}
	if warm := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`'pgExactWarm' in document.documentElement.dataset`)); warm {
		t.Error("the warm-up went on after the reader's Run")
	}

	// A Run clicked while the toolchain still loads, warm-up asked: the
	// worker makes no warm-up build before the reader's (0 builds, or
	// none reported when it was loaded by then and ended instead).
	visit("/en/channels/", "picked")
	loading := !browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`document.querySelector('[data-playground="en-channels-2"] [data-editor]').value = `+jsString(exactHello)+`, 'pgExactReady' in document.documentElement.dataset`))
	if !loading {
		t.Log("the toolchain was loaded before Run: this step then holds the warm-up's end, not the 'cold' message")
	}
	if state, output, status := runPlayground(t, tab, "en-channels-2", 120*time.Second); state != "done" || output != "exact\n" {
		t.Errorf("a run while loading: state %s, output %q, status %q", state, output, status)
	}
	if warm := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`document.documentElement.dataset.pgExactWarm || ''`)); warm != "" && warm != "0" {
		t.Errorf("the worker made %s warm-up builds before the reader's", warm)
	}

	// Back on Automatic, having used it: loaded from the cache, not fetched.
	pickEngine(t, tab, "en-channels-2", "auto")
	visit("/en/overview/", "used")
	tab.Do(t, 120*time.Second, chromedp.WaitReady(`html[data-pg-exact-ready]`))
	if n := requests("/assets/compile-"); n != 1 {
		t.Errorf("with the files cached the compiler was fetched %d times, want still once", n)
	}

	// Save-Data: nothing, even for a reader who picked it.
	pickEngine(t, tab, "en-overview-1", "exact")
	on := true
	if _, err := chromedp.Call(tab.Ctx, emulation.SetDataSaverOverride, emulation.SetDataSaverOverrideParams{DataSaverEnabled: &on}); err != nil {
		t.Fatal(err)
	}
	visit("/en/channels/", "save-data")
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
