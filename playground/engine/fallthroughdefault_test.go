package engine

import (
	"strings"
	"testing"
	"time"
)

// A fallthrough in a switch whose default clause is not last is reported:
// yaegi v0.16.1 runs default as if it were last (stranger3's
// ft_default_middle: case 0's fallthrough ran case x > 5, default's ended
// the switch, and with default first case 0's ran the default).
func TestFallthroughDefault(t *testing.T) {
	src := `package main

import "fmt"

func main() {
	x := 0
	switch {
	case x == 0:
		fmt.Println("zero")
		fallthrough
	default:
		fmt.Println("default")
	case x > 5:
		fmt.Println("big")
	}
	switch x {
	case 5:
	default:
		fmt.Println("d")
		fallthrough
	case 7:
		fmt.Println("seven")
	}
	switch x {
	case 0:
		fallthrough
	case 1:
		fmt.Println("one")
	default:
		fmt.Println("last default")
	}
	switch x {
	default:
		fmt.Println("first default")
	case 0:
		fmt.Println("zero")
		fallthrough
	case 1:
		fmt.Println("one")
	}
}
`
	var got []string
	for _, f := range Detect(src) {
		if f.Construct == "fallthrough and default" {
			got = append(got, f.String()[:strings.Index(f.String(), ": ")])
		}
	}
	if want := "10:3 20:3 37:3"; strings.Join(got, " ") != want {
		t.Errorf("fallthrough and default found at %v, want %s", got, want)
	}
	// Measured: the interpreter still runs default as if last. When an
	// upgrade fixes it, this fails, and the finding can go.
	stdout, stderr, res := run(t, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tswitch {\n\tdefault:\n\t\tfmt.Println(\"d\")\n\t\tfallthrough\n\tcase false:\n\t\tfmt.Println(\"next\")\n\t}\n}\n", 5*time.Second)
	if res.Status != 0 {
		t.Fatalf("status %d: %s", res.Status, stderr)
	}
	if stdout == "d\nnext\n" {
		t.Error("the interpreter now falls through from a default as Go does: drop the finding")
	}
}
