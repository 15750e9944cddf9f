package engine

var _ = addCases("rangeInt",
	// Closures over the iteration's own i.
	rewriteCase{
		body: `var fs []func()
for i := range 3 {
	fs = append(fs, func() { fmt.Print(i) })
}
for _, f := range fs {
	f()
}
fmt.Println()`,
		lowered: `var fs []func()
{ _lowerN1 := 3; for i := _lowerN1 - _lowerN1; i < _lowerN1; i++ { i := i;
	fs = append(fs, func() { fmt.Print(i) })
} }
for _, f := range fs {
	f()
}
fmt.Println()`,
		out: "012\n",
	},
	// A label moves onto the for.
	rewriteCase{
		body: `outer:
for i := range 3 {
	for j := range 3 {
		if j > i {
			continue outer
		}
		fmt.Print(i, j, " ")
	}
}
fmt.Println()`,
		lowered: `
{ _lowerN1 := 3; outer: for i := _lowerN1 - _lowerN1; i < _lowerN1; i++ { i := i;
	{ _lowerN2 := 3; for j := _lowerN2 - _lowerN2; j < _lowerN2; j++ { j := j;
		if j > i {
			continue outer
		}
		fmt.Print(i, j, " ")
	} }
} }
fmt.Println()`,
		out: "0 0 1 0 1 1 2 0 2 1 2 2 \n",
	},
	// Edits around the ranged expression: libCalls' helpers inside it stay (a clash before).
	rewriteCase{
		body: `m := map[string]int{"b": 1, "a": 2}
for i := range len(slices.Sorted(maps.Keys(m))) {
	fmt.Print(i)
}
fmt.Println()`,
		lowered: `m := map[string]int{"b": 1, "a": 2}
{ _lowerN1 := len(_lowerSorted(_lowerMapsKeys(m))); for i := _lowerN1 - _lowerN1; i < _lowerN1; i++ { i := i;
	fmt.Print(i)
} }
fmt.Println()`,
		out: "01\n",
	},
)
