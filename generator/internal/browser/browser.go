// Package browser runs tests in a real headless Chromium against a built
// site served on loopback, driven by chromedp.
//
// Without Chromium on the machine the tests skip with a message saying how
// to install it, except under CI=true, where a missing browser fails: CI
// must never pass by running nothing.
package browser

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/headers"
)

// Path finds Chromium.
func Path() string {
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Serve serves dir on a loopback port for the test's lifetime and returns
// its base URL. Like the host, it answers unknown paths with 404, and
// sends the headers the build wrote in dir/_headers (the site's
// Content-Security-Policy, the sandbox's policy, caching), so browser tests
// run under the production headers.
func Serve(t testing.TB, dir string) string {
	base, _ := ServeCounting(t, dir)
	return base
}

// ServeCounting is Serve that also counts requests: count(s) is how many
// paths requested so far contain s. It sees what workers fetch, which the
// page's own tools do not.
func ServeCounting(t testing.TB, dir string) (base string, count func(s string) int) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	site := Handler(dir)
	base = ServeHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		site.ServeHTTP(w, r)
	}))
	count = func(s string) int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, p := range paths {
			if strings.Contains(p, s) {
				n++
			}
		}
		return n
	}
	return base, count
}

// ServeHandler serves h on a loopback port until the test ends, for a
// test that changes what the host sends (see Handler for the site as the
// host serves it). Each server gets a host name of its own under
// localhost (s1.localhost, s2.localhost, ...), which Chromium sends to
// loopback and treats as secure, as it does localhost: a site of its own
// for the shared browser, so that nothing one test's pages keep (storage,
// service workers, the HTTP and code caches, renderer processes) is seen
// by another's, even when the port is used again.
func ServeHandler(t testing.TB, h http.Handler) string {
	t.Helper()
	base, srv, err := serve(h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return base
}

// ServeKept serves dir as Serve does, on a site of its own that stays
// until Close, for tests that take turns on it (see Serve for what a site
// keeps; clearing what must not carry over from one test to the next is
// theirs to do).
func ServeKept(dir string) (string, error) {
	base, srv, err := serve(Handler(dir))
	if err != nil {
		return "", err
	}
	kept.Lock()
	kept.servers = append(kept.servers, srv)
	kept.Unlock()
	return base, nil
}

// kept holds ServeKept's servers, closed by Close.
var kept struct {
	sync.Mutex
	servers []*http.Server
}

func serve(h http.Handler) (string, *http.Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return fmt.Sprintf("http://s%d.localhost:%d", servers.Add(1), ln.Addr().(*net.TCPAddr).Port), srv, nil
}

// servers counts the servers started, for their host names.
var servers atomic.Int64

// Handler serves dir as the host does: its files, with the headers the
// build wrote in dir/_headers (read on each request, since a test may
// serve a new build in dir).
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rules, err := headers.Load(dir)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		rules.Apply(w.Header(), r.URL.Path)
		files.ServeHTTP(w, r)
	})
}

// Tab is a browser tab whose console errors are collected.
type Tab struct {
	Ctx    context.Context
	cancel func()
	mu     sync.Mutex
	errors []string
}

// shared is the one Chromium a test binary's tabs open in: started by the
// first New, ended by Close. Starting a browser per test cost a second or
// more each (several on a busy machine), and a test's isolation comes from
// the site its server is (see ServeHandler), not from a process of its own
// (tests that take turns on a tab of NewKept share its page on purpose).
var shared struct {
	once   sync.Once
	ctx    context.Context // the browser's first tab; its end ends the browser
	cancel func()          // ends the browser and removes its user data directory
	err    error
}

