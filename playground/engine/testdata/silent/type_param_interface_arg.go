package main

import "fmt"

type Shape interface{ Area() int }
type Sq struct{ s int }

func (q Sq) Area() int      { return q.s * q.s }
func (q Sq) String() string { return "Sq" }

func pick(n int) Shape {
	if n > 0 {
		return Sq{n}
	}
	return nil
}

func box[T any](x T) any { return x }

func main() {
	s := pick(2)
	fmt.Println(box(s))
}

// Output:
// Sq
