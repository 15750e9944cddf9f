package engine

var _ = addCases("shiftCounts",
	// A negative count panics as in Go.
	rewriteCase{
		body: `defer func() { fmt.Println(recover()) }()
n := -1
k := uint(2)
fmt.Println(1<<2, 1<<k)
fmt.Println(1 << n)`,
		lowered: `defer func() { fmt.Println(_lowerRecovered(any(recover()))) }()
n := -1
k := uint(2)
fmt.Println(1<<2, 1<<k)
fmt.Println(1 << _lowerShift(n))`,
		out: "4 4\nruntime error: negative shift amount\n",
	},
)
