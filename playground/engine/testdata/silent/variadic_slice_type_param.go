package main

import "fmt"

func count(args ...any) int { return len(args) }

func add[X ~[]any](s []any, xs X) []any { return append(s, xs) }

func wrap[X ~[]any](xs X) int { return count(xs) }

type Row []any

func main() {
	fmt.Println(len(add(nil, []any{1, 2, 3})))
	fmt.Println(wrap(Row{1, 2, 3}))
}

// Output:
// 1
// 1
