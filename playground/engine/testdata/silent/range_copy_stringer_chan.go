// A range's variable of a type with String sent on a chan fmt.Stringer:
// every value received was the last one sent.

package main

import "fmt"

type Level int

func (l Level) String() string { return [...]string{"debug", "info", "warn"}[l] }

func main() {
	ch := make(chan fmt.Stringer, 3)
	for _, l := range []Level{2, 0, 1} {
		ch <- l
	}
	close(ch)
	for s := range ch {
		fmt.Println(s.String())
	}
}

// Output:
// warn
// debug
// info
