package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func apply[F ~func(any)](f F, e E) { f(e) }

func main() {
	apply(func(v any) {
		_, ok := v.(error)
		fmt.Println(ok)
	}, E{1})
}

// Output:
// false
