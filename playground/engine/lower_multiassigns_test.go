package engine

var _ = addCases("multiAssigns",
	// A call among the values.
	rewriteCase{
		body: `a, b := 1, 1
a, b = len("abc"), 0
c, d := []int{a}, b
fmt.Println(a, b, c, d)`,
		lowered: `a, b := 1, 1
{ var _lowerA1 = len("abc"); a, b = _lowerA1, 0 }
_lowerA2 := ([]int{a}); c, d := _lowerA2, b
fmt.Println(a, b, c, d)`,
		out: "3 0 [3] 0\n",
	},
)
