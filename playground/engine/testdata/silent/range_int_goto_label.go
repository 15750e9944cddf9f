package main

import "fmt"

// rangeInt and chanRange put a labeled range in a block of its own;
// a goto to the label from before it was a goto into that block, which
// the interpreter ran as an end of main: nothing printed, nothing said.
func main() {
	i := 0
	goto L
L:
	for j := range 3 {
		fmt.Println(j)
		if i < 1 {
			i++
			goto L
		}
	}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	k := 0
	goto C
C:
	for v := range ch {
		fmt.Println("c", v)
		if k < 1 {
			k++
			goto C
		}
	}
	fmt.Println("end")
}

// Output:
// 0
// 0
// 1
// 2
// c 1
// c 2
// end
