package main

// A function literal handed to another package inside a loop sees the
// variables of its own iteration, even when the package calls it later.
import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type entry struct {
	name  string
	score int
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	squares := make([]int, 5)
	for i := 0; i < 5; i++ {
		v := i * i
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			squares[i] = v
		})
	}
	wg.Wait()
	fmt.Println(squares)

	done := make(chan string, 3)
	for _, name := range []string{"t1", "t2", "t3"} {
		time.AfterFunc(time.Millisecond, func() { done <- name })
	}
	got := []string{<-done, <-done, <-done}
	sort.Strings(got)
	fmt.Println(got)

	tables := [][]entry{{{"b", 2}, {"a", 2}, {"c", 1}}, {{"y", 5}, {"x", 9}}}
	for ti, t := range tables {
		sort.SliceStable(t, func(i, j int) bool { return t[i].score > t[j].score })
		fmt.Println(ti, t)
	}

	for _, sep := range []rune{',', ';'} {
		fields := strings.FieldsFunc("a,b;c", func(r rune) bool { return r == sep })
		fmt.Println(string(sep), fields, len(fields))
	}
}

// Output:
// [0 1 4 9 16]
// [t1 t2 t3]
// 0 [{b 2} {a 2} {c 1}]
// 1 [{x 9} {y 5}]
// , [a b;c] 2
// ; [a,b c] 2
