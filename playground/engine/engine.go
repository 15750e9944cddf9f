// Package engine runs a reader's Go program in the yaegi interpreter: the
// one engine path shared by the build, which validates every snippet with
// it, and by the browser, where playground/wasm runs the same code compiled
// to WebAssembly. What passes the build therefore runs in the page with the
// same output.
//
// A run goes through three steps:
//
//	Prepare  the source pass between the editor and the interpreter: it
//	         parses (syntax errors get Go's own wording) and lowers what the
//	         interpreter gets wrong into equivalent code it runs right
//	         (lower.go: range over int, min/max, per-iteration loop
//	         variables, deferred arguments, method values and expressions;
//	         lowerlib.go: recover, clear, panic(nil), comma-ok assertions,
//	         return <-ch, and library functions it lacks, as helpers in
//	         plain Go), keeping every line where it was.
//	Detect   names, in plain words and at line:col, what the interpreter
//	         would still get wrong after lowering, so a reader is never left with a bare "nil
//	         type". Run refuses a program with an unsupported construct
//	         (Finding.Unsupported) before interpreting it; a construct that
//	         only may behave differently (a closure capturing a loop
//	         variable) is run, and Detect's word explains a difference.
//	Run      interprets the program with the curated standard library of
//	         playground/symbols, streaming its output as it is written.
//
// # What a run reports
//
// Run reports what "go run" would, as far as an interpreter can:
//
//   - a normal end: status 0;
//   - os.Exit(n): status n&0xff at once, without running deferred calls (see
//     symbols.OS for how);
//   - a program that does not compile, or uses an unsupported construct:
//     status 1, and "line:col: message" lines on stderr, at positions of
//     the reader's source;
//   - a panic that ends the program (in main, or at the top of a goroutine
//     the source pass guards, see goPanic in lower.go): status 2, and on
//     stderr "panic: <value>", then the interpreter's "line:col: panic:
//     main.f(...)" trace lines (trace.go). Go's "goroutine 1 [running]:"
//     stack cannot be reproduced, and a runtime error reads as the
//     interpreter words it ("reflect: slice index out of range", not
//     "runtime error: index out of range [5] with length 1"); a recovered
//     one is Go's own value where that is known (rterrors.go). Only stdout
//     is compared by the build;
//   - a deadlock: Go's runtime reports "all goroutines are asleep" only when
//     nothing else in the process could wake the program, so inside a host
//     process it never fires. The run watches instead (asleep.go): every
//     goroutine of the program blocked, and no timer of the program
//     pending, ends it at once with ErrAsleep (status 2, Go's words on
//     stderr). A run that reaches its time limit with every goroutine
//     blocked while a timer might still wake one ends with ErrDeadlock,
//     otherwise with ErrTimeout.
//
// With Options.HandOver (the page's Automatic, and the build), what Go
// alone reports in Go's words is not reported: a panic that ends the
// program and a deadlock end the run with Result.HandOver, for the Go
// toolchain to run the program instead.
//
// # Limits of the interpreter that a host must know
//
// The interpreter cannot be preempted in a tight loop ("for {}"): a run
// past its time limit returns at the deadline, but the abandoned goroutine
// spins on until its process ends. In WebAssembly there is no preemption at
// all, so the time limit cannot even fire: the page terminates the Web
// Worker instead. The build runs each program in a child process and kills
// it there (RunInChild, child.go).
//
// Values of the program's own types lose their methods when they reach
// compiled code as concrete values: fmt.Println(v) does not call v's String
// or Error method (it does through a variable of interface type), a value
// held in an any does not assert to an interface it implements, and
// errors.As with a pointer to the program's error type panics (the
// source pass gives errors.As and errors.Is the engine's own where the
// program's types let them be exact: errorchain.go). With the
// program's types (go/types), the source pass hands fmt's printing
// functions such an argument through an interface with the method fmt
// calls (fmtMethods), one holding such values (in a slice, a map, a
// field, behind a pointer) through playground/lower's Show, which prints
// it as Go does (typeVerbs), and Detect names what is left
// (fmtMethodsLeft: a format that is not a constant, a value in an
// interface, errors' functions); without them it
// names every program that declares a method fmt or errors looks for
// (hiddenMethods). divergence_test.go keeps measuring them.
//
// A panic at the top of a goroutine other than main ends the program with
// status 2, as in Go, when the source pass could guard the goroutine (a
// function literal, a function or a method of the file, a package's
// function). One started from a function value, or a method whose call it
// could not rewrite, is not guarded: its panic escapes the
// interpreter and ends the whole host process. A host that must survive
// that runs the engine in a process of its own (RunInChild), as the build
// does; the browser loses the Worker and must start a new one.
package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/goexpert/gointernals/playground/symbols"
	"github.com/traefik/yaegi/interp"
)

