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
		// The argument's methods use the generic instantiated (a
		// review's): Box[E]'s Lift gives a Node[E]; K's Get a *Node[int].
		{node + "type Box[E any] struct{ V E }\n\nfunc (b Box[E]) Lift() Node[E] { return Node[E]{V: b.V} }\n\nvar n Node[Box[int]]\n", "16:7"},
		{node + "type K struct{}\n\nfunc (K) Get() *Node[int] { return nil }\n\ntype Holder[T any] struct{ N Node[T] }\n\nvar h Holder[K]\n", "18:7"},
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

// A generic type naming an instance of itself with other type arguments
// (Node[int] in a Node[T], Z[B, A] in a Z[A, B]) is reported where it
// does; a name spelled like a type parameter of its generic function or
// type that means something else (a field T read as s.T), and a method
// named like another generic type's, are reported too: an attack's
// programs, each silent, or never ending, in the interpreter. A type
// naming itself with its own parameters, a type parameter's own uses,
// one generic type's methods, and methods of generic types of different
// numbers of parameters (never the same key), are not.
func TestGenericNamesAreReported(t *testing.T) {
	for _, c := range []struct{ decls, self, names string }{
		{"type Node[T any] struct {\n\tV     T\n\tOther *Node[int]\n}\n", "9:9", ""},
		{"type Node[T any] struct {\n\tV    T\n\tKids []Node[int]\n}\n", "9:9", ""},
		{"type Z[A, B any] struct {\n\tFlip *Z[B, A]\n\tV    A\n}\n", "8:8", ""},
		{"type S struct {\n\tT string\n\tint\n}\n\nfunc get[T any](s S, v T) any { return s.T }\n", "", "12:42"},
		{"type A[T any] struct{ V T }\n\ntype B[T any] struct{ V T }\n\nfunc (a A[T]) Name() string { return \"A\" }\n\nfunc (b B[T]) Name() string { return \"B\" }\n", "", "13:15"},
		{"type A[T any] struct{ V T }\n\ntype P[K comparable, V any] struct{ X V }\n\nfunc (a A[T]) String() string { return \"A\" }\n\nfunc (p P[K, V]) String() string { return \"P\" }\n", "", ""},
		{"type Node[T any] struct {\n\tV    T\n\tNext *Node[T]\n}\n\nfunc (n *Node[T]) Push(v T) *Node[T] { return &Node[T]{V: v, Next: n} }\n\nfunc (n *Node[T]) Len() int { return 1 }\n\nfunc Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }\n", "", ""},
	} {
		src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n\n" + c.decls
		if got := findingsAt(t, src, nestedInstanceConstruct); got != c.self {
			t.Errorf("an instance of itself reported at %q, want %q\n%s", got, c.self, src)
		}
		if got := findingsAt(t, src, genericNameConstruct); got != c.names {
			t.Errorf("a generic name reported at %q, want %q\n%s", got, c.names, src)
		}
	}
}
