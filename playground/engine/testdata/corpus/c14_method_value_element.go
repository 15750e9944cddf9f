package main

// A method value on a slice element or a struct field copies a value receiver when it is evaluated.
import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }

type Pair struct{ A, B Counter }

func main() {
	cs := []Counter{{1}, {2}}
	get := cs[0].Get
	cs[0].n = 100
	p := Pair{Counter{3}, Counter{4}}
	getB := p.B.Get
	p.B.n = 400
	fmt.Println(get(), getB(), cs[0].Get(), p.B.Get())
}

// Output:
// 1 4 100 400