// Options configure one run.
type Options struct {
	Stdout, Stderr io.Writer     // where the program writes; nil discards
	Timeout        time.Duration // 0: no limit but ctx's
	// HandOver stops the run, instead of going on, when the program
	// reaches what the interpreter runs differently from Go and only the
	// run can tell (Finding.AtRunTime): the page on Automatic then runs
	// the program with the Go toolchain (Result.HandOver says why).
	HandOver bool
	// Started, if set, is called once the interpreter has compiled the
	// program and is about to run it. What comes before (the check, the
	// source pass, the interpreter's compile: seconds in a browser's
	// fresh interpreter on a busy machine) is the engine's time, not the
	// program's: the page on Automatic measures how long a program
	// computes from here. It is called from the run's goroutine, and not
	// once Run has returned (a limit or ctx that came during the compile).
	Started func()
}

// Result is how a run ended.
type Result struct {
	// Status is the exit status "go run" would report.
	Status int
	// Err says why the program did not end normally: a compile error at
	// line:col, an unsupported construct, a panic, a deadlock, a time limit.
	// It is nil for a normal end or os.Exit.
	Err error
	// Told says Err is on the program's stderr already, as Go would have
	// printed it (a compile error, a panic, a deadlock), for a host that
	// would otherwise print it itself.
	Told bool
	// TimedOut is set when the run was stopped at its time limit (also for
	// ErrDeadlock, which is diagnosed then).
	TimedOut bool
	// Refused is set when the interpreter did not run a program that
	// parses: it uses an unsupported construct, or the interpreter's type
	// checker rejects it. Go's compiler may well accept such a program
	// (yaegi cannot infer some generic type arguments, for one), so a
	// refusal says nothing about the program, only about the interpreter.
	Refused bool
	// HandOver, with Options.HandOver, says why the run was stopped for
	// the Go toolchain to run the program instead; what it printed until
	// then does not count.
	HandOver string
	// Lingering says goroutines of the program were still there when it
	// ended. Go ends them with its process; a host that goes on running
	// other programs (the page's interpreter) must end itself instead.
	Lingering bool
}

var (
	// ErrTimeout is the Err of a run stopped at its time limit.
	ErrTimeout = errors.New("the program ran past its time limit")
	// ErrAsleep is the Err of a run whose goroutines all blocked with
	// nothing left to wake them (asleep.go): Go's own words.
	ErrAsleep = errors.New("fatal error: all goroutines are asleep - deadlock!")
	// ErrDeadlock is the Err of a run whose goroutines were all blocked
	// when its time limit came (a timer of the program, which the run
	// cannot see through, might still have woken one).
	ErrDeadlock = errors.New("fatal error: all goroutines are asleep - deadlock! (every goroutine of the program was blocked on a channel, select or lock when the time limit came)")
)

// stuckFor is how long a run with Options.HandOver stays parked beside
// timers none of which is due soon before the Go toolchain is asked
// (watchAsleep): short beside the time limit, long enough that a program
// between two steps of its own is not taken for stuck.
const stuckFor = 2 * time.Second

// Why a run with Options.HandOver was handed over, beyond what Detect
// finds: what only Go can print the way Go prints it.
const (
	whyPanic = "the program panicked, and only Go prints a panic as Go does: its message, the goroutine's trace at your lines, exit status 2"
	// whyInterpPanic is said, with what the interpreter panicked with, of
	// a panic in the interpreter's words (inInterpretersWords): a runtime
	// error of the program, or the interpreter's own failure (reflect's
	// "value of type func() is not assignable" on the method expression
	// of a promoted method, which Go runs). Which, only Go can say. A
	// program's own panic value that reaches main's top comes wrapped and
	// is never taken for one; at a goroutine's top (GoPanic) it comes
	// bare, and a program's panic("reflect: ...") there is said so.
	whyInterpPanic = "the interpreter panicked (%s): a runtime error of the program, which only Go words as Go does, or the interpreter's own failure on a program Go runs on; Go has the last word"
	whyAsleep      = "every goroutine of the program is blocked: a deadlock, which only Go reports as Go does, with each goroutine's trace"
	// whyUncompiled is said with the interpreter's own compile error.
	whyUncompiled = "the interpreter could not compile the program (it said %v), where the playground's check found no error: that is the interpreter's limit, not necessarily the program's, and the Go compiler has the last word"
	whyStuck      = "every goroutine of the program has waited, beside a timer or ticker not due soon: whether one of them waits on it, or it is a deadlock Go reports at once, only Go can tell"
)

