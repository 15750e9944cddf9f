package main

import "fmt"

func g() (int, []any) { return 1, []any{"a", "b"} }

func f(n int, args ...any) { fmt.Println(n, len(args)) }

func h(args ...any) { fmt.Println(len(args)) }

func g2() ([]any, []any) { return []any{1, 2}, []any{3} }

func main() {
	f(g())
	h(g2())
}

// Output:
// 1 1
// 2
