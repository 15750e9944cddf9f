package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

var errEmpty = errors.New("empty")

func first(s []string) (string, error) {
	if len(s) == 0 {
		return "", fmt.Errorf("first: %w", errEmpty)
	}
	return s[0], nil
}

func main() {
	c := counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.inc("g")
		}()
	}
	wg.Wait()
	fmt.Println(c.n["g"])
	_, err := first(nil)
	fmt.Println(err, errors.Is(err, errEmpty))
	fmt.Println(strings.ToUpper("gc"), strings.Repeat("-", 3))
	defer fmt.Println("deferred runs last")
	fmt.Println("end of main")
}

// Output:
// 50
// first: empty true
// GC ---
// end of main
// deferred runs last
