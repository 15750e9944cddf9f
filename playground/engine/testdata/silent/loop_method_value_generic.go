// A sixth blind pass: a generic type's value method, as a method value
// taken in a loop, bound the last iteration's receiver.
package main

import "fmt"

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func main() {
	var fs []func() string
	for _, b := range []Box[string]{{"x"}, {"y"}} {
		fs = append(fs, b.Get)
	}
	fmt.Println(fs[0](), fs[1]())
}

// Output:
// x y
