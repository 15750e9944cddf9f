package main

import "fmt"

// stringRanges puts a labeled range over a string in a block of its
// own; a goto to the label from before it was a goto into that block,
// which the interpreter ran as an end of main: nothing printed.
func main() {
	i := 1
	goto L
L:
	for j, r := range "aé" {
		fmt.Println(j, r)
		if i < 2 {
			i++
			goto L
		}
	}
	fmt.Println("end")
}

// Output:
// 0 97
// 0 97
// 1 233
// end
