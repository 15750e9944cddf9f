// Package par runs the build's independent jobs (pages, snippets,
// archives) on a fixed number of goroutines.
package par

import (
	"runtime"
	"sync"
)

// Each calls f(i) for every i in indexes, on at most workers goroutines
// (GOMAXPROCS when workers is 0 or less), and returns once all are done.
// f must only write what belongs to its own index.
func Each(indexes []int, workers int, f func(int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, max(len(indexes), 1)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for _, i := range indexes {
		next <- i
	}
	close(next)
	wg.Wait()
}

// N calls f(0) … f(n-1) as Each does, on GOMAXPROCS goroutines.
func N(n int, f func(int)) {
	indexes := make([]int, n)
	for i := range indexes {
		indexes[i] = i
	}
	Each(indexes, 0, f)
}
