package main

import "fmt"

type Text interface{ ~string }

type MyS string

type Textish interface{ Text | MyS }

func offsets[T Textish](s T) []int {
	var out []int
	for i := range s {
		out = append(out, i)
	}
	return out
}

func main() {
	fmt.Println(offsets("héllo"))
	fmt.Println(offsets(MyS("ñaño")))
}

// Output:
// [0 1 3 4 5]
// [0 2 3 5]
