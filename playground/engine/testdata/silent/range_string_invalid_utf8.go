package main

import "fmt"

// A range over a string moves one byte past a byte that starts no valid
// UTF-8 encoding, and gives U+FFFD for it (stranger4's S5: the
// interpreter moved three, the length of U+FFFD's encoding).
func main() {
	s := "a\xffb\xe2\x82c"
	for i, r := range s {
		fmt.Print(" ", i, ":", r)
	}
	fmt.Println()
	for i := range s {
		fmt.Print(" ", i)
	}
	fmt.Println()
}

// Output:
//  0:97 1:65533 2:98 3:65533 4:65533 5:99
//  0 1 2 3 4 5
