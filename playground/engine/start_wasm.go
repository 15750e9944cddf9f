//go:build js && wasm

package engine

import (
	"runtime"
	_ "unsafe" // for go:linkname
)

// freshStart begins a program in the page's interpreter, one process for
// every program the page runs on one P, as a new process begins its main.
//
// No collection is under way and the heap is far from the next: the
// interpreter's heap is large, and what compiling allocates often
// started a cycle whose assists then parked main between the program's
// first statements (three go statements printed 0 1 2 in about one run
// in twelve, for go run's 2 0 1). A run took 7 ms more (95 ms against
// 88, over 60 runs of that program).
//
// The P's count of schedules is where a new process's main finds it
// (playgroundStart, in the runtime the interpreter's module is built
// with: generator/assets/runnext.go): every 61st takes the global run
// queue first, where runtime.Gosched puts a goroutine, and a count the
// page's earlier programs had left let three goroutines taking turns
// with Gosched print out of go run's order in one run in four.
func freshStart() {
	runtime.GC()
	playgroundStart(newProcessTick)
}

// newProcessTick is the P's schedtick as main starts on js/wasm with
// the site's runtime (the Go toolchain's engine, measured under Node).
const newProcessTick = 2

//go:linkname playgroundStart runtime.playgroundStart
func playgroundStart(tick uint32)
