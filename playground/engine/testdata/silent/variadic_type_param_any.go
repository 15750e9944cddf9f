package main

import "fmt"

func count(args ...any) int { return len(args) }

func wrap[T any](x T) int { return count(x) }

func wrapAppend[T any](x T) int { return len(append([]any{}, x)) }

func main() {
	xs := []any{1, 2, 3}
	fmt.Println(wrap(xs), wrapAppend(xs))
}

// Output:
// 1 1
