package main

import "fmt"

func mk(vs ...int) chan int {
	c := make(chan int, len(vs))
	for _, v := range vs {
		c <- v
	}
	close(c)
	return c
}

func main() {
	ch := mk(1)
	n := 0
L:
	for v := range ch {
		fmt.Println(v)
		if n == 0 {
			n++
			ch = mk(5, 6)
			goto L
		}
	}
	fmt.Println("end")
}

// Output:
// 1
// 5
// 6
// end
