//go:build js && wasm

// Command wasm is the playground's interpreter in the browser: compiled to
// WebAssembly, it runs inside the page's Web Worker (playground/web/
// worker.js) and answers its messages with playground/engine, the same
// engine the build validates every snippet with.
//
// Protocol (structured-clone objects over postMessage):
//
//	in:  {type:"run", id, code}      out: {type:"out", id, stream:"stdout"|"stderr", data}...
//	                                      then {type:"exit", id, status, error}
//	in:  {type:"format", id, code}   out: {type:"formatted", id, code, error}
//
// Time limits are the page's business: a tight loop cannot be preempted in
// WebAssembly, so the page terminates the worker instead.
package main

import (
	"context"
	"fmt"
	"go/format"
	"strings"
	"syscall/js"

	"github.com/goexpert/gointernals/playground/engine"
)

func main() {
	handler := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		msg := args[0]
		kind, id, code := msg.Get("type").String(), msg.Get("id").String(), msg.Get("code").String()
		// A callback must not block the event loop: answer from a goroutine.
		go handle(kind, id, code)
		return nil
	})
	js.Global().Set("__goplay", handler)
	js.Global().Call("__goplayReady")
	select {}
}

func post(v map[string]any) {
	js.Global().Call("postMessage", js.ValueOf(v))
}

func handle(kind, id, code string) {
	switch kind {
	case "run":
		run(id, code)
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

// stream posts every write as it happens, so time.Sleep between prints
// shows as a pause in the page.
type stream struct{ id, name string }

func (s stream) Write(p []byte) (int, error) {
	post(map[string]any{"type": "out", "id": s.id, "stream": s.name, "data": string(p)})
	return len(p), nil
}

func run(id, code string) {
	// Constructs the interpreter cannot run are named before running, in
	// words, at line:col: never a bare "nil type".
	if found := engine.Detect(code); len(found) > 0 {
		var b strings.Builder
		for i, f := range found {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(f.String())
		}
		post(map[string]any{"type": "exit", "id": id, "status": 2, "error": b.String()})
		return
	}
	res := engine.Run(context.Background(), code, engine.Options{
		Stdout: stream{id, "stdout"},
		Stderr: stream{id, "stderr"},
	})
	msg := map[string]any{"type": "exit", "id": id, "status": res.Status}
	if res.Err != nil && res.Status != 1 {
		// Compile errors were already printed on stderr, like go run.
		msg["error"] = res.Err.Error()
	}
	post(msg)
}
