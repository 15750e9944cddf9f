//go:build js && wasm

// Command attack is what a reader's program can do once it holds
// JavaScript inside the playground's sandbox (a //go:wasmimport the guard
// missed, a forged function value, a bug of the interpreter): it tries
// every way out to the site's origin and the network, and reports each
// outcome. security_browser_test.go builds it for js/wasm and runs it in
// the sandbox's workers; every attempt must fail.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"syscall/js"
)

// origin is the site's origin, set by the test with -ldflags -X.
var origin string

func main() {
	g := js.Global()
	report := map[string]string{}
	try := func(name string, f func() string) {
		defer func() {
			if r := recover(); r != nil {
				report[name] = fmt.Sprint("blocked: ", r)
			}
		}()
		report[name] = f()
	}
	call := func(name string, args ...any) func() string {
		return func() string {
			f := g.Get(name)
			if f.Type() != js.TypeFunction && f.Type() != js.TypeObject {
				return "absent"
			}
			return settle(f.Invoke(args...))
		}
	}
	try("origin", func() string { return g.Get("origin").String() })
	try("fetch", call("fetch", origin+"/exfil-fetch"))
	try("fetch-proto", func() string {
		// The same function, found on the prototype chain.
		for o := g; o.Truthy(); o = g.Get("Object").Call("getPrototypeOf", o) {
			if f := g.Get("Object").Call("getOwnPropertyDescriptor", o, "fetch"); f.Truthy() && f.Get("value").Type() == js.TypeFunction {
				return settle(f.Get("value").Call("call", g, origin+"/exfil-proto"))
			}
		}
		return "absent"
	})
	try("xhr", func() string {
		x := g.Get("XMLHttpRequest")
		if x.Type() != js.TypeFunction {
			return "absent"
		}
		r := x.New()
		r.Call("open", "GET", origin+"/exfil-xhr", false)
		r.Call("send")
		return fmt.Sprint("open: status ", r.Get("status").Int())
	})
	try("websocket", func() string {
		w := g.Get("WebSocket")
		if w.Type() != js.TypeFunction {
			return "absent"
		}
		return events(w.New("ws"+origin[len("http"):]+"/exfil-ws"), "open", "error")
	})
	try("eventsource", func() string {
		e := g.Get("EventSource")
		if e.Type() != js.TypeFunction {
			return "absent"
		}
		return events(e.New(origin+"/exfil-sse"), "open", "error")
	})
	try("importScripts", call("importScripts", origin+"/exfil-import.js"))
	try("eval", call("eval", "1+1"))
	try("Function", func() string { return g.Get("Function").New("return 1").Invoke().String() })
	try("caches", func() string {
		c := g.Get("caches")
		if !c.Truthy() {
			return "absent"
		}
		cache := settle1(c.Call("open", "gi-forged"))
		forged := g.Get("Response").New("document.documentElement.dataset.pwned = 'FORGED'")
		return settle(cache.Call("put", origin+"/assets/forged.js", forged))
	})
	try("indexedDB", func() string {
		db := g.Get("indexedDB")
		if !db.Truthy() {
			return "absent"
		}
		return events(db.Call("open", "forged"), "success", "error")
	})
	try("storage", func() string {
		s := g.Get("navigator").Get("storage")
		if !s.Truthy() {
			return "absent"
		}
		return settle(s.Call("getDirectory"))
	})
	try("serviceWorker", func() string {
		s := g.Get("navigator").Get("serviceWorker")
		if !s.Truthy() {
			return "absent"
		}
		return "open"
	})
	try("broadcast", func() string {
		b := g.Get("BroadcastChannel")
		if b.Type() != js.TypeFunction {
			return "absent"
		}
		b.New("gointernals").Call("postMessage", "FORGED")
		return "posted (to its own opaque origin only)"
	})
	b, _ := json.Marshal(report)
	fmt.Println(string(b))
	g.Call("postMessage", map[string]any{"type": "attack", "report": string(b)})
	os.Exit(0)
}

// settle waits for a promise and says how it ended; a value that is not
// a promise is reported as it is.
func settle(p js.Value) string {
	if _, err := await(p); err != "" {
		return "blocked: " + err
	}
	return "open"
}

func settle1(p js.Value) js.Value {
	v, err := await(p)
	if err != "" {
		panic(err)
	}
	return v
}

func await(p js.Value) (js.Value, string) {
	if p.Type() != js.TypeObject || p.Get("then").Type() != js.TypeFunction {
		return p, ""
	}
	type result struct {
		v   js.Value
		err string
	}
	c := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, a []js.Value) any { c <- result{v: a[0]}; return nil })
	fail := js.FuncOf(func(_ js.Value, a []js.Value) any { c <- result{err: a[0].Call("toString").String()}; return nil })
	p.Call("then", ok, fail)
	r := <-c
	return r.v, r.err
}

// events waits for the first of two events on target.
func events(target js.Value, good, bad string) string {
	c := make(chan string, 2)
	target.Call("addEventListener", good, js.FuncOf(func(js.Value, []js.Value) any { c <- "open"; return nil }))
	target.Call("addEventListener", bad, js.FuncOf(func(js.Value, []js.Value) any { c <- "blocked: " + bad + " event"; return nil }))
	return <-c
}
