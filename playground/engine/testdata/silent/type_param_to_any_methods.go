package main

import "fmt"

type C int

func (c C) String() string { return fmt.Sprint("C", int(c)) }

func box[T any](x T) any { return x }

func main() {
	fmt.Println(box(C(1)))
}

// Output:
// C1
