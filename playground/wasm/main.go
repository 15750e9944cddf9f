//go:build js && wasm

// Command wasm is the playground's interpreter in the browser: compiled to
// WebAssembly, it runs inside the page's Web Worker (playground/web/
// worker.js) and answers its messages with playground/engine, the same
// engine the build validates every snippet with.
//
// Protocol (structured-clone objects over postMessage):
//
//	in:  {type:"run", id, code, auto} out: {type:"running", id} once compiled, as the program starts
//	                                      {type:"out", id, stream:"stdout"|"stderr", data}...
//	                                      then {type:"exit", id, status, error, lingering}
//	                                      or {type:"exit", id, flood:true} past 1 MiB of output
//	                                      or {type:"exit", id, exact:reason} (auto only)
//	                                      more:true on an exit: the interpreter stopped at a
//	                                      compile error of its own, and go build may list more
//	in:  {type:"format", id, code}   out: {type:"formatted", id, code, error}
//
// With auto set, a program the interpreter would run differently from Go
// (what engine.Detect finds) or could not compile is not run here: the
// answer names the reason, and the page runs it with the exact engine (the
// Go toolchain) instead. A compile refusal comes before any output of the
// program, so the page may drop what was printed and run it again.
//
// lingering says goroutines of the program are still there after it
// returned: the page then ends this worker, as Go would have ended them.
//
// Time limits are the page's business: a tight loop cannot be preempted in
// WebAssembly, so the page terminates the worker instead.
package main

import (
	"context"
	"fmt"
	"go/format"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"syscall/js"
	"time"
	"unicode/utf8"

	"github.com/goexpert/gointernals/playground/engine"
	"github.com/goexpert/gointernals/playground/policy"
)

func main() {
	handler := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		msg := args[0]
		kind, id, code := msg.Get("type").String(), msg.Get("id").String(), msg.Get("code").String()
		auto := msg.Get("auto").Truthy()
		// A callback must not block the event loop: answer from a goroutine.
		go handle(kind, id, code, auto)
		return nil
	})
	noFiles()
	// Before the handler is installed, so that no program runs beside
	// it: worker.js keeps the page's requests until then.
	engine.Warm()
	js.Global().Set("__goplay", handler)
	js.Global().Call("__goplayReady")
	select {}
}

// noFiles makes the interpreter's file system one where looking a file up
// finds nothing (ENOENT), as a file outside /tmp is not found on the Go
// toolchain's engine: wasm_exec.js's stand-in, which the interpreter's
// worker ran with, says every call is "not implemented" (ENOSYS).
// Programs that use files are the toolchain's (policy); what is left is
// the standard library looking for a system file, which on Go's terms
// must find none: time.LoadLocation("Bad/Zone") said "not implemented on
// js" here, "unknown time zone Bad/Zone" under go run and on the other
// engine (a blind pass).
func noFiles() {
	fs := js.Global().Get("fs")
	notFound := js.FuncOf(func(this js.Value, args []js.Value) any {
		e := js.Global().Get("Error").New("no such file or directory")
		e.Set("code", "ENOENT")
		args[len(args)-1].Invoke(e)
		return nil
	})
	for _, call := range []string{"open", "stat", "lstat"} {
		fs.Set(call, notFound)
	}
}

func post(v map[string]any) {
	js.Global().Call("postMessage", js.ValueOf(v))
}

func handle(kind, id, code string, auto bool) {
	switch kind {
	case "run":
		run(id, code, auto)
	case "format":
		out, err := format.Source([]byte(code))
		if err != nil {
			post(map[string]any{"type": "formatted", "id": id, "error": strings.TrimPrefix(err.Error(), "<standard input>:")})
			return
		}
		post(map[string]any{"type": "formatted", "id": id, "code": string(out)})
	default:
		post(map[string]any{"type": "exit", "id": id, "status": 2, "error": fmt.Sprintf("unknown request %q", kind)})
	}
}

// output batches a run's writes into few messages once they come fast: a
// program printing in a tight loop would otherwise post one message per
// line and flood the page. Each write goes out at once until burst went
// out in a window of 20 ms (one starts at the first write 20 ms after the
// last began; checked on each write, since a busy loop never lets a timer
// run, and the page ends a program that computes without end at its
// limit: what is still batched then never shows, now only the last writes
// of a burst of over burst just before it); past that, a batch goes out
// when it grows past 8 KB, or from a timer when the program pauses.
const burst = 64 // runner.js's BURST

type output struct {
	mu      sync.Mutex
	id      string
	stream  string // stream of the pending bytes
	pending []byte
	window  time.Time // when the last 20 ms began
	sent    int       // messages since
	total   int
	timer   *time.Timer
	flooded bool
	// invalid: the program wrote bytes that are not UTF-8, which the page
	// can only show as U+FFFD (go run's terminal gets the bytes).
	invalid bool
	// cut: the start of a character a stream was left with when the
	// other was written to, kept for that stream's next bytes (each
	// stream is read apart, as a terminal reads each).
	cut map[string][]byte
}

