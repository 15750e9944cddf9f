package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func put[C interface{ ~chan any | ~chan<- any }](c C, e E) { c <- e }

func main() {
	c := make(chan any, 1)
	put(c, E{1})
	_, ok := (<-c).(error)
	fmt.Println(ok)
}

// Output:
// false
