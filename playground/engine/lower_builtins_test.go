package engine

var _ = addCases("builtins",
	// Min and max, folded when constant.
	rewriteCase{
		body: `a, b := 3, 1
fmt.Println(min(a, b, 2), max(1.5, 2), min("b", "a"))`,
		lowered: `a, b := 3, 1
fmt.Println(_lowerMin(_lowerMin(a, b), 2), (2), ("a"))`,
		out: "1 2 a\n",
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
