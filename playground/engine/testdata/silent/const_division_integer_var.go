package main

import (
	"fmt"
	"time"
)

// Constant expressions are exact in Go: the division is worked out on
// the untyped constants before the value becomes an int, a Duration or
// a rune.
func main() {
	var timeout time.Duration = 3 / 2 * time.Second
	var score int = 10 / 4.0 * 2
	var next rune = 'a' + 3/2
	var steps int64 = -7 / 2 * 3
	fmt.Println(timeout, score, string(next), steps)
}

// Output:
// 1s 5 b -9
