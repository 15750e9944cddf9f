package main

// A generic type Stack[T] with methods; each instantiation is a distinct type with its own element type.
import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Peek() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	return s.items[len(s.items)-1], true
}

func (s *Stack[T]) Len() int { return len(s.items) }

type point struct{ X, Y int }

func main() {
	var words Stack[string]
	for _, w := range []string{"first", "second", "third"} {
		words.Push(w)
	}
	top, _ := words.Peek()
	fmt.Println("len", words.Len(), "peek", top)
	for words.Len() > 0 {
		w, _ := words.Pop()
		fmt.Println("pop", w)
	}
	w, ok := words.Pop()
	fmt.Printf("pop on empty: %q %v\n", w, ok)

	pts := &Stack[point]{}
	pts.Push(point{1, 2})
	pts.Push(point{3, 4})
	p, _ := pts.Pop()
	fmt.Printf("%T popped %+v\n", pts, p)
}

// Output:
// len 3 peek third
// pop third
// pop second
// pop first
// pop on empty: "" false
// *main.Stack[main.point] popped {X:3 Y:4}
