package main

// time.Sleep with well-separated durations orders goroutine wake-ups, whatever the start order.
import (
	"fmt"
	"time"
)

func main() {
	out := make(chan string)
	delays := map[string]int{"slow": 600, "fast": 20, "medium": 300} // margins that hold on a loaded machine
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
