package main

// The min and max built-ins on integers, floats, strings and named types.
import "fmt"

type celsius float64

func main() {
	a, b, c := 7, 3, 5
	fmt.Println(min(a, b, c), max(a, b, c))
	fmt.Println(min(2.5, 1), max(1, 2.5))
	fmt.Println(min("pear", "apple", "fig"), max("pear", "apple"))
	var t celsius = 21.5
	fmt.Printf("%v %T\n", max(t, 18), max(t, 18))
	x := 10
	fmt.Println(min(x, 3), max(x))
}

// Output:
// 3 7
// 1 2.5
// apple pear
// 21.5 main.celsius
// 3 10
