package engine

var _ = addCases("genericCalls",
	// Type arguments from a library function.
	rewriteCase{
		decls: `func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}`,
		body: `fmt.Println(Map([]int{7, 8}, strconv.Itoa))
defer fmt.Println("deferred", Map([]int{4}, strconv.Itoa))`,
		lowered: `fmt.Println(Map[int, string]([]int{7, 8}, strconv.Itoa))
defer fmt.Println("deferred", Map[int, string]([]int{4}, strconv.Itoa))`,
		loweredDecls: `func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs { x := x;
		out = append(out, f(x))
	}
	return out
}`,
		out: "[7 8]\ndeferred [4]\n",
	},
)
