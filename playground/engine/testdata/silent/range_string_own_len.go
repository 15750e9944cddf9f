package main

import "fmt"

// stringRanges wrote its loop as o < len(s): with a len of the
// program's own where the range is, the loop called it (one rune, then
// out), nothing said.
func main() {
	len := func(s string) int { return 1 }
	for i, r := range "héllo" {
		fmt.Print(i, r, " ")
	}
	fmt.Println(len("ab"))
}

// Output:
// 0 104 1 233 3 108 4 108 5 111 1
