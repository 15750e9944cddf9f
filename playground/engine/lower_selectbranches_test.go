package engine

var _ = addCases("selectBranches",
	// A plain break leaves the select, not the loop.
	rewriteCase{
		body: `c := make(chan int, 1)
for i := 0; i < 3; i++ {
	c <- i
	select {
	case v := <-c:
		if v == 1 {
			break
		}
		fmt.Print(v, " ")
	}
}
fmt.Println()`,
		lowered: `c := make(chan int, 1)
for i := 0; i < 3; i++ {
	c <- i
	{ _lowerSel1: select {
	case v := <-c:
		if v == 1 {
			break _lowerSel1
		}
		fmt.Print(v, " ")
	} }
}
fmt.Println()`,
		out: "0 2 \n",
	},
	// Continue ending a case.
	rewriteCase{
		body: `c := make(chan int, 1)
n := 0
for i := 0; i < 3; i++ {
	c <- i
	select {
	case v := <-c:
		n += v
		continue
	}
}
fmt.Println(n)`,
		lowered: `c := make(chan int, 1)
n := 0
for i := 0; i < 3; i++ {
	c <- i
	select {
	case v := <-c:
		n += v
		{ continue }
	}
}
fmt.Println(n)`,
		out: "3\n",
	},
)
