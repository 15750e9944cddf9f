package main

import "fmt"

// A range over a channel whose type is a type parameter evaluates its
// channel once, like any other: the assignment in the body does not
// change what the loop receives from.
func drain[C ~chan T, T any](c C, other C) {
	n := 0
	for v := range c {
		fmt.Println(v)
		n++
		if n == 1 {
			c = other
		}
	}
}

func main() {
	a := make(chan int, 3)
	b := make(chan int, 3)
	a <- 1
	a <- 2
	close(a)
	b <- 10
	close(b)
	drain(a, b)
}

// Output:
// 1
// 2
