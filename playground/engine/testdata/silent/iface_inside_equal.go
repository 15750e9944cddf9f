package main

import "fmt"

// A struct and an array holding an any: comparing them compares what the
// interfaces hold, which the interpreter knows by structure alone
// (Celsius(1) and Meters(1) were equal), nothing said.
type Celsius float64
type Meters float64

type W struct{ v any }

func main() {
	fmt.Println(W{Celsius(1)} == W{Meters(1)})
	fmt.Println([1]any{Celsius(1)} == [1]any{Meters(1)})
}

// Output:
// false
// false
