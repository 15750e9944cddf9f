package main

// runtime.NumGoroutine counts the program's goroutines: main alone is 1, and a goroutine counts from its go statement.
import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("main alone:", runtime.NumGoroutine())
	block := make(chan struct{})
	for range 3 {
		go func() { <-block }()
	}
	fmt.Println("with three blocked:", runtime.NumGoroutine())
	close(block)
}

// Output:
// main alone: 1
// with three blocked: 4
