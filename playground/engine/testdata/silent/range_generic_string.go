package main

import "fmt"

func keys[S ~string](s S) {
	for i := range s {
		fmt.Print(" ", i)
	}
	fmt.Println()
}

type name string

func main() {
	keys("héllo")
	keys(name("añb"))
	var i int
	for i = range "héllo" {
	}
	fmt.Println(i)
}

// Output:
//  0 1 3 4 5
//  0 1 3
// 5
