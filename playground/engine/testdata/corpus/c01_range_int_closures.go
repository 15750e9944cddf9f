package main

// Range over an integer: each iteration has its own i, even for closures.
import "fmt"

func main() {
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * i })
	}
	var got []int
	for _, f := range fs {
		got = append(got, f())
	}
	fmt.Println(got)
}

// Output:
// [0 1 4]
