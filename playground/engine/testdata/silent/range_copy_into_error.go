// A range's variable of a type with methods appended to an []error: the
// interpreter's wrapper of error is bound to the body's copy of the
// variable, one slot for every iteration, so every error was the last.

package main

import "fmt"

type ParseError struct{ Line int }

func (e ParseError) Error() string { return fmt.Sprintf("line %d: bad input", e.Line) }

func main() {
	found := []ParseError{{3}, {7}, {12}}
	var errs []error
	for _, e := range found {
		errs = append(errs, e)
	}
	for _, err := range errs {
		fmt.Println(err.Error())
	}
}

// Output:
// line 3: bad input
// line 7: bad input
// line 12: bad input
