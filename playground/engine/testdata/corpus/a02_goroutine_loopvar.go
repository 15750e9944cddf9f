package main

// Go 1.22: each loop iteration has a fresh variable, so goroutines see distinct values.
import (
	"fmt"
	"slices"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var seen []string
	for _, name := range []string{"d", "b", "a", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, name)
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(seen)
	fmt.Println(seen, len(seen))
}

// Output:
// [a b c d] 4
