package main

// %T prints a value's type: a method value or expression has a func
// type, and a library's named type is named with its package.
import (
	"fmt"
	"strings"
	"time"
)

type counter struct {
	n     int
	names []string
}

func (c *counter) Add(name string) int {
	c.n++
	c.names = append(c.names, name)
	return c.n
}

func (c counter) Names(sep string) string { return strings.Join(c.names, sep) }

func double(x int) int { return 2 * x }

func main() {
	c := &counter{}
	add := c.Add
	add("a")
	add("b")
	fmt.Printf("%T %T %v\n", add, c.Names, c.Names("+"))
	fmt.Printf("%T|%T|%T|%T\n", c.n, c.names, double, 3.5)
	d := 90 * time.Second
	fmt.Printf("%v %T %T\n", d, d, strings.Fields("a b"))
	fmt.Printf("%-12T|%#v|%#v\n", c.Add("c"), c.names, map[string]int{"k": c.n})
	fmt.Println(fmt.Sprintf("%T", strings.NewReplacer("a", "b")), fmt.Sprintf("%T", make(chan int)))
}

// Output:
// func(string) int func(string) string a+b
// int|[]string|func(int) int|float64
// 1m30s time.Duration []string
// int         |[]string{"a", "b", "c"}|map[string]int{"k":3}
// *strings.Replacer chan int
