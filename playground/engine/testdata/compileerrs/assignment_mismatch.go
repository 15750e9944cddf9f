package main

import (
	"fmt"
	sc "strconv"
)

func two() (a, b int) { return 1, 2 }
func one() int        { return 1 }

func main() {
	n := sc.Atoi("1")
	b := two()
	c, d := one()
	var f, g = one()
	h, i := fmt.Sprint("x")
	var k int
	k = two()
	fmt.Println(n, b, c, d, f, g, h, i, k)
}
