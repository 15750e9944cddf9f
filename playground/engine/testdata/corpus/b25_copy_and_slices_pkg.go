package main

// copy moves min(len(dst), len(src)) elements; the slices package searches, reverses and clones in place.
import (
	"fmt"
	"slices"
)

func main() {
	src := []string{"a", "b", "c", "d"}

	short := make([]string, 2)
	n := copy(short, src)
	fmt.Println("copied", n, short)

	long := make([]string, 6)
	n = copy(long, src)
	fmt.Printf("copied %d %q\n", n, long)

	// copy handles overlapping ranges: shift left by one.
	nums := []int{1, 2, 3, 4, 5}
	copy(nums, nums[1:])
	fmt.Println("shifted:", nums)

	fmt.Println("Index of c:", slices.Index(src, "c"), "Index of z:", slices.Index(src, "z"))
	fmt.Println("Contains b:", slices.Contains(src, "b"))

	// Reverse works in place, so clone first to keep the original.
	rev := slices.Clone(src)
	slices.Reverse(rev)
	fmt.Println("original:", src, "reversed:", rev)

	rev = slices.Insert(rev, 1, "X", "Y")
	fmt.Println("inserted:", rev)
	rev = slices.Delete(rev, 0, 2)
	fmt.Println("deleted first two:", rev)

	fmt.Println("Equal:", slices.Equal(src, []string{"a", "b", "c", "d"}))
	i, found := slices.BinarySearch([]int{10, 20, 30}, 25)
	fmt.Println("BinarySearch 25:", i, found)
}

// Output:
// copied 2 [a b]
// copied 4 ["a" "b" "c" "d" "" ""]
// shifted: [2 3 4 5 5]
// Index of c: 2 Index of z: -1
// Contains b: true
// original: [a b c d] reversed: [d c b a]
// inserted: [d X Y c b a]
// deleted first two: [Y c b a]
// Equal: true
// BinarySearch 25: 2 false
