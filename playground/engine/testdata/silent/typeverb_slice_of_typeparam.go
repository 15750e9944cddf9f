package main

import "fmt"

type Point struct{ X, Y int }

func show[T any](x T) {
	fmt.Printf("%T\n", []T{x})
	fmt.Printf("%#v\n", []T{x})
}

func main() {
	show(Point{1, 2})
}

// Output:
// []main.Point
// []main.Point{main.Point{X:1, Y:2}}
