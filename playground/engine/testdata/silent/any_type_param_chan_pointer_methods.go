package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func send[C ~chan any](c C, e E) { c <- e }

func main() {
	c := make(chan any, 1)
	send(c, E{1})
	v := <-c
	_, ok := v.(error)
	fmt.Println(ok)
}

// Output:
// false
