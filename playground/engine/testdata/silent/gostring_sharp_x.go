package main

import "fmt"

type T int

func (t T) GoString() string { return "T!" }

func main() {
	fmt.Printf("%#x\n", T(255))
}

// Output:
// 0xff
