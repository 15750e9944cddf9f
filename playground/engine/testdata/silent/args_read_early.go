package main

import "fmt"

// gc evaluates some operands as calls of its runtime, in order with the
// program's own calls: a type assertion to a non-pointer type, []byte(s),
// a comparison of strings or arrays, a complex division. A call after
// them that changes what they read does not change what they read.

func show(a, b int, done chan bool) {
	fmt.Println("go", a, b)
	done <- true
}

func named() (v any, n int) {
	v = 1
	set := func() int { v = 2; return 5 }
	return v.(int), set()
}

func deferred() {
	var v any = 1
	s := "ab"
	a := [2]string{"a"}
	c, d := complex(4, 2), complex(2, 0)
	set := func() int { v, s, a[0], c = 2, "zz", "b", 100; return 0 }
	defer fmt.Println("defer", v.(int), []byte(s), s == "ab", s < "b", a == [2]string{"a"}, c/d, set())
}

func main() {
	deferred()
	var v any = 1
	set := func() int { v = 2; return 0 }
	done := make(chan bool)
	go show(v.(int), set(), done)
	<-done
	fmt.Println(named())
}

// Output:
// defer 1 [97 98] true true true (2+1i) 0
// go 1 0
// 1 5
