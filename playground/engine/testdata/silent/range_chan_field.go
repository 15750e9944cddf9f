package main

import "fmt"

type pipe struct {
	in chan string
}

func main() {
	p := &pipe{in: make(chan string, 2)}
	p.in <- "a"
	p.in <- "b"
	close(p.in)
	next := make(chan string, 1)
	next <- "z"
	close(next)
	for s := range p.in {
		fmt.Println("got", s)
		p.in = next
	}
	fmt.Println("drained; next still has", len(next))
}

// Output:
// got a
// got b
// drained; next still has 1
