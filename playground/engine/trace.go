package engine

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// panicTrace is the interpreter's own standard error. yaegi writes a line
// there for each interpreted frame a panic unwinds ("17:28: panic:
// main.f(...)"), in one write each, whether or not a deferred call then
// recovers the panic; go run prints nothing for a recovered panic. So
// those lines are held back: dropped when the program recovers (the
// source pass reports every recover that returns a value), written after
// the panic message when the panic ends the program. Anything else
// written there (println) passes through at once.
type panicTrace struct {
	mu   sync.Mutex
	w    io.Writer
	held []string
}

// maxHeld bounds what a program that never recovers, yet panics through
// deep recursion, can make the engine hold.
const maxHeld = 100

func (t *panicTrace) Write(p []byte) (int, error) {
	// Most writes are the program's own: only one holding the words of
	// a frame is copied into a string to be read.
	if !bytes.Contains(p, []byte(": panic: ")) {
		return t.w.Write(p)
	}
	if _, ok := traceLineNumber(string(p)); !ok {
		return t.w.Write(p)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.held) == maxHeld {
		t.held = t.held[1:]
	}
	t.held = append(t.held, string(p))
	return len(p), nil
}

func (t *panicTrace) recovered() {
	t.mu.Lock()
	t.held = nil
	t.mu.Unlock()
}

// report writes what Go writes for a panic that ends the program: its
// message, then (in place of Go's stack) the held frames.
func (t *panicTrace) report(w io.Writer, p *Prepared, msg string) {
	fmt.Fprintf(w, "panic: %s\n", msg)
	if frames := t.frames(p); frames != "" {
		fmt.Fprintf(w, "\n%s", frames)
	}
}

// frames returns the held lines at the reader's positions, without the
// frames of the source pass's helpers (past the reader's last line).
func (t *panicTrace) frames(p *Prepared) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	last := strings.Count(p.Source, "\n") + 1
	var b strings.Builder
	for _, l := range t.held {
		line, _ := traceLineNumber(l)
		if n, _ := strconv.Atoi(line); n > last {
			continue
		}
		b.WriteString(p.mapMessage(l))
	}
	return b.String()
}
