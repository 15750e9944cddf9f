package engine

var _ = addCases("stringKeys",
	// The byte offsets of a string's runes, by the key alone.
	rewriteCase{
		body: `s := "héllo"
for i := range s {
	fmt.Print(i, " ")
}
fmt.Println()`,
		lowered: `s := "héllo"
for i, _ := range s {
	fmt.Print(i, " ")
}
fmt.Println()`,
		out: "0 1 3 4 5 \n",
	},
)
