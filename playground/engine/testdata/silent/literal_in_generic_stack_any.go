package main

import "fmt"

type Sq struct{ s int }

func (q Sq) String() string { return fmt.Sprint("Sq", q.s) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() T {
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x
}

func main() {
	var s Stack[any]
	s.Push(Sq{1})
	s.Push(42)
	fmt.Println(s.Pop(), s.Pop())
}

// Output:
// 42 Sq1
