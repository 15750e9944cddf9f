package main

// A deferred fmt call in a loop whose arguments the source pass hands
// fmt through its helpers (a Vec's String, Show for %+v): the
// interpreter ran the helpers when the deferred calls ran, and every
// line showed the last iteration's values.
import "fmt"

type Vec struct{ X, Y int }

func (v Vec) String() string { return fmt.Sprintf("(%d,%d)", v.X, v.Y) }

type job struct {
	id  int
	Pos Vec
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println(i, Vec{i, -i})
	}
	for _, n := range []int{7, 8} {
		defer fmt.Printf("%+v\n", job{n, Vec{n, n}})
	}
}

// Output:
// {id:8 Pos:(8,8)}
// {id:7 Pos:(7,7)}
// 2 (2,-2)
// 1 (1,-1)
// 0 (0,0)
