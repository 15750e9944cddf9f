package main

import "fmt"

func main() {
	var x float32 = 16777216
	switch x {
	case 16777217:
		fmt.Println("A")
	default:
		fmt.Println("B")
	}
	y := float32(0.1)
	switch y {
	case 0.1:
		fmt.Println("C")
	default:
		fmt.Println("D")
	}
	var z float32 = 1 << 24
	switch z + 1 {
	case 1<<24 + 1:
		fmt.Println("E")
	default:
		fmt.Println("F")
	}
}

// Output:
// A
// C
// E
