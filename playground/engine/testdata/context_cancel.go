package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// worker counts one unit of work, then one a millisecond until ctx ends.
// It counts before it looks at ctx: on a busy machine a worker may first
// run after the deadline, and the count must not depend on that.
func worker(ctx context.Context, n *atomic.Int64, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		n.Add(1)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var n atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, &n, &wg)
	}
	wg.Wait()
	fmt.Println(ctx.Err(), n.Load() > 0)
}

// Output:
// context deadline exceeded true
