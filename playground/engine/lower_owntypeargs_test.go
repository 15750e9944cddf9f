package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

var _ = addCases("ownTypeArgs",
	// A tree's generic functions calling themselves and each other with
	// their own T, and a generic type's methods calling them with the
	// receiver's: inferred, the interpreter refused insert's "<" on a
	// whole Node[int], and height never ended.
	rewriteCase{
		decls: `type Node[T any] struct {
	Val         T
	Left, Right *Node[T]
}

type Tree[T int | string] struct{ root *Node[T] }

func height[T any](n *Node[T]) int {
	if n == nil {
		return 0
	}
	l, r := height(n.Left), height(n.Right)
	if l > r {
		return l + 1
	}
	return r + 1
}

func insert[T int | string](n *Node[T], v T) *Node[T] {
	if n == nil {
		return &Node[T]{Val: v}
	}
	if v < n.Val {
		n.Left = insert(n.Left, v)
	} else {
		n.Right = insert(n.Right, v)
	}
	return n
}

func (t *Tree[T]) Add(v T)      { t.root = insert(t.root, v) }
func (t *Tree[T]) Height() int { return height(t.root) }`,
		body: `var t Tree[int]
for _, v := range []int{5, 3, 8, 1, 4, 9, 10} {
	t.Add(v)
}
var s Tree[string]
s.Add("b")
s.Add("a")
fmt.Println(t.Height(), s.Height(), height(&Node[float64]{Val: 1}))`,
		lowered: `var t Tree[int]
for _, v := range []int{5, 3, 8, 1, 4, 9, 10} {
	t.Add(v)
}
var s Tree[string]
s.Add("b")
s.Add("a")
fmt.Println(t.Height(), s.Height(), height[float64](&Node[float64]{Val: 1}))`,
		loweredDecls: `type Node[T any] struct {
	Val         T
	Left, Right *Node[T]
}

type Tree[T int | string] struct{ root *Node[T] }

func height[T any](n *Node[T]) int {
	if n == nil {
		return 0
	}
	l, r := height[T](n.Left), height[T](n.Right)
	if l > r {
		return l + 1
	}
	return r + 1
}

func insert[T int | string](n *Node[T], v T) *Node[T] {
	if n == nil {
		return &Node[T]{Val: v}
	}
	if v < n.Val {
		n.Left = insert[T](n.Left, v)
	} else {
		n.Right = insert[T](n.Right, v)
	}
	return n
}

func (t *Tree[T]) Add(v T)      { t.root = insert[T](t.root, v) }
func (t *Tree[T]) Height() int { return height[T](t.root) }`,
		out: "4 2 1\n",
	},
	// Two type parameters, one type argument written by the reader and
	// the other inferred, a mutual recursion, and what is left: a call
	// whose type argument is more than a type parameter (count's U is
	// the whole Pair[K, V]), which the interpreter infers right.
	rewriteCase{
		decls: `type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func down[K cmp.Ordered, V any](p Pair[K, V], n int) int {
	if n == 0 {
		return 0
	}
	return up[K](p, n-1)
}

func up[K cmp.Ordered, V any](p Pair[K, V], n int) int { return 1 + down(p, n) }

func count[U any](xs []U) int { return len(xs) }

func both[K cmp.Ordered, V any](p Pair[K, V], n int) int {
	return down(p, n) + count([]Pair[K, V]{p, p})
}`,
		body:    `fmt.Println(down(Pair[string, int]{"a", 1}, 3), both(Pair[int, float64]{1, 2.5}, 2))`,
		lowered: `fmt.Println(down[string, int](Pair[string, int]{"a", 1}, 3), both[int, float64](Pair[int, float64]{1, 2.5}, 2))`,
		loweredDecls: `type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func down[K cmp.Ordered, V any](p Pair[K, V], n int) int {
	if n == 0 {
		return 0
	}
	return up[K, V](p, n-1)
}

func up[K cmp.Ordered, V any](p Pair[K, V], n int) int { return 1 + down[K, V](p, n) }

func count[U any](xs []U) int { return len(xs) }

func both[K cmp.Ordered, V any](p Pair[K, V], n int) int {
	return down[K, V](p, n) + count([]Pair[K, V]{p, p})
}`,
		out: "3 4\n",
	},
	// error and any reach T (through another generic type's method and
	// a generic function passing its own), which the written call runs
	// right with.
	rewriteCase{
		decls: `type Box[T any] struct {
	V    T
	Next *Box[T]
}

type List[T any] struct{ head *Box[T] }

func count[T any](b *Box[T]) int {
	if b == nil {
		return 0
	}
	return 1 + count(b.Next)
}

func (l List[T]) Len() int { return count(l.head) }

func pair[T any](v T) int { return count(&Box[T]{v, &Box[T]{v, nil}}) }`,
		body: `e := List[error]{&Box[error]{errors.New("x"), &Box[error]{}}}
fmt.Println(e.Len(), pair[any](1), pair(errors.New("y")))`,
		lowered: `e := List[error]{&Box[error]{errors.New("x"), &Box[error]{}}}
fmt.Println(e.Len(), pair[any](1), pair[error](errors.New("y")))`,
		loweredDecls: `type Box[T any] struct {
	V    T
	Next *Box[T]
}

type List[T any] struct{ head *Box[T] }

func count[T any](b *Box[T]) int {
	if b == nil {
		return 0
	}
	return 1 + count[T](b.Next)
}

func (l List[T]) Len() int { return count[T](l.head) }

func pair[T any](v T) int { return count[T](&Box[T]{v, &Box[T]{v, nil}}) }`,
		out: "2 2 2\n",
	},
	// The other predeclared types reaching T (bool, rune, uint8,
	// complex128, uintptr), each through a generic function of its own.
	rewriteCase{
		decls: `type Box[T any] struct {
	V    T
	Next *Box[T]
}

func depth[T any](b *Box[T]) int {
	if b == nil {
		return 0
	}
	return 1 + depth(b.Next)
}

func chain[T any](v T, n int) int {
	var b *Box[T]
	for range n {
		b = &Box[T]{v, b}
	}
	return depth(b)
}`,
		body:    `fmt.Println(chain(true, 2), chain('x', 3), chain(uint8(7), 1), chain(complex(1, 2), 4), chain(uintptr(9), 5))`,
		lowered: `fmt.Println(chain[bool](true, 2), chain[rune]('x', 3), chain[uint8](uint8(7), 1), chain[complex128](complex(1, 2), 4), chain[uintptr](uintptr(9), 5))`,
		loweredDecls: `type Box[T any] struct {
	V    T
	Next *Box[T]
}

func depth[T any](b *Box[T]) int {
	if b == nil {
		return 0
	}
	return 1 + depth[T](b.Next)
}

func chain[T any](v T, n int) int {
	var b *Box[T]
	{ _lowerN1 := n; for _lowerI2 := _lowerN1 - _lowerN1; _lowerI2 < _lowerN1; _lowerI2++ {
		b = &Box[T]{v, b}
	} }
	return depth[T](b)
}`,
		out: "2 3 1 4 5\n",
	},
)

