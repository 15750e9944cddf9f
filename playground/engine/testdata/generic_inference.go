package main

// Type arguments inferred from the arguments: from function literals,
// composite literals, variables, library functions and results, untyped
// constants (the latest kind wins), maps, pointers and channels, in
// function literals and goroutines too.
import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Max[T int | float64 | rune](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Sum[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type point struct{ X, Y int }

func Len[K comparable, V any](m map[K]V) int { return len(m) }

func Drain[T any](in <-chan T) []T {
	var out []T
	for v := range in {
		out = append(out, v)
	}
	return out
}

func Ptr[T any](p *T) T { return *p }

type Celsius float64

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var lines []string
	for i := range 3 {
		wg.Go(func() {
			stars := Map([]int{1, i + 1}, func(n int) string { return strings.Repeat("*", n) })
			mu.Lock()
			lines = append(lines, strings.Join(stars, " "))
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(len(lines), Map([]string{"a", "b"}, strings.ToUpper), Map([]int{7, 8}, strconv.Itoa))
	words := strings.Fields("go is fun")
	lengths := Map(words, func(s string) int { return len(s) })
	fmt.Printf("%v %v\n", lengths, Map(lengths, func(n int) bool { return n > 2 }))
	fmt.Println(Max(1, 2.5), Max('a', 1), Max(3, 2), Sum(1, 2, 3), Sum(1.5, 2), Sum([]float64{1, 2}...))
	t := Celsius(21.5)
	fmt.Println(Max(float64(t), 20), Map([]Celsius{t}, func(c Celsius) float64 { return float64(c) * 2 }))
	m := map[string][]int{"a": {1}, "b": nil}
	fmt.Println(Len(m), Ptr(&point{2, 3}), Len(map[point]bool{}))
	ch := make(chan string, 2)
	ch <- "x"
	ch <- "y"
	close(ch)
	fmt.Println(Drain(ch), Map[int](lengths, func(n int) float64 { return float64(n) / 2 }))
	func() {
		defer func() { fmt.Println("deferred", Map([]int{1}, func(n int) int { return -n })) }()
		// The argument is evaluated at the defer, with its type
		// arguments written out (deferArgs leaves it in place).
		defer fmt.Println("deferred argument", Map([]int{4, 5}, strconv.Itoa))
	}()
}

// Output:
// 3 [A B] [7 8]
// [2 2 3] [false false true]
// 2.5 97 3 6 3.5 3
// 21.5 [43]
// 2 {2 3} 0
// [x y] [1 1 1.5]
// deferred argument [4 5]
// deferred [-1]
