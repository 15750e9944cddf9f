package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return "E" }

func check(v any) bool { _, ok := v.(error); return ok }

func main() {
	fmt.Println(check(E{}))
}

// Output:
// false