// Run interprets src, a complete program (package main with func main).
func Run(ctx context.Context, src string, opts Options) Result {
	p, err := Prepare(src)
	if err != nil {
		return compileFailure(opts.Stderr, &Prepared{Source: src, Code: src, pm: &posMap{orig: src, lowered: src}}, err)
	}
	return p.Run(ctx, opts)
}

// Run interprets the prepared program, unless Detect found a construct
// the interpreter cannot run.
func (p *Prepared) Run(ctx context.Context, opts Options) Result {
	if len(p.errs) > 0 {
		msg := joinFindings(p.errs, nil)
		fmt.Fprintln(newGate(opts.Stderr), msg)
		return Result{Status: 1, Err: errors.New(msg), Told: true}
	}
	if msg := unsupported(p); msg != "" {
		// Findings are at the reader's positions already.
		fmt.Fprintln(newGate(opts.Stderr), msg)
		return Result{Status: 1, Err: errors.New(msg), Refused: true, Told: true}
	}
	res := interpret(ctx, p, opts)
	if why := res.HandedOver(); opts.HandOver && why != "" {
		res.HandOver = why + p.floatNote()
	}
	return res
}

// interpret runs the prepared program; errors are reported at positions
// of the reader's source.
func interpret(ctx context.Context, p *Prepared, opts Options) (res Result) {
	restoreProcess()
	// On return, in this order: the output is closed, so that nothing
	// the program's goroutines print can reach it any more; they are asked
	// whether they outlived it; and the interpreter's context is cancelled,
	// which ends them without their deferred calls (so without the count
	// lingers reads: see lingering).
	var cancelRun context.CancelFunc
	defer func() {
		if cancelRun != nil {
			cancelRun()
		}
	}()
	var lingers func() bool
	defer func() {
		if lingers != nil {
			res.Lingering = lingers()
		}
	}()
	stdout, stderr := newGate(opts.Stdout), newGate(opts.Stderr)
	// Closed on return, so an abandoned run (timed out, or ended by os.Exit
	// while other goroutines still print) cannot write into what follows.
	defer stdout.close()
	defer stderr.close()

	exit := make(chan int, 1)
	trace := &panicTrace{w: stderr}
	// Standard input is empty, as for go run with nothing to read: fmt.Scan
	// and its kind get EOF, where the process's own would be read (the
	// browser's has none: "read /dev/stdin: not implemented on js").
	i := interp.New(interp.Options{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: trace, Args: []string{"main"}})
	exitWith := func(code int) {
		select {
		case exit <- code: // the first call wins, as the process would be gone
		default:
		}
	}
	var goPanic, handOver atomic.Pointer[string]
	var started atomic.Int64 // goroutines the program started and that did not return
	var mainEnded atomic.Bool
	// handOverNow ends the run for the Go toolchain with why (the first
	// reason wins, as the process would be gone); the calling goroutine
	// stays where it is.
	handOverNow := func(why string) {
		if handOver.CompareAndSwap(nil, &why) {
			exitWith(2)
		}
		select {}
	}
	hooks := symbols.Hooks{
		Recovered: func(v any) any {
			trace.recovered()
			if !inInterpretersWords(v) && !p.typeInDoubt(v) {
				return v
			}
			if g, ok := p.goRuntimeError(v, panicSite()); ok {
				return g
			}
			if opts.HandOver {
				handOverNow("the program recovered a runtime error, which the interpreter words differently from Go (" + clipped(panicMessage(v)) + ")")
			}
			return v
		},
		Inexact: func(why string) {
			if opts.HandOver {
				handOverNow("the interpreter would run this otherwise than Go: " + why)
			}
		},
		Unlike: func(why string) {
			if opts.HandOver {
				handOverNow("fmt would print a value of the program otherwise than Go does: " + why)
			}
		},
		GoStart: func() { started.Add(1) },
		GoEnd:   func() { started.Add(-1) },
		// main returned or is panicking (the source pass's mainEnd): in Go
		// the process ends there, so what other goroutines print, or a
		// panic of theirs, comes too late to be seen.
		MainEnd: func() {
			mainEnded.Store(true)
			stdout.close()
		},
		GoPanic: func(v any) {
			if mainEnded.Load() {
				select {} // the program is over; this goroutine stays where it is
			}
			msg := panicMessage(v)
			if opts.HandOver {
				handOverNow(whyPanicked(v))
			}
			if goPanic.CompareAndSwap(nil, &msg) {
				trace.report(stderr, p, msg)
				exitWith(2)
			}
			select {} // the program is over; this goroutine stays where it is
		},
	}
	if err := useLibrary(i, hooks, stdout, stderr, exitWith); err != nil {
		return Result{Status: 2, Err: err}
	}
	// The program's goroutines are told apart from the host's and from
	// those earlier runs left behind (see deadlock.go).
	before := interpretedGoroutines()
	lingers = func() bool { return lingering(p.counted, &started, before) }
	var timers afterFuncs
	defer timers.end()
	wake := wakers{resets: p.resets}
	if err := i.Use(map[string]map[string]reflect.Value{
		"runtime/runtime": {"NumGoroutine": reflect.ValueOf(func() int {
			if p.counted {
				return 1 + int(started.Load())
			}
			return numGoroutine(before)
		})},
	}); err != nil {
		return Result{Status: 2, Err: fmt.Errorf("loading runtime: %w", err)}
	}
	if err := i.Use(wake.symbols(&timers)); err != nil {
		return Result{Status: 2, Err: fmt.Errorf("loading time: %w", err)}
	}

	// The interpreter gets a context only this function cancels: at the
	// time limit its goroutines must still be where they were blocked (its
	// cancellation wakes them) for the deadlock diagnosis to read them.
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	cancelRun = cancel
	var limit <-chan time.Time
	if opts.Timeout > 0 {
		t := time.NewTimer(opts.Timeout)
		defer t.Stop()
		limit = t.C
	}
	var mainID atomic.Value // string
	var stuckAfter time.Duration
	if opts.HandOver {
		stuckAfter = stuckFor
	}
	asleep, stuck := watchAsleep(runCtx, before, func() string { id, _ := mainID.Load().(string); return id }, &wake, stuckAfter, func() int { return stdout.written() + stderr.written() })
	done := make(chan error, 1)
	var over atomic.Bool // interpret returned: its limit or ctx came during the compile
	defer over.Store(true)
	go func() {
		mainID.Store(goroutineID())
		prog, err := compile(i, p.Code)
		if err == nil && !over.Load() {
			freshStart()
			if opts.Started != nil {
				opts.Started()
			}
			_, err = i.ExecuteWithContext(runCtx, prog)
		}
		done <- err
	}()
	exited := func(code int) Result {
		if why := handOver.Load(); why != nil {
			return Result{HandOver: *why}
		}
		if msg := goPanic.Load(); msg != nil && code == 2 {
			return Result{Status: 2, Err: fmt.Errorf("panic: %s", *msg), Told: true}
		}
		// The status is a byte where go run runs (Linux keeps the code's
		// low 8 bits): os.Exit(256) ends with 0, os.Exit(-1) with 255.
		return Result{Status: code & 0xff}
	}
	select {
	case code := <-exit:
		return exited(code)
	case err := <-done:
		// os.Exit may have raced a normal end; the exit wins, as in Go.
		select {
		case code := <-exit:
			return exited(code)
		default:
		}
		return finish(p, err, stderr, trace, opts.HandOver)
	case <-stuck:
		return Result{HandOver: whyStuck}
	case <-asleep:
		if opts.HandOver {
			return Result{HandOver: whyAsleep}
		}
		fmt.Fprintln(stderr, ErrAsleep)
		return Result{Status: 2, Err: ErrAsleep, Told: true}
	case <-limit:
		return stopped(stderr, context.DeadlineExceeded, before)
	case <-ctx.Done():
		return stopped(stderr, ctx.Err(), before)
	}
}

