// A composite literal of an error type made in a loop and put in an
// error (appended, kept in a map, passed to a function that keeps it):
// the interpreter's wrapper of error is bound to the literal's storage,
// made again in the same place each iteration, so every error was the
// last one.

package main

import "fmt"

type FieldError struct{ Field string }

func (e FieldError) Error() string { return e.Field + " is required" }

var logged []error

func logErr(err error) { logged = append(logged, err) }

func main() {
	var errs []error
	byIndex := map[int]error{}
	for i, f := range []string{"name", "email", "age"} {
		errs = append(errs, FieldError{f})
		byIndex[i] = FieldError{Field: f}
		logErr(FieldError{f})
	}
	fmt.Println(errs)
	fmt.Println(byIndex[0], byIndex[1], byIndex[2])
	fmt.Println(logged)
}

// Output:
// [name is required email is required age is required]
// name is required email is required age is required
// [name is required email is required age is required]
