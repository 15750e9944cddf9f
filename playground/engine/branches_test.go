package engine

import (
	"testing"
)

// TestCheckBranches: the branch statements Go accepts give no error (a
// fallthrough before the last case, a labelled continue of a range, a
// goto backwards over a declaration, a break in a select, labels of
// function literals apart from their function's); the misplaced ones give
// the compiler's words (testdata/compileerrs/branches*.go holds them to
// go build itself).
func TestCheckBranches(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"switch {\ncase true:\n\tfallthrough\ndefault:\n}", ""},
		{"L:\nfor range 3 {\n\tcontinue L\n}", ""},
		{"x := 1\nL:\n_ = x\ny := 2\n_ = y\ngoto L", ""},
		{"select {\ndefault:\n\tbreak\n}", ""},
		{"L:\nfor {\n\tbreak L\n}\nfunc() {\nL:\n\tfor {\n\t\tbreak L\n\t}\n}()", ""},
		{"switch {\ncase true:\n\tfallthrough\n}", "6:2: cannot fallthrough final case in switch"},
		{"if true {\n\tbreak\n}", "5:2: break is not in a loop, switch, or select"},
		{"for {\n\tfunc() { continue }()\n}", "5:11: continue is not in a loop"},
		{"goto L\nx := 1\n_ = x\nL:", "4:6: goto L jumps over declaration of x at ./main.go:5:3"},
	} {
		src := "package main\n\nfunc main() {\n" + c.body + "\n}\n"
		got := runCheck(t, src, branches)
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.body, got, c.want)
		}
	}
}