// inInterpretersWords reports whether a recovered value is a runtime error
// the interpreter words differently from Go: reflect's words ("reflect:
// slice index out of range" for Go's "runtime error: index out of range
// [5] with length 1") or yaegi's, which start with a position ("22:32:
// interface conversion: ..."). Runtime errors the interpreter gets from
// Go's runtime itself (a nil map write, a division by zero, panic(nil))
// read as in Go, measured on yaegi v0.16.1, and are not handed over; nor
// is one for which goRuntimeError gives the program Go's value.
func inInterpretersWords(v any) bool {
	msg := ""
	switch v := v.(type) {
	case string:
		msg = v
	case error:
		msg = v.Error()
	}
	return strings.HasPrefix(msg, "reflect") || hasLeadingPosition(msg)
}

// whyPanicked is why a run that panicked with v goes to the Go
// toolchain.
func whyPanicked(v any) string {
	if inInterpretersWords(v) {
		return fmt.Sprintf(whyInterpPanic, clipped(panicMessage(v)))
	}
	return whyPanic
}

// clipped bounds a message of the program's, or of the interpreter's, that
// a reason quotes: a program may panic with a string of any length.
func clipped(msg string) string {
	const most = 200
	if len(msg) <= most {
		return msg
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + "…"
}

// stopped reports a run stopped from outside: its time limit, or the
// caller's context.
func stopped(stderr io.Writer, why error, before map[string]bool) Result {
	if !errors.Is(why, context.DeadlineExceeded) {
		return Result{Status: 2, Err: why}
	}
	if allBlocked(before) {
		fmt.Fprintln(stderr, ErrDeadlock)
		return Result{Status: 2, Err: ErrDeadlock, TimedOut: true, Told: true}
	}
	return Result{Status: 2, Err: ErrTimeout, TimedOut: true}
}

// finish turns the interpreter's error into what go run would report.
func finish(p *Prepared, err error, stderr io.Writer, trace *panicTrace, handOver bool) Result {
	if err == nil {
		return Result{}
	}
	var pv interp.Panic
	isPanic := errors.As(err, &pv)
	if isPanic && handOver {
		return Result{HandOver: whyPanicked(pv.Value)}
	}
	if isPanic {
		msg := panicMessage(pv.Value)
		trace.report(stderr, p, msg)
		return Result{Status: 2, Err: fmt.Errorf("panic: %s", msg), Told: true}
	}
	res := compileFailure(stderr, p, err)
	res.Refused = true
	if handOver {
		// The interpreter's compiler stopped where the check had not: its
		// words describe the interpreter, not the program.
		res.HandOver = fmt.Sprintf(whyUncompiled, res.Err)
	}
	return res
}

// compile is the first half of yaegi's EvalWithContext, whose second is
// ExecuteWithContext: the interpreter's compile. Its compiler may panic
// (a cfgError, "CFG post-order panic: ..." at the program's line), which
// EvalWithContext would recover as though the program had panicked; the
// program has not run, so that is a compile failure, the interpreter's.
func compile(i *interp.Interpreter, code string) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	return i.Compile(code)
}

