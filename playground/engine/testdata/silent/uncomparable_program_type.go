// Stranger4 (S2): the interpreter named the program's type by its
// structure, with its unexported fields renamed: "comparing uncomparable
// type struct { Xname string; Xf []int }" where go run says main.T.
package main

import "fmt"

type T struct {
	name string
	f    []int
}

func main() {
	defer func() { fmt.Println(recover()) }()
	var x, y any = T{"a", nil}, T{"a", nil}
	fmt.Println(x == y)
}

// Output:
// runtime error: comparing uncomparable type main.T
