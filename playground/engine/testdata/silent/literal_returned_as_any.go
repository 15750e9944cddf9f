package main

import "fmt"

type Sq struct{ s int }

func (q Sq) String() string { return fmt.Sprint("Sq", q.s) }

type Shape interface{ Area() int }

func (q Sq) Area() int { return q.s * q.s }

func mk(i int) any { return Sq{i} }

func main() {
	fmt.Println(mk(6))
}

// Output:
// Sq6
