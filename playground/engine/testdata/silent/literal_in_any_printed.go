package main

import "fmt"

type Sq struct{ s int }

func (q Sq) String() string { return "Sq" }

func main() {
	var a any = Sq{1}
	fmt.Println(a)
}

// Output:
// Sq