func start(path string) {
	dir, err := os.MkdirTemp("", "chromium-")
	if err != nil {
		shared.err = err
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		// Every test's pages share the HTTP cache (each under its own
		// site): room for all of them, as each had a cache of its own.
		chromedp.Flag("disk-cache-size", "4294967296"),
		chromedp.UserDataDir(dir),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	shared.ctx = ctx
	shared.cancel = func() { cancelC(); cancelA(); os.RemoveAll(dir) }
	if err := chromedp.Do(ctx); err != nil {
		shared.err = fmt.Errorf("starting Chromium: %v", err)
	}
}

// Close ends the shared Chromium, if a test started it, and ServeKept's
// servers. TestMain calls it after the tests ran.
func Close() {
	if shared.cancel != nil {
		shared.cancel()
	}
	kept.Lock()
	defer kept.Unlock()
	for _, srv := range kept.servers {
		srv.Close()
	}
}

// New opens a tab for the test, closed when the test ends, in the shared
// Chromium (started by the first call). What a page keeps is kept per
// site, and each server of Serve is a site of its own, so a test's pages
// start as in a fresh profile. The page behaves as focused, as the one
// window of a browser of its own does, whatever other tests' windows do.
func New(t testing.TB) *Tab {
	t.Helper()
	tab := opened(t)
	t.Cleanup(tab.Close)
	return tab
}

// NewKept is New for a tab that outlives the test that opened it, for
// tests that take turns on one page: it stays open until its Close, or
// until the shared Chromium ends (Close, the package's).
func NewKept(t testing.TB) *Tab {
	t.Helper()
	return opened(t)
}

// opened opens a tab, or skips or fails the test as New says.
func opened(t testing.TB) *Tab {
	t.Helper()
	tab, err := open()
	if errors.Is(err, errNoChromium) {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is required under CI=true: .ci/run installs Debian's chromium package")
		}
		t.Skip("no Chromium: install Debian's chromium package (apt-get install chromium) to run browser tests")
	}
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

var errNoChromium = errors.New("no Chromium")

func open() (*Tab, error) {
	path := Path()
	if path == "" {
		return nil, errNoChromium
	}
	shared.once.Do(func() { start(path) })
	if shared.err != nil {
		return nil, shared.err
	}
	ctx, cancel := chromedp.NewContext(shared.ctx)
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		cancel()
		return nil, fmt.Errorf("opening a tab: %v", err)
	}
	// chromedp enables DevTools' Network and CSS agents on every tab; the
	// tests read neither unless they enable it themselves (TestBrowserQuality
	// does Network). Off, Chromium no longer keeps a copy of every response
	// for the inspector (the interpreter's 15 MB and the toolchain's files
	// among them), with an event per chunk, nor tracks every style sheet:
	// its CPU for TestBrowserSchedulerPrograms and
	// TestBrowserExactEngineProgramsOwnWords fell from 95 to 75 s (load 23).
	if _, err := chromedp.Call(ctx, network.Disable, cdp.Empty{}); err != nil {
		cancel()
		return nil, fmt.Errorf("opening a tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, css.Disable, cdp.Empty{}); err != nil {
		cancel()
		return nil, fmt.Errorf("opening a tab: %v", err)
	}
	tab := &Tab{Ctx: ctx, cancel: cancel}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				tab.mu.Lock()
				tab.errors = append(tab.errors, fmt.Sprintf("%s:%d: %s", m.URL, m.Line+1, m))
				tab.mu.Unlock()
			}
		}
	}()
	return tab, nil
}

// Close closes the tab.
func (tab *Tab) Close() { tab.cancel() }

// Errors returns and clears the console errors and uncaught exceptions
// seen so far.
func (tab *Tab) Errors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	e := tab.errors
	tab.errors = nil
	return e
}

// Do runs actions with a deadline, failing the test on error.
func (tab *Tab) Do(t testing.TB, timeout time.Duration, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// Get runs one action that returns a value, failing the test on error.
func Get[T any](t testing.TB, tab *Tab, timeout time.Duration, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Attribute reads the attribute name of the first element sel matches, as
// the page has it now, waiting for such an element. chromedp's
// AttributeValue reads chromedp's own copy of the DOM instead, which the
// page's DOM events keep up to date in the test process: on a busy machine
// it lagged the page, and a run's data-state read "running" after the
// page had ended the run and said so (CI, 2026-12-03).
func Attribute(sel, name string) chromedp.Action[chromedp.AttributeResult] {
	poll := chromedp.PollFunction[chromedp.AttributeResult](`(sel, name) => {
	  const e = document.querySelector(sel);
	  return e && { Value: e.getAttribute(name) ?? '', Exists: e.hasAttribute(name) };
	}`, chromedp.WithPollingArgs(sel, name), chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.AttributeResult, error) {
		r, err := poll(ctx, t)
		if err != nil {
			return r, fmt.Errorf("attribute %s of %s: %w", name, sel, err)
		}
		return r, nil
	}
}
