package engine

import (
	"testing"
)

// TestCheckTypeSwitchUnused: a type switch symbol used in one clause, or
// in a function literal, is used; unused in every clause, it is the
// compiler's error at the symbol.
func TestCheckTypeSwitchUnused(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"switch x := v.(type) {\ncase int:\ncase string:\n\t_ = x\n}", ""},
		{"switch x := v.(type) {\ndefault:\n\tfunc() { println(x) }()\n}", ""},
		{"switch v.(type) {\n}", ""},
		{"switch x := v.(type) {\ncase int:\n\tx := 1\n\t_ = x\n}", "5:8: x declared and not used"},
		{"switch x := v.(type) {\n}", "5:8: x declared and not used"},
	} {
		src := "package main\n\nfunc main() {\nvar v any\n" + c.body + "\n}\n"
		got := runCheck(t, src, typeSwitchUnused)
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.body, got, c.want)
		}
	}
}
