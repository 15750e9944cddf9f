package engine

var _ = addCases("namedResults",
	// A result whose address a pointer method or a slice of its array
	// takes without &: every value goes through a variable.
	rewriteCase{
		decls: `type counter int

func (c *counter) ref() *counter { return c }

func step() (cur, prev counter) {
	cur = 1
	r := cur.ref()
	return 2, *r
}

func rev() (x [2]int, first int) {
	x = [2]int{1, 2}
	s := x[:]
	return [2]int{2, 1}, s[0]
}`,
		body: `fmt.Println(step())
fmt.Println(rev())`,
		loweredDecls: `type counter int

func (c *counter) ref() *counter { return c }

func step() (cur, prev counter) { cur = *new(counter); prev = *new(counter); 
	cur = 1
	r := cur.ref()
	{ var _lowerV1 counter = *r; return 2, _lowerV1 }
}

func rev() (x [2]int, first int) { x = *new([2]int); first = *new(int); 
	x = ([2]int{1, 2})
	s := x[:]
	{ var _lowerV2 [2]int = ([2]int{2, 1}); var _lowerV3 int = s[0]; return _lowerV2, _lowerV3 }
}`,
		lowered: `fmt.Println(step())
fmt.Println(rev())`,
		out: "2 1\n[2 1] 1\n",
	},
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
		{ var _lowerV3 int = hi; var _lowerV4 int = lo; return _lowerV3, _lowerV4 }
	}
	return
}

func fib(n int) (a, b int, steps float64) { a = *new(int); b = *new(int); steps = *new(float64); 
	a, b = 0, 1
	{ _lowerN1 := n; for _lowerI2 := _lowerN1 - _lowerN1; _lowerI2 < _lowerN1; _lowerI2++ {
		a, b = b, a+b
	} }
	{ var _lowerV5 int = b; var _lowerV6 int = a + b; return _lowerV5, _lowerV6, 0 }
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
	{ var _lowerV2 string = x + next(); var _lowerV1 string = y; return _lowerV1, _lowerV2 }
}`,
		lowered: `fmt.Println(pair())`,
		out:     "y changedn\n",
	},
	// Untyped constant parts keep the result's type: a shift into an
	// int8, a comparison into a named bool type, complex(1, 2) into a
	// complex64 (with := the first two did not compile, the third was a
	// complex128: a stranger's review).
	rewriteCase{
		decls: `type OK bool

func g(s uint) (x int8, n uint) {
	n = s
	return 1 << n, n + 1
}

func cmp(a, b int) (ok OK, d int) {
	d = a - b
	return d > 0, d * 2
}

func c() (x, y complex64) {
	y = 2i
	return y + 1, complex(1, 2)
}`,
		body: `fmt.Println(g(7))
fmt.Println(cmp(3, 1))
fmt.Println(c())`,
		loweredDecls: `type OK bool

func g(s uint) (x int8, n uint) { x = *new(int8); n = *new(uint); 
	n = s
	{ var _lowerV1 int8 = 1 << n; var _lowerV2 uint = n + 1; return _lowerV1, _lowerV2 }
}

func cmp(a, b int) (ok OK, d int) { ok = *new(OK); d = *new(int); 
	d = a - b
	{ var _lowerV3 OK = d > 0; var _lowerV4 int = d * 2; return _lowerV3, _lowerV4 }
}

func c() (x, y complex64) { x = *new(complex64); y = *new(complex64); 
	y = 2i
	{ var _lowerV6 complex64 = complex(1, 2); var _lowerV5 complex64 = y + 1; return _lowerV5, _lowerV6 }
}`,
		lowered: `fmt.Println(g(7))
fmt.Println(cmp(3, 1))
fmt.Println(c())`,
		out: "-128 8\ntrue 4\n(1+2i) (1+2i)\n",
	},
	// A result read through a pointer (p := &a; return b, *p returned 2 2
	// for Go's 2 1, and return 5, *p 5 5: a stranger's review).
	rewriteCase{
		decls: `func g() (a, b int) {
	a, b = 1, 2
	p := &a
	return b, *p
}

func h() (a, b int) {
	a, b = 1, 2
	p := &a
	return 5, *p
}`,
		body: `fmt.Println(g())
fmt.Println(h())`,
		loweredDecls: `func g() (a, b int) { a = *new(int); b = *new(int); 
	a, b = 1, 2
	p := &a
	{ var _lowerV1 int = b; var _lowerV2 int = *p; return _lowerV1, _lowerV2 }
}

func h() (a, b int) { a = *new(int); b = *new(int); 
	a, b = 1, 2
	p := &a
	{ var _lowerV3 int = *p; return 5, _lowerV3 }
}`,
		lowered: `fmt.Println(g())
fmt.Println(h())`,
		out: "2 1\n5 1\n",
	},
)
