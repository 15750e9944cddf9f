package main

// A method with a pointer receiver belongs only to *T, so a T value in an interface does not satisfy it.
import "fmt"

type Incrementer interface{ Inc() int }

type Counter struct{ n int }

func (c *Counter) Inc() int {
	c.n++
	return c.n
}

type Namer interface{ Name() string }

type Label string

func (l Label) Name() string { return "label:" + string(l) }

func main() {
	var a any = Counter{n: 1}
	_, ok := a.(Incrementer)
	fmt.Println("Counter is Incrementer:", ok)

	a = &Counter{n: 5}
	inc, ok := a.(Incrementer)
	fmt.Println("*Counter is Incrementer:", ok, "Inc ->", inc.Inc())

	// A value receiver puts the method in the method set of both Label and *Label.
	l := Label("x")
	for _, v := range []any{l, &l} {
		n, ok := v.(Namer)
		fmt.Printf("%T is Namer: %v, Name -> %s\n", v, ok, n.Name())
	}

	// Calling a pointer method on an addressable variable takes its address implicitly.
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println("c.n after two c.Inc() calls:", c.n)
}

// Output:
// Counter is Incrementer: false
// *Counter is Incrementer: true Inc -> 6
// main.Label is Namer: true, Name -> label:x
// *main.Label is Namer: true, Name -> label:x
// c.n after two c.Inc() calls: 2
