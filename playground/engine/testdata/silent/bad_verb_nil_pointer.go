package main

import "fmt"

type T struct {
	S string
	N int
}

func main() {
	var p *T
	fmt.Printf("%v|%s|%d\n", p, p, p)
}

// Output:
// <nil>|%!s(*main.T=<nil>)|0
