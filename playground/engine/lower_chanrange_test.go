package engine

var _ = addCases("chanRange",
	// Both variables over a slice of channels.
	rewriteCase{
		body: `cs := []chan int{make(chan int, 1), make(chan int, 1)}
for i, c := range cs {
	c <- i * 10
}
for _, c := range cs {
	fmt.Print(<-c, " ")
}
fmt.Println()`,
		lowered: `cs := []chan int{make(chan int, 1), make(chan int, 1)}
{ _lowerX1 := cs; for i := range _lowerX1 { c := _lowerX1[i];
	c <- i * 10
} }
{ _lowerX2 := cs; for _lowerK3 := range _lowerX2 { c := _lowerX2[_lowerK3];
	fmt.Print(<-c, " ")
} }
fmt.Println()`,
		out: "0 10 \n",
	},
)
