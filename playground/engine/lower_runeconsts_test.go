package engine

var _ = addCases("runeConsts",
	// A library's untyped rune constant given its default type, directly,
	// in a constant expression (whose division constDivisions works
	// out), and through a constant of the program's.
	rewriteCase{
		decls: `const bad = utf8.RuneError`,
		body: `x := utf8.RuneError
y := utf8.MaxRune / 2
var f float64 = utf8.MaxRune
fmt.Printf("%T %v %T %v %T\n", x, x*70000, y, f, bad)`,
		lowered: `x := rune(utf8.RuneError)
y := rune(('\x00' + 557055))
var f float64 = utf8.MaxRune
fmt.Printf(_lowerTypeVerbs("%T %v %T %v %T\n", "-----"), x, x*70000, y, f, rune(bad))`,
		out: "int32 292342704 int32 1.114111e+06 int32\n",
	},
)
