package main

// sync.Once runs its function exactly once; sync.OnceValue caches a computed result.
import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var once sync.Once
	var calls atomic.Int32
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls.Add(1) })
		}()
	}
	wg.Wait()
	fmt.Println("once calls:", calls.Load())

	computed := 0
	config := sync.OnceValue(func() string {
		computed++
		return "loaded"
	})
	fmt.Println(config(), config())
	fmt.Println("computed:", computed)
}

// Output:
// once calls: 1
// loaded loaded
// computed: 1
