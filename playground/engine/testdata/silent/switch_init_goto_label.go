package main

import "fmt"

// switchInits puts a labeled switch with an init in a block; a goto to
// the label from outside the block is then a goto into a block, which
// the interpreter ran as an end of main (nothing printed, nothing said).
func main() {
	i := 0
	goto M
M:
	switch j := i + 1; j * 2 {
	case 2:
		fmt.Println("two")
		i++
		if i < 3 {
			goto M
		}
	default:
		fmt.Println("def", j)
	}
	fmt.Println("end")
}

// Output:
// two
// def 2
// end
