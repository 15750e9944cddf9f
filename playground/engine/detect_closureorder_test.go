package engine

import (
	"strings"
	"testing"
)

// A statement that reads a variable, then calls a function that assigns
// it (a literal, a named function, a variable holding a literal, a
// method assigning its receiver), is announced (at the read); one whose
// function assigns only its own variables, or a variable the statement
// only writes, or that passes a literal without calling it, is not; nor
// are a switch's cases, a read the spec orders before the call, or a
// read after it.
func TestClosureOrderIsAnnounced(t *testing.T) {
	for _, c := range []struct {
		body string
		at   string // line:col of the finding, "" for none
	}{
		{"arr := [3]int{}\n\tj := 0\n\tarr[j] = func() int { j = 2; return 5 }()\n\tfmt.Println(arr)", "8:6"},
		{"x := 1\n\tm := map[string]int{\"a\": x, \"b\": func() int { x = 9; return 0 }()}\n\tfmt.Println(m)", "7:27"},
		{"w := 3\n\tif w > func() int { w++; return 2 }() {\n\t\tfmt.Println(w)\n\t}", "7:5"},
		{"n := 1\n\tn += func() int { p := &n; *p = 5; return 1 }()\n\tfmt.Println(n)", "7:2"},
		{"x := 1\n\tx = func() int { x = 7; return x + 1 }()\n\tfmt.Println(x)", ""},
		{"x := 1\n\ty := x + func() int { z := 2; z++; return z }()\n\tfmt.Println(y)", ""},
		{"x := 1\n\tf := func() int { x = 2; return 0 }\n\tfmt.Println(x, f)", ""},
		// Orders the spec fixes: the literal's own argument, the left of
		// &&, an argument of a call before it (a stranger's review).
		{"total := 1\n\tfunc(v int) { total = v * 2 }(total)\n\tfmt.Println(total)", ""},
		{"ok := true\n\tif ok && func() bool { ok = false; return true }() {\n\t\tfmt.Println(ok)\n\t}", ""},
		{"n := 1\n\tfmt.Println(fmt.Sprint(n), func() int { n = 10; return n }())", ""},
		// A read after the call: gc evaluates calls first, yaegi left to
		// right; both read it after.
		{"n := 1\n\tfmt.Println(func() int { n = 10; return n }(), fmt.Sprint(n))", ""},
		// A function the statement calls by name, a variable holding a
		// literal, a method assigning its receiver: followed too (the
		// second blind pass's find on a map literal, and s.v*100 + g()).
		{"x := 1\n\tset := func() int { x = 9; return 0 }\n\tm := map[string]int{\"a\": x, \"b\": set()}\n\tfmt.Println(m)", "8:27"},
		{"pkgV = 1\n\tfmt.Println(pkgV*100 + setV())", "7:14"},
		{"c := &counter{}\n\tfmt.Println(c.n, c.inc())", "7:14"},
		{"c := &counter{}\n\tfmt.Println(c.inc(), c.n)", ""},
		{"c := counter{}\n\tc.inc()\n\tfmt.Println(c.n)", ""},
		// Where c.n is, on the left of =, does not depend on what inc
		// stores into c's fields (a blind pass's t.Left = t.Left.Insert(v)
		// went to the Go toolchain for it); its value, read, does.
		{"c := &counter{}\n\tc.n = c.inc()\n\tfmt.Println(c.n)", ""},
		{"c := &counter{}\n\tc.n = c.n + c.inc()\n\tfmt.Println(c.n)", "7:8"},
		{"c := &counter{}\n\tc.n = func() int { c = &counter{5}; return 1 }()\n\tfmt.Println(c.n)", "7:2"},
		{"fmt.Println(fmt.Sprint(pkgV), setV())", ""},
		// A function assigning a part of its parameter: what the caller
		// reads through the argument; assigning the parameter itself
		// changes nothing of the caller's, nor does a recursive call's
		// t.l = insert(t.l, k) in insert (a blind pass's binary tree,
		// handed to the Go toolchain for it).
		{"c := &counter{}\n\tfmt.Println(c.n, bump(c))", "7:14"},
		{"c := &counter{}\n\tfmt.Println(c.n, reset(c))", ""},
		{"fmt.Println(insert(insert(nil, 2), 1).l.k)", ""},
		{"v := 1\n\tswitch v {\n\tcase func() int { v = 2; return 0 }():\n\tcase v:\n\t\tfmt.Println(v)\n\t}", ""},
	} {
		src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\t" + c.body + "\n}\n" + closureOrderDecls
		var at []string
		for _, f := range Detect(src) {
			if f.Construct == "closure order" {
				at = append(at, f.String()[:strings.Index(f.String(), ": ")])
			}
		}
		if strings.Join(at, " ") != c.at {
			t.Errorf("closure order found at %q, want %q\n%s", at, c.at, src)
		}
	}
}

// closureOrderDecls are declared after main in TestClosureOrderIsAnnounced's
// programs (their lines do not move main's).
const closureOrderDecls = `
var pkgV = 1

func setV() int { pkgV = 20; return 5 }

type counter struct{ n int }

func (c *counter) inc() int { c.n++; return c.n }

func bump(c *counter) int { c.n++; return c.n }

func reset(c *counter) int { c = nil; return 0 }

type tree struct {
	l *tree
	k int
}

func insert(t *tree, k int) *tree {
	if t == nil {
		return &tree{k: k}
	}
	t.l = insert(t.l, k)
	return t
}
`

// A deferred call that calls or passes on a function value a literal made
// in the same function is announced (yaegi v0.16.1 never returns from
// that function); one made in another function's frame is not.
func TestDeferredClosureIsAnnounced(t *testing.T) {
	for _, c := range []struct {
		body string
		want bool
	}{
		{"f := func() { fmt.Println(\"f\") }\n\tdefer f()", true},
		{"f := func() { fmt.Println(\"f\") }\n\tdefer func() { f() }()", true},
		{"var f = func(s string) { fmt.Println(s) }\n\tdefer run(f)", true},
		// run(f) is called at the defer, not among the deferred calls.
		{"f := func(s string) { fmt.Println(s) }\n\tdefer fmt.Println(run(f))", false},
		{"f := func() { fmt.Println(\"f\") }\n\tfunc() {\n\t\tdefer f()\n\t}()", false},
		{"defer func() {\n\t\tg := func() { fmt.Println(\"g\") }\n\t\tg()\n\t}()", false},
		{"f := func() { fmt.Println(\"f\") }\n\tf()\n\tdefer fmt.Println(\"end\")", false},
	} {
		src := "package main\n\nimport \"fmt\"\n\nfunc run(f func(string)) int { f(\"x\"); return 1 }\n\nfunc main() {\n\t" + c.body + "\n}\n"
		found := false
		for _, f := range Detect(src) {
			found = found || f.Construct == "deferred closure"
		}
		if found != c.want {
			t.Errorf("deferred closure found %v, want %v\n%s", found, c.want, src)
		}
	}
}
