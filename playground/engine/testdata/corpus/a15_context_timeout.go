package main

// context.WithTimeout: a slow operation is abandoned when the deadline passes.
import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slow(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return fmt.Errorf("slow(%v): %w", d, ctx.Err())
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond) // far from 5 ms: a loaded machine keeps the order
	defer cancel()
	_, hasDeadline := ctx.Deadline()
	fmt.Println("has deadline:", hasDeadline, "err:", ctx.Err())
	fmt.Println(slow(ctx, 5*time.Millisecond))
	err := slow(ctx, 2*time.Second)
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled))
	fmt.Println(slow(ctx, time.Second))
}

// Output:
// has deadline: true err: <nil>
// <nil>
// slow(2s): context deadline exceeded
// true false
// slow(1s): context deadline exceeded
