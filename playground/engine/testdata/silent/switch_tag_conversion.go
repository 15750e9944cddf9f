// Left by a blind pass's fix (switch_tag_once.go): a tag that converts a
// variable, any(v), was still read again for each case.
package main

import "fmt"

var v = 1

func bump() int { v = 2; return 0 }

func main() {
	switch any(v) {
	case bump():
		fmt.Println("zero")
	case 2:
		fmt.Println("two")
	default:
		fmt.Println("default")
	}
}

// Output:
// default
