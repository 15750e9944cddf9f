package main

import "fmt"

type Box[T any] struct{ V T }

type Pair struct{ V int }

func main() {
	var v any = Box[int]{3}
	_, ok := v.(Pair)
	fmt.Println(ok)
	switch v.(type) {
	case Pair:
		fmt.Println("Pair")
	case Box[int]:
		fmt.Println("Box")
	}
}

// Output:
// false
// Box
