package engine

var _ = addCases("commaOK",
	// A comma-ok assertion of nil.
	rewriteCase{
		body: `var x any
e, ok := x.(error)
fmt.Println(e, ok)`,
		lowered: `var x any
e, ok := _lowerAssertOK[error](x)
fmt.Println(e, ok)`,
		out: "<nil> false\n",
	},
)
