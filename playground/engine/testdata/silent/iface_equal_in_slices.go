package main

import (
	"fmt"
	"slices"
)

// slices.Contains and Index of a []any compare, in the library, what the
// interfaces hold, which the interpreter knows by structure alone:
// Celsius(1) was found as Meters(1) and as 1.0, nothing said.
type Celsius float64
type Meters float64

func main() {
	xs := []any{Celsius(1)}
	fmt.Println(slices.Contains(xs, any(Meters(1))), slices.Index(xs, any(1.0)))
}

// Output:
// false -1