// A type argument other than a predeclared type reaching the enclosing
// type parameter, directly or through another generic declaration's,
// hands the call over: written out it breaks the interpreter's
// instance, and left it is refused or never ends. Predeclared ones
// only, through the same paths, are written out, but in a method of
// Box given a Box (D's call), always handed over. A call whose
// parameter holds no instance (note's extra) is neither.
func TestOwnTypeArgsHandOver(t *testing.T) {
	const decls = `type Box[T any] struct{ V T }

type P struct{ X int }

func depth[T any](b Box[T], n int) int {
	if n == 0 {
		return 0
	}
	return 1 + depth(b, n-1)
}

func note[U any](u U, extra any) U { return u }

func wrap[T any](v T) int { return depth(Box[T]{note(v, Box[T]{v})}, 2) }

type Alias[T any] = Box[T]

func (b Box[T]) D() int { return depth(b, 1) }
`
	const (
		own  = "depth(b, n-1)"
		wrap = "depth(Box[T]{note"
		meth = "depth(b, 1)"
	)
	for _, c := range []struct {
		name, body string
		handed     []string // the calls handed over; the others of own, wrap and meth written
	}{
		{"predeclared", `fmt.Println(depth(Box[int]{1}, 3), wrap("s"), Box[error]{}.D())`, []string{meth}},
		{"program's type", `fmt.Println(depth(Box[P]{}, 3))`, []string{own, meth}},
		{"through a function", `fmt.Println(wrap(P{}))`, []string{own, wrap, meth}},
		{"a slice type, through an alias", `fmt.Println(depth(Alias[[]int]{}, 3))`, []string{own, meth}},
		{"through a method's receiver", `fmt.Println(Box[*int]{}.D())`, []string{own, meth}},
		{"local type", "type L int\nfmt.Println(wrap(L(1)))", []string{own, wrap, meth}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "package main\n\nimport \"fmt\"\n\n" + decls + "\nfunc main() {\n" + c.body + "\n}\n"
			var want []string
			for _, call := range c.handed {
				want = append(want, positionOf(t, src, call))
			}
			if got := findingsAt(t, src, ownTypeArgsConstruct); got != strings.Join(want, " ") {
				t.Errorf("handed over at %q, want %q", got, strings.Join(want, " "))
			}
			p, err := Prepare(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, call := range []string{own, wrap, meth} {
				written := strings.Replace(call, "depth(", "depth[T](", 1)
				if want := !slices.Contains(c.handed, call); strings.Contains(p.Code, written) != want {
					t.Errorf("%s written out %v, want %v; lowered to\n%s", call, !want, want, p.Code)
				}
			}
			if !strings.Contains(p.Code, "note(v, Box[T]{v})") {
				t.Errorf("note's call changed:\n%s", p.Code)
			}
		})
	}
}

