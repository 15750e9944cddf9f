package main

// Map iteration order is unspecified, so collect keys with maps.Keys and sort them before printing.
import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	text := "the cat and the dog and the bird"
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}

	// Alphabetical order.
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		fmt.Printf("%s=%d\n", k, counts[k])
	}

	// By count descending, ties broken by word.
	keys := slices.Collect(maps.Keys(counts))
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	fmt.Println(keys)

	// fmt prints maps with their keys already sorted.
	fmt.Println(counts)

	// Sorted values are possible too.
	fmt.Println(slices.Sorted(maps.Values(counts)))
}

// Output:
// and=2
// bird=1
// cat=1
// dog=1
// the=3
// [the and bird cat dog]
// map[and:2 bird:1 cat:1 dog:1 the:3]
// [1 1 1 2 3]
