package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	other := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	other <- 100
	close(other)
	for v := range ch {
		ch = other
		fmt.Println(v)
	}
	calls := 0
	get := func() chan int {
		calls++
		c := make(chan int, 2)
		c <- 7
		c <- 8
		close(c)
		return c
	}
	for v := range get() {
		fmt.Println(v)
	}
	fmt.Println(calls)
}

// Output:
// 1
// 2
// 3
// 7
// 8
// 1
