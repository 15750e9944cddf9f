package main

// Fan-in: one goroutine per input channel forwards into a merged channel; a WaitGroup closes it.
import (
	"fmt"
	"sync"
)

func producer(id, n int) <-chan string {
	ch := make(chan string, n)
	for range n {
		ch <- fmt.Sprint("p", id)
	}
	close(ch)
	return ch
}

func merge(inputs ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	wg.Add(len(inputs))
	for _, in := range inputs {
		go func() {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	got := map[string]int{}
	for v := range merge(producer(1, 2), producer(2, 3), producer(3, 1)) {
		got[v]++
	}
	fmt.Println(len(got), got)
}

// Output:
// 3 map[p1:2 p2:3 p3:1]
