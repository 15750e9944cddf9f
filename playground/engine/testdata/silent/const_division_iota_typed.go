package main

import "fmt"

type Dur int64

const (
	A int64 = (iota + 3) / 2 * 4
	B
	C
)

const (
	D int64 = iota / 2
	E
	F
	G
)

func main() {
	fmt.Println(A, B, C, D, E, F, G)
}

// Output:
// 4 8 8 0 0 1 1