// positionOf is the line:column of text's first byte in src.
func positionOf(t *testing.T, src, text string) string {
	t.Helper()
	i := strings.Index(src, text)
	if i < 0 {
		t.Fatalf("%q not in the program", text)
	}
	line := strings.Count(src[:i], "\n") + 1
	return fmt.Sprintf("%d:%d", line, i-strings.LastIndex(src[:i], "\n"))
}

// Handed over too: a type argument that reaches the type parameter only
// at the end of a chain of generic functions (the fixed point), a
// receiver's type parameter without a name (Tree[_], which cannot be
// written), and an argument that is a call's two results.
func TestOwnTypeArgsHandOverPaths(t *testing.T) {
	const head = "package main\n\nimport \"fmt\"\n\ntype Node[T any] struct{ Next *Node[T] }\n\nfunc size[T any](n *Node[T]) int {\n\tif n == nil {\n\t\treturn 0\n\t}\n\treturn 1 + size(n.Next)\n}\n\n"
	for _, c := range []struct {
		name, rest string
		handed     []string // calls handed over
	}{
		{"chain", `func a[T any](v T) int { return size(&Node[T]{}) }

func b[T any](v T) int { return a(v) }

func c[T any](v T) int { return b(v) }

func d[T any](v T) int { return c(v) }

type P struct{}

func main() { fmt.Println(d(P{}), d(1)) }
`, []string{"size(n.Next)", "size(&Node[T]{})"}},
		{"chain of predeclared types", `func a[T any](v T) int { return size(&Node[T]{}) }

func b[T any](v T) int { return a(v) }

func c[T any](v T) int { return b(v) }

func main() { fmt.Println(c(1), c("s")) }
`, nil},
		{"unnamed receiver type parameter", `func (n *Node[_]) Size() int { return size(n) }

func main() { fmt.Println((&Node[int]{}).Size()) }
`, []string{"size(n) }"}},
		{"two results", `func two[T any](n *Node[T]) (*Node[T], int) { return n, 1 }

func both[T any](n *Node[T], k int) int { return k }

func outer[T any](n *Node[T]) int { return both(two(n)) }

func main() { fmt.Println(outer(&Node[int]{})) }
`, []string{"both(two(n))"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := head + c.rest
			var want []string
			for _, call := range c.handed {
				want = append(want, positionOf(t, src, call))
			}
			if got := findingsAt(t, src, ownTypeArgsConstruct); got != strings.Join(want, " ") {
				t.Errorf("handed over at %q, want %q", got, strings.Join(want, " "))
			}
		})
	}
}
