package main

import "fmt"

func Index[T any](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

func Same[T interface{}](a, b T) bool {
	var zero T
	return a != zero || a == b
}

func Keys[K any, V comparable](m map[K]V) int { return len(m) }

func Ok[T comparable](a, b T) bool { return a == b }

func main() {
	fmt.Println(Index([]int{1, 2, 3}, 2), Same(1, 2), Ok(1, 1))
}
