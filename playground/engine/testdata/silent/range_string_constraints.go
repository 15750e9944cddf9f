package main

import "fmt"

type Stringish interface{ ~string }

type S string

func keys[T ~string](s T) {
	for i := range s {
		fmt.Print(" ", i)
	}
	fmt.Println()
}

func keys2[T Stringish](s T) {
	for i := range s {
		fmt.Print(" ", i)
	}
	fmt.Println()
}

func keys3[T interface {
	Stringish
	fmt.Stringer
}](s T) {
	for i := range s {
		fmt.Print(" ", i)
	}
	fmt.Println()
}

func (s S) String() string { return string(s) }

const word = "héllo"

func main() {
	for i := range "héllo" {
		fmt.Print(" ", i)
	}
	fmt.Println()
	for i := range word {
		fmt.Print(" ", i)
	}
	fmt.Println()
	keys("héllo")
	keys2(S("héllo"))
	keys3(S("héllo"))
	var i int
	for i = range S("héllo") {
	}
	fmt.Println(i)
}

// Output:
//  0 1 3 4 5
//  0 1 3 4 5
//  0 1 3 4 5
//  0 1 3 4 5
//  0 1 3 4 5
// 5
