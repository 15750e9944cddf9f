package main

// A deferred method call copies a value receiver at the defer statement;
// a pointer receiver sees later changes.
import "fmt"

type counter struct{ n int }

func (c counter) show(label string) { fmt.Println(label, c.n) }

func (c *counter) showPtr(label string) { fmt.Println(label, c.n) }

func main() {
	c := counter{n: 1}
	defer c.show("value receiver:")
	defer c.showPtr("pointer receiver:")
	c.n = 2
}

// Output:
// pointer receiver: 2
// value receiver: 1
