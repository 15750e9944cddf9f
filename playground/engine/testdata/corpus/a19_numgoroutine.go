package main

// runtime.NumGoroutine counts live goroutines: it rises while workers block and falls after they exit.
import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	before := runtime.NumGoroutine()
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
		}()
	}
	fmt.Println("started:", runtime.NumGoroutine()-before)
	close(release)
	wg.Wait()
	deadline := time.Now().Add(2 * time.Second) // a margin that holds on a loaded machine
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("back to baseline:", runtime.NumGoroutine() == before)
}

// Output:
// started: 4
// back to baseline: true
