package main

import "fmt"

func half() float64 { return 1 / 2 }

func main() {
	var f float64 = 10 / 4
	fmt.Println(f, half())
}

// Output:
// 2 0
