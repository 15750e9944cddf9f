package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

type S struct{ v any }

func main() {
	ss := []*S{{E{1}}}
	_, ok := ss[0].v.(error)
	fmt.Println(ok)
}

// Output:
// false
