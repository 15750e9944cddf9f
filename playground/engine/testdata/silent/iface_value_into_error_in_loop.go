// A value of an interface of the program (Problem, which embeds error),
// declared in a loop's body, appended to an []error: the interpreter's
// wrapper of error is bound to the variable's slot, the same every
// iteration, so every error was the last one.

package main

import "fmt"

type Problem interface {
	error
	Code() int
}

type HTTPProblem struct{ Status int }

func (p HTTPProblem) Error() string { return fmt.Sprint("status ", p.Status) }
func (p HTTPProblem) Code() int     { return p.Status }

func check(status int) Problem { return HTTPProblem{status} }

func main() {
	var errs []error
	for _, s := range []int{404, 500, 503} {
		p := check(s)
		errs = append(errs, p)
	}
	for _, err := range errs {
		fmt.Println(err)
	}
}

// Output:
// status 404
// status 500
// status 503
