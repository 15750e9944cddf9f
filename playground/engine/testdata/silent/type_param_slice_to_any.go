package main

import "fmt"

type C int

func (c C) String() string { return fmt.Sprint("C", int(c)) }

func wrap[T any](xs ...T) any { return xs }

func main() { fmt.Println(wrap(C(1), C(2))) }

// Output:
// [C1 C2]
