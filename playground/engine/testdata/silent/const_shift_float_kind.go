package main

import "fmt"

func main() {
	x := 1.0 << (3 / 2)
	x <<= 40
	fmt.Println(x)
	fmt.Printf("%T\n", 2.0<<(5/2))
}

// Output:
// 2199023255552
// int
