package main

// A deferred call's arguments are evaluated at the defer statement, a
// field through a pointer included.
import "fmt"

type P struct{ x int }

func main() {
	p := &P{x: 1}
	defer fmt.Println("deferred", p.x)
	q := P{x: 3}
	defer fmt.Println("deferred", q.x, len("abc"))
	p.x = 2
	q.x = 4
	fmt.Println("set", p.x, q.x)
}

// Output:
// set 2 4
// deferred 3 3
// deferred 1
