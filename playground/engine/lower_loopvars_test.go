package engine

var _ = addCases("loopVars",
	// A three-clause loop's variable captured.
	rewriteCase{
		body: `var fs []func()
for i := 0; i < 3; i++ {
	fs = append(fs, func() { fmt.Print(i) })
}
for _, f := range fs {
	f()
}
fmt.Println()`,
		lowered: `var fs []func()
for i := 0; i < 3; i++ { i := i;
	fs = append(fs, func() { fmt.Print(i) })
}
for _, f := range fs {
	f()
}
fmt.Println()`,
		out: "012\n",
	},
	// A range's key assigned in the body.
	rewriteCase{
		body: `xs := []int{1, 2, 3, 4}
for i := range xs {
	if i%2 == 0 {
		i++
	}
	fmt.Print(i)
}
fmt.Println()`,
		lowered: `xs := []int{1, 2, 3, 4}
for i := range xs { i := i;
	if i%2 == 0 {
		i++
	}
	fmt.Print(i)
}
fmt.Println()`,
		out: "1133\n",
	},
)
