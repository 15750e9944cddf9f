package main

// A deferred closure inside a loop sees that iteration's variable.
import "fmt"

func main() {
	for i := range 3 {
		defer func() { fmt.Println("closing", i) }()
	}
	fmt.Println("opened 3")
}

// Output:
// opened 3
// closing 2
// closing 1
// closing 0
