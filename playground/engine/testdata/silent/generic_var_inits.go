package main

import (
	"fmt"
	"slices"
)

type Point struct{ X, Y int }

type Path []Point

func Id[T any](v T) T { return v }

func main() {
	// A variable declared with var whose value calls a generic function
	// got its zero value, nothing said (a helper's find: var a Path =
	// slices.Clone(p) printed []).
	var n int = Id(3)
	fmt.Println(n)
	var s = fmt.Sprint(Id(1.5))
	fmt.Println(s)
	var a Path = slices.Clone(Path{{3, 4}})
	fmt.Println(a, len(a))
	var xs = []string{Id("x"), "y"}
	fmt.Println(xs)
}

// Output:
// 3
// 1.5
// [{3 4}] 1
// [x y]
