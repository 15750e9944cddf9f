// A blind pass's programs (m07, m10, u05): a switch's tag, a variable or
// a field, was read again for each case, after a case's call changed it.
package main

import "fmt"

var v = 1

func bump() int { v = 2; return 0 }

type state struct{ mode string }

func (s *state) next() string { s.mode = "b"; return "x" }

func main() {
	switch v {
	case bump():
		fmt.Println("zero")
	case 2:
		fmt.Println("two")
	default:
		fmt.Println("default")
	}
	s := &state{"a"}
	switch s.mode {
	case s.next():
		fmt.Println("x")
	case "b":
		fmt.Println("b")
	case "a":
		fmt.Println("a")
	}
}

// Output:
// default
// a
