package main

// Receiving from a closed channel drains buffered values, then yields zero values with ok=false.
import "fmt"

type point struct{ X, Y int }

func main() {
	ch := make(chan point, 2)
	ch <- point{1, 2}
	close(ch)
	for range 3 {
		v, ok := <-ch
		fmt.Printf("%+v %v\n", v, ok)
	}
	s := make(chan *int)
	close(s)
	p := <-s
	fmt.Println(p == nil)
	defer func() { fmt.Println("recovered:", recover()) }()
	close(s)
}

// Output:
// {X:1 Y:2} true
// {X:0 Y:0} false
// {X:0 Y:0} false
// true
// recovered: close of closed channel
