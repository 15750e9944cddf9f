// Values of an interface of the program received from a channel, or
// declared in a loop's body, asserted to fmt.Stringer and kept: the
// interpreter's wrapper of fmt.Stringer is bound to the variable's slot,
// the same every iteration, so each kept value was the last one.

package main

import "fmt"

type Shape interface{ Area() int }

type Square struct{ Side int }

func (q Square) Area() int      { return q.Side * q.Side }
func (q Square) String() string { return fmt.Sprint("square ", q.Side) }

func main() {
	ch := make(chan Shape, 3)
	for i := 1; i <= 3; i++ {
		ch <- Square{i}
	}
	close(ch)
	var named []fmt.Stringer
	for s := range ch {
		named = append(named, s.(fmt.Stringer))
	}
	for i := 4; i <= 5; i++ {
		var sh Shape = Square{i}
		named = append(named, sh.(fmt.Stringer))
	}
	for _, n := range named {
		fmt.Println(n.String())
	}
}

// Output:
// square 1
// square 2
// square 3
// square 4
// square 5
