package engine

import (
	"bytes"
	"runtime"
)

// interpretedAllBlocked reports whether every goroutine running interpreted
// code is parked on a channel operation, a select or a lock, which is what
// a deadlocked program looks like from inside a process that, unlike the
// program's own, has other goroutines and timers keeping it alive.
//
// It reads goroutine states from runtime.Stack, the one portable source
// (native and WebAssembly) the runtime offers. It is asked only once the
// time limit has come, so a program that merely waits on a timer longer
// than the limit is reported as deadlocked too; both fail alike. With
// several runs in one process it sees all their goroutines, and then says
// "deadlock" only if all of them are blocked.
func interpretedAllBlocked() bool {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	found := false
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		if !bytes.Contains(g, []byte("yaegi/interp.runCfg")) {
			continue // not interpreted code: the host's own goroutines
		}
		found = true
		if !blockedState(g) {
			return false
		}
	}
	return found
}

// blockedState reads the "[state]" of a goroutine's header line.
func blockedState(g []byte) bool {
	i, j := bytes.IndexByte(g, '['), bytes.IndexByte(g, ']')
	if i < 0 || j < i {
		return false
	}
	state := string(g[i+1 : j])
	for _, blocked := range []string{"chan receive", "chan send", "select", "sync.", "semacquire"} {
		if len(state) >= len(blocked) && state[:len(blocked)] == blocked {
			return true
		}
	}
	return false
}
