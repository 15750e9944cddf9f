package engine

var _ = addCases("stringRanges",
	// The byte offsets of a string's runes, by the key alone.
	rewriteCase{
		body: `s := "héllo"
for i := range s {
	fmt.Print(i, " ")
}
fmt.Println()`,
		lowered: `s := "héllo"
{ _lowerS1 := string(s); for _lowerO2 := 0; _lowerS1[_lowerO2:] != ""; _lowerO2 = _lowerRuneEnd(_lowerS1, _lowerO2) { i := _lowerO2; {
	fmt.Print(i, " ")
} } }
fmt.Println()`,
		out: "0 1 3 4 5 \n",
	},
	// A byte that starts no valid encoding is one U+FFFD, one byte on;
	// a blank key is left to the interpreter, whose values are right.
	rewriteCase{
		body: `const s = "a\xffb\xe2\x82c"
for i, r := range s {
	fmt.Print(i, ":", r, " ")
}
for _, r := range s {
	fmt.Print(r, " ")
}
fmt.Println()`,
		lowered: `const s = "a\xffb\xe2\x82c"
{ _lowerS1 := string(s); for _lowerO2 := 0; _lowerS1[_lowerO2:] != ""; _lowerO2 = _lowerRuneEnd(_lowerS1, _lowerO2) { i := _lowerO2; r := _lowerRuneAt(_lowerS1, _lowerO2); {
	fmt.Print(i, ":", r, " ")
} } }
for _, r := range s { r := r;
	fmt.Print(r, " ")
}
fmt.Println()`,
		out: "0:97 1:65533 2:98 3:65533 4:65533 5:99 97 65533 98 65533 65533 99 \n",
	},
	// A range that assigns, over a named string type, labelled, with the
	// body declaring its variable again.
	rewriteCase{
		decls: `type name string`,
		body: `var i int
var r rune
L:
for i, r = range name("x\xc0y") {
	i := i * 10
	if i > 0 {
		continue L
	}
}
fmt.Println(i, r)`,
		lowered: `var i int
var r rune

{ _lowerS1 := string(name("x\xc0y")); L: for _lowerO2 := 0; _lowerS1[_lowerO2:] != ""; _lowerO2 = _lowerRuneEnd(_lowerS1, _lowerO2) { i = _lowerO2; r = _lowerRuneAt(_lowerS1, _lowerO2); {
	i := i * 10
	if i > 0 {
		continue L
	}
} } }
fmt.Println(i, r)`,
		out: "2 121\n",
	},
)
