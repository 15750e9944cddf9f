package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func g() (int, E) { return 1, E{1} }

func main() {
	var v any
	n, v := g()
	_, ok := v.(error)
	fmt.Println(n, ok)
}

// Output:
// 1 false
