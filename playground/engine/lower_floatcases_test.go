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
	// Under a float32 tag, every constant case as the float32 it stands
	// for (the interpreter compared float32(0.1) with 0.1 as float64s);
	// under a type parameter with a float among its types, integer cases
	// as floats (cls(3.5) took case 3).
	rewriteCase{
		decls: `func cls[T ~int | ~float64](x T) string {
	switch x {
	case 3:
		return "three"
	}
	return "other"
}`,
		body: `y := float32(0.1)
switch y {
case 0.1:
	fmt.Println("tenth")
default:
	fmt.Println("not a tenth")
}
fmt.Println(cls(3.5), cls(3), cls(3.0))`,
		loweredDecls: `func cls[T ~int | ~float64](x T) string {
	switch x {
	case (3.0):
		return "three"
	}
	return "other"
}`,
		lowered: `y := float32(0.1)
switch y {
case (0.10000000149011612):
	fmt.Println("tenth")
default:
	fmt.Println("not a tenth")
}
fmt.Println(cls[float64](3.5), cls[int](3), cls[float64](3.0))`,
		out: "tenth\nother three three\n",
	},
)
