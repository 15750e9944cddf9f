package engine

import (
	"testing"
)

// A switch with an init statement and a tag that is not a name or a
// literal, which switchInits leaves, is reported: yaegi v0.16.1 evaluates the tag first (stranger3's
// 169: switch j := i; j % 2 took case 0 for i == 1, nothing said).
func TestSwitchInitTag(t *testing.T) {
	src := `package main

import "fmt"

func one() int { return 1 }

func main() {
	for i := 0; i < 2; i++ {
		switch j := i; j % 2 {
		case 0:
			fmt.Println("even")
		case 1:
			fmt.Println("odd")
		}
	}
	switch f := one; f() {
	case 1:
		fmt.Println("one")
	}
	switch h := 1; h {
	case 1:
		fmt.Println("h")
	}
	switch n := 3; 3 {
	case n:
		fmt.Println("n")
	}
	switch x := 0; {
	case x == 0:
		fmt.Println("x")
	}
	switch one() % 2 {
	case 1:
		fmt.Println("odd")
	}
	switch k := func() int {
		return 2
	}(); k % 2 {
	case 0:
		fmt.Println("k")
	}
}
`
	// switchInits moves an init statement on one line before the
	// switch; one on more lines stays, and is reported.
	got := findingsAt(src, "switch with init")
	if want := "38:7"; got != want {
		t.Errorf("switch with init found at %v, want %s", got, want)
	}
	// Measured: the interpreter still evaluates the tag first (an init
	// on more lines, which switchInits leaves). When an upgrade fixes it,
	// this fails, and the finding and the rewrite can go.
	stillDiffers(t, "switch with init", "\tswitch n := func() int {\n\t\treturn 5\n\t}(); n * 2 {\n\tcase 10:\n\t\tfmt.Println(\"ten\")\n\tdefault:\n\t\tfmt.Println(\"default\")\n\t}\n", "ten\n")
}
