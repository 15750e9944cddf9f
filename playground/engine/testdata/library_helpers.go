package main

// The source pass's library helpers against Go's own functions: slices.Insert
// grows like append, slices.Delete zeroes the tail, cmp.Or picks the first
// non-zero value, and a sync.OnceFunc or OnceValue whose function panicked
// panics again with the same value on every call.
import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		fmt.Println(name, "recovered:", r, isErr, err)
	}()
	f()
}

func main() {
	s := []string{"a", "b", "c"}
	s = slices.Insert(s, 1, "X", "Y")
	fmt.Println(s, len(s), cap(s))
	t := make([]int, 3, 10)
	t = slices.Insert(t, 3, 7)
	t = slices.Insert(t, 0, 8, 9)
	t = slices.Insert(t, 1, t[4:]...)
	fmt.Println(t, len(t), cap(t))
	u := []int{1, 2, 3, 4, 5}
	w := slices.Delete(u, 1, 3)
	fmt.Println(w, u, len(w), cap(w))
	fmt.Println(cmp.Or(0, 0, 3, 4), cmp.Or("", "x"), cmp.Or(5))
	fmt.Println(cmp.Or(cmp.Compare(2, 2), cmp.Compare("a", "b")))

	calls := 0
	boom := sync.OnceFunc(func() {
		calls++
		panic(errors.New("boom"))
	})
	try("first", boom)
	try("second", boom)
	v := sync.OnceValue(func() int {
		calls++
		return 42
	})
	fmt.Println(v(), v(), calls)
	bad := sync.OnceValue(func() string {
		calls++
		panic("no value")
	})
	try("value 1", func() { fmt.Println(bad()) })
	try("value 2", func() { fmt.Println(bad()) })
	vs := sync.OnceValues(func() (int, string) {
		calls++
		return 7, "seven"
	})
	a, b := vs()
	a, b = vs()
	fmt.Println(a, b, calls)
}

// Output:
// [a X Y b c] 5 6
// [8 0 7 9 0 0 0 7] 8 10
// [1 4 5] [1 4 5 0 0] 3 5
// 3 x 5
// -1
// first recovered: boom true boom
// second recovered: boom true boom
// 42 42 2
// value 1 recovered: no value false <nil>
// value 2 recovered: no value false <nil>
// 7 seven 4
