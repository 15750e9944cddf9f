package main

import "fmt"

const (
	X int = (iota + 10) / 2.0 * 2
	Y
)

const (
	P int = (iota + 10) * 2.0
	Q
)

const (
	S int64 = (iota + 1) * 3 / 2
	T
	U
)

func main() {
	fmt.Println(X, Y, P, Q, S, T, U)
}

// Output:
// 10 11 20 22 1 3 4
