// A blind pass's program (p28): a negative zero passed to a function of
// the program arrived there as a positive one, min and max's included.
package main

import (
	"fmt"
	"math"
)

func id(x float64) float64 { return x }

func main() {
	negz := math.Copysign(0, -1)
	fmt.Println(negz, id(negz), 1/id(negz))
	fmt.Println(min(negz, 0), max(negz, 0), 1/min(negz, 0))
}

// Output:
// -0 -0 -Inf
// -0 0 -Inf
