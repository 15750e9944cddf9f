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
	// Into an element, a field and *p, which the interpreter left as
	// they were (a worker pool's results[w] = <-c stayed zero).
	rewriteCase{
		decls: `type S struct{ v int }`,
		body: `ch := make(chan int, 4)
ch <- 5
ch <- 6
ch <- 7
ch <- 8
got := make([]int, 1)
got[0] = <-ch
var s S
s.v = <-ch
p := &S{}
(p.v) = <-ch
n := new(int)
*n = <-ch
fmt.Println(got, s, *p, *n)`,
		lowered: `ch := make(chan int, 4)
ch <- 5
ch <- 6
ch <- 7
ch <- 8
got := make([]int, 1)
{ _lowerV1 := <-ch; got[0] = _lowerV1 }
var s S
{ _lowerV2 := <-ch; s.v = _lowerV2 }
p := &S{}
{ _lowerV3 := <-ch; (p.v) = _lowerV3 }
n := new(int)
{ _lowerV4 := <-ch; *n = _lowerV4 }
fmt.Println(got, s, *p, *n)`,
		out: "[5] {6} {7} 8\n",
	},
	// A call in the index is made before the receive, as Go does: here
	// it sends the value received, so the other order would deadlock.
	rewriteCase{
		body: `ch := make(chan int, 1)
got := []int{0, 0}
next := func() int { ch <- 12; return 1 }
got[next()] = <-ch
fmt.Println(got)`,
		lowered: `ch := make(chan int, 1)
got := []int{0, 0}
next := func() int { ch <- 12; return 1 }
{ _lowerI1 := next(); _lowerV2 := <-ch; got[_lowerI1] = _lowerV2 }
fmt.Println(got)`,
		out: "[0 12]\n",
	},
)
