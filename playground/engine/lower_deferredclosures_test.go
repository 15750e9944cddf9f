package engine

var _ = addCases("deferredClosures",
	// A function literal deferred in a loop.
	rewriteCase{
		body: `func() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print(i, " ") }()
	}
}()
fmt.Println()`,
		lowered: `func() {
	for i := 0; i < 3; i++ { i := i;
		{ _lowerF1 := func() func() { i := i; return func() { fmt.Print(i, " ") } }(); defer _lowerF1() }
	}
}()
fmt.Println()`,
		out: "2 1 0 \n",
	},
	// Variables of the loop's body copied too.
	rewriteCase{
		body: `func() {
	for i := range 2 {
		s := i * 2
		defer func() { fmt.Print(i, s, " ") }()
	}
}()
fmt.Println()`,
		lowered: `func() {
	{ _lowerN1 := 2; for i := _lowerN1 - _lowerN1; i < _lowerN1; i++ { i := i;
		s := i * 2
		{ _lowerF2 := func() func() { i, s := i, s; return func() { fmt.Print(i, s, " ") } }(); defer _lowerF2() }
	} }
}()
fmt.Println()`,
		out: "1 2 0 0 \n",
	},
)
