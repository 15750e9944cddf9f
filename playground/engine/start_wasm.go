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
// The P's schedtick, its count of time slices, is where a new process's
// main finds it (playgroundStart, in the runtime the interpreter's
// module is built with: generator/assets/runnext.go; a js/wasm build of
// this package without that overlay does not link). While it stands at
// a multiple of 61, the scheduler takes the global run queue first when
// it is not empty, and runtime.Gosched puts a goroutine there: the count
// the page's earlier programs had left let three goroutines taking turns
// with Gosched print out of go run's order in one run in four. The
// engine's own goroutines (the deadlock watcher, first awake at 10 ms)
// and collections start slices of their own, so a longer run may still
// come to the 61st elsewhere than a new process does.
func freshStart() {
	runtime.GC()
	playgroundStart(newProcessTick)
}

// newProcessTick is the P's schedtick as main starts on js/wasm with
// the site's runtime (the Go toolchain's engine, measured under Node).
const newProcessTick = 2

//go:linkname playgroundStart runtime.playgroundStart
func playgroundStart(tick uint32)
