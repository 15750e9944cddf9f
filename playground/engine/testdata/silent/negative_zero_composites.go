// A negative zero inside a struct or an array passed to a function of the
// program arrived there as a positive one: the interpreter does not copy an
// argument that reflect calls zero, and a struct or array of zeros is,
// whatever the signs of its zeros.
package main

import (
	"fmt"
	"math"
)

type P struct{ X, Y float64 }

func show(p P)         { fmt.Println(p, 1/p.X) }
func arr(a [2]float64) { fmt.Println(a, 1/a[0]) }
func gen[T any](v T)   { fmt.Println(v) }

func main() {
	n := math.Copysign(0, -1)
	show(P{n, 0})
	arr([2]float64{n, 0})
	gen(P{n, 0})
}

// Output:
// {-0 0} -Inf
// [-0 0] -Inf
// {-0 0}
