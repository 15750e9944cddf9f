package main

// The capacity append gives a growing slice: it at least doubles while small, and the first step is the compiler's choice.
import "fmt"

func main() {
	var s []int
	var caps []int
	for i := range 600 {
		s = append(s, i)
		if len(caps) == 0 || cap(s) != caps[len(caps)-1] {
			caps = append(caps, cap(s))
		}
	}
	fmt.Println(caps)
}

// Output:
// [4 8 16 32 64 128 256 512 848]
