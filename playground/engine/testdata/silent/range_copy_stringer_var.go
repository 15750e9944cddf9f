// A range's variable of a type with String declared as a fmt.Stringer in
// the loop's body and kept by a closure: each closure saw the last value;
// and one kept in a map of fmt.Stringer.

package main

import "fmt"

type Level int

func (l Level) String() string { return [...]string{"debug", "info", "warn"}[l] }

func main() {
	var later []func() string
	byIndex := map[int]fmt.Stringer{}
	for i, l := range []Level{2, 0, 1} {
		var s fmt.Stringer = l
		later = append(later, func() string { return s.String() })
		byIndex[i] = l
	}
	for _, f := range later {
		fmt.Println(f())
	}
	fmt.Println(byIndex[0].String(), byIndex[1].String(), byIndex[2].String())
}

// Output:
// warn
// debug
// info
// warn debug info
