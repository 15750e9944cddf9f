package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	xs := []any{Point{1, 2}}
	fmt.Printf("%#v\n", xs)
	m := map[string]any{"a": Point{3, 4}}
	fmt.Printf("%#v\n", m)
}

// Output:
// []interface {}{main.Point{X:1, Y:2}}
// map[string]interface {}{"a":main.Point{X:3, Y:4}}
