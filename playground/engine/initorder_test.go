package engine

import (
	"strings"
	"testing"
)

// A package variable whose initializer reaches, through a function or a
// method of the file, a variable declared after it with an initializer
// is announced (go run initializes that one first: 20 2, the interpreter
// 0 2); a dependency in the initializer itself, or through a literal
// called there, the interpreter orders as Go does, and is not.
func TestInitOrderIsAnnounced(t *testing.T) {
	for _, c := range []struct {
		decls     string
		announced bool
	}{
		{"var a = f()\n\nvar b = 2\n\nfunc f() int { return b * 10 }\n", true},
		{"var a = f()\n\nvar b = 2\n\nfunc f() int { return g() }\n\nfunc g() int { return b }\n", true},
		{"type cfg struct{ n int }\n\nfunc (c cfg) get() int { return c.n + b }\n\nvar a = cfg{1}.get()\n\nvar b = 2\n", true},
		{"var a = b * 10\n\nvar b = 2\n", false},
		{"var a = func() int { return b * 10 }()\n\nvar b = 2\n", false},
		{"var b = 2\n\nvar a = f()\n\nfunc f() int { return b * 10 }\n", false},
		{"var a = f()\n\nvar b int\n\nfunc f() int { return b * 10 }\n", false},
	} {
		src := "package main\n\nimport \"fmt\"\n\n" + c.decls + "\nfunc main() {\n\tfmt.Println(a, b)\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range p.Findings() {
			got = got || f.Construct == "package initialization order"
		}
		if got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, p.HandOver(), src)
		}
		if c.announced && !strings.Contains(p.HandOver(), "declared after this variable") {
			t.Errorf("not handed over for it: %q\n%s", p.HandOver(), src)
		}
	}
}
