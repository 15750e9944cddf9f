package engine

import "testing"

// ownTypeAssertions announces what yaegi v0.16.1 gets wrong (the silent
// programs typeswitch_library_interface.go and assert_same_fields.go
// show it, and an any holding an error's value) and leaves what it gets
// right: a case on an interface the program declares, an assertion to a
// pointer from error, to a type without methods from any, unless a value
// of another type has its structure (Level and int: the interpreter makes
// them one).
func TestOwnTypeAssertions(t *testing.T) {
	src := `package main

import "fmt"

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q Sq) Area() int { return q.s }

type PE struct{ n string }

func (e *PE) Error() string { return e.n }

type P struct{ X, Y int }

type A struct{ k string }

type B struct{ k string }

func main() {
	var sh Shape = Sq{2}
	switch v := sh.(type) {
	case Sq:
		fmt.Println(v.s)
	}
	var err error = &PE{"x"}
	if p, ok := err.(*PE); ok {
		fmt.Println(p.n)
	}
	var a any = P{1, 2}
	if p, ok := a.(P); ok {
		fmt.Println(p.X)
	}
	switch err.(type) {
	case *PE:
	}
	_, ok := a.(Sq)
	_, ok = a.(B)
	_, ok = a.(*PE)
	var lv any = Level(3)
	_, ok = lv.(int)
	_, ok = lv.(Level)
	fmt.Println(ok)
}

type Level int
`
	if got, want := findingsAt(t, src, "assertion to own type"), "36:7 38:14 39:13 40:13 42:14 43:14"; got != want {
		t.Errorf("announced at %q, want %q", got, want)
	}
}

// A nil pointer of the program's type put in an error is a nil error in
// the interpreter (the silent nil_pointer_in_error.go); what cannot be
// nil (&E{}, new(E), a variable that holds one and is never changed, a
// conversion of one), and an interface the program declares, are left.
func TestNilInALibraryInterface(t *testing.T) {
	src := `package main

import "fmt"

type E struct{}

func (*E) Error() string { return "e" }

type I interface{ Error() string }

func main() {
	var p *E
	var err error = p
	var s fmt.Stringer
	_ = s
	err = &E{}
	err = new(E)
	var i I = p
	fmt.Println(err == nil, i == nil)
	for _, q := range []*E{nil} {
		err = q
	}
	lit := &E{}
	err = lit
	nilp := (*E)(nil)
	err = nilp
	err = (*E)(lit)
	var nilv *E = nil
	err = nilv
	moved := &E{}
	moved = nil
	err = moved
}
`
	if got, want := findingsAt(t, src, "nil in a library interface"), "13:18 21:9 26:8 29:8 32:8"; got != want {
		t.Errorf("announced at %q, want %q", got, want)
	}
}

// A T value of a type whose method only *T has is announced from the
// syntax alone (pointerMethods), for the compiler's rejection the
// interpreter would not make; go/types makes that rejection itself, so a
// program it accepts is not announced for it.
func TestPointerMethodsWithTypes(t *testing.T) {
	src := `package main

import "fmt"

type Engine struct{ on bool }

func (e *Engine) Start() { e.on = true }

type starter interface{ Start() }

func main() {
	e := Engine{}
	e.Start()
	var s starter = &e
	s.Start()
	fmt.Println(e.on)
}
`
	if got := findingsAt(t, src, "pointer receiver"); got != "" {
		t.Errorf("announced at %q", got)
	}
}

// An assertion or a case to a type parameter is announced where the
// program has types the interpreter makes one (Level and int; two
// structs of one structure, a type argument of the structure of a
// type without methods): as[Level](3) held. Without such twins, it is
// left.
func TestOwnTypeAssertionsToTypeParameters(t *testing.T) {
	const generic = `package main

import "fmt"

func as[T any](v any) (T, bool) {
	t, ok := v.(T)
	return t, ok
}

func kind[T any](v any) string {
	switch v.(type) {
	case []T:
		return "[]T"
	}
	return "other"
}

func main() {
	_, ok := as[int](3)
	fmt.Println(ok, kind[string](1))
`
	for _, c := range []struct{ name, rest, want string }{
		{"no twins", "}\n\ntype Level int\n\nfunc (Level) String() string { return \"l\" }\n", ""},
		{"a plain type and its structure", "\tfmt.Println(Level(3))\n}\n\ntype Level int\n", "6:14 12:7"},
		{"two structs of one structure", "}\n\ntype P struct{ X int }\n\ntype Q struct{ X int }\n", "6:14 12:7"},
	} {
		if got := findingsAt(t, generic+c.rest, "assertion to own type"); got != c.want {
			t.Errorf("%s: announced at %q, want %q", c.name, got, c.want)
		}
	}
	// The structure as a type argument alone: as[int](Level(3)) held,
	// though no value of the program is an int.
	const typeArg = "package main\n\nimport \"fmt\"\n\ntype Level int\n\nfunc as[T any](v any) bool {\n\t_, ok := v.(T)\n\treturn ok\n}\n\nfunc main() {\n\tfmt.Println(as[int](Level(3)))\n}\n"
	if got, want := findingsAt(t, typeArg, "assertion to own type"), "8:14"; got != want {
		t.Errorf("a type argument: announced at %q, want %q", got, want)
	}
}
