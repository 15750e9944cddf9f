package engine

var _ = addCases("selectSends",
	// A composite literal sent in a case.
	rewriteCase{
		decls: `type pair struct{ a, b int }`,
		body: `ch := make(chan pair, 1)
j := 3
select {
case ch <- pair{j, j * j}:
}
fmt.Println(<-ch)`,
		lowered: `ch := make(chan pair, 1)
j := 3
_lowerS1 := (pair{j, j * j}); select {
case ch <- _lowerS1:
}
fmt.Println(<-ch)`,
		out: "{3 9}\n",
	},
)

// A channel that calls something goes first, before its case's value, in
// the cases' order (the interpreter called a send's value before its
// channel: a sixth blind pass's find).
var _ = addCases("selectSends",
	rewriteCase{
		decls: `func ch(name string, c chan int) chan int {
	fmt.Println("channel", name)
	return c
}

func val(n int) int {
	fmt.Println("value", n)
	return n
}`,
		body: `a, b := make(chan int), make(chan int, 1)
b <- 0
select {
case ch("a", a) <- val(1):
case v := <-ch("b", b):
	fmt.Println("got", v)
}`,
		lowered: `a, b := make(chan int), make(chan int, 1)
b <- 0
_lowerS1 := ch("a", a); _lowerS2 := val(1); _lowerS3 := ch("b", b); select {
case _lowerS1 <- _lowerS2:
case v := <-_lowerS3:
	fmt.Println("got", v)
}`,
		out: "channel a\nvalue 1\nchannel b\ngot 0\n",
	},
)
