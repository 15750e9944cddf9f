// Package serve is the authors' live-reload server: it serves the built
// site from its output directory on a loopback address, watches the
// sources, rebuilds when one changes, and tells the open pages.
//
// The model is one loop and one state. Build is called once at start and
// again after each burst of file changes (coalesced: changes that arrive
// during a build cause one more build, not one per change). The outcome
// is the state: ok, or the build's error text. Every open page holds a
// server-sent-events connection (/_dev/events); a good build sends
// "reload", a failed one sends "failed" with the error, which the page
// shows over itself as text (/_dev/reload.js adds the client to every HTML
// page served). A failed build leaves the output directory as it was, so
// the last good site keeps being served.
//
// Only files inside the output directory are served: paths are cleaned
// and resolved through http.Dir, which refuses to step out of it.
package serve

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/goexpert/gointernals/generator/internal/headers"
)

// Options configure a server.
type Options struct {
	Addr   string   // host:port to listen on: "127.0.0.1:1313"
	OutDir string   // the built site, served as is
	Watch  []string // directories whose changes trigger a build (recursively)
	// Build builds the site into OutDir. Its error's text is shown to the
	// author in the terminal and over the page.
	Build func(ctx context.Context) error
	Log   io.Writer // progress and errors; nil discards them
	// Debounce is how long the watcher waits for more changes after one
	// (editors write a file in several steps). Zero means 20 ms.
	Debounce time.Duration
}

// Server is a running dev server.
type Server struct {
	opts Options
	ln   net.Listener

	mu      sync.Mutex
	failure string // the last build's error text; "" after a good build
	builds  int    // builds finished, for tests and the terminal
	clients map[chan event]bool
}

type event struct {
	name string // "reload" or "failed"
	data string
}

// Start listens, builds once, and serves until ctx ends. It returns once
// the first build is done and the server serves. It listens first, so a
// port in use fails at once rather than after a build (minutes with a
// cold cache).
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Debounce == 0 {
		opts.Debounce = 20 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, clients: map[chan event]bool{}}
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching the sources: %w", err)
	}
	for _, dir := range opts.Watch {
		if err := addTree(watcher, dir); err != nil {
			watcher.Close()
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		watcher.Close()
		return nil, err
	}
	s.ln = ln
	s.build(ctx)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	go s.watch(ctx, watcher)
	go func() {
		<-ctx.Done()
		watcher.Close()
		srv.Close()
	}()
	return s, nil
}

// URL is the address pages are served from.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Builds returns how many builds have finished and the last one's error
// text ("" when it succeeded).
func (s *Server) Builds() (n int, failure string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.builds, s.failure
}

// addTree watches dir and every directory below it; fsnotify watches one
// directory at a time.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if err := w.Add(p); err != nil {
				return fmt.Errorf("watching %s: %w", p, err)
			}
		}
		return nil
	})
}

// watch turns bursts of changes into builds.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					addTree(w, ev.Name) // a new directory: its files count too
				}
			}
			timer = time.After(s.opts.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.opts.Log, "watch: %v\n", err)
		case <-timer:
			timer = nil
			s.build(ctx)
		}
	}
}

// ignored skips editors' scratch files, which change without the source
// changing.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.HasSuffix(base, ".tmp") || base == "4913"
}

func (s *Server) build(ctx context.Context) {
	start := time.Now()
	err := s.opts.Build(ctx)
	s.mu.Lock()
	s.builds++
	ev := event{name: "reload"}
	if err != nil {
		s.failure = err.Error()
		b, _ := json.Marshal(s.failure)
		ev = event{name: "failed", data: string(b)}
	} else {
		s.failure = ""
	}
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a client that stopped reading gets the next event
		}
	}
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "%v\nbuild failed; still serving the last good site\n", err)
	} else {
		fmt.Fprintf(s.opts.Log, "rebuilt in %v\n", time.Since(start).Round(time.Millisecond))
	}
}

//go:embed reload.js
var reloadJS []byte

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// The site's own headers (its Content-Security-Policy above all), as
	// the host sends them; but nothing is cached while editing.
	if rules, err := headers.Load(s.opts.OutDir); err == nil {
		rules.Apply(w.Header(), r.URL.Path)
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case "/_dev/events":
		s.events(w, r)
		return
	case "/_dev/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
		return
	}
	s.file(w, r)
}

// events streams build outcomes to one page. A page that connects while
// the last build failed is told at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	c := make(chan event, 4)
	s.mu.Lock()
	s.clients[c] = true
	if s.failure != "" {
		b, _ := json.Marshal(s.failure)
		c <- event{name: "failed", data: string(b)}
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": alive\n\n")
			flusher.Flush()
		}
	}
}

// file serves one file of the output directory; HTML gets the reload
// client. A missing page gets the site's 404 page of its language.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	dir := http.Dir(s.opts.OutDir)
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	status := http.StatusOK
	f, err := dir.Open(name)
	var st fs.FileInfo
	if err == nil {
		if st, err = f.Stat(); err != nil {
			f.Close()
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if st.IsDir() {
			f.Close()
			http.Redirect(w, r, path.Clean(r.URL.Path)+"/", http.StatusMovedPermanently)
			return
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		// The language's own 404 page, else the site's.
		status = http.StatusNotFound
		lang, _, _ := strings.Cut(strings.TrimPrefix(name, "/"), "/")
		name = "/" + lang + "/404.html"
		if f, err = dir.Open(name); err != nil {
			name = "/404.html"
			f, err = dir.Open(name)
		}
	}
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	if !strings.HasSuffix(name, ".html") {
		http.ServeContent(w, r, name, st.ModTime(), f)
		return
	}
	b, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	const client = `<script src="/_dev/reload.js"></script>`
	if i := bytes.LastIndex(b, []byte("</body>")); i >= 0 {
		b = slices.Insert(b, i, []byte(client)...)
	} else {
		b = append(b, client...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}
