package main

import "fmt"

type T int

func (t T) String() string   { return "str" }
func (t T) GoString() string { return "gostr" }

func main() {
	fmt.Printf("%#s|%#x\n", T(1), T(2))
}

// Output:
// str|0x737472
