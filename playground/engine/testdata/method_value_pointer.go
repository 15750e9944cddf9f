package main

// A method value with a value receiver, taken through a pointer, copies
// what the pointer points to when it is evaluated; taken in a loop, each
// value keeps its own receiver.
import "fmt"

type Temp struct{ c float64 }

func (t Temp) F() float64 { return t.c*9/5 + 32 }

func main() {
	t := &Temp{c: 10}
	f := t.F
	t.c = 100
	fmt.Println(f())

	var fs []func() float64
	for _, v := range []*Temp{{0}, {100}} {
		fs = append(fs, v.F)
	}
	temps := []Temp{{-40}, {37}}
	for _, v := range temps {
		fs = append(fs, v.F)
	}
	for i := range temps {
		fs = append(fs, temps[i].F)
	}
	temps[0].c = 0
	for _, g := range fs {
		fmt.Println(g())
	}
}

// Output:
// 50
// 32
// 212
// -40
// 98.6
// -40
// 98.6
