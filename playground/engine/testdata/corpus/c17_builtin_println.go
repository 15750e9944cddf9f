package main

import "fmt"

func main() {
	n := 3
	println("debug:", n)
	print("a", "b", "\n")
	fmt.Println("result", n*2)
}

// Output:
// result 6
