package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// sse reads one page's event stream: each event's name and data.
func sse(t *testing.T, url string) <-chan [2]string {
	t.Helper()
	resp, err := http.Get(url + "_dev/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	ch := make(chan [2]string, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ch <- [2]string{name, strings.TrimPrefix(line, "data: ")}
			}
		}
	}()
	return ch
}

func next(t *testing.T, ch <-chan [2]string) [2]string {
	t.Helper()
	select {
	case ev := <-ch:
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event from the server")
		return [2]string{}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServe drives the server with a stand-in build that copies a source
// file into the site: a change rebuilds and reloads open pages, a failed
// build is reported to them with its message while the last good site is
// still served, and nothing outside the output directory is served.
func TestServe(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	write := func(dir, name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(src, "page.txt", "first")
	write(filepath.Dir(out), "secret.txt", "outside")
	var failing atomic.Bool
	build := func(context.Context) error {
		b, err := os.ReadFile(filepath.Join(src, "page.txt"))
		if err != nil {
			return err
		}
		if failing.Load() {
			return errors.New("content/pt/x.md:3:1: <b>broken</b>")
		}
		write(out, "index.html", "<html><body>"+string(b)+"</body></html>")
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := Start(ctx, Options{Addr: "127.0.0.1:0", OutDir: out, Watch: []string{src}, Build: build})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("serving at %s, not on loopback", s.URL())
	}
	if code, body := get(t, s.URL()); code != 200 || !strings.Contains(body, "first") || !strings.Contains(body, `<script src="/_dev/reload.js"></script></body>`) {
		t.Errorf("the page: %d %q", code, body)
	}
	events := sse(t, s.URL())

	write(src, "page.txt", "second")
	if ev := next(t, events); ev[0] != "reload" {
		t.Errorf("after an edit: event %v, want reload", ev)
	}
	if _, body := get(t, s.URL()); !strings.Contains(body, "second") {
		t.Errorf("after the rebuild the page is %q", body)
	}

	failing.Store(true)
	write(src, "page.txt", "third")
	ev := next(t, events)
	if ev[0] != "failed" || !strings.Contains(ev[1], `content/pt/x.md:3:1: \u003cb\u003ebroken\u003c/b\u003e`) {
		t.Errorf("after a failed build: event %v", ev)
	}
	if _, body := get(t, s.URL()); !strings.Contains(body, "second") {
		t.Errorf("after a failed build the page is %q, not the last good one", body)
	}
	// A page opened now learns of the failure at once.
	if ev := next(t, sse(t, s.URL())); ev[0] != "failed" {
		t.Errorf("a new page got %v, want the failure", ev)
	}
	failing.Store(false)
	write(src, "page.txt", "fourth")
	if ev := next(t, events); ev[0] != "reload" {
		t.Errorf("after the fix: event %v, want reload", ev)
	}
	if n, failure := s.Builds(); n < 4 || failure != "" {
		t.Errorf("%d builds, last failure %q", n, failure)
	}

	for _, p := range []string{"../secret.txt", "..%2fsecret.txt", "%2e%2e/secret.txt", "/../../secret.txt"} {
		req, _ := http.NewRequest("GET", s.URL()+p, nil)
		req.URL.Opaque = "/" + strings.TrimPrefix(p, "/") // as sent, not cleaned by the client
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "outside") {
			t.Errorf("GET %s served a file outside the output directory", p)
		}
	}
	if code, _ := get(t, s.URL()+"missing.css"); code != 404 {
		t.Errorf("a missing file: status %d", code)
	}
}

// TestServeSiteHeaders: the dev server sends the headers the build wrote
// in _headers, as the host does, and lets nothing be cached.
func TestServeSiteHeaders(t *testing.T) {
	out := t.TempDir()
	files := map[string]string{
		"_headers":              "/*\n  Content-Security-Policy: default-src 'self'\n  Cache-Control: max-age=0\n/assets/*\n  X-Asset: yes\n",
		"index.html":            "<html><body>home</body></html>",
		"assets/style-ABCD.css": "body{}",
	}
	for name, s := range files {
		os.MkdirAll(filepath.Join(out, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(out, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := Start(ctx, Options{Addr: "127.0.0.1:0", OutDir: out, Build: func(context.Context) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, asset string }{{"", ""}, {"assets/style-ABCD.css", "yes"}} {
		resp, err := http.Get(s.URL() + c.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Security-Policy"); got != "default-src 'self'" {
			t.Errorf("/%s: policy %q", c.path, got)
		}
		if got := resp.Header.Get("X-Asset"); got != c.asset {
			t.Errorf("/%s: X-Asset %q, want %q", c.path, got, c.asset)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("/%s: Cache-Control %q, want no-store while editing", c.path, got)
		}
	}
}
