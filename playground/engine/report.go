package engine

import (
	"errors"
	"fmt"
	"go/scanner"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// cleanError gives interpreter errors the form "line:col: message", without
// the interpreter's name for the source string. An error placed past the
// end of the reader's source comes from the interpreter's own copy of a
// generic package (slices, maps, cmp): its position means nothing to the
// reader, so it is said in words.
func cleanError(src string, err error) string {
	var list scanner.ErrorList
	if errors.As(err, &list) {
		var lines []string
		for _, e := range list {
			lines = append(lines, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg))
		}
		return redeclaredAsGo(strings.Join(lines, "\n"))
	}
	msg := strings.TrimPrefix(err.Error(), "_.go:")
	if l, _, _, ok := leadingPosition(msg); ok {
		if line, _ := strconv.Atoi(l); line > strings.Count(src, "\n")+1 {
			return "the interpreter failed inside its own copy of the standard library (" + msg +
				"): a generic function of slices, maps or cmp that it does not support"
		}
	}
	return msg
}

// panicMessage formats a panic value as the Go runtime prints it.
func panicMessage(v any) string {
	if x, ok := v.(reflect.Value); ok {
		// The interpreter hands interpreted values over wrapped.
		if x.IsValid() && x.CanInterface() {
			return panicMessage(x.Interface())
		}
		return "nil"
	}
	switch x := v.(type) {
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// unsupported is Detect's verdict for Run: the constructs the interpreter
// cannot run, one "line:col: message" per line, or "".
func unsupported(p *Prepared) string {
	return joinFindings(p.findings, func(f Finding) bool { return f.Unsupported })
}

// joinFindings writes the findings keep accepts (all with keep nil) one
// "line:col: message" per line.
func joinFindings(fs []Finding, keep func(Finding) bool) string {
	var lines []string
	for _, f := range fs {
		if keep == nil || keep(f) {
			lines = append(lines, f.String())
		}
	}
	return strings.Join(lines, "\n")
}

// gate forwards writes until closed.
type gate struct {
	mu     sync.Mutex
	w      io.Writer
	closed bool
	writes int // what was written through it, a sign of progress (watchAsleep)
}

func newGate(w io.Writer) *gate {
	if w == nil {
		w = io.Discard
	}
	return &gate{w: w}
}

func (g *gate) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return len(p), nil
	}
	g.writes++
	return g.w.Write(p)
}

// written is how many writes went through.
func (g *gate) written() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.writes
}

func (g *gate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}
