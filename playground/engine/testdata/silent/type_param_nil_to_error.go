package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func asErr[T error](p T) error { return p }

func main() {
	var p *E
	err := asErr(p)
	fmt.Println(err != nil)
}

// Output:
// true
