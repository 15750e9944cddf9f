package main

// sync.Mutex protects a shared map of counters incremented by many goroutines.
import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key]++
}

func main() {
	c := counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				c.inc([]string{"even", "odd"}[i%2])
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n)
}

// Output:
// map[even:2500 odd:2500]
