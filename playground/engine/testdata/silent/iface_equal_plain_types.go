package main

import "fmt"

// Values of two types of the program without methods, held in an any:
// the interpreter knows each by its structure (float64), so they were
// equal, and equal to 1.0, and found as each other's map key, nothing said.
type Celsius float64
type Meters float64

func main() {
	var a any = Celsius(1)
	var b any = Meters(1)
	fmt.Println(a == b, a == any(1.0))
	s := map[any]bool{Celsius(1): true}
	fmt.Println(s[Meters(1)], s[Celsius(1)])
}

// Output:
// false false
// false true
