package engine

import (
	"strings"
	"testing"
)

var _ = addCases("ownIfaces",
	// A composite literal in an any, a value whose methods only its
	// pointer has, a pointer that came through an error, a wider
	// interface from a narrower, nil.
	rewriteCase{
		decls: `type Shape interface{ Area() int }

type Closer interface{ Close() string }

type ShapeCloser interface {
	Shape
	Closer
}

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

type Ctr struct{ n int }

func (c *Ctr) Area() int { return c.n }
func (c *Ctr) Close() string { return "closed" }
func (c *Ctr) Error() string { return "ctr" }

func fail() error { return &Ctr{7} }`,
		body: `var a any = Sq{3}
sh, ok := a.(Shape)
fmt.Println(sh.Area(), ok)
for _, v := range []any{Sq{2}, Ctr{}, &Ctr{5}, nil, 4} {
	s, ok := v.(Shape)
	fmt.Println(ok, s != nil)
}
var e any = fail()
s, ok := e.(Shape)
fmt.Println(s.Area(), ok)
var c Closer = &Ctr{1}
sc, ok := c.(ShapeCloser)
fmt.Println(sc.Area(), sc.Close(), ok)`,
		lowered: `var a any = Sq{3}
sh, ok := func(_lowerX any) (Shape, bool) { _lowerX = _lowerRT.Held(_lowerX, true, "Area"); if _lowerV, ok := _lowerX.(Sq); ok { return _lowerV, true }; if _lowerV, ok := _lowerX.(*Sq); ok { return _lowerV, true }; if _lowerV, ok := _lowerX.(*Ctr); ok { return _lowerV, true }; return nil, false }(a)
fmt.Println(sh.Area(), ok)
for _, v := range []any{Sq{2}, Ctr{}, &Ctr{5}, nil, 4} {
	s, ok := func(_lowerX any) (Shape, bool) { _lowerX = _lowerRT.Held(_lowerX, true, "Area"); if _lowerV, ok := _lowerX.(Sq); ok { return _lowerV, true }; if _lowerV, ok := _lowerX.(*Sq); ok { return _lowerV, true }; if _lowerV, ok := _lowerX.(*Ctr); ok { return _lowerV, true }; return nil, false }(v)
	fmt.Println(ok, s != nil)
}
var e any = fail()
s, ok := func(_lowerX any) (Shape, bool) { _lowerX = _lowerRT.Held(_lowerX, true, "Area"); if _lowerV, ok := _lowerX.(Sq); ok { return _lowerV, true }; if _lowerV, ok := _lowerX.(*Sq); ok { return _lowerV, true }; if _lowerV, ok := _lowerX.(*Ctr); ok { return _lowerV, true }; return nil, false }(e)
fmt.Println(s.Area(), ok)
var c Closer = &Ctr{1}
sc, ok := func(_lowerX any) (ShapeCloser, bool) { _lowerX = _lowerRT.Held(_lowerX, false, "Area Close"); if _lowerV, ok := _lowerX.(*Ctr); ok { return _lowerV, true }; return nil, false }(c)
fmt.Println(sc.Area(), sc.Close(), ok)`,
		out: "9 true\ntrue true\nfalse false\ntrue true\nfalse false\nfalse false\n7 true\n1 closed true\n",
	},
)

// yaegi's assertion to a type of the program matches any value of its
// structure: 3.5 matched type Celsius float64, struct{ s int }{1} type
// Sq struct{ s int } (measured under the rewrite: true true where go run
// prints false false). An implementer that is not a struct, or whose
// structure a struct written out in the program or a generic type's
// instance has, leaves the assertion as it is, announced.
func TestOwnIfacesStructureLeft(t *testing.T) {
	for _, c := range []struct{ decls, value string }{
		{"type Celsius float64\n\nfunc (c Celsius) String() string { return \"c\" }", "3.5"},
		{"type Sq struct{ s int }\n\nfunc (q Sq) String() string { return \"sq\" }", "struct{ s int }{1}"},
		{"type Sq struct{ s int }\n\nfunc (q *Sq) String() string { return \"sq\" }\n\ntype Box[T any] struct{ s T }", "&Box[int]{1}"},
	} {
		src := "package main\n\nimport \"fmt\"\n\ntype I interface{ String() string }\n\n" + c.decls + "\n\nfunc get() any { return " + c.value + " }\n\nfunc main() {\n\t_, ok := get().(I)\n\tfmt.Println(ok)\n}\n"
		if got := findingsAt(t, src, "assertion to own interface"); !strings.HasSuffix(got, ":18") {
			t.Errorf("%s: announced at %q, want the assertion left and announced", c.value, got)
		}
	}
}
