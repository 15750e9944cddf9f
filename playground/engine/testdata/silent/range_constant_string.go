package main

import "fmt"

const word = "héllo"

func main() {
	for i := range "héllo" {
		fmt.Print(" ", i)
	}
	fmt.Println()
	for i := range word {
		fmt.Print(" ", i)
	}
	fmt.Println()
}

// Output:
//  0 1 3 4 5
//  0 1 3 4 5
