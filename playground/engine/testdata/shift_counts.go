package main

// Shifts by counts that are not constants: the source pass checks the
// count (shiftCounts in lower.go), so a negative one panics with Go's
// runtime error, where the interpreter shifted by it (1 << -2 gave 0).
// Counts that are constants stay as they are: a package's constant, a
// conversion of one, an array's length.

import (
	"fmt"
	"strconv"
)

const bits = 3

type Flags uint8

func main() {
	x := 0
	for i := 0; i < 10; i++ {
		x |= 1 << i
	}
	fmt.Println(x)
	var f Flags
	for _, b := range []uint{1, 3} {
		f |= 1 << b
	}
	fmt.Println(f, f>>1)
	n := 3
	y := 5
	y <<= n
	y >>= uint8(1)
	fmt.Println(y, uint64(1)<<n)
	const k = 1 << 4
	fmt.Println(k)
	var table [1 << (strconv.IntSize / 16)]byte
	fmt.Println(len(table), float64(1<<(strconv.IntSize-1)))
	const local = 2
	var small [1 << local]int
	fmt.Println(len(small), 1<<bits, 1<<uint(bits), 1<<len("abcd"), float32(1<<local))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		m := -2
		fmt.Println(1 << m)
	}()
}

// Output:
// 1023
// 10 5
// 20 8
// 16
// 16 9.223372036854776e+18
// 4 8 8 16 4
// recovered: runtime error: negative shift amount
