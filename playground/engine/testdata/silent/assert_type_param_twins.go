package main

import "fmt"

// An assertion to a type parameter asserts to the type it is
// instantiated with, and to nothing else: Level and int are two types,
// however alike.
type Level int

type Point struct{ X, Y int }
type Vec struct{ X, Y int }

func as[T any](v any) (T, bool) {
	t, ok := v.(T)
	return t, ok
}

func main() {
	_, ok := as[Level](3)
	fmt.Println(ok)
	_, ok = as[int](Level(3))
	fmt.Println(ok)
	_, ok = as[Vec](Point{1, 2})
	fmt.Println(ok)
	l, ok := as[Level](Level(2))
	fmt.Println(l, ok)
}

// Output:
// false
// false
// false
// 2 true
