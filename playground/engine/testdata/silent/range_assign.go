package main

import "fmt"

func main() {
	var i int
	for i = range "héllo" {
		fmt.Print(" ", i)
	}
	fmt.Println("last", i)
	var j int
	for j = range []int{7, 8, 9} {
	}
	fmt.Println("last", j)
}

// Output:
//  0 1 3 4 5last 5
// last 2
