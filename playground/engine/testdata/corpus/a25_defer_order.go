package main

// Deferred calls run last-in first-out at function return; closures capture per-iteration variables.
import "fmt"

func scoped() {
	for i := range 2 {
		{
			defer fmt.Println("scoped defer", i)
		}
		fmt.Println("loop body", i)
	}
	fmt.Println("scoped returns")
}

func main() {
	defer fmt.Println("main: deferred first, runs last")
	for i := range 3 {
		defer fmt.Println("arg defer", i)
		defer func() { fmt.Println("closure defer", i) }()
	}
	scoped()
	fmt.Println("main body done")
}

// Output:
// loop body 0
// loop body 1
// scoped returns
// scoped defer 1
// scoped defer 0
// main body done
// closure defer 2
// arg defer 2
// closure defer 1
// arg defer 1
// closure defer 0
// arg defer 0
// main: deferred first, runs last
