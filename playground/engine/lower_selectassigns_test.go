package engine

var _ = addCases("selectAssigns",
	// A case receiving into a variable that exists.
	rewriteCase{
		body: `ch := make(chan int, 1)
ch <- 5
var v int
select {
case v = <-ch:
}
fmt.Println(v)`,
		lowered: `ch := make(chan int, 1)
ch <- 5
var v int
select {
case _lowerC1 := <-ch: v = _lowerC1;
}
fmt.Println(v)`,
		out: "5\n",
	},
)
