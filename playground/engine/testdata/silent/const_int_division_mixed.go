package main

import "fmt"

func main() {
	x := 2.0
	x = 3 / 2 * x
	fmt.Println(x)
}

// Output:
// 2
