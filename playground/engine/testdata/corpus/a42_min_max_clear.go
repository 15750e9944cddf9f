package main

// Go 1.21 builtins: min and max over ordered values, clear on maps and slices.
import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1), max("apple", "banana", "cherry"))
	x, y := 7, -3
	fmt.Println(min(x, y, 0), max(x, y, 10))
	fmt.Println(min(math.NaN(), 1), max(math.Inf(-1), -5.5))
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	clear(m)
	fmt.Println(m, len(m))
	m["d"] = 4
	fmt.Println(m)
	s := []int{1, 2, 3, 4}
	clear(s[1:3])
	fmt.Println(s, len(s), cap(s))
	const c = min(10, 20, 5)
	var arr [c]byte
	fmt.Println(len(arr))
}

// Output:
// 1 3 1 cherry
// -3 10
// NaN -5.5
// map[] 0
// map[d:4]
// [1 0 0 4] 4 4
// 5
