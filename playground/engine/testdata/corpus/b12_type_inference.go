package main

// Type arguments are inferred from the function arguments; only those that cannot be inferred must be written.
import (
	"fmt"
	"strconv"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

// Zero has no parameter that mentions T, so T must be given explicitly.
func Zero[T any]() T {
	var z T
	return z
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6}

	evens := Filter(nums, func(n int) bool { return n%2 == 0 }) // T = int
	labels := Map(evens, strconv.Itoa)                          // T = int, U = string
	joined := Reduce(labels, "", func(acc, s string) string {   // T = string, A = string
		return acc + "<" + s + ">"
	})
	fmt.Println(evens, labels, joined)

	lengths := Map(strings.Fields("go is fun"), func(s string) int { return len(s) })
	fmt.Printf("%v %T\n", lengths, lengths)

	// Partial instantiation: give T, let U be inferred.
	halves := Map[int](nums, func(n int) float64 { return float64(n) / 2 })
	fmt.Println(halves)

	fmt.Printf("%q %v %v\n", Zero[string](), Zero[int](), Zero[[]int]() == nil)
}

// Output:
// [2 4 6] [2 4 6] <2><4><6>
// [2 2 3] []int
// [0.5 1 1.5 2 2.5 3]
// "" 0 true
