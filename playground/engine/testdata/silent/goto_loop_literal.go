package main

import "fmt"

// A loop made of a goto back to a label: the interpreter kept one array
// for the literal, so every pointer kept saw the last iteration's
// ([2 0] [2 0]), nothing said; literalVars gives it storage of its own
// each time, as in a for loop.
func main() {
	var ps []*[2]int
	i := 0
loop:
	if i < 3 {
		a := [2]int{i}
		ps = append(ps, &a)
		i++
		goto loop
	}
	fmt.Println(*ps[0], *ps[2])
}

// Output:
// [0 0] [2 0]
