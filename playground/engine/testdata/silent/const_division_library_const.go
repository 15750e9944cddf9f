package main

import (
	"fmt"
	"math"
)

const big = 1 << 40

func main() {
	var n int64 = math.MaxInt16 / 2 * 4
	var m int64 = big / 3 * 2
	var k int = math.MaxInt8 / 2.0 * 2
	var a [7 / 2]int
	var u uint64 = 1<<64/2 + 1<<63/3
	fmt.Println(n, m, k, len(a), u)
	switch 3 {
	case 7 / 2:
		fmt.Println("three")
	}
}

// Output:
// 65532 733007751850 127 3 12297829382473034410
// three
