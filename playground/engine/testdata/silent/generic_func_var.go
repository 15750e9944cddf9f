package main

import "fmt"

func Id[T any](x T) T { return x }

func Double[T int | float64](x T) T { return x * 2 }

var p func(int) int = Double[int]

func main() {
	var f func(int) int = Id[int]
	var g = Double[float64]
	fmt.Println(f(4), g(1.5), p(5))
}

// Output:
// 4 3 10
