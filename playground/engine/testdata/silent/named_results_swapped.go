package main

import "fmt"

func minmax(x, y int) (lo, hi int) {
	lo, hi = x, y
	if lo > hi {
		return hi, lo
	}
	return
}

func main() {
	fmt.Println(minmax(3, 1))
}

// Output:
// 1 3
