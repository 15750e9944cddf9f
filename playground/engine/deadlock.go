package engine

import (
	"bytes"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

// The interpreter runs a program's goroutines as goroutines of the host
// process, among the host's own; these functions pick out the program's
// from runtime.Stack, the one portable source (native and WebAssembly) of
// goroutine states the runtime offers. A goroutine is the program's when
// its stack goes through yaegi's runCfg, or when yaegi created it (a go
// statement whose goroutine has not started yet). A run first notes the
// interpreted goroutines already there (left behind by an earlier run
// ended by os.Exit, a panic in a goroutine or its time limit, which
// nothing can stop) and leaves them out.

// goroutineState is one goroutine of the process: its id and whether it
// runs interpreted code and is parked on a channel, a select or a lock.
type goroutineState struct {
	id          string
	state       string // "chan receive", "select", "sync.WaitGroup.Wait", ...
	interpreted bool
	blocked     bool
	// evalBy: the goroutine is the one yaegi's ExecuteWithContext starts to
	// run the program's main, started by the goroutine of this id.
	evalBy string
	// sending: the interpreted code it is parked in is a channel send.
	sending bool
}

func goroutines() []goroutineState {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	return goroutineStates(buf)
}

// goroutineStates reads the goroutines of a trace of all of them.
func goroutineStates(buf []byte) []goroutineState {
	var out []goroutineState
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		// "goroutine 18 [chan receive]:"
		head, _, _ := bytes.Cut(g, []byte("\n"))
		id, _, _ := bytes.Cut(bytes.TrimPrefix(head, []byte("goroutine ")), []byte(" "))
		state := ""
		if i, j := bytes.IndexByte(head, '['), bytes.IndexByte(head, ']'); i >= 0 && j > i {
			// "select, 1 minutes": Go adds how long a goroutine has
			// waited once it is a minute or more.
			state, _, _ = strings.Cut(string(head[i+1:j]), ",")
		}
		out = append(out, goroutineState{
			id:          string(id),
			state:       state,
			interpreted: bytes.Contains(g, []byte("yaegi/interp.runCfg")) || bytes.Contains(g, []byte("created by github.com/traefik/yaegi/interp.")),
			blocked:     blockedState(head),
			evalBy:      evalBy(g),
			sending:     sending(g),
		})
	}
	return out
}

// sending reads, in a goroutine's trace, whether its innermost frame of
// the interpreter is yaegi's send ("github.com/traefik/yaegi/interp.send.func2").
func sending(trace []byte) bool {
	const interp = "github.com/traefik/yaegi/interp."
	i := bytes.Index(trace, []byte(interp))
	return i >= 0 && bytes.HasPrefix(trace[i+len(interp):], []byte("send."))
}

// evalBy reads, in a goroutine's trace, "created by
// github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext.func1 in
// goroutine 7": the id of the goroutine that called ExecuteWithContext, or ""
// for any other goroutine.
func evalBy(g []byte) string {
	_, created, ok := bytes.Cut(g, []byte("\ncreated by github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext"))
	if !ok {
		return ""
	}
	line, _, _ := bytes.Cut(created, []byte("\n"))
	_, id, _ := bytes.Cut(line, []byte(" in goroutine "))
	return string(id)
}

// goroutineID is the id of the goroutine that calls it, as stack traces
// write it.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	id, _, _ := bytes.Cut(bytes.TrimPrefix(buf, []byte("goroutine ")), []byte(" "))
	return string(id)
}

// programGoroutines returns the goroutines of the program: those running
// interpreted code, but for the ones in before (earlier runs').
func programGoroutines(before map[string]bool) []goroutineState {
	var out []goroutineState
	for _, g := range goroutines() {
		if g.interpreted && !before[g.id] {
			out = append(out, g)
		}
	}
	return out
}

// lingering reports whether goroutines of a program that just ended are
// still there (Result.Lingering). Those it released as it ended (closing
// a channel they wait on) are given the time to finish first. Where the
// source pass counts the program's goroutines (counted), the count says
// it; otherwise only a read of every goroutine's stack can, whose cost
// grows with their number: past watchLimit goroutines, they are taken to
// be there.
func lingering(counted bool, started *atomic.Int64, before map[string]bool) bool {
	if counted {
		// While they keep ending, they are let end. Those left once none
		// ended for a thousand turns given up and 100 ms are left: turns,
		// for a busy machine where the process waits for a CPU, this loop
		// and they alike; time, for other CPUs where they run while this
		// loop spins.
		last, idle, since := started.Load(), 0, time.Now()
		for end := time.Now().Add(2 * time.Second); last > 0 && (idle < 1000 || time.Since(since) < 100*time.Millisecond) && time.Now().Before(end); idle++ {
			runtime.Gosched()
			if n := started.Load(); n < last {
				last, idle, since = n, 0, time.Now()
			}
		}
		return last > 0
	}
	if runtime.NumGoroutine() > watchLimit {
		return true
	}
	return len(programGoroutines(before)) > 0
}

// interpretedGoroutines returns the ids of the goroutines running
// interpreted code now (none are read past watchLimit goroutines: see
// lingering).
func interpretedGoroutines() map[string]bool {
	ids := map[string]bool{}
	if runtime.NumGoroutine() > watchLimit {
		return ids
	}
	for _, g := range programGoroutines(nil) {
		ids[g.id] = true
	}
	return ids
}

// numGoroutine is runtime.NumGoroutine as the program sees it: its own
// goroutines, not the host's nor those of earlier runs (before).
func numGoroutine(before map[string]bool) int { return len(programGoroutines(before)) }

// allBlocked reports whether every goroutine of the program (not in
// before) is parked on a channel operation, a select or a lock, which is
// what a deadlocked program looks like from inside a process that, unlike
// the program's own, has other goroutines and timers keeping it alive.
// It is asked only once the time limit has come, so a program that merely
// waits on a timer longer than the limit is reported as deadlocked too;
// both fail alike.
func allBlocked(before map[string]bool) bool {
	gs := programGoroutines(before)
	for _, g := range gs {
		if !g.blocked {
			return false
		}
	}
	return len(gs) > 0
}

// blockedState reads the "[state]" of a goroutine's header line. What the
// program's own locks park a goroutine on is named after them since Go
// 1.24 ("sync.Mutex.Lock", "sync.WaitGroup.Wait", "sync.Cond.Wait"); a
// plain "semacquire" is the runtime's own, held by the host or the runtime
// and always released: runtime.GOMAXPROCS, runtime.GC or ReadMemStats
// waiting to stop the world while another goroutine of the process
// stops it (each watchAsleep reads every goroutine's stack so, and a
// package's tests run several at once). Taken for parked, it had a
// program that set GOMAXPROCS declared asleep before its first line.
func blockedState(g []byte) bool {
	i, j := bytes.IndexByte(g, '['), bytes.IndexByte(g, ']')
	if i < 0 || j < i {
		return false
	}
	state := string(g[i+1 : j])
	for _, blocked := range []string{"chan receive", "chan send", "select", "sync."} {
		if len(state) >= len(blocked) && state[:len(blocked)] == blocked {
			return true
		}
	}
	return false
}
