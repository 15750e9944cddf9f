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
	if got, want := findingsAt(src, "assertion to own type"), "36:7 38:14 39:13 40:13 42:14 43:14"; got != want {
		t.Errorf("announced at %q, want %q", got, want)
	}
}

// A nil pointer of the program's type put in an error is a nil error in
// the interpreter (the silent nil_pointer_in_error.go); what cannot be
// nil (&E{}, new(E)), and an interface the program declares, are left.
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
}
`
	if got, want := findingsAt(src, "nil in a library interface"), "13:18 21:9"; got != want {
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
	if got := findingsAt(src, "pointer receiver"); got != "" {
		t.Errorf("announced at %q", got)
	}
}
