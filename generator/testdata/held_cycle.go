package main

import "fmt"

type A struct{ F *B }

type B struct {
	A A
	X int
}

var g A // A's type is built first: B is laid out with A as zero bytes

// peek reads the 8 bytes at any address; poke writes them.
func peek(addr int) int { var c B; c.X = addr; return c.A.F.X }
func poke(addr, v int)  { var c B; c.X = addr; c.A.F.X = v }

func main() {
	var b B
	target := &B{X: 1}
	b.A = A{F: target}
	fmt.Printf("address of target: %#x\n", b.X)
	for a := 0x1000; a < 0x1040; a += 8 {
		fmt.Printf("%#x: %#016x\n", a, uint(peek(a)))
	}
	poke(b.X, 0x41414141)
	fmt.Printf("target.X = %#x\n", target.X)
}
