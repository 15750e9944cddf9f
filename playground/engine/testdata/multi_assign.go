package main

// Assignments of several values that the interpreter ran wrongly before
// the source pass took their calls, receives and composite literals first
// into fresh variables (multiAssigns in lower.go): it dropped the other
// values of the statement.
import (
	"fmt"
	"strings"
)

type point struct{ X, Y int }

var origin, count = point{}, 3

func next() int { return 7 }

func main() {
	fmt.Println("package:", origin, count)

	a, b := 1, 2
	a, b = next(), 0
	fmt.Println("call, constant:", a, b)
	a, b = 0, next()
	fmt.Println("constant, call:", a, b)
	z := 5
	a, b = len("abc"), z
	fmt.Println("built-in, variable:", a, b)

	var s string
	s, a = strings.ToUpper("go"), 11
	fmt.Println("library call:", s, a)

	xs := []int{1, 2}
	xs[0], b = next(), 12
	fmt.Println("element:", xs, b)

	ch := make(chan int, 4)
	ch <- 4
	ch <- 5
	ch <- 6
	v, w := <-ch, 3
	fmt.Println("define, receive:", v, w)
	v, w = <-ch, 9
	fmt.Println("assign, receive:", v, w)
	var r, t = <-ch, 8
	fmt.Println("var, receive:", r, t)

	p, n := point{1, 2}, 3
	fmt.Println("define, literal:", p, n)
	p, n = point{3, 4}, 8
	fmt.Println("assign, literal:", p, n)
	q, m := &point{5, 6}, 10
	fmt.Println("define, address of a literal:", *q, m)
	ys, k := []int{1}, 9
	ys, k = append(ys, 2), k+1
	fmt.Println("slices:", ys, k)

	// Untyped constants take the type of their variable.
	var c complex64
	var f32 float32
	c, b = complex(1, 2), 3
	fmt.Println("constant calls:", c, b)
	f32, c, b = real(c)+imag(complex(0, 1)), complex(3, 4)*2, next()
	fmt.Println("constant calls, call:", f32, c, b)

	// The calls first, in their order, as Go's compiler does.
	calls := 0
	tick := func() int { calls++; return calls }
	a, b = tick()*10, tick()
	fmt.Println("order:", a, b)
}

// Output:
// package: {0 0} 3
// call, constant: 7 0
// constant, call: 0 7
// built-in, variable: 3 5
// library call: GO 11
// element: [7 2] 12
// define, receive: 4 3
// assign, receive: 5 9
// var, receive: 6 8
// define, literal: {1 2} 3
// assign, literal: {3 4} 8
// define, address of a literal: {5 6} 10
// slices: [1 2] 10
// constant calls: (1+2i) 3
// constant calls, call: 2 (6+8i) 7
// order: 10 2
