package main

// Range over an integer with a label, continue to it, and an assignment
// to the loop variable that does not change the iteration.
import "fmt"

func main() {
	var n int64 = 4
outer:
	for i := range n {
		for j := range 3 {
			if j > int(i) {
				continue outer
			}
			fmt.Print(" ", i, j)
		}
		i += 10
		fmt.Printf(" (%T %d)", i, i)
	}
	fmt.Println()
	count := 0
	for range 5 {
		count++
	}
	fmt.Println(count)
}

// Output:
//  0 0 1 0 1 1 2 0 2 1 2 2 (int64 12) 3 0 3 1 3 2 (int64 13)
// 5
