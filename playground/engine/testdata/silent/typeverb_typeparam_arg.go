package main

import "fmt"

type Box[T any] struct{ v T }

func describe[T any](x T) {
	var b Box[T]
	fmt.Printf("%T %T\n", b, []T{x})
}

func main() {
	describe(1)
	describe("s")
}

// Output:
// main.Box[int] []int
// main.Box[string] []string
