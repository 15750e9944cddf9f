package main

// time.After bounds a wait: a ready channel wins, a silent one times out.
import (
	"fmt"
	"time"
)

func wait(ch <-chan string, d time.Duration) string {
	select {
	case v := <-ch:
		return "got " + v
	case <-time.After(d):
		return "timeout after " + d.String()
	}
}

func main() {
	ready := make(chan string, 1)
	ready <- "hello"
	fmt.Println(wait(ready, 100*time.Millisecond))
	fmt.Println(wait(make(chan string), 20*time.Millisecond))
	late := make(chan string, 1)
	go func() {
		time.Sleep(150 * time.Millisecond)
		late <- "late value"
	}()
	fmt.Println(wait(late, 30*time.Millisecond))
	fmt.Println(wait(late, 500*time.Millisecond))
}

// Output:
// got hello
// timeout after 20ms
// timeout after 30ms
// got late value
