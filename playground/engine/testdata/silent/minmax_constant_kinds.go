// A blind pass's programs (p28, p60): the interpreter gave min and max of
// constants of mixed kinds an int.
package main

import "fmt"

func main() {
	x := min(1, 2.5)
	fmt.Printf("%T %v\n", x, x)
	r := max(1, 'a')
	fmt.Printf("%T %v\n", r, r)
	const c = 2.5
	y := min(1, c)
	fmt.Printf("%T %v\n", y, y)
	const k = max(2, 1.5)
	z := k
	fmt.Printf("%T %v\n", z, z)
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1), max("a", "b"))
}

// Output:
// float64 1
// int32 97
// float64 1
// float64 2
// 1 3 1 b
