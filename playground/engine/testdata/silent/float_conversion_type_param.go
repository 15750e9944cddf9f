package main

import (
	"fmt"
	"math"
)

// stranger4's S1b: a conversion through a type parameter, which the
// source pass cannot give amd64's value (floatConversions).

type Number interface{ ~float32 | ~float64 }

func To[T ~int64 | ~int32 | ~uint8](f float64) T { return T(f) }

func From[F Number](x F) int64 { return int64(x) }

func main() {
	inf := math.Inf(1)
	fmt.Println(To[int64](inf), To[int32](1e10), To[uint8](-1.5))
	fmt.Println(From(float32(3e19)), From(math.NaN()))
}

// Output:
// -9223372036854775808 -2147483648 255
// -9223372036854775808 -9223372036854775808
