package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
	fmt.Printf("%T now holds %d\n", s, len(s.items))
}

func main() {
	var s Stack[int]
	s.Push(1)
	var t Stack[string]
	t.Push("a")
}

// Output:
// *main.Stack[int] now holds 1
// *main.Stack[string] now holds 1
