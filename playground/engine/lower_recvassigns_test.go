package engine

var _ = addCases("recvAssigns",
	// A received value a closure sees.
	rewriteCase{
		body: `ch := make(chan int, 1)
ch <- 7
v := 0
show := func() { fmt.Println(v) }
v = <-ch
show()`,
		lowered: `ch := make(chan int, 1)
ch <- 7
v := 0
show := func() { fmt.Println(v) }
{ _lowerV1 := <-ch; v = _lowerV1 }
show()`,
		out: "7\n",
	},
)
