package main

// A function literal deferred in a loop runs when the function returns,
// with the variables of its own iteration; a variable declared outside
// the loop is the one variable, as the return finds it.
import (
	"fmt"
	"strings"
)

type file struct{ name string }

func (f file) Close() { fmt.Println("close", f.name) }

func openAll(names []string) (opened int) {
	for _, n := range names {
		f := file{strings.ToUpper(n)}
		defer func() {
			f.Close()
			opened++
		}()
		opened++
	}
	return opened * 10
}

func countdown(n int) {
	total := 0
	for i := 0; i < n; i++ {
		sq := i * i
		if i%2 == 0 {
			defer func() { fmt.Println("even", i, sq, total) }()
		} else {
			{
				defer func() { fmt.Println("odd", i, sq, total) }()
			}
		}
		total += sq
	}
}

func grid() {
	for row := range 2 {
		for col := range 2 {
			defer func() { fmt.Printf("[%d%d]", row, col) }()
		}
	}
}

func labels() {
	for i, s := range []string{"a", "b"} {
		defer func(prefix string) int { fmt.Println(prefix, i, s); return i }(strings.Repeat(">", i+1))
	}
}

func main() {
	labels()
	fmt.Println("opened", openAll([]string{"a", "b"}))
	countdown(3)
	grid()
	fmt.Println()
	m := map[string]int{"x": 1}
	for k, v := range m {
		defer func() { fmt.Println("map", k, v) }()
	}
	fmt.Println("main returns")
}

// Output:
// >> 1 b
// > 0 a
// close B
// close A
// opened 22
// even 2 4 5
// odd 1 1 5
// even 0 0 5
// [11][10][01][00]
// main returns
// map x 1
