package main

// defer f(x) evaluates x (and the receiver) when the defer statement runs; a closure reads x later.
import "fmt"

type tracer struct{ name string }

func (t tracer) byValue()    { fmt.Println("value receiver sees", t.name) }
func (t *tracer) byPointer() { fmt.Println("pointer receiver sees", t.name) }

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func main() {
	defer trace("main")()
	x := 1
	defer fmt.Println("deferred arg x =", x)
	defer func() { fmt.Println("closure x =", x) }()
	defer fmt.Println("deferred expression x*10 =", x*10)
	t := tracer{"start"}
	defer t.byValue()
	defer t.byPointer()
	x = 2
	t.name = "end"
	fmt.Println("body x =", x)
}

// Output:
// enter main
// body x = 2
// pointer receiver sees end
// value receiver sees start
// deferred expression x*10 = 10
// closure x = 2
// deferred arg x = 1
// leave main
