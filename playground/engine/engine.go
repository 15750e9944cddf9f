// Package engine runs a reader's Go program in the yaegi interpreter: the
// one engine path shared by the build, which validates every snippet with
// it natively, and by the browser, where playground/wasm runs the same code
// compiled to WebAssembly. What passes the build therefore runs in the
// page with the same output.
//
// A run goes through three steps:
//
//	Prepare  the source pass between the editor and the interpreter; it
//	         will lower Go 1.22+ constructs the interpreter lacks into
//	         equivalent code (see the "Playground fidelity" work)
//	Detect   names, in plain words and at line:col, what the interpreter
//	         would still get wrong, so a reader is never left with a bare
//	         "nil type"
//	Run      interprets the program with the curated standard library of
//	         playground/symbols, streaming its output
//
// Run reports what "go run" would: an exit status (0; n for os.Exit(n);
// 1 when the program does not compile; 2 for a panic) and, on stderr,
// the compiler's or the panic's message. os.Exit ends the program at once,
// without running deferred calls, as in Go.
//
// The interpreter cannot be preempted in a tight loop. Natively, a run past
// its time limit returns at the deadline while the abandoned interpreter
// goroutine may spin until the process exits (the build is short-lived); in
// the browser the page terminates the whole Web Worker instead.
package engine

import (
	"context"
	"errors"
	"fmt"
	"go/scanner"
	"io"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/goexpert/gointernals/playground/symbols"
	"github.com/traefik/yaegi/interp"
)

// Options configure one run.
type Options struct {
	Stdout, Stderr io.Writer     // where the program writes; nil discards
	Timeout        time.Duration // 0: no limit but ctx's
}

// Result is how a run ended.
type Result struct {
	// Status is the exit status "go run" would report.
	Status int
	// Err says why the program did not end normally: a compile error at
	// line:col, a panic, a time limit, an unsupported construct. It is nil
	// for a normal end or os.Exit.
	Err error
	// TimedOut is set when the run was stopped at its time limit.
	TimedOut bool
}

// ErrTimeout is the Err of a run stopped at its time limit.
var ErrTimeout = errors.New("the program ran past its time limit")

// Run interprets src, a complete program (package main with func main).
func Run(ctx context.Context, src string, opts Options) Result {
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	prepared, err := Prepare(src)
	if err != nil {
		return compileFailure(opts.Stderr, err)
	}
	stdout, stderr := newGate(opts.Stdout), newGate(opts.Stderr)
	defer stdout.close()
	defer stderr.close()

	exit := make(chan int, 1)
	i := interp.New(interp.Options{Stdout: stdout, Stderr: stderr, Args: []string{"main"}})
	if err := i.Use(symbols.Symbols); err != nil {
		return Result{Status: 2, Err: fmt.Errorf("loading the standard library: %w", err)}
	}
	if err := i.Use(osSymbols(stdout, stderr, exit)); err != nil {
		return Result{Status: 2, Err: fmt.Errorf("loading os: %w", err)}
	}

	done := make(chan error, 1)
	go func() {
		_, err := i.EvalWithContext(ctx, prepared)
		done <- err
	}()
	select {
	case code := <-exit:
		return Result{Status: code}
	case err := <-done:
		// os.Exit may have raced a normal end; the exit wins, as in Go.
		select {
		case code := <-exit:
			return Result{Status: code}
		default:
		}
		return finish(ctx, err, stderr)
	}
}

// finish turns the interpreter's error into what go run would report.
func finish(ctx context.Context, err error, stderr io.Writer) Result {
	if err == nil {
		return Result{}
	}
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return Result{Status: 2, Err: ErrTimeout, TimedOut: true}
		}
		return Result{Status: 2, Err: ctx.Err()}
	}
	var p interp.Panic
	if errors.As(err, &p) {
		msg := panicMessage(p.Value)
		fmt.Fprintf(stderr, "panic: %s\n", msg)
		return Result{Status: 2, Err: fmt.Errorf("panic: %s", msg)}
	}
	return compileFailure(stderr, err)
}

// compileFailure reports a program that does not compile: go run prints
// the errors and exits with status 1.
func compileFailure(stderr io.Writer, err error) Result {
	msg := cleanError(err)
	if stderr != nil {
		fmt.Fprintln(stderr, msg)
	}
	return Result{Status: 1, Err: errors.New(msg)}
}

// cleanError gives interpreter errors the form "line:col: message", without
// the interpreter's file name for the source string.
func cleanError(err error) string {
	var list scanner.ErrorList
	if errors.As(err, &list) {
		var lines []string
		for _, e := range list {
			lines = append(lines, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg))
		}
		return strings.Join(lines, "\n")
	}
	return strings.TrimPrefix(err.Error(), "_.go:")
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

// osSymbols is the little of package os a program here may use. Exit
// stops the program where it stands: it hands the status to Run and never
// returns, so no deferred call runs, as in Go.
func osSymbols(stdout, stderr io.Writer, exit chan<- int) interp.Exports {
	var once sync.Once
	var out, errw io.Writer = stdout, stderr
	args := []string{"main"}
	return interp.Exports{
		"os/os": {
			"Exit": reflect.ValueOf(func(code int) {
				once.Do(func() { exit <- code })
				select {} // this goroutine ends with the run
			}),
			"Stdout": reflect.ValueOf(&out).Elem(),
			"Stderr": reflect.ValueOf(&errw).Elem(),
			"Args":   reflect.ValueOf(&args).Elem(),
			"Getenv": reflect.ValueOf(func(string) string { return "" }),
		},
	}
}

// gate forwards writes until closed, so an abandoned run (timed out, or
// ended by os.Exit while other goroutines print) cannot write into the
// next one's output.
type gate struct {
	mu     sync.Mutex
	w      io.Writer
	closed bool
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
	return g.w.Write(p)
}

func (g *gate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}

// Version changes whenever the engine's behaviour does (the source pass,
// the symbol set, yaegi's version), so results cached by the build are
// not trusted across such a change.
const Version = "yaegi-v0.16.1/1"
