package engine

var _ = addCases("libraryClosures",
	// A literal handed to sort.Slice in a loop.
	rewriteCase{
		body: `for i := range 2 {
	s := []int{3, i, 1}
	sort.Slice(s, func(a, b int) bool { return s[a] < s[b] })
	fmt.Print(s)
}
fmt.Println()`,
		lowered: `{ _lowerN1 := 2; for i := _lowerN1 - _lowerN1; i < _lowerN1; i++ { i := i;
	s := ([]int{3, i, 1})
	sort.Slice(s, (func(a, b int) bool { return s[a] < s[b] }))
	fmt.Print(s)
} }
fmt.Println()`,
		out: "[0 1 3][1 1 3]\n",
	},
	// One handed to a variadic method of a generic type, which
	// variadicSlices puts in a slice too: the two wrappers nest.
	rewriteCase{
		decls: `type Queue[T any] struct{ items []T }

func (q *Queue[T]) Push(vs ...T) { q.items = append(q.items, vs...) }`,
		body: `var q Queue[func() int]
for i := 0; i < 3; i++ {
	q.Push(func() int { return i * 10 })
}
fmt.Println(len(q.items), q.items[0](), q.items[2]())`,
		lowered: `var q Queue[func() int]
for i := 0; i < 3; i++ { i := i;
	q.Push([]func() int{(func() int { return i * 10 })}...)
}
fmt.Println(len(q.items), q.items[0](), q.items[2]())`,
		out: "3 0 20\n",
	},
)
