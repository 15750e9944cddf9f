// Left by closure_order.go: the function that assigns the variable a
// statement reads before calling it was followed only as a literal called
// where it stands, not by name, not in a variable, not as a method.
package main

import "fmt"

var a = 1

type S struct{ v int }

var s = S{1}

func f() int { a = 10; return 5 }

func g() int { s.v = 20; return 5 }

type counter struct{ n int }

func (c *counter) inc() int { c.n += 3; return 1 }

func main() {
	m := map[string]int{"a": a, "f": f()}
	fmt.Println(m["a"], m["f"])
	y := s.v*100 + g()
	fmt.Println(y)
	arr := [3]int{}
	i := 0
	h := func() int { i = 2; return 7 }
	arr[i] = h()
	fmt.Println(arr)
	c := &counter{}
	fmt.Println(c.n*10 + c.inc())
}

// Output:
// 1 5
// 2005
// [0 0 7]
// 31
