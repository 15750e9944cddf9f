package engine

var _ = addCases("returnRecv",
	// Return of a receive.
	rewriteCase{
		body: `ch := make(chan int, 1)
ch <- 4
f := func() int { return <-ch }
fmt.Println(f())`,
		lowered: `ch := make(chan int, 1)
ch <- 4
f := func() int { { _lowerR1 := <-ch; return _lowerR1 } }
fmt.Println(f())`,
		out: "4\n",
	},
)
