package engine

import (
	"strings"
	"testing"
)

// An instance of one of the program's generic types given to a generic
// type or function that uses that type, or uses itself with its
// parameters moved, is reported at the instantiation, however the
// argument is given (written out, inferred, through an alias, an
// interface's method, another instance): an attack's twelve
// shapes of Node[Node[int]], none of which the syntax screen
// (heldCycles) saw. A generic type given the library's types, the
// file's non-generic ones, or instances of a generic it does not use,
// is not.
func TestNestedInstancesAreReported(t *testing.T) {
	const node = "type Node[T any] struct {\n\tNext *Node[T]\n\tV    T\n}\n\n"
	for _, c := range []struct{ decls, at string }{
		// Another generic type holding Node[T], given Node[int].
		{node + "type Wrap[T any] struct{ In Node[T] }\n\nvar w Wrap[Node[int]]\n", "14:7"},
		// A function building Node[T], with T written out or inferred.
		{node + "func mk[T any]() *Node[T] { return &Node[T]{} }\n\nvar n = mk[Node[int]]()\n", "14:9"},
		{node + "func wrap[T any](v T) Node[T] { return Node[T]{V: v} }\n\nvar n = wrap(Node[int]{})\n", "14:9"},
		// Through another function that uses it.
		{node + "func mk[T any]() *Node[T] { return &Node[T]{} }\n\nfunc outer[T any]() any { return mk[T]() }\n\nvar n = outer[Node[int]]()\n", "16:9"},
		// A generic alias, an interface's method.
		{node + "type Of[T any] = Node[T]\n\nvar n Of[Node[int]]\n", "14:7"},
		{node + "type Holder[T any] struct{ N Node[T] }\n\nvar h Holder[interface{ Get() *Node[int] }]\n", "14:7"},
		// A method's body builds the instance.
		{node + "type Box[E any] struct{ V E }\n\nfunc (b Box[E]) Lift() Node[E] { return Node[E]{V: b.V} }\n\nvar b Box[Node[int]]\n", "16:7"},
		// A type that names itself with its parameters moved.
		{"type Z[A, B any] struct {\n\tFlip *Z[B, A]\n\tV    A\n}\n\ntype P[T any] struct{ V T }\n\nvar z Z[int, P[int]]\n", "14:7"},
		// Not reported: the library's types, non-generic ones, a
		// generic's own parameters, an instance of a generic not used.
		{node + "type Point struct{ X, Y int }\n\nvar a Node[Point]\nvar b Node[[]string]\n", ""},
		{"type Box[E any] struct{ V E }\n\ntype N struct{ Kids Box[*N] }\n", ""},
		{"type Stack[T any] struct{ items []T }\n\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\n\nfunc (s Stack[T]) Top() Stack[T] { return Stack[T]{s.items} }\n\ntype Pair[K comparable, V any] struct {\n\tK K\n\tV V\n}\n\nvar s Stack[Pair[string, int]]\n", ""},
	} {
		src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n\n" + c.decls
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		var at []string
		for _, f := range p.Findings() {
			if f.Message == nestedInstanceMsg {
				at = append(at, f.String()[:strings.Index(f.String(), ": ")])
			}
		}
		if got := strings.Join(at, " "); got != c.at {
			t.Errorf("a nested instance reported at %q, want %q\n%s", got, c.at, src)
		}
	}
}
