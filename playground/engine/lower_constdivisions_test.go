package engine

var _ = addCases("constDivisions",
	// Integer divisions of constants, worked out before they become
	// floats; into an int (n := 10 / 4), the whole expression.
	rewriteCase{
		decls: `const ten = 10

func half() float64 { return 1 / 2 }`,
		body: `var f float64 = ten / 4
x := 2.0
x = 3 / 2 * x
var g float32 = 7 % 4 + 0.5
n := 10 / 4
fmt.Println(f, half(), x, g, n, float64(10/4), f == 5/2)`,
		loweredDecls: `const ten = 10

func half() float64 { return (0) }`,
		lowered: `var f float64 = (2)
x := 2.0
x = (1) * x
var g float32 = (3) + 0.5
n := (2)
fmt.Println(f, half(), x, g, n, float64((2)), f == (2))`,
		out: "2 0 2 3.5 2 2 true\n",
	},
	// Into an integer, the whole untyped expression with a division
	// becomes its value (the interpreter gave 0 0 0s 97 0 0), of its
	// kind (a shift's is its left operand's, an integer's for a float);
	// a constant of a package counts; iota's stay.
	rewriteCase{
		decls: `const k int64 = 4

const (
	A = iota * 10 / 4
	B
	C
)`,
		body: `var n int = 10 / 4.0 * 2
var m int64 = 3 / 2 * k
var d time.Duration = 3 / 2 * time.Second
var r rune = 'a' + 3/2
var q int64 = math.MaxInt16 / 2 * 4
x := 1.0 << (3 / 2)
x <<= 40
fmt.Println(n, m, d, r, B, C, q, x)
fmt.Printf("%T %v\n", 'a'+3/2, 'a'<<1)`,
		lowered: `var n int = (5)
var m int64 = (1) * k
var d time.Duration = (1) * time.Second
var r rune = ('\x00' + 98)
var q int64 = (65532)
x := (2)
x <<= 40
fmt.Println(n, m, _lowerRT.Stringer(d), r, B, C, q, x)
fmt.Printf(_lowerTypeVerbs("%T %v\n", "--"), ('\x00' + 98), 'a'<<1)`,
		out: "5 4 1s 98 2 5 65532 2199023255552\nint32 194\n",
	},
)
