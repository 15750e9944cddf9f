package main

import "fmt"

func add[S ~[]any](s S, x []any) S { return append(s, x) }

type Row []any

func main() {
	r := add(Row{"a"}, []any{1, 2})
	fmt.Println(len(r), r)
}

// Output:
// 2 [a [1 2]]
