package engine

var _ = addCases("chanOnce",
	// The body puts another channel in the variable: Go drains the first.
	rewriteCase{
		body: `first, next := make(chan int, 2), make(chan int, 1)
first <- 1
first <- 2
close(first)
next <- 10
close(next)
ch := first
for v := range ch {
	fmt.Println(v)
	ch = next
}`,
		lowered: `first, next := make(chan int, 2), make(chan int, 1)
first <- 1
first <- 2
close(first)
next <- 10
close(next)
ch := first
{ _lowerC1 := ch; for v := range _lowerC1 {
	fmt.Println(v)
	ch = next
} }`,
		out: "1\n2\n",
	},
	// A field, under a label; a fresh channel each iteration never ended
	// in the interpreter.
	rewriteCase{
		decls: `type box struct{ c chan string }`,
		body: `b := box{make(chan string, 2)}
b.c <- "a"
b.c <- "b"
close(b.c)
n := 0
loop:
for s := range b.c {
	n++
	b.c = make(chan string, 1)
	b.c <- "again"
	if n > 5 {
		break loop
	}
	fmt.Println(s)
}`,
		lowered: `b := box{make(chan string, 2)}
b.c <- "a"
b.c <- "b"
close(b.c)
n := 0

{ _lowerC1 := b.c; loop: for s := range _lowerC1 {
	n++
	b.c = make(chan string, 1)
	b.c <- "again"
	if n > 5 {
		break loop
	}
	fmt.Println(s)
} }`,
		out: "a\nb\n",
	},
	// Through a pointer, and an element, without variables.
	rewriteCase{
		body: `mk := func(n int) chan int {
	c := make(chan int, n)
	for i := range n {
		c <- i
	}
	close(c)
	return c
}
c := mk(2)
p := &c
for v := range *p {
	fmt.Println("p", v)
	*p = mk(1)
}
cs := []chan int{mk(3), mk(1)}
n := 0
for range cs[0] {
	n++
	cs[0] = cs[1]
}
fmt.Println(n)`,
		lowered: `mk := func(n int) chan int {
	c := make(chan int, n)
	{ _lowerN1 := n; for i := _lowerN1 - _lowerN1; i < _lowerN1; i++ { i := i;
		c <- i
	} }
	close(c)
	return c
}
c := mk(2)
p := &c
{ _lowerC2 := *p; for v := range _lowerC2 { v := v;
	fmt.Println("p", v)
	*p = mk(1)
} }
cs := []chan int{mk(3), mk(1)}
n := 0
{ _lowerC3 := cs[0]; for range _lowerC3 {
	n++
	cs[0] = cs[1]
} }
fmt.Println(n)`,
		out: "p 0\np 1\n3\n",
	},
)
