package main

import "fmt"

type Sq struct{ s int }

func (q Sq) String() string { return fmt.Sprint("Sq", q.s) }

type C int

func (c C) String() string { return fmt.Sprint("C", int(c)) }

func id(x any) any { return x }

func show(x any) { fmt.Println(x) }

func main() {
	s := Sq{1}
	fmt.Println(id(s))
}

// Output:
// Sq1
