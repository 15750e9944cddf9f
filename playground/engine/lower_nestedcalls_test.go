package engine

var _ = addCases("nestedCalls",
	// Cmp.Or of three values and of one.
	rewriteCase{
		body: `name := ""
fmt.Println(cmp.Or(name, "", "anon"), cmp.Or(3))`,
		lowered: `name := ""
fmt.Println(_lowerOr(_lowerOr(name, ""), "anon"), (3))`,
		out: "anon 3\n",
	},
)
