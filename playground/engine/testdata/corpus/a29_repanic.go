package main

// A deferred handler can recover, add context, and panic again; an outer handler sees the new value.
import (
	"errors"
	"fmt"
)

func inner() {
	defer fmt.Println("inner defer runs during panic")
	panic(errors.New("disk full"))
}

func middle() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("middle recovered:", r)
			panic(fmt.Errorf("middle: %w", r.(error)))
		}
	}()
	inner()
	fmt.Println("not reached")
}

func main() {
	defer func() {
		err := recover().(error)
		fmt.Println("main recovered:", err)
		fmt.Println("unwrapped:", errors.Unwrap(err))
	}()
	middle()
	fmt.Println("not reached either")
}

// Output:
// inner defer runs during panic
// middle recovered: disk full
// main recovered: middle: disk full
// unwrapped: disk full
