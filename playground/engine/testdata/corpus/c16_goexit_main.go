package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("the worker still ran")
	}()
	defer fmt.Println("main's defer runs")
	runtime.Goexit()
}

// Exit: 2
// Output:
// main's defer runs
// the worker still ran
