package engine

var _ = addCases("recvAssigns",
	// A labeled statement's, a goto's target (a review's).
	rewriteCase{
		body: `ch := make(chan int, 3)
ch <- 1
ch <- 2
ch <- 3
results := make([]int, 3)
i := 0
next:
results[i] = <-ch
i++
if i < 3 {
	goto next
}
fmt.Println(results)`,
		lowered: `ch := make(chan int, 3)
ch <- 1
ch <- 2
ch <- 3
results := make([]int, 3)
i := 0
next:
{ _lowerV1 := <-ch; results[i] = _lowerV1 }
i++
if i < 3 {
	goto next
}
fmt.Println(results)`,
		out: "[1 2 3]\n",
	},
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
	// Through a call's result, made before the receive as Go does: the
	// interpreter stored nothing there (go run {2} 3 {{4}}, the
	// interpreter {0} 0 {{0}}).
	rewriteCase{
		decls: `type S struct{ v int }

func ptr(s *S) *S { fmt.Println("ptr"); return s }

func at(p *int) *int { fmt.Println("at"); return p }

type T struct{ in S }

func ptrT(t *T) *T { return t }`,
		body: `ch := make(chan int, 3)
ch <- 2
ch <- 3
ch <- 4
var s S
ptr(&s).v = <-ch
n := 0
*at(&n) = <-ch
var t T
ptrT(&t).in.v = <-ch
fmt.Println(s, n, t)`,
		lowered: `ch := make(chan int, 3)
ch <- 2
ch <- 3
ch <- 4
var s S
{ _lowerB1 := ptr(&s); _lowerV2 := <-ch; _lowerB1.v = _lowerV2 }
n := 0
{ _lowerB3 := at(&n); _lowerV4 := <-ch; *_lowerB3 = _lowerV4 }
var t T
{ _lowerB5 := ptrT(&t); _lowerV6 := <-ch; _lowerB5.in.v = _lowerV6 }
fmt.Println(s, n, t)`,
		out: "ptr\nat\n{2} 3 {{4}}\n",
	},
)
