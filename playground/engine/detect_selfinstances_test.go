package engine

import "testing"

// A generic type of two type parameters holding itself, through a
// pointer or a slice, is reported at its name; one of one type
// parameter, or of two holding another type's instance, is not.
func TestSelfInstancesAreReported(t *testing.T) {
	for _, c := range []struct{ name, decls, want string }{
		{"pointer", "type Pair[K comparable, V any] struct {\n\tk    K\n\tv    V\n\tnext *Pair[K, V]\n}", "5:6"},
		{"slice", "type Tree[K any, V any] struct {\n\tkids []Tree[K, V]\n}", "5:6"},
		{"one type parameter", "type Node[T any] struct {\n\tnext *Node[T]\n}", ""},
		{"another type", "type Node[T any] struct {\n\tnext *Node[T]\n}\n\ntype Edge[A, B any] struct {\n\tfrom *Node[A]\n\tto   B\n}", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "package main\n\nimport \"fmt\"\n\n" + c.decls + "\n\nfunc main() { fmt.Println() }\n"
			if got := findingsAt(t, src, selfInstanceConstruct); got != c.want {
				t.Errorf("reported at %q, want %q", got, c.want)
			}
		})
	}
}
