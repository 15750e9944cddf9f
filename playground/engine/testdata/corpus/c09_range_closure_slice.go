package main

// Closures over range variables of a slice, called after the loop.
import "fmt"

func main() {
	var prints []func()
	for i, name := range []string{"ana", "bia", "caio"} {
		prints = append(prints, func() { fmt.Println(i, name) })
	}
	for _, p := range prints {
		p()
	}
}

// Output:
// 0 ana
// 1 bia
// 2 caio
