package main

// Values of a type parameter constrained to basic types (cmp.Ordered, a
// union of ~int and ~float64) compared inside generic code, with the
// program's own plain types as type arguments: compared as those types,
// on the interpreter as in Go.

import (
	"cmp"
	"fmt"
)

type Celsius float64

type Name string

type Number interface{ ~int | ~float64 }

type Tree[T cmp.Ordered] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else if v != t.Val {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Contains(v T) bool {
	for t != nil {
		switch {
		case v == t.Val:
			return true
		case v < t.Val:
			t = t.Left
		default:
			t = t.Right
		}
	}
	return false
}

func Count[K cmp.Ordered](xs []K) map[K]int {
	m := map[K]int{}
	for _, x := range xs {
		m[x]++
	}
	return m
}

func Label[T Number](x T) string {
	switch x {
	case 0:
		return "zero"
	case 1:
		return "one"
	}
	return "many"
}

func main() {
	var temps *Tree[Celsius]
	for _, v := range []Celsius{21.5, 19, 23, 19, 25} {
		temps = temps.Insert(v)
	}
	fmt.Println(temps.Contains(23), temps.Contains(20))
	var names *Tree[Name]
	for _, v := range []Name{"gopher", "ada", "rob"} {
		names = names.Insert(v)
	}
	fmt.Println(names.Contains("ada"), names.Contains("ken"))
	fmt.Println(Count([]Celsius{1, 1, 2.5}), Count([]Name{"m", "p", "m"}))
	fmt.Println(Label(Celsius(0)), Label(1), Label(2.5))
}

// Output:
// true false
// true false
// map[1:2 2.5:1] map[m:2 p:1]
// zero one many
