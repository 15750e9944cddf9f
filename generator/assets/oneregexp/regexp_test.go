package regexp

import (
	std "regexp"
	"slices"
	"testing"
)

// TestAsTheStandardLibrary holds FindStringSubmatch to the standard
// library's regexp, compiling Receiver, on yaegi's signatures and on
// every short text made of the pieces that matter to it.
func TestAsTheStandardLibrary(t *testing.T) {
	want := std.MustCompile(Receiver)
	got, err := Compile(Receiver)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"func(main.T) string", "func(*main.T, int, string) (int, error)", "func(main.T)",
		"func(T, func(int) bool) func()", "func(struct { X int }, ...int)",
	}
	pieces := []string{"func(", ")", ", ", ",", " ", "x", "\n", "é", "\xff"}
	last := []string{""}
	for range 5 {
		var next []string
		for _, s := range last {
			for _, p := range pieces {
				next = append(next, s+p)
			}
		}
		texts = append(texts, next...)
		last = next
	}
	for _, s := range texts {
		if g, w := got.FindStringSubmatch(s), want.FindStringSubmatch(s); !slices.Equal(g, w) {
			t.Errorf("FindStringSubmatch(%q) = %q, the standard library's %q", s, g, w)
		}
	}
	if _, err := Compile(`a+`); err == nil {
		t.Error("Compile(`a+`) succeeded, want an error naming the one expression the module has")
	}
}
