package main

import "fmt"

type Box[E any] struct{ V E }

type A struct{ F *B }

type B struct {
	H Box[A]
	X int
}

var g A // A's type is built first: B is laid out with Box[A] as zero bytes

// peek reads the 8 bytes at any address; poke writes them.
func peek(addr int) int { var c B; c.X = addr; return c.H.V.F.X }
func poke(addr, v int)  { var c B; c.X = addr; c.H.V.F.X = v }

func main() {
	var b B
	target := &B{X: 1}
	b.H.V.F = target
	fmt.Printf("address of target: %#x\n", b.X)
	for a := 0x1000; a < 0x1040; a += 8 {
		fmt.Printf("%#x: %#016x\n", a, uint(peek(a)))
	}
	poke(b.X, 0x41414141)
	fmt.Printf("target.X = %#x\n", target.X)
}
