package main

import "fmt"

type Str interface{ ~string | ~int }

func keys[T interface {
	Str
	~string
}](s T) {
	for i := range s {
		fmt.Print(" ", i)
	}
	fmt.Println()
}

func main() {
	keys("héllo")
}

// Output:
//  0 1 3 4 5
