package engine

import (
	"os"
	"strings"
	"testing"
	"time"
)

// A type holding another of the file's types that refers back to it is
// reported, whatever the order of declaration and however it holds it (a
// field, an embedded field, an array, an unnamed struct, as its
// underlying type or an alias's literal), and so is a struct or an array
// written out behind a pointer, a map or a channel that holds the type
// being defined or one referring back to it; types that refer to each
// other only through named types behind pointers, slices or maps, or hold
// a type that does not refer back, are not.
func TestHeldCyclesAreReported(t *testing.T) {
	reportedAt(t, heldCycleConstruct, []declsCase{
		{"type A struct{ F *B }\n\ntype B struct {\n\tA A\n\tX int\n}\n", "10:4"},
		{"type B struct {\n\tA A\n\tX int\n}\n\ntype A struct{ F map[int]B }\n", "8:4"},
		{"type A struct{ F func(B) }\n\ntype B struct {\n\tA\n\tX int\n}\n", "10:2"},
		{"type A struct{ F []B }\n\ntype B struct{ As [2]A }\n", "9:22"},
		{"type A struct{ F chan B }\n\ntype B struct{ s struct{ a A } }\n", "9:28"},
		{"type A struct{ F *B }\n\ntype B struct{ A *A }\n", ""},
		{"type N struct {\n\tNext *N\n\tKids []N\n}\n\ntype T struct{ Root N }\n", ""},
		// Through a generic type's instance: held in it, or holding.
		{"type Box[E any] struct{ V E }\n\ntype A struct{ F *B }\n\ntype B struct {\n\tH Box[A]\n\tX int\n}\n", "12:8"},
		{"type Box[E any] struct{ V E }\n\ntype A struct{ F *B }\n\ntype B struct{ H [1]Box[Box[A]] }\n", "11:25 11:29"},
		{"type Box[E any] struct {\n\tV E\n\tX int\n}\n\ntype A struct {\n\tF *Box[A]\n\tY int\n}\n", "13:9"},
		{"type Pair[K comparable, V any] struct {\n\tK K\n\tV V\n}\n\ntype A struct{ F map[int]Pair[int, A] }\n", "12:36"},
		{"type List[T any] struct{ head *node[T] }\n\ntype node[T any] struct {\n\tv    T\n\tnext *node[T]\n}\n\ntype Item struct{ Name string }\n\nvar l List[Item]\n", ""},
		{"type Box[E any] struct{ V E }\n\ntype N struct{ Kids Box[*N] }\n", ""},
		// A named array, or a type defined as another, holds what its
		// underlying type holds (an attack's C laid A out as zero
		// bytes); an alias names a type and holds nothing.
		{"type A struct{ F *C }\n\ntype C [1]struct {\n\tA A\n\tX int\n}\n", "10:4"},
		{"type A struct{ F *D }\n\ntype D [2]A\n", "9:11"},
		{"type A struct{ F func() E }\n\ntype B struct {\n\tA A\n\tX int\n}\n\ntype E B\n", "10:4 14:8"},
		{"type A struct{ F *D }\n\ntype B struct{ X int }\n\ntype D B\n", ""},
		{"type N struct{ Next *M }\n\ntype M = N\n", ""},
		// An alias of a literal is that literal, laid out; a struct or
		// an array written out behind a pointer, a map or a channel is
		// laid out while its type is built (a review's shapes).
		{"type A struct{ F *B }\n\ntype B = struct {\n\tA A\n\tX int\n}\n", "10:4"},
		{"type A struct{ F *B }\n\ntype B = [1]struct {\n\tA A\n\tX int\n}\n", "10:4"},
		{"type A struct {\n\tF *struct {\n\t\tA A\n\t\tX int\n\t}\n}\n", "9:5"},
		{"type A struct{ F map[int][1]struct{ A A } }\n", "7:39"},
		{"type A struct{ F chan struct{ B B } }\n\ntype B struct{ A *A }\n", "7:33"},
		{"type A struct{ F *struct{ X int } }\n", ""},
		// A generic type's instance among its own arguments (an attack's).
		{"type Node[T any] struct {\n\tV    T\n\tNext *Node[T]\n}\n\nvar n Node[Node[int]]\n", "12:12"},
		// Every argument of a generic type's instance is taken as held,
		// a tree of a generic stack of a slice too.
		{"type Stack[T any] struct{ items []T }\n\ntype Dir struct {\n\tName string\n\tKids Stack[Dir]\n}\n", "11:13"},
		// An instance behind a pointer in a generic type's definition
		// may hold the argument: Elem[Dir] of List[Dir] holds a Dir.
		{"type List[E any] struct{ Head *Elem[E] }\n\ntype Elem[E any] struct {\n\tVal  E\n\tNext *Elem[E]\n}\n\ntype Dir struct {\n\tFiles List[Dir]\n\tSize  int\n}\n", "15:13"},
	})
}

// The security reviews' programs, which read and wrote memory at an
// address of their choosing in the interpreter (two declared types, then
// the same held in a generic type's instance, then an instance holding a
// type that points back to it; then, with no cycle, two local types of
// one name, and a local type declared as an instance), and a review's
// struct written out in its own type's definition, are handed over
// before they run, and the interpreter alone (Quick) refuses them.
func TestHeldCycleHandedOver(t *testing.T) {
	for _, name := range []string{"held_cycle.go", "held_cycle_generic.go", "held_cycle_instance.go", "held_cycle_literal.go", "type_name_shared.go", "type_local_instance.go"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile("../../generator/testdata/" + name)
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
		})
	}
}

// A type named like another of the file's, in any scope, and a type a
// function declares as an instance of a generic type, are reported; one
// name for each type, and an instance at the top, are not.
func TestSharedTypeNamesAreReported(t *testing.T) {
	reportedAt(t, sharedTypeNameConstruct, []declsCase{
		{"func f() {\n\ttype L struct{ P *int }\n}\n\nfunc g() {\n\ttype L struct{ X int }\n}\n", "12:7"},
		{"type L struct{}\n\nfunc f() {\n\ttype L int\n}\n", "10:7"},
		{"type Box[E any] struct{ V E }\n\nfunc f() {\n\ttype L Box[*int]\n}\n", "10:7"},
		{"type Box[E any] struct{ V E }\n\nfunc f() {\n\ttype L = Box[*int]\n}\n", "10:7"},
		{"type Box[E any] struct{ V E }\n\ntype L Box[*int]\n\nfunc f() {\n\ttype M struct{ B Box[int] }\n}\n", ""},
		{"type Box[E any] struct{ V E }\n\nvar f = func() {\n\ttype L Box[*int]\n}\n", "10:7"},
		{"func f(x int) {\n\tswitch x {\n\tcase 1:\n\t\ttype T int\n\tcase 2:\n\t\ttype T string\n\t}\n}\n", "12:8"},
		// Declared twice in one block: Go's compile error, said as Go
		// says it.
		{"type T int\n\ntype T string\n\nfunc f() {\n\ttype U int\n\ttype U string\n}\n", ""},
	})
}
