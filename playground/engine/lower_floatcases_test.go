package engine

var _ = addCases("floatCases",
	// Integer constant cases under a float tag, written as floats (the
	// interpreter converted 3.5 to 3, and took case 7 / 2); under an
	// integer tag, or a float case, left.
	rewriteCase{
		body: `x := 3.5
switch x {
case 4:
	fmt.Println("four")
case 7 / 2:
	fmt.Println("seven halves")
case 2.5:
	fmt.Println("two and a half")
default:
	fmt.Println("other")
}
var t float32 = 97.25
switch t {
case 'a':
	fmt.Println("a")
default:
	fmt.Println("not a")
}
n := 3
switch n {
case 3:
	fmt.Println("three")
}`,
		lowered: `x := 3.5
switch x {
case (4.0):
	fmt.Println("four")
case (3.0):
	fmt.Println("seven halves")
case 2.5:
	fmt.Println("two and a half")
default:
	fmt.Println("other")
}
var t float32 = 97.25
switch t {
case (97.0):
	fmt.Println("a")
default:
	fmt.Println("not a")
}
n := 3
switch n {
case 3:
	fmt.Println("three")
}`,
		out: "other\nnot a\nthree\n",
	},
)
