package main

import (
	"fmt"
	"math"
)

const Big = 1 << 63

func main() {
	// Constants compared exactly, past int64's range too (a stranger's
	// p27: the first line printed true, the second false, nothing said).
	fmt.Println(-math.MinInt64 == math.MinInt64)
	fmt.Println(Big > math.MaxInt64, Big/2 == 1<<62)
	fmt.Println(math.MaxUint64/2 > math.MaxInt64)
	x := math.MinInt64
	fmt.Println(-x == x)
}

// Output:
// false
// true true
// false
// true
