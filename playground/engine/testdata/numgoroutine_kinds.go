package main

// runtime.NumGoroutine counts a goroutine from its go statement, whether
// it runs a function literal, a function or a method value.
import (
	"fmt"
	"runtime"
)

type waiter struct{ ch chan int }

func (w waiter) wait() { <-w.ch }

func wait(ch chan int) { <-ch }

func main() {
	ch := make(chan int)
	fmt.Println(runtime.NumGoroutine())
	go func() { <-ch }()
	go wait(ch)
	fmt.Println(runtime.NumGoroutine())
	go waiter{ch}.wait()
	fmt.Println(runtime.NumGoroutine())
}

// Output:
// 1
// 3
// 4
