package main

// cmp.Ordered lets one generic function compare ints, floats and strings; cmp.Compare builds sort orders.
import (
	"cmp"
	"fmt"
	"slices"
)

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, v := range rest {
		if v > m {
			m = v
		}
	}
	return m
}

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func SortByKey[K cmp.Ordered, V any](ps []Pair[K, V]) {
	slices.SortFunc(ps, func(a, b Pair[K, V]) int { return cmp.Compare(a.Key, b.Key) })
}

type person struct {
	name string
	age  int
}

func main() {
	fmt.Println(MaxOf(3, 9, 4), MaxOf(2.5, -1.0), MaxOf("pear", "apple", "zucchini"))

	ps := []Pair[string, int]{{"c", 3}, {"a", 1}, {"b", 2}}
	SortByKey(ps)
	fmt.Println(ps)

	people := []person{{"Ann", 30}, {"Bob", 25}, {"Cid", 30}, {"Dee", 25}}
	// Age descending, then name ascending: cmp.Or returns the first non-zero comparison.
	slices.SortFunc(people, func(a, b person) int {
		return cmp.Or(cmp.Compare(b.age, a.age), cmp.Compare(a.name, b.name))
	})
	fmt.Println(people)

	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Less(2.0, 2.0))
}

// Output:
// 9 2.5 zucchini
// [{a 1} {b 2} {c 3}]
// [{Ann 30} {Cid 30} {Bob 25} {Dee 25}]
// -1 1 false
