package main

import (
	"fmt"
	"math/rand"
	"sync/atomic"
)

type Box[T any] struct{ v T }

func main() {
	var b Box[*rand.Rand]
	var c Box[atomic.Int64]
	fmt.Printf("%T\n%T\n", b, &c)
}

// Output:
// main.Box[*math/rand.Rand]
// *main.Box[sync/atomic.Int64]
