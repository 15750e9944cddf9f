package main

import "fmt"

// any is interface{}: appending a []interface{} to a []any spreads its
// elements like any other slice of the same type.
func legacy() []interface{} { return []interface{}{"a", 1} }

func main() {
	var row []any
	row = append(row, legacy()...)
	row = append(row, []any{true}...)
	fmt.Println(len(row), row)
}

// Output:
// 3 [a 1 true]
