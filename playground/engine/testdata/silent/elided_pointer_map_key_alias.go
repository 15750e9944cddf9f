package main

import "fmt"

type C int

func (c C) String() string { return fmt.Sprint("C", int(c)) }

type K struct{ s fmt.Stringer }

func main() {
	c := C(1)
	m := map[*K]int{{c}: 1}
	c = 2
	for k := range m {
		fmt.Println(k.s.String(), c.String())
	}
}

// Output:
// C1 C2
