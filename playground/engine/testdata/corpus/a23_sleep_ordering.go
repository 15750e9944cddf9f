package main

// time.Sleep with well-separated durations orders goroutine wake-ups, whatever the start order.
import (
	"fmt"
	"time"
)

func main() {
	out := make(chan string)
	delays := map[string]int{"slow": 120, "fast": 10, "medium": 60}
	for name, ms := range delays {
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			out <- name
		}()
	}
	for range len(delays) {
		fmt.Println(<-out)
	}
}

// Output:
// fast
// medium
// slow
