package main

// Closures capture variables, not values: later writes are visible, and each for-loop iteration has its own variable.
import "fmt"

func main() {
	x := 1
	show := func() int { return x }
	x = 2
	fmt.Println("closure sees x =", show())

	// Since Go 1.22 the three-clause loop creates a new i per iteration.
	var perIter []func() int
	for i := 0; i < 3; i++ {
		perIter = append(perIter, func() int { return i * 10 })
	}

	// A variable declared outside the loop is a single variable shared by all closures.
	var shared []func() int
	j := 0
	for ; j < 3; j++ {
		shared = append(shared, func() int { return j * 10 })
	}

	for k := range 3 {
		fmt.Println("per-iteration:", perIter[k](), "shared:", shared[k]())
	}

	// Passing the value as an argument freezes a copy.
	freeze := func(v int) func() int { return func() int { return v } }
	frozen := freeze(x)
	x = 100
	fmt.Println("frozen:", frozen(), "live:", show())

	// A closure can also write to the captured variable.
	reset := func() { x = 0 }
	reset()
	fmt.Println("after reset x =", x)
}

// Output:
// closure sees x = 2
// per-iteration: 0 shared: 30
// per-iteration: 10 shared: 30
// per-iteration: 20 shared: 30
// frozen: 2 live: 100
// after reset x = 0
