package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	var v any = Point{1, 2}
	_, ok := v.(struct{ X, Y int })
	fmt.Println(ok)
}

// Output:
// false
