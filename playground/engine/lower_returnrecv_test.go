package engine

import (
	"strings"
	"testing"
)

var _ = addCases("returnRecv",
	// Return of a receive.
	rewriteCase{
		body: `ch := make(chan int, 1)
ch <- 4
f := func() int { return <-ch }
fmt.Println(f())`,
		lowered: `ch := make(chan int, 1)
ch <- 4
f := func() int { { _lowerR1 := <-ch; return _lowerR1 } }
fmt.Println(f())`,
		out: "4\n",
	},
	// A field's function among several results, directly or through a
	// pointer, at any place: the calls go first into variables, as gc
	// makes them before it reads the other results (calls, counted by
	// check, is read after it), which stay where they are (nil and
	// untyped constants keep the result's type, complex(1, 2) too; a
	// conversion, float64(calls), is read after the call, as gc reads it).
	rewriteCase{
		decls: `type rule struct {
	name  string
	check func(string) bool
	fail  func() error
}

var calls int

func run(r rule, s string) (int, bool) { return calls, r.check(s) }

func find(r *rule) (*rule, error) { return nil, r.fail() }

func weigh(r rule) (float64, bool) { return 1, r.check("") }

func at(r rule) (complex64, bool) { return complex(1, 2), r.check("") }

func share(r rule) (float64, bool) { return float64(calls), r.check("x") }`,
		body: `r := rule{"nonempty", func(s string) bool { calls++; return s != "" }, func() error { return nil }}
fmt.Println(run(r, "x"))
fmt.Println(run(r, ""))
p, err := find(&r)
fmt.Println(p == nil, err)
fmt.Println(weigh(r))
fmt.Println(at(r))
fmt.Println(share(r))`,
		loweredDecls: `type rule struct {
	name  string
	check func(string) bool
	fail  func() error
}

var calls int

func run(r rule, s string) (int, bool) { { _lowerR1 := r.check(s); return calls, _lowerR1 } }

func find(r *rule) (*rule, error) { { _lowerR2 := r.fail(); return nil, _lowerR2 } }

func weigh(r rule) (float64, bool) { { _lowerR3 := r.check(""); return 1, _lowerR3 } }

func at(r rule) (complex64, bool) { { _lowerR4 := r.check(""); return complex(1, 2), _lowerR4 } }

func share(r rule) (float64, bool) { { _lowerR5 := r.check("x"); return float64(calls), _lowerR5 } }`,
		lowered: `r := rule{"nonempty", func(s string) bool { calls++; return s != "" }, func() error { return nil }}
fmt.Println(run(r, "x"))
fmt.Println(run(r, ""))
p, err := find(&r)
fmt.Println(p == nil, err)
fmt.Println(weigh(r))
fmt.Println(at(r))
fmt.Println(share(r))`,
		out: "1 true\n2 false\ntrue <nil>\n1 false\n(1+2i) false\n5 true\n",
	},
	// A built-in's value after the first result, which the interpreter
	// stored into the first (a stack's Pop printed 2 true 1 as 1 true 0,
	// return s, len(s) panicked): into variables, in turn with the calls,
	// as gc makes them (grow, called between the two lens, counts in the
	// second only). A conversion stays, and a built-in's constant there,
	// which the interpreter works out and stores so too, is written as its
	// value.
	rewriteCase{
		decls: `type stack struct{ items []int }

func (s *stack) pop() (int, bool, int) {
	if len(s.items) == 0 {
		return 0, false, len(s.items)
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true, len(s.items)
}

var s = []int{1}

func grow() int { s = append(s, 2, 3); return 0 }

func measure(str string) (string, int, int) { return str, len(str), cap(s) }

func turns() (int, int, int) { return len(s), grow(), len(s) }

func others(a []int) ([]int, *int, int64, int) {
	return append(a, 9), new(int), int64(len(a)), len("ab")
}`,
		body: `st := &stack{items: []int{1, 2}}
fmt.Println(st.pop())
fmt.Println(st.pop())
fmt.Println(st.pop())
fmt.Println(measure("abc"))
fmt.Println(turns())
a, p, n, k := others([]int{7})
fmt.Println(a, *p, n, k)`,
		loweredDecls: `type stack struct{ items []int }

func (s *stack) pop() (int, bool, int) {
	if len(s.items) == 0 {
		{ _lowerR1 := len(s.items); return 0, false, _lowerR1 }
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	{ _lowerR2 := len(s.items); return v, true, _lowerR2 }
}

var s = []int{1}

func grow() int { s = append(s, 2, 3); return 0 }

func measure(str string) (string, int, int) { { _lowerR3 := len(str); _lowerR4 := cap(s); return str, _lowerR3, _lowerR4 } }

func turns() (int, int, int) { { _lowerR5 := len(s); _lowerR6 := grow(); _lowerR7 := len(s); return _lowerR5, _lowerR6, _lowerR7 } }

func others(a []int) ([]int, *int, int64, int) {
	{ _lowerR8 := append(a, 9); _lowerR9 := new(int); return _lowerR8, _lowerR9, int64(len(a)), int(2) }
}`,
		lowered: `st := &stack{items: []int{1, 2}}
fmt.Println(st.pop())
fmt.Println(st.pop())
fmt.Println(st.pop())
fmt.Println(measure("abc"))
fmt.Println(turns())
a, p, n, k := others([]int{7})
fmt.Println(a, *p, n, k)`,
		out: "2 true 1\n1 true 0\n0 false 0\nabc 3 1\n1 0 3\n[7 9] 0 1 2\n",
	},
)

