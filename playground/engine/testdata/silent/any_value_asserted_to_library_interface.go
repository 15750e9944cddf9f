package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type ParseError struct{ Line int }

func (e ParseError) Error() string { return fmt.Sprintf("line %d", e.Line) }

func main() {
	var v any = Point{1, 2}
	_, isStringer := v.(fmt.Stringer)
	var w any = ParseError{3}
	_, isError := w.(error)
	fmt.Println(isStringer, isError)
}

// Output:
// true true
