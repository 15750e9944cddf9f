package main

import "fmt"

// A named empty interface: a []Value passed without ... is one Value.
type Value interface{}

func count(vs ...Value) int { return len(vs) }

func main() {
	vs := []Value{1, 2, 3}
	fmt.Println(count(vs), count(vs...))
}

// Output:
// 1 3
