package main

import "fmt"

type Temp float32

func main() {
	var t Temp = 20.5
	switch t {
	case 20:
		fmt.Println("20 matched 20.5")
	default:
		fmt.Println("no")
	}
	var f float64 = 97.25
	switch f {
	case 'a':
		fmt.Println("'a' matched 97.25")
	default:
		fmt.Println("no")
	}
	const k = 3
	switch g := 3.75; g {
	case k:
		fmt.Println("k matched")
	default:
		fmt.Println("no")
	}
}

// Output:
// no
// no
// no
