package main

import "fmt"

type Level int

func as[T any](v any) bool {
	_, ok := v.(T)
	return ok
}

func main() {
	fmt.Println(as[int](Level(3)))
}

// Output:
// false
