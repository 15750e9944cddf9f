package main

// Goroutines blocked forever on an unbuffered send leak; a buffered channel lets them all finish.
import (
	"fmt"
	"runtime"
	"time"
)

func query(buffer int) string {
	ch := make(chan string, buffer)
	for range 3 {
		go func() { ch <- "answer" }()
	}
	return <-ch
}

func settle(base, want int) int {
	deadline := time.Now().Add(2 * time.Second) // a margin that holds on a loaded machine
	for runtime.NumGoroutine()-base != want && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine() - base
}

func main() {
	base := runtime.NumGoroutine()
	fmt.Println("unbuffered:", query(0), "leaked:", settle(base, 2))
	base = runtime.NumGoroutine()
	fmt.Println("buffered:", query(3), "leaked:", settle(base, 0))
}

// Output:
// unbuffered: answer leaked: 2
// buffered: answer leaked: 0
