package engine

var _ = addCases("builtins",
	// Min and max, folded when constant.
	rewriteCase{
		body: `a, b := 3, 1
fmt.Println(min(a, b, 2), max(1.5, 2), min("b", "a"))`,
		lowered: `a, b := 3, 1
fmt.Println(_lowerMin(_lowerMin(a, b), 2), float64(2), ("a"))`,
		out: "1 2 a\n",
	},
	// Nested calls: each rewrites its own name (two edits side by side,
	// not a clash, which had handed min(max(v, lo), hi) over); a
	// constant call is written folded whole, the argument it picks folded
	// too.
	rewriteCase{
		body: `v, lo, hi := 7, 1, 5
fmt.Println(min(max(v, lo), hi), max(min(v, hi), lo, min(v, 2)), min(3, max(1, 2), 7), max(1, min(2.5, 3)))`,
		lowered: `v, lo, hi := 7, 1, 5
fmt.Println(_lowerMin(_lowerMax(v, lo), hi), _lowerMax(_lowerMax(_lowerMin(v, hi), lo), _lowerMin(v, 2)), int((2)), float64((2.5 + 0.0)))`,
		out: "5 5 2 2.5\n",
	},
	// A constant call picked from inside another expression is folded
	// too (a review's: max stayed as written, and the program went to the
	// Go toolchain).
	rewriteCase{
		body:    `fmt.Println(min(int(max(1, 2)), 3), min(-max(1, 2)+7, 9))`,
		lowered: `fmt.Println(int(int(int(2))), int(-(2)+7))`,
		out:     "2 5\n",
	},
	// A call of constants has the kind of its largest argument: integer,
	// rune, floating-point (a named constant's too), and then the type
	// it is used as; in a constant's declaration it stays untyped.
	rewriteCase{
		body: `const c = 2.5
const k1, k2 = min(1, 2.5), max(1, 'a')
x, r, y, m := min(1, 2.5), max(1, 'a'), min(1, c), min(2, 'b', 3)
v1, v2 := k1, k2
fmt.Printf("%T %v %T %v %T %v %T %v %T %v %T %v\n", x, x, r, r, y, y, m, m, v1, v1, v2, v2)`,
		lowered: `const c = 2.5
const k1, k2 = (1 + 0.0), ('a' + 0*' ')
x, r, y, m := float64(1), rune('a'), float64(1), rune(2)
v1, v2 := k1, rune(k2)
fmt.Printf(_lowerTypeVerbs("%T %v %T %v %T %v %T %v %T %v %T %v\n", "------------"), x, x, r, r, y, y, m, m, v1, v1, v2, v2)`,
		out: "float64 1 int32 97 float64 1 int32 2 float64 1 int32 97\n",
	},
	// Recover's value unwrapped.
	rewriteCase{
		body: `defer func() {
	err, ok := recover().(error)
	fmt.Println(err, ok)
}()
panic(errors.New("boom"))`,
		lowered: `defer func() {
	err, ok := _lowerAssertOK[error](_lowerRecovered(any(recover())))
	fmt.Println(err, ok)
}()
panic(_lowerPanicValue(errors.New("boom")))`,
		out: "boom true\n",
	},
	// Clear and panic(nil).
	rewriteCase{
		body: `m := map[int]int{1: 1}
clear(m)
fmt.Println(len(m))
defer func() {
	_, ok := recover().(*runtime.PanicNilError)
	fmt.Println(ok)
}()
panic(nil)`,
		lowered: `m := map[int]int{1: 1}
_lowerRT.Clear(m)
fmt.Println(len(m))
defer func() {
	_, ok := _lowerRecovered(any(recover())).(*runtime.PanicNilError)
	fmt.Println(ok)
}()
panic(new(_lower_runtime.PanicNilError))`,
		out: "0\ntrue\n",
	},
)
