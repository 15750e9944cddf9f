package main

// Method values of variables and parameters of an interface type keep the
// interface's value, as in Go: the source pass leaves them to the
// interpreter, which runs them right (declaredInterface in lower.go); its
// copy of the receiver made the interpreter panic.

import "fmt"

type Printer struct{ prefix string }

func (p Printer) Print(s string) { fmt.Println(p.prefix + s) }

type Speaker interface{ Print(string) }

func main() {
	p := &Printer{"a:"}
	var s Speaker = p
	f := s.Print
	p.prefix = "b:"
	f("iface holding a pointer")
	var s2 Speaker = Printer{"v:"}
	g := s2.Print
	s2 = Printer{"w:"}
	g("iface holding a value")
	show(p, "param")
}

func show(s Speaker, what string) {
	h := s.Print
	s = Printer{"x:"}
	h(what)
}

// Output:
// b:iface holding a pointer
// v:iface holding a value
// b:param
