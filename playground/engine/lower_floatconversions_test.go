package engine

var _ = addCases("floatConversions",
	// What go run prints on amd64 for values no integer type holds, NaN
	// and a negative float to an unsigned type; a float32, a type of the
	// program's and a constant conversion.
	rewriteCase{
		decls: `type celsius float64

type count int32`,
		body: `zero := 0.0
inf, nan, big := 1/zero, zero/zero, 1e20
fmt.Println(int64(inf), int64(-inf), int(nan), int32(big), int8(300.7+zero), uint16(-1.5+zero))
fmt.Println(uint32(-1.5+zero), uint64(nan), uint(0x1.8p63+zero), uintptr(inf))
f, c := float32(3.007e9), celsius(-2147483649)
fmt.Println(int32(f), count(c), int64(f), int(2.0))`,
		lowered: `zero := 0.0
inf, nan, big := 1/zero, zero/zero, 1e20
fmt.Println(int64(_lowerF2I64(inf)), int64(_lowerF2I64(-inf)), int(_lowerF2I64(nan)), int32(_lowerF2I32(big)), int8(_lowerF2I32(300.7+zero)), uint16(_lowerF2I32(-1.5+zero)))
fmt.Println(uint32(_lowerF2I64(-1.5+zero)), uint64(_lowerF2U64(nan)), uint(_lowerF2U64(0x1.8p63+zero)), uintptr(_lowerF2U64(inf)))
f, c := float32(3.007e9), celsius(-2147483649)
fmt.Println(int32(_lowerF2I32(float64(f))), count(_lowerF2I32(float64(c))), int64(_lowerF2I64(float64(f))), int(2.0))`,
		out: "-9223372036854775808 -9223372036854775808 -9223372036854775808 -2147483648 44 65535\n4294967295 9223372036854775808 13835058055282163712 9223372036854775808\n-2147483648 -2147483648 3007000064 2\n",
	},
)
