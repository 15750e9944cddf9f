package main

// runtime.Gosched yields the processor, so a waiting loop that yields lets other goroutines progress.
import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var ready atomic.Bool
	var steps atomic.Int32
	go func() {
		for range 5 {
			steps.Add(1)
			runtime.Gosched()
		}
		ready.Store(true)
	}()
	spins := 0
	for !ready.Load() {
		runtime.Gosched()
		spins++
	}
	fmt.Println("steps:", steps.Load(), "ready:", ready.Load(), "spins >= 0:", spins >= 0)
	runtime.Gosched()
	fmt.Println("Gosched with nothing else to run returns")
}

// Output:
// steps: 5 ready: true spins >= 0: true
// Gosched with nothing else to run returns
