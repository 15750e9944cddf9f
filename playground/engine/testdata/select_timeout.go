package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(200 * time.Millisecond)
		ch <- 42
	}()
	select {
	case v := <-ch:
		fmt.Println("received", v)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout")
	}
	var nilch chan int
	select {
	case <-nilch:
		fmt.Println("never")
	default:
		fmt.Println("nil channel is never ready")
	}
}

// Output:
// timeout
// nil channel is never ready
