package engine

import (
	"testing"
)

// TestCheckMapElemAddr: a slice's element, a map of pointers' element and
// a value method on a map's element are fine; the address of a map's
// element is the compiler's error (testdata/compileerrs/map_elem_address.go
// holds the words to go build itself).
func TestCheckMapElemAddr(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"s := []T{{}}\n_ = &s[0]\ns[0].Move()\nm := map[int]*T{}\nm[1].Move()\nv := map[int]T{}\nv[1].Get()", ""},
		{"m := map[int]T{}\n_ = &m[1]", "11:6: invalid operation: cannot take address of m[1] (map index expression of struct type T)"},
		{"var m map[string]T\nm[\"a\"].Move()", "11:8: cannot call pointer method Move on T"},
	} {
		src := "package main\n\ntype T struct{}\n\nfunc (t *T) Move() {}\n\nfunc (t T) Get() {}\n\nfunc main() {\n" + c.body + "\n}\n"
		got := runCheck(t, src, mapElemAddr)
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.body, got, c.want)
		}
	}
}
