package main

import "fmt"

type Pt struct{ X int }

func (p *Pt) Move() {}

type N int

func (n *N) Inc() {}

type S interface{ String() string }

func eq[T fmt.Stringer](a, b T) bool { return a == b }

func eq2[T S](a, b T) bool { return a == b }

func main() {
	m := map[string]Pt{}
	k := "a"
	_ = &m[k]
	var n map[int]N
	_ = &n[1]
	n[1].Inc()
	var s map[string]string
	_ = &s["x"]
	m[k].Move()
}
