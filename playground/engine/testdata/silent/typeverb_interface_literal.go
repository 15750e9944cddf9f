package main

import "fmt"

func main() {
	fmt.Printf("%T\n", []any{1})
	fmt.Printf("%T\n", map[string]any{})
	fmt.Printf("%T\n", []error{})
	fmt.Printf("%T\n", []fmt.Stringer{})
	fmt.Printf("%T\n", []interface{ M() }{})
	fmt.Printf("%T\n", func() error { return nil })
	fmt.Printf("%#v\n", []any{1})
	fmt.Printf("%T\n", struct{ E error }{})
}

// Output:
// []interface {}
// map[string]interface {}
// []error
// []fmt.Stringer
// []interface { M() }
// func() error
// []interface {}{1}
// struct { E error }
