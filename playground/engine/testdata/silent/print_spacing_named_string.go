package main

import "fmt"

type S string

func (s S) String() string { return "<" + string(s) + ">" }

func main() {
	fmt.Print(S("a"), 1, S("b"), "\n")
	fmt.Println(fmt.Sprint(S("a"), S("b"), 2))
}

// Output:
// <a>1<b>
// <a><b>2
