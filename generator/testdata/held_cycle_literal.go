package main

import "fmt"

// A's field points to a struct written out in A's own definition that
// holds an A: yaegi v0.16.1 lays that struct out while A is still being
// built, as it did held_cycle.go's B (a stranger's review's shape; the
// check hands it over before it runs).
type A struct {
	F *struct {
		A A
		X int
	}
}

func main() {
	var a A
	a.F = &struct {
		A A
		X int
	}{X: 0x2000}
	fmt.Printf("%#x %v\n", a.F.X, a.F.A.F == nil)
}
