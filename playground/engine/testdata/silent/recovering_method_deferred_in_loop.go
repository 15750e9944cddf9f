// A stranger's review of the typed receivers: a method that recovers,
// promoted from an embedded pointer and deferred in a loop, was called
// from the source pass's wrapper, where its recover returned nil; the
// panic went on to main's recover.
package main

import "fmt"

type G struct{ name string }

func (g *G) Catch() {
	if r := recover(); r != nil {
		fmt.Println(g.name, "caught", r)
	}
}

type W struct{ *G }

func run() {
	w := W{&G{"w"}}
	for i := 0; i < 1; i++ {
		defer w.Catch()
	}
	panic("boom")
}

func main() {
	defer func() { fmt.Println("main recovered:", recover()) }()
	run()
	fmt.Println("end")
}

// Output:
// w caught boom
// end
// main recovered: <nil>
