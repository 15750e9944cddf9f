package engine

var _ = addCases("switchInits",
	// The init runs before the tag is evaluated; its variable is the
	// switch's alone; a label stays on the switch; fallthrough is kept.
	rewriteCase{
		decls: `func one() int { return 1 }`,
		body: `for i := range 2 {
	switch j := i; j % 2 {
	case 1:
		fmt.Println(i, "odd")
		fallthrough
	case 0:
		fmt.Println(i, "after")
	}
}
j := "outer"
L:
switch f, n := one, 2; f() + n {
case 3:
	fmt.Println(j, "three")
	break L
default:
	fmt.Println("no")
}`,
		lowered: `{ _lowerN1 := 2; for i := _lowerN1 - _lowerN1; i < _lowerN1; i++ { i := i;
	{ j := i; switch j % 2 {
	case 1:
		fmt.Println(i, "odd")
		fallthrough
	case 0:
		fmt.Println(i, "after")
	} }
} }
j := "outer"
{ f, n := one, 2; L:
switch f() + n {
case 3:
	fmt.Println(j, "three")
	break L
default:
	fmt.Println("no")
} }`,
		out: "0 after\n1 odd\n1 after\nouter three\n",
	},
	// An init right after switch, and a tag the source pass rewrites
	// too: the two stay apart (a review's: they ran together as
	// switch_lowerMin).
	rewriteCase{
		body: `x := 1
switch(x) = 5; min(x, 3) {
case 3:
	fmt.Println("three", x)
}`,
		lowered: `x := 1
{ (x) = 5; switch _lowerMin(x, 3) {
case 3:
	fmt.Println("three", x)
} }`,
		out: "three 5\n",
	},
)
