package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func add[S ~[]any](s S, e E) S { return append(s, e) }

func main() {
	s := add([]any{}, E{1})
	_, ok := s[0].(error)
	fmt.Println(ok)
}

// Output:
// false
