package main

import "fmt"

type C int

func (c C) String() string { return fmt.Sprint("C", int(c)) }

func show[T any](xs []T) { fmt.Println(xs) }

func main() { show([]C{1, 2}) }

// Output:
// [C1 C2]
