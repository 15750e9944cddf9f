package main

// Goroutines write into distinct slice elements; WaitGroup.Wait makes the results visible.
import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 5)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * 10
		}()
	}
	wg.Wait()
	fmt.Println(results)
}

// Output:
// [0 10 20 30 40]
