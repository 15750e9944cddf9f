package engine

var _ = addCases("selectSends",
	// A composite literal sent in a case.
	rewriteCase{
		decls: `type pair struct{ a, b int }`,
		body: `ch := make(chan pair, 1)
j := 3
select {
case ch <- pair{j, j * j}:
}
fmt.Println(<-ch)`,
		lowered: `ch := make(chan pair, 1)
j := 3
_lowerS1 := (pair{j, j * j}); select {
case ch <- _lowerS1:
}
fmt.Println(<-ch)`,
		out: "{3 9}\n",
	},
)
