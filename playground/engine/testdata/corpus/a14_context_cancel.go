package main

// context.WithCancel: cancel wakes a goroutine waiting on ctx.Done, and ctx.Err reports why.
import (
	"context"
	"fmt"
)

func worker(ctx context.Context, out chan<- int, done chan<- error) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			done <- ctx.Err()
			return
		case out <- i:
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println("before:", ctx.Err())
	out, done := make(chan int), make(chan error)
	go worker(ctx, out, done)
	for range 3 {
		fmt.Println("got", <-out)
	}
	cancel()
	fmt.Println("worker stopped:", <-done)
	fmt.Println("after:", ctx.Err(), ctx.Err() == context.Canceled)
	cancel()
}

// Output:
// before: <nil>
// got 0
// got 1
// got 2
// worker stopped: context canceled
// after: context canceled true
