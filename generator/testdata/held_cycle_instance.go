package main

import "fmt"

// A node of a generic box that points back to a box of its own type.
type Box[E any] struct {
	V E
	X int
}

type A struct {
	F *Box[A]
	Y int
}

func alloc[T any](p **T) { *p = new(T) }

// peek reads the 8 bytes at any address; poke writes them.
func peek(addr int) int {
	var a A
	alloc(&a.F)
	a.F.X = addr
	return a.F.V.F.X
}

func poke(addr, v int) {
	var a A
	alloc(&a.F)
	a.F.X = addr
	a.F.V.F.X = v
}

func main() {
	var a A
	alloc(&a.F)
	a.F.V.F = a.F // the box's own address, read back as an int
	fmt.Printf("address of a box: %#x\n", a.F.X)
	for p := 0x1000; p < 0x1020; p += 8 {
		fmt.Printf("%#x: %#016x\n", p, uint(peek(p)))
	}
	poke(a.F.X, 0x41414141)
	fmt.Printf("box.X = %#x\n", a.F.X)
}
