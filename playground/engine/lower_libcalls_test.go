package engine

var _ = addCases("libCalls",
	// Slices and maps.
	rewriteCase{
		body: `s := []int{3, 1, 2}
slices.Sort(s)
m := map[string]int{"b": 1, "a": 2}
fmt.Println(s, slices.Sorted(maps.Keys(m)))`,
		lowered: `s := []int{3, 1, 2}
_lowerSort(s)
m := map[string]int{"b": 1, "a": 2}
fmt.Println(s, _lowerSorted(_lowerMapsKeys(m)))`,
		out: "[1 2 3] [a b]\n",
	},
	// Sync.OnceValue.
	rewriteCase{
		body: `calls := 0
f := sync.OnceValue(func() int { calls++; return 42 })
fmt.Println(f(), f(), calls)`,
		lowered: `calls := 0
f := _lowerOnceValue(func() int { calls++; return 42 })
fmt.Println(f(), f(), calls)`,
		out: "42 42 1\n",
	},
)
