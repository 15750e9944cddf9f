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
)
