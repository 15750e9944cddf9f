package main

// An uncaught panic with a custom error type: deferred calls still run, then the exit status is 2.
import "fmt"

type ValidationError struct {
	Field string
	Code  int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s (code %d)", e.Field, e.Code)
}

func validate(age int) {
	defer fmt.Println("validate: deferred print runs, age", age)
	if age < 0 {
		panic(&ValidationError{"age", 42})
	}
	fmt.Println("valid age", age)
}

func main() {
	defer fmt.Println("main: deferred print runs too")
	validate(30)
	validate(-1)
	fmt.Println("never printed")
}

// Exit: 2
// Output:
// valid age 30
// validate: deferred print runs, age 30
// validate: deferred print runs, age -1
// main: deferred print runs too
