package main

import "fmt"

// 10 / 4 is a division of untyped integer constants: 2, whatever type
// parameter the value then becomes.
func half[T ~float64 | ~int]() T { return 10 / 4 }

type Money float64

func main() {
	fmt.Println(half[float64](), half[int](), half[Money]())
}

// Output:
// 2 2 2
