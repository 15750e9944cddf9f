package main

import (
	"fmt"
	"strings"
)

type C int

func (c C) String() string { return fmt.Sprint("C", int(c)) }

func Join[T fmt.Stringer](xs []T) string {
	var ss []fmt.Stringer
	for _, x := range xs {
		ss = append(ss, x)
	}
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.String())
	}
	return b.String()
}

func main() {
	fmt.Println(Join([]C{1, 2}))
}

// Output:
// C1C2
