package main

import "fmt"

// Two struct types of the program with the same fields, without methods:
// the interpreter compared them by structure in an any and as map keys.
type P struct{ a, b int }
type Q struct{ a, b int }

func main() {
	var x any = P{1, 2}
	var y any = Q{1, 2}
	fmt.Println(x == y)
	m := map[any]int{}
	m[P{1, 2}] = 1
	m[Q{1, 2}] = 2
	fmt.Println(len(m), m[P{1, 2}])
}

// Output:
// false
// 2 1
