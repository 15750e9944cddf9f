// A function literal handed to the library inside a loop (wg.Go runs it
// later, in a goroutine): each call sees its own iteration's variable.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	got := make([]int, 4)
	for i := 0; i < 4; i++ {
		wg.Go(func() { got[i] = i + 1 })
	}
	wg.Wait()
	fmt.Println(got)

	words := [][]string{{"b", "a"}, {"d", "c"}}
	for _, w := range words {
		sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	}
	fmt.Println(words)
}

// Output:
// [1 2 3 4]
// [[a b] [c d]]