// compileFailure reports a program that does not compile: go run prints
// the errors and exits with status 1. Positions in p's lowered code are
// mapped to the reader's.
func compileFailure(stderr io.Writer, p *Prepared, err error) Result {
	msg := p.mapMessage(cleanError(p.Code, err))
	if stderr != nil {
		fmt.Fprintln(stderr, msg)
	}
	return Result{Status: 1, Err: errors.New(msg), Told: stderr != nil}
}

// useLibrary gives an interpreter what every program of the engine sees:
// the curated standard library, fmt's printing functions checking what
// they print (symbols.Printed, reporting to hooks), the source pass's
// helpers (reporting to hooks) and os (writing to stdout and stderr,
// ending with exit). A run
// and the compile-only check of Prepared.ErrorsComplete share it, so the
// two see the same packages.
func useLibrary(i *interp.Interpreter, hooks symbols.Hooks, stdout, stderr io.Writer, exit func(int)) error {
	for _, lib := range []struct {
		what string
		syms map[string]map[string]reflect.Value
	}{
		{"the standard library", symbols.Symbols},
		{"fmt's printing functions", symbols.Printed(hooks, stdout)},
		{"the source pass's helpers", symbols.Lower(hooks)},
		{"os", symbols.OS(stdout, stderr, exit)},
	} {
		if err := i.Use(lib.syms); err != nil {
			return fmt.Errorf("loading %s: %w", lib.what, err)
		}
	}
	return nil
}
