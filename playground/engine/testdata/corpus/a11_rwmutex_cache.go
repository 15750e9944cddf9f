package main

// sync.RWMutex: writers take the exclusive lock; a held read lock admits readers but not writers.
import (
	"fmt"
	"strconv"
	"sync"
)

type cache struct {
	mu sync.RWMutex
	m  map[int]string
}

func (c *cache) get(k int) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	return v, ok
}

func main() {
	c := &cache{m: map[int]string{}}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.mu.Lock()
			c.m[i] = strconv.Itoa(i * i)
			c.mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(c.get(7))
	c.mu.RLock()
	fmt.Println("TryRLock:", c.mu.TryRLock(), "TryLock:", c.mu.TryLock())
	c.mu.RUnlock()
	c.mu.RUnlock()
}

// Output:
// 49 true
// TryRLock: true TryLock: false