// A return among whose results one holds a call inside it, which gc makes
// before it reads the rest, is handed over (go run: 12 true).
func TestReturnWithInnerCallIsHandedOver(t *testing.T) {
	p, err := Prepare("package main\n\nimport \"fmt\"\n\ntype rule struct{ check func() bool }\n\nvar n = 1\n\nfunc g() int { return 1 }\n\nfunc run(r rule) (int, bool) { return g() + n, r.check() }\n\nfunc main() {\n\tfmt.Println(run(rule{func() bool { n = 10; return true }}))\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	if why := p.HandOver(); !strings.Contains(why, "11:32: a call, a built-in or a receive among several results") {
		t.Errorf("HandOver %q; want the return at 11:32 handed over", why)
	}
}

// Returns the rewrite cannot write as gc orders them are handed over: a
// part of a value gc makes in turn with the calls (s.items[:], read
// before reset empties it: go run prints [1 2] 2 2), a built-in inside a
// result beside a call, a return on several lines, which gofmt keeps
// (the interpreter printed 2 true 2 for 2 true 1), and a built-in's
// floating-point constant.
func TestReturnsHandedOver(t *testing.T) {
	for _, c := range []struct{ decls, at string }{
		{"type stack struct{ items []int }\n\nfunc (s *stack) reset() int { n := len(s.items); s.items = nil; return n }\n\nfunc f(s *stack) ([]int, int, int) { return s.items[:], len(s.items), s.reset() }\n", "11:38"},
		{"var s []int\n\nfunc grow() int { s = append(s, 1); return 0 }\n\nfunc f(n int) (int, int, int) { return n + len(s), len(s), grow() }\n", "11:33"},
		{"func f(s []int) (int, bool, int) {\n\treturn s[0],\n\t\ttrue,\n\t\tlen(s)\n}\n", "8:2"},
		// A floating-point or complex built-in's constant after the
		// first result (real(3 + 4i) failed to compile there).
		{"func f(s string) (string, float64) { return s, real(3 + 4i) }\n", "7:38"},
	} {
		src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n\n" + c.decls
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		if why := p.HandOver(); !strings.Contains(why, c.at+": a call, a built-in or a receive among several results") {
			t.Errorf("HandOver %q; want the return at %s handed over\n%s", why, c.at, src)
		}
	}
}
