package main

// Deferred calls in a loop: arguments are evaluated at the defer statement.
import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	s := []int{1, 2, 3}
	defer fmt.Println("first element was", s[0])
	s[0] = 100
	fmt.Println("main ends")
}

// Output:
// main ends
// first element was 1
// deferred 2
// deferred 1
// deferred 0
