package engine

import (
	"testing"
)

// TestCheckIncomparable: comparable and constrained type parameters
// compare; any's values compared, or any as a map key, give the
// compiler's words (testdata/compileerrs/comparable.go holds them to go
// build itself).
func TestCheckIncomparable(t *testing.T) {
	for _, c := range []struct{ decl, want string }{
		{"func f[T comparable](a, b T) bool { return a == b }", ""},
		{"func f[T int | string](a, b T) bool { return a != b }", ""},
		{"func f[T any](a T, b any) bool { return b == nil }", ""},
		{"func f[K comparable, V any](m map[K]V) {}", ""},
		{"func f[T any](a, b T) bool { return a == b }", "3:37: invalid operation: a == b (incomparable types in type set)"},
		{"func f[T interface{}](xs []T, v T) {\n\tfor _, x := range xs {\n\t\t_ = x != v\n\t}\n}", "5:7: invalid operation: x != v (incomparable types in type set)"},
		{"func f[K any]() { _ = map[K]int{} }", "3:27: invalid map key type K (missing comparable constraint)"},
	} {
		src := "package main\n\n" + c.decl + "\n"
		got := runCheck(t, src, incomparable)
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.decl, got, c.want)
		}
	}
}