func (o *output) writer(name string) io.Writer {
	return writerFunc(func(p []byte) (int, error) { return o.write(name, p) })
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func (o *output) write(stream string, p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.flooded {
		return len(p), nil
	}
	if stream != o.stream {
		o.flushLocked()
		if len(o.pending) > 0 {
			if o.cut == nil {
				o.cut = map[string][]byte{}
			}
			o.cut[o.stream] = append([]byte(nil), o.pending...)
		}
		o.pending = append(o.pending[:0], o.cut[stream]...)
		delete(o.cut, stream)
		o.stream = stream
	}
	o.pending = append(o.pending, p...)
	o.total += len(p)
	if o.total > policy.OutputLimit { // the page stops the run
		o.flushLocked()
		o.flooded = true
		post(map[string]any{"type": "exit", "id": o.id, "status": 2, "flood": true})
		return len(p), nil
	}
	if now := time.Now(); now.Sub(o.window) > 20*time.Millisecond {
		o.window, o.sent = now, 0
	}
	if len(o.pending) > 8<<10 || o.sent < burst {
		o.flushLocked()
	} else if o.timer == nil {
		o.timer = time.AfterFunc(20*time.Millisecond, o.flush)
	}
	return len(p), nil
}

func (o *output) flush() {
	o.mu.Lock()
	o.flushLocked()
	o.mu.Unlock()
}

func (o *output) flushLocked() { o.flushWhole(false) }

// flushWhole sends what is pending; final, a character left cut goes too.
func (o *output) flushWhole(final bool) {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	if len(o.pending) == 0 {
		return // nothing went out: the next write may still go at once
	}
	// A character cut between two writes goes out whole with the next
	// batch: JavaScript's string of each half would be U+FFFD.
	send, rest := o.pending, []byte(nil)
	if !final {
		send, rest = cutRune(o.pending)
	}
	if len(send) == 0 {
		return
	}
	o.sent++
	if !o.invalid && !utf8.Valid(send) {
		o.invalid = true
	}
	post(map[string]any{"type": "out", "id": o.id, "stream": o.stream, "data": string(send)})
	o.pending = append(o.pending[:0], rest...)
}

// end sends what is pending and each stream's cut character, as they are.
func (o *output) end() {
	o.flushWhole(true)
	for _, s := range []string{"stdout", "stderr"} {
		if len(o.cut[s]) > 0 {
			o.stream, o.pending = s, o.cut[s]
			delete(o.cut, s)
			o.flushWhole(true)
		}
	}
}

// cutRune splits off the start of a character at p's end that the next
// bytes may complete.
func cutRune(p []byte) (whole, start []byte) {
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(p[i]) {
			if !utf8.FullRune(p[i:]) {
				return p[:i], p[i:]
			}
			break
		}
	}
	return p, nil
}

func run(id, code string, auto bool) {
	// Constructs the interpreter cannot run are named before running, in
	// words, at line:col: never a bare "nil type". Those it runs with
	// semantics that may differ from Go's are named too, before the
	// program's own output, so a difference is never silent.
	p, err := engine.Prepare(code)
	if auto {
		// Automatic's choice, the build's too (engine.BeforeRun); what
		// only the run can tell, the run hands over itself
		// (Options.HandOver, Result.HandedOver, below).
		if why := engine.BeforeRun(p, err); why != "" {
			post(map[string]any{"type": "exit", "id": id, "exact": why})
			return
		}
	} else if err == nil && len(p.Errors()) > 0 {
		// The interpreter picked: the check's errors and the interpreter's
		// first, in the order of the lines, as go build lists them.
		if more := p.MoreErrors(); more != "" {
			post(map[string]any{"type": "out", "id": id, "stream": "stderr", "data": engine.AsGoRun(engine.ByPosition(p.Errors(), more), true)})
			post(map[string]any{"type": "exit", "id": id, "status": 1, "more": true})
			return
		}
	} else if err == nil {
		// The interpreter picked: what it may run differently is said
		// first; what it cannot run at all, Run refuses in words.
		var differ []string
		refused := false
		for _, f := range p.Findings() {
			if f.Unsupported {
				refused = true
			} else {
				differ = append(differ, f.String())
			}
		}
		if len(differ) > 0 && !refused {
			post(map[string]any{"type": "out", "id": id, "stream": "stderr",
				"data": "note: the interpreter may print something different from Go here:\n" + strings.Join(differ, "\n") + "\n"})
		}
	}
	// The first write goes out at once: a program that prints and then
	// loops without pause never lets the batch's timer run.
	out := &output{id: id}
	// Until the program starts, only the check and the compiler write
	// (the interpreter compiles before it runs any of the program, its
	// package initialisation included): their messages go out as go run
	// prints them.
	stderr := out.writer("stderr")
	var started atomic.Bool
	headed := false
	compileStage := writerFunc(func(b []byte) (int, error) {
		if started.Load() {
			return stderr.Write(b)
		}
		_, err := io.WriteString(stderr, engine.AsGoRun(string(b), !headed))
		headed = true
		return len(b), err
	})
	opts := engine.Options{Stdout: out.writer("stdout"), Stderr: compileStage, HandOver: auto,
		Started: func() { started.Store(true); post(map[string]any{"type": "running", "id": id}) }}
	var res engine.Result
	if err != nil {
		res = engine.Run(context.Background(), code, opts) // reports the syntax error as go run does
	} else {
		res = p.Run(context.Background(), opts)
	}
	out.mu.Lock()
	defer out.mu.Unlock()
	if out.flooded {
		return // the page was told, and stops this worker
	}
	out.end()
	msg := map[string]any{"type": "exit", "id": id, "status": res.Status}
	if out.invalid {
		msg["invalid"] = true
	}
	if why := res.HandedOver(); auto && why != "" {
		msg["exact"] = why
	}
	if !auto && res.Refused && res.Status == 1 {
		// The interpreter stopped at its first compile error, or refused
		// a construct: the Go compiler may say otherwise.
		msg["more"] = true
	}
	if res.Err != nil && !res.Told {
		msg["error"] = res.Err.Error()
	}
	if res.Lingering {
		// Go ends them with its process; here the page ends this worker.
		msg["lingering"] = true
	}
	post(msg)
}
