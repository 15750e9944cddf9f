package main

import "fmt"

type B bool
type N int

func main() {
	fmt.Printf("%d\n", struct {
		B B
		N N
	}{true, 3})
	fmt.Printf("%s|%x\n", N(3), []B{true})
}

// Output:
// {%!d(main.B=true) 3}
// %!s(main.N=3)|[%!x(main.B=true)]
