package main

// A buffered channel as a counting semaphore caps how many goroutines work at once.
import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const limit = 2
	sem := make(chan struct{}, limit)
	var mu sync.Mutex
	active, peak, done := 0, 0, 0
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			active++
			peak = max(peak, active)
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
			mu.Lock()
			active--
			done++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("done:", done, "active:", active, "peak <= limit:", peak <= limit, len(sem))
}

// Output:
// done: 6 active: 0 peak <= limit: true 0
