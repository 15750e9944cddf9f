package main

// Function values stored in a map make a dispatch table; a missing key yields a nil func that must be checked.
import (
	"errors"
	"fmt"
	"maps"
	"slices"
)

type binop func(a, b int) (int, error)

var ops = map[string]binop{
	"add": func(a, b int) (int, error) { return a + b, nil },
	"sub": func(a, b int) (int, error) { return a - b, nil },
	"mul": func(a, b int) (int, error) { return a * b, nil },
	"div": func(a, b int) (int, error) {
		if b == 0 {
			return 0, errors.New("division by zero")
		}
		return a / b, nil
	},
}

func apply(name string, a, b int) string {
	op := ops[name]
	if op == nil {
		return fmt.Sprintf("%s: unknown operation", name)
	}
	r, err := op(a, b)
	if err != nil {
		return fmt.Sprintf("%s(%d, %d): error: %v", name, a, b, err)
	}
	return fmt.Sprintf("%s(%d, %d) = %d", name, a, b, r)
}

func main() {
	for _, name := range slices.Sorted(maps.Keys(ops)) {
		fmt.Println(apply(name, 12, 4))
	}
	fmt.Println(apply("div", 1, 0))
	fmt.Println(apply("pow", 2, 8))

	// Operations can be added at run time, even ones built from closures.
	factor := 3
	ops["scale"] = func(a, _ int) (int, error) { return a * factor, nil }
	fmt.Println(apply("scale", 7, 0))
}

// Output:
// add(12, 4) = 16
// div(12, 4) = 3
// mul(12, 4) = 48
// sub(12, 4) = 8
// div(1, 0): error: division by zero
// pow: unknown operation
// scale(7, 0) = 21
