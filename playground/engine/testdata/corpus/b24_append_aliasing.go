package main

// append writes into the shared backing array while capacity lasts, so two slices can alias; past cap it copies.
import "fmt"

func main() {
	base := make([]int, 3, 5)
	copy(base, []int{1, 2, 3})

	a := append(base, 40) // fits in cap: shares base's array
	b := append(base, 50) // also fits: overwrites the element a just wrote
	fmt.Println("a:", a, "b:", b)
	fmt.Println("len/cap base:", len(base), cap(base), "a:", len(a), cap(a))

	a[0] = 99
	fmt.Println("after a[0]=99, base:", base, "b:", b)

	// A full slice expression caps the capacity, forcing the next append to copy.
	safe := base[:3:3]
	c := append(safe, 60)
	c[0] = -1
	fmt.Println("c:", c, "base unchanged:", base)
	fmt.Println("len/cap safe:", len(safe), cap(safe), "c len:", len(c), "c cap grew:", cap(c) > cap(safe))

	// Sub-slices share too: writing through one is visible through the other.
	window := base[1:2]
	fmt.Println("window:", window, "len/cap:", len(window), cap(window))
	window = append(window, 7)
	fmt.Println("after append to window, base:", base)

	// A literal has len == cap, so appending to it always copies and the alias breaks.
	full := []int{1, 2}
	grown := append(full, 3)
	grown[0] = 100
	fmt.Println("full:", full, len(full), cap(full), "grown:", grown, len(grown))
}

// Output:
// a: [1 2 3 50] b: [1 2 3 50]
// len/cap base: 3 5 a: 4 5
// after a[0]=99, base: [99 2 3] b: [99 2 3 50]
// c: [-1 2 3 60] base unchanged: [99 2 3]
// len/cap safe: 3 3 c len: 4 c cap grew: true
// window: [2] len/cap: 1 4
// after append to window, base: [99 2 7]
// full: [1 2] 2 2 grown: [100 2 3] 3
