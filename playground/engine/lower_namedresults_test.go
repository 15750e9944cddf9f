package engine

var _ = addCases("namedResults",
	// Values that read the results the return assigns; a constant stays.
	rewriteCase{
		decls: `func minmax(x, y int) (lo, hi int) {
	lo, hi = x, y
	if lo > hi {
		return hi, lo
	}
	return
}

func fib(n int) (a, b int, steps float64) {
	a, b = 0, 1
	for range n {
		a, b = b, a+b
	}
	return b, a + b, 0
}`,
		body: `fmt.Println(minmax(3, 1))
fmt.Println(fib(5))`,
		loweredDecls: `func minmax(x, y int) (lo, hi int) { lo = *new(int); hi = *new(int); 
	lo, hi = x, y
	if lo > hi {
		{ _lowerV3 := hi; _lowerV4 := lo; return _lowerV3, _lowerV4 }
	}
	return
}

func fib(n int) (a, b int, steps float64) { a = *new(int); b = *new(int); steps = *new(float64); 
	a, b = 0, 1
	{ _lowerN1 := n; for _lowerI2 := _lowerN1 - _lowerN1; _lowerI2 < _lowerN1; _lowerI2++ {
		a, b = b, a+b
	} }
	{ _lowerV5 := b; _lowerV6 := a + b; return _lowerV5, _lowerV6, 0 }
}`,
		lowered: `fmt.Println(minmax(3, 1))
fmt.Println(fib(5))`,
		out: "1 3\n8 13 0\n",
	},
	// A call among them runs first, as in Go, before the results are read.
	rewriteCase{
		decls: `func pair() (x, y string) {
	x, y = "x", "y"
	next := func() string { x = "changed"; return "n" }
	return y, x + next()
}`,
		body: `fmt.Println(pair())`,
		loweredDecls: `func pair() (x, y string) { x = *new(string); y = *new(string); 
	x, y = "x", "y"
	next := func() string { x = "changed"; return "n" }
	{ _lowerV2 := x + next(); _lowerV1 := y; return _lowerV1, _lowerV2 }
}`,
		lowered: `fmt.Println(pair())`,
		out:     "y changedn\n",
	},
)
