package engine

var _ = addCases("constCompares",
	// Past int64's range, untyped and typed; exact where float64 is not;
	// a constant declared from one; an iota group's repeated expression;
	// a comparison of variables left as it is.
	rewriteCase{
		decls: `const Big = 1 << 63

const U uint64 = 1 << 63

const (
	A = iota < 2
	B
	C
)`,
		body: `fmt.Println(-math.MinInt64 == math.MinInt64, Big > math.MaxInt64, Big/2 == 1<<62)
fmt.Println(0.1+0.2 == 0.3, U > math.MaxInt64, 1<<64 > 1<<63, 1e400 > 1e399)
const ok = Big > math.MaxInt64
f := 0.1
fmt.Println(ok, A, B, C, f+0.2 == 0.3)`,
		lowered: `fmt.Println(false, true, true)
fmt.Println(true, true, true, true)
const ok = true
f := 0.1
fmt.Println(ok, A, B, C, f+0.2 == 0.3)`,
		loweredDecls: `const Big = 1 << 63

const U uint64 = 1 << 63

const (
	A = true
	B = true
	C = false
)`,
		out: "false true true\ntrue true true true\ntrue true true false false\n",
	},
)

var _ = addCases("constCompares",
	// A typed boolean constant keeps its type (and its String method).
	rewriteCase{
		decls: `type flag bool

const on flag = 1 > 0

func (f flag) String() string { return "flag" }`,
		body:    `fmt.Println(on, 1<<63 > 1)`,
		lowered: `fmt.Println(_lowerRT.Stringer(on), true)`,
		loweredDecls: `type flag bool

const on flag = true

func (f flag) String() string { return "flag" }`,
		out: "flag true\n",
	},
)

var _ = addCases("constCompares",
	// A spec mixing a boolean with another constant; a typed boolean
	// spec repeated, which keeps its type; a comparison another rewrite
	// wraps (println's operands).
	rewriteCase{
		decls: `type B bool

func (b B) String() string {
	if b {
		return "yes"
	}
	return "no"
}

const ok, n = 0 == 0, 1

const (
	X B = 1 < 2
	Y
)`,
		body: `fmt.Println(ok, n, X, Y)
println(1<<63 > math.MaxInt64)`,
		lowered: `fmt.Println(ok, n, _lowerRT.Stringer(X), _lowerRT.Stringer(Y))
_lowerPrintln(bool(true))`,
		loweredDecls: `type B bool

func (b B) String() string {
	if b {
		return "yes"
	}
	return "no"
}

const ok, n = true, 1

const (
	X B = true
	Y B = true
)`,
		out: "true 1 yes yes\n",
	},
)
