package engine

import "testing"

// A generic type of two type parameters holding itself, through a
// pointer or a slice, and generic types reaching themselves through
// each other are reported at their names; one of one type parameter
// holding itself, one holding another type's instance, and a cycle
// through a type that is not generic are not.
func TestSelfInstancesAreReported(t *testing.T) {
	for _, c := range []struct{ name, decls, want string }{
		{"pointer", "type Pair[K comparable, V any] struct {\n\tk    K\n\tv    V\n\tnext *Pair[K, V]\n}", "5:6"},
		{"slice", "type Tree[K any, V any] struct {\n\tkids []Tree[K, V]\n}", "5:6"},
		{"one type parameter", "type Node[T any] struct {\n\tnext *Node[T]\n}", ""},
		{"another type", "type Node[T any] struct {\n\tnext *Node[T]\n}\n\ntype Edge[A, B any] struct {\n\tfrom *Node[A]\n\tto   B\n}", ""},
		{"through another generic type", "type DList[T any] struct {\n\thead *DNode[T]\n}\n\ntype DNode[T any] struct {\n\tnext *DNode[T]\n\tlist *DList[T]\n}", "5:6 9:6"},
		{"through two, of other arities", "type Pair[K, V any] struct {\n\tbox *Box[K]\n}\n\ntype Box[T any] struct {\n\tm map[string]Ref[T]\n}\n\ntype Ref[T any] struct {\n\tback *Pair[T, int]\n}", "5:6 9:6 13:6"},
		{"through a type that is not generic", "type Node[T any] struct {\n\towner *Owner\n}\n\ntype Owner struct {\n\troot *Node[int]\n}", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "package main\n\nimport \"fmt\"\n\n" + c.decls + "\n\nfunc main() { fmt.Println() }\n"
			if got := findingsAt(t, src, selfInstanceConstruct); got != c.want {
				t.Errorf("reported at %q, want %q", got, c.want)
			}
		})
	}
}
