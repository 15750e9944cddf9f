// Package browser runs tests in a real headless Chromium against a built
// site served on loopback, driven by chromedp.
//
// Without Chromium on the machine the tests skip with a message saying how
// to install it, except under CI=true, where a missing browser fails: CI
// must never pass by running nothing.
package browser

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

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
// host serves it).
func ServeHandler(t testing.TB, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

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
	mu     sync.Mutex
	errors []string
}

// New starts Chromium (one per call) and opens a tab. The browser closes
// when the test ends.
func New(t testing.TB) *Tab {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is required under CI=true: .ci/run installs Debian's chromium package")
		}
		t.Skip("no Chromium: install Debian's chromium package (apt-get install chromium) to run browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	tab := &Tab{Ctx: ctx}
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
	return tab
}

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
