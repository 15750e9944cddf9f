package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	// utf8.RuneError is an untyped rune constant: x is a rune, and
	// x*70000 wraps as an int32 does.
	x := utf8.RuneError
	fmt.Printf("%T %v\n", x, x*70000)
}

// Output:
// int32 292342704
