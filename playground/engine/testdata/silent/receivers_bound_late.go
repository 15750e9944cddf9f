// A method's receiver bound when Go binds it: a method value whose method
// takes a pointer ("f := p.Get; p = q" called q's), a method promoted
// from an embedded pointer, in a method value, a defer or a go statement
// (the field was read when the call ran), anywhere, not only in loops.
package main

import (
	"fmt"
	"sync"
)

type Logger struct{ name string }

func (l *Logger) Name() string { return l.name }

func (l Logger) Val() string { return l.name }

func (l *Logger) Close() { fmt.Println("close", l.name) }

func (l *Logger) Run(wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("run", l.name)
}

type Svc struct{ *Logger }

func main() {
	p := &Logger{"p"}
	f := p.Name
	p = &Logger{"q"}
	s := Svc{&Logger{"x"}}
	g, h := s.Name, s.Val
	defer s.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	go s.Run(&wg)
	old := s.Logger
	s.Logger = &Logger{"y"}
	wg.Wait()
	old.name = "x2"
	fmt.Println(f(), g(), h(), s.Name())
}

// Output:
// run x
// p x2 x y
// close x2
