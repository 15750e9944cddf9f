package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func main() {
	var v any
	n, v := 1, E{1}
	_, ok := v.(error)
	fmt.Println(n, ok)
}

// Output:
// 1 false
