package engine

import (
	"os"
	"strings"
	"testing"
	"time"
)

// A struct type holding another of the file's types that refers back to
// it is reported, whatever the order of declaration and however it holds
// it (a field, an embedded field, an array, an unnamed struct); types
// that refer to each other only through pointers, slices or maps, or hold
// a type that does not refer back, are not.
func TestHeldCyclesAreReported(t *testing.T) {
	for _, c := range []struct{ decls, at string }{
		{"type A struct{ F *B }\n\ntype B struct {\n\tA A\n\tX int\n}\n", "10:4"},
		{"type B struct {\n\tA A\n\tX int\n}\n\ntype A struct{ F map[int]B }\n", "8:4"},
		{"type A struct{ F func(B) }\n\ntype B struct {\n\tA\n\tX int\n}\n", "10:2"},
		{"type A struct{ F []B }\n\ntype B struct{ As [2]A }\n", "9:22"},
		{"type A struct{ F chan B }\n\ntype B struct{ s struct{ a A } }\n", "9:28"},
		{"type A struct{ F *B }\n\ntype B struct{ A *A }\n", ""},
		{"type N struct {\n\tNext *N\n\tKids []N\n}\n\ntype T struct{ Root N }\n", ""},
	} {
		src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n\n" + c.decls
		if got := findingsAt(src, heldCycleConstruct); got != c.at {
			t.Errorf("reported at %q, want %q\n%s", got, c.at, src)
		}
	}
}

// The security review's program, which read and wrote memory at an
// address of its choosing in the interpreter, is handed over before it
// runs, and the interpreter alone (Quick) refuses it.
func TestHeldCycleHandedOver(t *testing.T) {
	src, err := os.ReadFile("../../generator/testdata/held_cycle.go")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if why := p.HandOver(); !strings.Contains(why, "fields sharing their bytes") {
		t.Errorf("HandOver %q, want the held cycle named", why)
	}
	stdout, stderr, res := run(t, string(src), 20*time.Second)
	if strings.Contains(stdout, "0x1000: ") || res.Status == 0 {
		t.Errorf("the interpreter ran it: status %d\n%s%s", res.Status, stdout, stderr)
	}
}
