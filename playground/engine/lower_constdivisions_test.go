package engine

var _ = addCases("constDivisions",
	// Integer divisions of constants, worked out before they become
	// floats; := and a conversion stay as they are.
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
n := 10 / 4
fmt.Println(f, half(), x, g, n, float64((2)), f == (2))`,
		out: "2 0 2 3.5 2 2 true\n",
	},
)
