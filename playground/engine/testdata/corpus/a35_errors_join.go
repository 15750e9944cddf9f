package main

// errors.Join and multiple %w verbs combine errors; errors.Is matches any of them.
import (
	"errors"
	"fmt"
)

var (
	ErrName  = errors.New("name is empty")
	ErrAge   = errors.New("age is negative")
	ErrEmail = errors.New("email is invalid")
)

func validate(name string, age int) error {
	var errs []error
	if name == "" {
		errs = append(errs, ErrName)
	}
	if age < 0 {
		errs = append(errs, ErrAge)
	}
	return errors.Join(errs...)
}

func main() {
	fmt.Println(validate("ann", 30) == nil)
	err := validate("", -1)
	fmt.Printf("%q\n", err.Error())
	fmt.Println(errors.Is(err, ErrName), errors.Is(err, ErrAge), errors.Is(err, ErrEmail))
	fmt.Println(len(err.(interface{ Unwrap() []error }).Unwrap()))
	both := fmt.Errorf("signup: %w; %w", ErrEmail, err)
	fmt.Println(both)
	fmt.Println(errors.Is(both, ErrAge), errors.Join(nil, nil) == nil)
}

// Output:
// true
// "name is empty\nage is negative"
// true true false
// 2
// signup: email is invalid; name is empty
// age is negative
// true true
