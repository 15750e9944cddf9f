// A blind pass's programs (m02, t04, t05, t08): a statement that reads a
// variable a function literal it calls assigns; the spec leaves the order
// open, and the interpreter's was not the Go compiler's.
package main

import "fmt"

type node struct{ v int }

func main() {
	arr := [3]int{}
	j := 0
	arr[j] = func() int { j = 2; return 5 }()
	a, b := &node{}, &node{}
	p := a
	p.v = func() int { p = b; return 7 }()
	x := 5
	m := map[string]int{"a": x, "b": func() int { x = 9; return 0 }()}
	s := []string{"x", "y"}
	i := 0
	fmt.Println(arr, a.v, b.v, m, s[i]+func() string { i = 1; return "!" }())
}

// Output:
// [0 0 5] 0 7 map[a:5 b:0] y!
