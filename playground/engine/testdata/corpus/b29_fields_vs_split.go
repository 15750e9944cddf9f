package main

// strings.Fields splits on runs of whitespace and drops empties; strings.Split keeps every empty piece.
import (
	"fmt"
	"strings"
)

func main() {
	line := "  alpha   beta gamma  "

	fields := strings.Fields(line)
	fmt.Printf("Fields: %d %q\n", len(fields), fields)

	parts := strings.Split(line, " ")
	fmt.Printf("Split:  %d %q\n", len(parts), parts)

	csv := "a,b,,c,"
	fmt.Printf("Split csv:  %q\n", strings.Split(csv, ","))
	fmt.Printf("SplitN 2:   %q\n", strings.SplitN(csv, ",", 2))
	fmt.Printf("SplitAfter: %q\n", strings.SplitAfter("x=1;y=2", ";"))

	// Splitting an empty string gives one empty element, Fields gives none.
	fmt.Println(len(strings.Split("", ",")), len(strings.Fields("")))

	// FieldsFunc chooses its own separators.
	isSep := func(r rune) bool { return r == ';' || r == '|' }
	fmt.Printf("FieldsFunc: %q\n", strings.FieldsFunc("a;b||c;", isSep))

	key, val, ok := strings.Cut("name=gopher=1", "=")
	fmt.Printf("Cut: %q %q %v\n", key, val, ok)

	fmt.Println(strings.Join(fields, "+"))
}

// Output:
// Fields: 3 ["alpha" "beta" "gamma"]
// Split:  9 ["" "" "alpha" "" "" "beta" "gamma" "" ""]
// Split csv:  ["a" "b" "" "c" ""]
// SplitN 2:   ["a" "b,,c,"]
// SplitAfter: ["x=1;" "y=2"]
// 1 0
// FieldsFunc: ["a" "b" "c"]
// Cut: "name" "gopher=1" true
// alpha+beta+gamma
