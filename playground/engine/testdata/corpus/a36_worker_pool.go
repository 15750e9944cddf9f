package main

// A fixed pool of workers drains a jobs channel; results are collected and then sorted.
import (
	"fmt"
	"slices"
	"sync"
)

type result struct{ job, square int }

func main() {
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j, j * j}
			}
		}()
	}
	go func() {
		for j := 1; j <= 9; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	var all []result
	for r := range results {
		all = append(all, r)
	}
	slices.SortFunc(all, func(a, b result) int { return a.job - b.job })
	fmt.Println(len(all), all)
}

// Output:
// 9 [{1 1} {2 4} {3 9} {4 16} {5 25} {6 36} {7 49} {8 64} {9 81}]
